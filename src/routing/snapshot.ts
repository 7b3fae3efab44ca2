import { type Endpoint, type CatalogView, catalogView, simulationEnabled, providerKey } from '../catalog';
import type { Env } from '../env';
import type { EvalThresholds } from './eligibility';
import type { EndpointHealth, LatencyStat, EvalCell, FeedbackEvidence } from '../hub';
import type { PerPromptModel } from './per-prompt/model';
import { shippedPerPromptModel } from './per-prompt/shipped';
import type { OutputTokenTable } from './output-tokens';

/**
 * Everything the pipeline reads, held in isolate memory so routing never waits on I/O.
 * Signals that have not landed yet (breakers, evals, feedback, live latency) are neutral: empty maps.
 */

export interface RoutingSnapshot {
  builtAt: number;
  /** Endpoints that can be called here: a provider key is configured, or the simulation is on. */
  endpoints: { endpoint: Endpoint; simulated: boolean }[];
  health: Map<string, EndpointHealth>;
  /** Key: `${endpointId}|${region}` or `${endpointId}|*`. */
  latency: Map<string, LatencyStat>;
  /** Completion tokens per task class and endpoint, learned from answers (output-tokens.ts); absent: priors only. */
  outputTokens?: OutputTokenTable;
  /** Key: `${endpointId}|${taskClass}`. */
  evals: Map<string, EvalCell>;
  /** Per-task-class eligibility thresholds (EVAL_THRESHOLDS), set by the eval signal; defaults when absent. */
  evalThresholds?: EvalThresholds;
  /** Satisfaction in [0,1] per `${endpointId}|${taskClass}` (feedback posterior mean). */
  satisfaction: Map<string, number>;
  /** Decayed thumbs up/down counts behind `satisfaction` (src/feedback), same keys. */
  satisfactionEvidence?: Map<string, FeedbackEvidence>;
  /** A key's own decayed counts per `${keyId}|${endpointId}|${taskClass}`. */
  keySatisfaction?: Map<string, FeedbackEvidence>;
  /** The deployment's catalog (trust overrides, self-hosted endpoints) the endpoints came from. */
  catalog?: CatalogView;
  /** Per-prompt quality model (src/routing/per-prompt) stage 12 blends in; absent: quality per class and band only. */
  perPrompt?: PerPromptModel;
}

export function buildSnapshot(env: Env, now = Date.now()): RoutingSnapshot {
  const simulate = simulationEnabled(env);
  const catalog = catalogView(env);
  const endpoints: RoutingSnapshot['endpoints'] = [];
  for (const endpoint of catalog.endpoints) {
    if (providerKey(env, endpoint) !== undefined) endpoints.push({ endpoint, simulated: false });
    else if (simulate) endpoints.push({ endpoint, simulated: true });
  }
  return {
    builtAt: now,
    endpoints,
    health: new Map(),
    latency: new Map(),
    outputTokens: new Map(),
    evals: new Map(),
    satisfaction: new Map(),
    catalog,
    perPrompt: shippedPerPromptModel(),
  };
}

let current: { snapshot: RoutingSnapshot; envKey: string } | null = null;

/**
 * What the available endpoints depend on: the simulation switch and which provider keys are set. Worked
 * out once per env object: listing a Workers env's keys costs ~25 µs (its bindings are host objects), and
 * routingSnapshot is read several times per request. An isolate's env does not change while it lives
 * (new secrets or vars mean a new deployment, hence new isolates); a different env object is keyed afresh.
 */
const envKeys = new WeakMap<Env, string>();

function envKeyOf(env: Env): string {
  let key = envKeys.get(env);
  if (key === undefined) {
    key = `${env.CAILOS_SIMULATE}|${Object.keys(env)
      .filter((k) => k.endsWith('_API_KEY'))
      .sort()
      .join(',')}`;
    envKeys.set(env, key);
  }
  return key;
}

/** The isolate's snapshot; rebuilt only when the configured providers change. */
export function routingSnapshot(env: Env): RoutingSnapshot {
  const envKey = envKeyOf(env);
  // The catalog view is compared by identity: the same configuration text gives the same view.
  if (!current || current.envKey !== envKey || current.snapshot.catalog !== catalogView(env))
    current = { snapshot: buildSnapshot(env), envKey };
  return current.snapshot;
}
