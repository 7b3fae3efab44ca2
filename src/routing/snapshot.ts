import type { Endpoint } from '../catalog/types';
import { type CatalogView, catalogView, upstreamAccess } from '../catalog/view';
import type { Env } from '../env';
import type { EvalThresholds } from '../evals/eligibility';

/**
 * Everything the pipeline reads, held in isolate memory so routing never waits on I/O.
 * Signals that have not landed yet (breakers, evals, feedback, live latency) are neutral: empty maps.
 */

export interface EndpointHealth {
  state: 'closed' | 'open' | 'half_open';
  /** Recent error rate in [0,1] (EWMA). */
  errorRate: number;
  openUntil?: number;
}

export interface LatencyStat {
  ttftMs: number;
  tokensPerSec: number;
  /** Successful responses folded into ttftMs / tokensPerSec. */
  samples: number;
  /** EWMA of upstream failures over all outcomes, in [0,1] (src/routing/live-stats.ts). */
  errorRate?: number;
  /** Outcomes (successes and failures) folded into errorRate. */
  outcomes?: number;
  /** When the last outcome was folded into errorRate (ms since epoch); its excess over the prior decays from then. */
  errorAt?: number;
}

export interface EvalCell {
  passRate: number;
  ciLow: number;
  samples: number;
}

export interface RoutingSnapshot {
  builtAt: number;
  /** Endpoints that can be called here: a provider key is configured, or the simulation is on. */
  endpoints: { endpoint: Endpoint; simulated: boolean }[];
  health: Map<string, EndpointHealth>;
  /** Key: `${endpointId}|${region}` or `${endpointId}|*`. */
  latency: Map<string, LatencyStat>;
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
}

export interface FeedbackEvidence {
  up: number;
  down: number;
}

export function simulationEnabled(env: Env): boolean {
  return env.CAILOS_SIMULATE === 'true';
}

/** The endpoint's API key; '' for a self-hosted endpoint that needs none; undefined when not configured. */
export function providerKey(env: Env, endpoint: Endpoint): string | undefined {
  return upstreamAccess(env, endpoint)?.apiKey;
}

export function buildSnapshot(env: Env, now = Date.now()): RoutingSnapshot {
  const simulate = simulationEnabled(env);
  const catalog = catalogView(env);
  const endpoints: RoutingSnapshot['endpoints'] = [];
  for (const endpoint of catalog.endpoints) {
    if (providerKey(env, endpoint) !== undefined) endpoints.push({ endpoint, simulated: false });
    else if (simulate) endpoints.push({ endpoint, simulated: true });
  }
  return { builtAt: now, endpoints, health: new Map(), latency: new Map(), evals: new Map(), satisfaction: new Map(), catalog };
}

let current: { snapshot: RoutingSnapshot; envKey: string } | null = null;

/** The isolate's snapshot; rebuilt only when the configured providers change. */
export function routingSnapshot(env: Env): RoutingSnapshot {
  const envKey = `${env.CAILOS_SIMULATE}|${Object.keys(env).filter((k) => k.endsWith('_API_KEY')).sort().join(',')}`;
  // The catalog view is compared by identity: the same configuration text gives the same view.
  if (!current || current.envKey !== envKey || current.snapshot.catalog !== catalogView(env)) current = { snapshot: buildSnapshot(env), envKey };
  return current.snapshot;
}
