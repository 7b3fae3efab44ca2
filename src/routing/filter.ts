import type { Candidate, RoutingContext, Scores } from './types';

/**
 * Shared shape of the filter stages: drop every candidate for which `reject` returns a reason,
 * record the drops and a trace line, return a new context.
 */
export function filterStage(ctx: RoutingContext, stage: string, reject: (c: Candidate) => string | null, note?: string): RoutingContext {
  const kept: Candidate[] = [];
  const dropped = [...ctx.dropped];
  for (const c of ctx.candidates) {
    const reason = reject(c);
    if (reason) dropped.push({ id: c.endpoint.id, stage, reason });
    else kept.push(c);
  }
  const removed = ctx.candidates.length - kept.length;
  return {
    ...ctx,
    candidates: kept,
    dropped,
    trace: [...ctx.trace, { stage, kept: kept.length, ...(removed ? { dropped: removed } : {}), ...(note ? { note } : {}) }],
  };
}

export function traced(ctx: RoutingContext, stage: string, note?: string): RoutingContext {
  return { ...ctx, trace: [...ctx.trace, { stage, kept: ctx.candidates.length, ...(note ? { note } : {}) }] };
}

/**
 * A candidate's scores with some fields replaced, built as one literal with every field in a fixed
 * order. Not `{ ...scores, x }`: adding keys to a spread clone sends V8 down a slow path (~3 µs per
 * object, i.e. most of a decision's time over a 100-endpoint catalog); a fixed shape stays fast.
 */
export function nextScores(s: Scores, patch: Partial<Omit<Scores, 'terms'>>): Scores {
  return {
    quality: patch.quality ?? s.quality,
    latencyMs: patch.latencyMs ?? s.latencyMs,
    ttftMs: patch.ttftMs ?? s.ttftMs,
    costUsd: patch.costUsd ?? s.costUsd,
    objective: patch.objective ?? s.objective,
    tier: patch.tier ?? s.tier,
    liveSamples: patch.liveSamples ?? s.liveSamples,
    errorRate: patch.errorRate ?? s.errorRate,
    outputTokens: patch.outputTokens ?? s.outputTokens,
    outputSamples: patch.outputSamples ?? s.outputSamples,
    terms: s.terms,
  };
}
