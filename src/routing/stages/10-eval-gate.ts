import { DEFAULT_EVAL_THRESHOLDS, evaluateEligibility } from '../eligibility';
import type { Candidate, RoutingContext } from '../types';
import type { TaskClass, EvalCell } from '../../hub';

/** The cell's counts as a score row, so the gate applies exactly the eligibility module's rules. */
function verdictOf(cell: EvalCell, endpointId: string, taskClass: string, ctx: RoutingContext) {
  const passed = Math.round(cell.passRate * cell.samples);
  const row = { endpointId, suiteVersion: 'snapshot', taskClass, passed, total: cell.samples, scoreSum: passed };
  return evaluateEligibility([row], endpointId, taskClass as TaskClass, ctx.snapshot.evalThresholds ?? DEFAULT_EVAL_THRESHOLDS, {
    suiteVersion: 'snapshot',
  });
}

/**
 * Endpoints evaluated for the task class must clear its threshold (EVAL_THRESHOLDS: Wilson lower
 * bound of the pass rate after enough samples); endpoints with too few samples count as
 * unevaluated and are used only when no evaluated endpoint qualifies (the trace says so).
 *
 * When the class is harder than the threshold assumes (every candidate evaluated and below it,
 * as for one model asked by name, or a class no model passes half of), refusing the request
 * would trade an answer for nothing better: the gate then keeps the endpoints that are not
 * confidently worse than the best of them (Wilson upper bound ≥ the best lower bound).
 */
export function evalGateStage(ctx: RoutingContext): RoutingContext {
  const taskClass = ctx.classification?.taskClass ?? 'chat';
  const evals = ctx.snapshot.evals;
  const dropped = [...ctx.dropped];
  const eligible: Candidate[] = [];
  const unevaluated: Candidate[] = [];
  const belowThreshold: { candidate: Candidate; ciLow: number; ciHigh: number; reason: string }[] = [];
  for (const c of ctx.candidates) {
    const cell = evals.get(`${c.endpoint.id}|${taskClass}`);
    const verdict = cell ? verdictOf(cell, c.endpoint.id, taskClass, ctx) : undefined;
    if (!verdict || verdict.status === 'unevaluated') unevaluated.push({ ...c, evalStatus: 'unevaluated' as const });
    else if (verdict.status === 'filtered')
      belowThreshold.push({ candidate: c, ciLow: verdict.ciLow, ciHigh: verdict.ciHigh, reason: `${taskClass}: ${verdict.reason}` });
    else eligible.push({ ...c, evalStatus: 'eligible' as const });
  }
  let candidates = eligible;
  let note = `${eligible.length} evaluated for ${taskClass}`;
  const bestLow = Math.max(...belowThreshold.map((b) => b.ciLow));
  const nothingElse = eligible.length === 0 && unevaluated.length === 0;
  const keptBelow = nothingElse ? belowThreshold.filter((b) => b.ciHigh >= bestLow) : [];
  for (const b of belowThreshold) {
    if (keptBelow.includes(b)) continue;
    dropped.push({
      id: b.candidate.endpoint.id,
      stage: 'eval_gate',
      reason: nothingElse ? `${b.reason}, and confidently below the best (${bestLow.toFixed(2)})` : b.reason,
    });
  }
  if (keptBelow.length > 0) {
    candidates = keptBelow.map((b) => ({ ...b.candidate, evalStatus: 'below_threshold' as const }));
    note = `every candidate is below the ${taskClass} threshold: keeping the ${candidates.length} not confidently worse than the best`;
  } else if (eligible.length === 0) {
    candidates = unevaluated;
    note =
      evals.size === 0
        ? 'no eval data yet: all unevaluated'
        : `no evaluated endpoint qualifies for ${taskClass}: using ${unevaluated.length} unevaluated`;
  } else {
    for (const c of unevaluated)
      dropped.push({ id: c.endpoint.id, stage: 'eval_gate', reason: 'unevaluated while evaluated endpoints qualify' });
  }
  return {
    ...ctx,
    candidates,
    dropped,
    trace: [...ctx.trace, { stage: 'eval_gate', kept: candidates.length, dropped: ctx.candidates.length - candidates.length, note }],
  };
}
