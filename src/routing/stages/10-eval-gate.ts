import type { Candidate, RoutingContext } from '../types';

/** Below this lower confidence bound of the pass rate for the task class, an endpoint is filtered. */
export const DEFAULT_EVAL_FLOOR = 0.5;

/**
 * Endpoints with eval data for the task class must clear the floor; unevaluated endpoints are used
 * only when no evaluated endpoint qualifies (the trace says so).
 */
export function evalGateStage(ctx: RoutingContext): RoutingContext {
  const taskClass = ctx.classification?.taskClass ?? 'chat';
  const evals = ctx.snapshot.evals;
  const dropped = [...ctx.dropped];
  const eligible: Candidate[] = [];
  const unevaluated: Candidate[] = [];
  for (const c of ctx.candidates) {
    const cell = evals.get(`${c.endpoint.id}|${taskClass}`);
    if (!cell) unevaluated.push({ ...c, evalStatus: 'unevaluated' as const });
    else if (cell.ciLow < DEFAULT_EVAL_FLOOR) dropped.push({ id: c.endpoint.id, stage: 'eval_gate', reason: `${taskClass} pass rate low bound ${cell.ciLow.toFixed(2)} < ${DEFAULT_EVAL_FLOOR}` });
    else eligible.push({ ...c, evalStatus: 'eligible' as const });
  }
  let candidates = eligible;
  let note = `${eligible.length} evaluated for ${taskClass}`;
  if (eligible.length === 0) {
    candidates = unevaluated;
    note = evals.size === 0 ? 'no eval data yet: all unevaluated' : `no evaluated endpoint qualifies for ${taskClass}: using ${unevaluated.length} unevaluated`;
  } else {
    for (const c of unevaluated) dropped.push({ id: c.endpoint.id, stage: 'eval_gate', reason: 'unevaluated while evaluated endpoints qualify' });
  }
  return { ...ctx, candidates, dropped, trace: [...ctx.trace, { stage: 'eval_gate', kept: candidates.length, dropped: ctx.candidates.length - candidates.length, note }] };
}
