import type { ChatRequest } from '../hub';
import type { Env } from '../env';
import type { KeyRecord } from '../tenancy';
import { runPipeline } from './pipeline';
import { routingSnapshot } from './snapshot';
import type { ClassificationSignal, RoutingContext, Scores } from './types';

export interface DecideInput {
  request: ChatRequest;
  key: KeyRecord;
  region?: string;
  classification?: ClassificationSignal;
  remainingBudgetUsd?: number;
  now?: number;
}

/** Runs the ranking pipeline over the isolate's in-memory snapshot (no I/O). */
/** A routing decision: the pipeline's context plus how long deciding took. */
export type Decision = RoutingContext & { routingMs: number };

export function decide(env: Env, input: DecideInput): Decision {
  const started = performance.now();
  const ctx = runPipeline({
    now: input.now ?? Date.now(),
    request: input.request,
    hints: input.request.routing ?? {},
    key: input.key,
    snapshot: routingSnapshot(env),
    region: input.region,
    classification: input.classification,
    remainingBudgetUsd: input.remainingBudgetUsd,
    candidates: [],
    dropped: [],
    chain: [],
    trace: [],
  });
  // runPipeline returns a context of its own, never the caller's: it becomes the decision as it is.
  const decision = ctx as Decision;
  decision.routingMs = performance.now() - started;
  return decision;
}

/** A candidate's scores as shown in the trace (rounded); built only for the candidates shown. */
export function scoreTerms(s: Scores): Record<string, number | string> {
  const terms: Record<string, number | string> = { ...s.terms, ttft_ms: Math.round(s.ttftMs), latency_ms: Math.round(s.latencyMs) };
  if (s.liveSamples !== undefined) terms.live_samples = s.liveSamples;
  if (s.errorRate !== undefined) terms.error_rate = Math.round(s.errorRate * 1000) / 1000;
  if (s.outputTokens !== undefined) terms.output_tokens = Math.round(s.outputTokens);
  if (s.outputSamples !== undefined) terms.output_samples = s.outputSamples;
  terms.cost_usd = Number(s.costUsd.toPrecision(4));
  terms.objective = Number(s.objective.toPrecision(5));
  if (s.tier !== undefined) terms.tier = s.tier;
  return terms;
}

/** The decision trace as stored and served: metadata only, never message content. */
export function traceOf(ctx: RoutingContext, extra: Record<string, unknown>) {
  return {
    strategy: ctx.strategy,
    strategySource: ctx.strategySource,
    spec: ctx.spec,
    classification: ctx.classification,
    requirements: ctx.requirements,
    stages: ctx.trace,
    candidates: ctx.candidates
      .slice(0, 12)
      .map((c) => ({ id: c.endpoint.id, simulated: c.simulated, evalStatus: c.evalStatus, ...(c.scores ? scoreTerms(c.scores) : {}) })),
    dropped: ctx.dropped,
    chain: ctx.chain.map((c) => c.endpoint.id),
    // What Cailos made of each OpenRouter field the request set (provider-prefs.ts).
    ...(ctx.prefs ? { openrouter: ctx.prefs.notes } : {}),
    ...extra,
  };
}
