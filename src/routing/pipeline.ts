import { ApiError } from '../hub';
import { parseSpecStage } from './stages/01-parse-spec';
import { requirementsStage } from './stages/02-requirements';
import { classifyStage } from './stages/03-classify';
import { candidatesStage } from './stages/04-candidates';
import { accessStage } from './stages/04a-access';
import { residencyStage } from './stages/04b-residency';
import { capabilityStage } from './stages/05-capabilities';
import { contextWindowStage } from './stages/06-context-window';
import { trustStage } from './stages/07-trust';
import { policyStage } from './stages/08-policy';
import { healthStage } from './stages/09-health';
import { evalGateStage } from './stages/10-eval-gate';
import { byModelGroup } from './model-fallbacks';
import { budgetStage } from './stages/11-budget';
import { qualityStage } from './stages/12-quality';
import { latencyStage } from './stages/13-latency';
import { costStage } from './stages/14-cost';
import { rankStage } from './stages/15-rank';
import { cacheAffinityStage } from './stages/16-cache-affinity';
import { adoptWorkingContext, withWorkingContext } from './filter';
import type { Dropped, RoutingContext, Stage } from './types';

/** The ranking pipeline, in order. Each stage is pure: context in, context out, trace appended. */
export const STAGES: readonly { name: string; run: Stage }[] = [
  { name: 'parse_spec', run: parseSpecStage },
  { name: 'requirements', run: requirementsStage },
  { name: 'classify', run: classifyStage },
  { name: 'candidates', run: candidatesStage },
  // Key model rules and strict residency: they throw their own 403 / 422 when nothing qualifies.
  { name: 'access', run: accessStage },
  { name: 'residency', run: residencyStage },
  { name: 'capabilities', run: capabilityStage },
  { name: 'context_window', run: contextWindowStage },
  { name: 'trust', run: trustStage },
  { name: 'policy', run: policyStage },
  { name: 'health', run: healthStage },
  // With `models`, each model is gated on its own evals.
  { name: 'eval_gate', run: byModelGroup(evalGateStage) },
  { name: 'budget', run: budgetStage },
  { name: 'quality', run: qualityStage },
  { name: 'latency', run: latencyStage },
  { name: 'cost', run: costStage },
  { name: 'rank', run: rankStage },
  // A preference over the ranked chain: only endpoints every filter kept (stages/16-cache-affinity.ts).
  { name: 'cache_affinity', run: cacheAffinityStage },
];

/**
 * Runs every stage; throws an OpenAI-shaped error naming the stage that left no endpoint. The input is
 * copied once (its arrays too, so the caller's are never touched); stages then update that one context
 * in place (filter.ts).
 */
export function runPipeline(initial: RoutingContext): RoutingContext {
  let ctx = workingCopy(initial);
  return withWorkingContext(ctx, () => {
    let gathered = false;
    for (const stage of STAGES) {
      const next = stage.run(ctx);
      if (next !== ctx) adoptWorkingContext((ctx = next));
      gathered ||= stage.name === 'candidates';
      if (gathered && ctx.candidates.length === 0) throw noEndpoint(ctx, stage.name);
    }
    return ctx;
  });
}

/**
 * The pipeline's own context: every field from the start, so the stages set fields of a fixed shape
 * (adding keys to a context one stage at a time, or spreading it, is V8's slow path). Fields in the order
 * the stages used to add them, so a decision lists its fields as it always did.
 */
function workingCopy(c: RoutingContext): RoutingContext {
  // Every key spelled out (the type makes a field added to RoutingContext a compile error here, not a silent drop).
  const copy: { [K in keyof Required<RoutingContext>]: RoutingContext[K] } = {
    now: c.now,
    request: c.request,
    hints: c.hints,
    key: c.key,
    snapshot: c.snapshot,
    region: c.region,
    classification: c.classification,
    remainingBudgetUsd: c.remainingBudgetUsd,
    objectiveParams: c.objectiveParams,
    candidates: c.candidates,
    dropped: [...c.dropped],
    chain: c.chain,
    trace: [...c.trace],
    spec: c.spec,
    prefs: c.prefs,
    requirements: c.requirements,
    strategy: c.strategy,
    strategySource: c.strategySource,
    cacheAffinity: c.cacheAffinity,
  };
  return copy;
}

function summarize(dropped: Dropped[], stage: string): string {
  const reasons = new Map<string, number>();
  for (const d of dropped) if (d.stage === stage) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
  return [...reasons.entries()]
    .slice(0, 3)
    .map(([r, n]) => `${r}${n > 1 ? ` (${n} endpoints)` : ''}`)
    .join('; ');
}

function noEndpoint(ctx: RoutingContext, stage: string): ApiError {
  const target =
    ctx.spec?.kind === 'codename'
      ? `model '${ctx.spec.codename}'`
      : ctx.spec?.kind === 'endpoint'
        ? `endpoint '${ctx.spec.endpointId}'`
        : 'any model';
  if (stage === 'candidates') {
    return new ApiError(503, {
      message: `No endpoint for ${target} is configured on this gateway (no provider key, and the simulation is off).`,
      type: 'api_error',
      param: 'model',
      code: 'no_endpoint_configured',
    });
  }
  if (stage === 'health') {
    return new ApiError(503, {
      message: `Every endpoint for ${target} is temporarily unavailable (circuit open). Retry shortly or widen the model choice.`,
      type: 'api_error',
      param: 'model',
      code: 'endpoints_unavailable',
    });
  }
  const why = summarize(ctx.dropped, stage);
  const fix: Record<string, string> = {
    capabilities: 'remove the unsupported feature or choose a model that supports it',
    context_window: 'shorten the prompt or lower max_tokens',
    trust: 'lower trust_level (or drop provider.zdr / provider.data_collection) or choose a model served at that trust level',
    policy: 'relax routing.providers / routing.region, provider.only / ignore / allow_fallbacks or the key policy',
    budget: 'raise routing.max_price_per_mtok, provider.max_price or the key budget',
    latency: 'raise routing.max_latency_ms',
  };
  return new ApiError(stage === 'capabilities' || stage === 'context_window' ? 400 : 422, {
    message: `No endpoint for ${target} meets this request's constraints at stage '${stage}': ${why || 'none left'}. To fix: ${fix[stage] ?? 'relax the constraints'}.`,
    param: stage === 'trust' ? 'trust_level' : stage === 'capabilities' ? null : stage === 'context_window' ? 'messages' : 'routing',
    code: 'no_endpoint_meets_constraints',
  });
}
