import type { Candidate, RoutingContext } from './types';

/**
 * Shared shape of the filter stages: drop every candidate for which `reject` returns a reason,
 * record the drops and a trace line, return a new context.
 */
export function filterStage(
  ctx: RoutingContext,
  stage: string,
  reject: (c: Candidate) => string | null,
  note?: string,
): RoutingContext {
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
