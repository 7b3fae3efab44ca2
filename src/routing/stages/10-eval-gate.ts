import { estimateCost } from '../../catalog';
import { DEFAULT_EVAL_THRESHOLDS, evaluateEligibility } from '../eligibility';
import { outputTokensOf } from '../output-tokens';
import { isWorking, withCandidates } from '../filter';
import type { Candidate, RoutingContext } from '../types';
import type { TaskClass, EvalCell } from '../../hub';

/**
 * An endpoint below the threshold is refused at any price unless its lower bound shows it at least this share of
 * the best passing endpoint's pass rate: the gate still asks for evidence, only relative to the class's best
 * rather than absolute (a few failed items are enough to keep an untested cheap endpoint out).
 */
export const RELATIVE_FLOOR = 0.5;

interface Evaluated {
  candidate: Candidate;
  costUsd: number;
  passRate: number;
  ciLow: number;
  ciHigh: number;
  reason: string;
}

/** What else the class offers, by price: the cheapest passing endpoint, and the best evidence at or below each cost. */
interface Alternatives {
  cheapestPassing: Evaluated;
  bestPassRate: number;
  /** Evaluated endpoints by cost, and for each position the one with the highest lower bound up to it. */
  byCost: Evaluated[];
  bestLowUpTo: Evaluated[];
}

function alternativesOf(passing: Evaluated[], belowThreshold: Evaluated[]): Alternatives {
  const byCost = [...passing, ...belowThreshold].sort((a, b) => a.costUsd - b.costUsd);
  const bestLowUpTo: Evaluated[] = [];
  let best = byCost[0];
  for (const e of byCost) {
    if (e.ciLow > best.ciLow) best = e;
    bestLowUpTo.push(best);
  }
  let cheapestPassing = passing[0];
  let bestPassRate = 0;
  for (const p of passing) {
    if (p.costUsd < cheapestPassing.costUsd) cheapestPassing = p;
    bestPassRate = Math.max(bestPassRate, p.passRate);
  }
  return { cheapestPassing, bestPassRate, byCost, bestLowUpTo };
}

/** The evaluated endpoint with the highest lower bound among those costing no more than `cost`. */
function bestEvidenceUpTo(alt: Alternatives, cost: number): Evaluated {
  let lo = 0;
  let hi = alt.byCost.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (alt.byCost[mid].costUsd <= cost) lo = mid;
    else hi = mid - 1;
  }
  return alt.bestLowUpTo[lo];
}

/**
 * Why a below-threshold endpoint is refused, or undefined when it is kept: kept only where it is the best
 * evidence can buy at its price — nothing passing costs as little, nothing evaluated at no more is confidently
 * better — and shown (Wilson lower bound) to be at least half as good as the best that passes. So the cheap end
 * of the cost/quality trade-off stays open while a failing endpoint with a passing or confidently better
 * alternative at its price is still refused.
 */
function refusal(b: Evaluated, alt: Alternatives, ctx: RoutingContext): string | undefined {
  // `quality` maximises q within a multiple of the cheapest candidate's cost: the cheap end would only lower that cap.
  if (ctx.strategy === 'quality') return b.reason;
  const passes = alt.cheapestPassing;
  if (passes.costUsd <= b.costUsd) return `${b.reason}, and ${passes.candidate.endpoint.id} passes for no more`;
  const better = bestEvidenceUpTo(alt, b.costUsd);
  if (better.ciLow > b.ciHigh) return `${b.reason}, and ${better.candidate.endpoint.id} is confidently better for no more`;
  if (b.ciLow < RELATIVE_FLOOR * alt.bestPassRate)
    return `${b.reason}, and not shown to be half as good as the best that passes (${alt.bestPassRate.toFixed(2)})`;
  return undefined;
}

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
 * The threshold is relative to what else is on offer: an endpoint below it stays a candidate when it is
 * cheaper for this request than every endpoint that passes and no endpoint at its price is confidently
 * better (refusal above), so a class's cheap end is the quality stage's and the objective's to weigh, not
 * the gate's; the balanced objective then only takes it when its price is worth its pass rate. The `quality`
 * strategy gets no cheap end (it never picks it, and it would lower its cost cap).
 *
 * When the class is harder than the threshold assumes (every candidate evaluated and below it,
 * as for one model asked by name, or a class no model passes half of), refusing the request
 * would trade an answer for nothing better: the gate then keeps the endpoints that are not
 * confidently worse than the best of them (Wilson upper bound ≥ the best lower bound).
 */
