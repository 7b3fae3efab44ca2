import { DEFAULT_EVAL_THRESHOLDS, evaluateEligibility } from '../../evals/eligibility';
import type { TaskClass } from '../../evals/types';
import type { EvalCell } from '../snapshot';
import type { Candidate, RoutingContext } from '../types';

/** The cell's counts as a score row, so the gate applies exactly the eligibility module's rules. */
function verdictOf(cell: EvalCell, endpointId: string, taskClass: string, ctx: RoutingContext) {
  const passed = Math.round(cell.passRate * cell.samples);
  const row = { endpointId, suiteVersion: 'snapshot', taskClass, passed, total: cell.samples, scoreSum: passed };
  return evaluateEligibility([row], endpointId, taskClass as TaskClass, ctx.snapshot.evalThresholds ?? DEFAULT_EVAL_THRESHOLDS, { suiteVersion: 'snapshot' });
}

/**
 * Endpoints evaluated for the task class must clear its threshold (EVAL_THRESHOLDS: Wilson lower
 * bound of the pass rate after enough samples); endpoints with too few samples count as
 * unevaluated and are used only when no evaluated endpoint qualifies (the trace says so).
 */
export function evalGateStage(ctx: RoutingContext): RoutingContext {
  const taskClass = ctx.classification?.taskClass ?? 'chat';
  const evals = ctx.snapshot.evals;
  const dropped = [...ctx.dropped];
  const eligible: Candidate[] = [];
  const unevaluated: Candidate[] = [];
  for (const c of ctx.candidates) {
    const cell = evals.get(`${c.endpoint.id}|${taskClass}`);
    const verdict = cell ? verdictOf(cell, c.endpoint.id, taskClass, ctx) : undefined;
    if (!verdict || verdict.status === 'unevaluated') unevaluated.push({ ...c, evalStatus: 'unevaluated' as const });
    else if (verdict.status === 'filtered') dropped.push({ id: c.endpoint.id, stage: 'eval_gate', reason: `${taskClass}: ${verdict.reason}` });
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
