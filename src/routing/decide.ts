import type { ChatRequest } from '../api/chat-schema';
import type { Env } from '../env';
import type { KeyRecord } from '../tenancy/types';
import { runPipeline } from './pipeline';
import { routingSnapshot } from './snapshot';
import type { ClassificationSignal, RoutingContext } from './types';

export interface DecideInput {
  request: ChatRequest;
  key: KeyRecord;
  region?: string;
  classification?: ClassificationSignal;
  remainingBudgetUsd?: number;
  now?: number;
}

/** Runs the ranking pipeline over the isolate's in-memory snapshot (no I/O). */
export function decide(env: Env, input: DecideInput): RoutingContext & { routingMs: number } {
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
  return { ...ctx, routingMs: performance.now() - started };
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
    candidates: ctx.candidates.slice(0, 12).map((c) => ({ id: c.endpoint.id, simulated: c.simulated, evalStatus: c.evalStatus, ...c.scores?.terms })),
    dropped: ctx.dropped,
    chain: ctx.chain.map((c) => c.endpoint.id),
    ...extra,
  };
}