export function evalGateStage(ctx: RoutingContext): RoutingContext {
  const taskClass = ctx.classification?.taskClass ?? 'chat';
  const evals = ctx.snapshot.evals;
  const r = ctx.requirements;
  const outputOf = r ? outputTokensOf(ctx) : undefined;
  const costOf = (c: Candidate) =>
    outputOf ? estimateCost(c.endpoint, r!.estimatedInputTokens, outputOf(c.endpoint.id)) : estimateCost(c.endpoint, 1000, 1000);
  // The pipeline's own candidates are marked in place; anyone else's are copied.
  const own = isWorking(ctx);
  const mark = (c: Candidate, status: Candidate['evalStatus']): Candidate => {
    if (!own) return { ...c, evalStatus: status };
    c.evalStatus = status;
    return c;
  };
  const dropped = own ? ctx.dropped : [...ctx.dropped];
  const passing: Evaluated[] = [];
  const unevaluated: Candidate[] = [];
  const belowThreshold: Evaluated[] = [];
  for (const c of ctx.candidates) {
    const cell = evals.get(`${c.endpoint.id}|${taskClass}`);
    const verdict = cell ? verdictOf(cell, c.endpoint.id, taskClass, ctx) : undefined;
    if (!verdict || verdict.status === 'unevaluated') {
      unevaluated.push(mark(c, 'unevaluated'));
      continue;
    }
    const e = { candidate: c, costUsd: costOf(c), passRate: cell!.passRate, ciLow: verdict.ciLow, ciHigh: verdict.ciHigh, reason: '' };
    if (verdict.status === 'filtered') belowThreshold.push({ ...e, reason: `${taskClass}: ${verdict.reason}` });
    else passing.push(e);
  }
  let candidates: Candidate[] = passing.map((p) => mark(p.candidate, 'eligible'));
  let note = `${passing.length} evaluated for ${taskClass}`;
  if (passing.length > 0) {
    const alt = belowThreshold.length > 0 ? alternativesOf(passing, belowThreshold) : undefined;
    let kept = 0;
    for (const b of belowThreshold) {
      const reason = refusal(b, alt!, ctx);
      if (reason) dropped.push({ id: b.candidate.endpoint.id, stage: 'eval_gate', reason });
      else {
        candidates.push(mark(b.candidate, 'below_threshold'));
        kept++;
      }
    }
    if (kept > 0) note += `, ${kept} below the threshold kept as cheaper than any that passes`;
    for (const c of unevaluated)
      dropped.push({ id: c.endpoint.id, stage: 'eval_gate', reason: 'unevaluated while evaluated endpoints qualify' });
    return withTrace(ctx, candidates, dropped, note);
  }
  const bestLow = Math.max(...belowThreshold.map((b) => b.ciLow));
  const nothingElse = unevaluated.length === 0;
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
    candidates = keptBelow.map((b) => mark(b.candidate, 'below_threshold'));
    note = `every candidate is below the ${taskClass} threshold: keeping the ${candidates.length} not confidently worse than the best`;
  } else {
    candidates = unevaluated;
    note =
      evals.size === 0
        ? 'no eval data yet: all unevaluated'
        : `no evaluated endpoint qualifies for ${taskClass}: using ${unevaluated.length} unevaluated`;
  }
  return withTrace(ctx, candidates, dropped, note);
}

function withTrace(ctx: RoutingContext, candidates: Candidate[], dropped: RoutingContext['dropped'], note: string): RoutingContext {
  // `dropped` is in the line even when 0, as it always was.
  return withCandidates(ctx, candidates, dropped, {
    stage: 'eval_gate',
    kept: candidates.length,
    dropped: ctx.candidates.length - candidates.length,
    note,
  });
}
