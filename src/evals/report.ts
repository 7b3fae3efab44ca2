import { evaluateEligibility, type Eligibility, type EvalThresholds } from '../routing';
import { TASK_CLASSES, type TaskClass } from '../hub';
import { poolRows } from '../lib';

/**
 * Per-endpoint breakdown of eval scores, shared by GET /admin/evals and `npm run evals`. Category
 * figures pool the stored (category, task class) rows, so an item tagged with two task classes counts
 * twice there; task-class figures are exactly what eligibility uses.
 */

export interface BreakdownRow {
  endpointId: string;
  category: string;
  taskClass: string;
  passed: number;
  total: number;
  scoreSum: number;
  modelVersion?: string | null;
  updatedAt?: number;
}

export interface Rate {
  passed: number;
  total: number;
  passRate: number;
  ciLow: number;
  ciHigh: number;
  meanScore: number;
}

export interface EndpointBreakdown {
  endpoint: string;
  /** true = answered by the labeled simulated fleet; null = not callable in this deployment. */
  simulated: boolean | null;
  modelVersion: string | null;
  updatedAt: number | null;
  overall: Rate;
  categories: Record<string, Rate>;
  taskClasses: Record<string, Rate & { status: Eligibility; reason: string }>;
  eligibleFor: string[];
  filteredFor: string[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function rateOf(rows: BreakdownRow[]): Rate {
  const p = poolRows(rows);
  return {
    passed: p.passed,
    total: p.total,
    passRate: p.total ? round(p.passed / p.total) : 0,
    ciLow: round(p.ciLow),
    ciHigh: round(p.ciHigh),
    meanScore: round(p.meanScore),
  };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

export function breakdown(
  rows: BreakdownRow[],
  opts: { suiteVersion: string; thresholds: EvalThresholds; simulatedOf: (endpointId: string) => boolean | null },
): EndpointBreakdown[] {
  const out: EndpointBreakdown[] = [];
  for (const [endpoint, own] of [...groupBy(rows, (r) => r.endpointId)].sort(([a], [b]) => a.localeCompare(b))) {
    const categories = Object.fromEntries(
      [...groupBy(own, (r) => r.category)].sort(([a], [b]) => a.localeCompare(b)).map(([c, rs]) => [c, rateOf(rs)]),
    );
    const taskClasses: EndpointBreakdown['taskClasses'] = {};
    const eligibleFor: string[] = [];
    const filteredFor: string[] = [];
    const scoreRows = own.map((r) => ({ ...r, suiteVersion: opts.suiteVersion }));
    for (const tc of TASK_CLASSES) {
      const classRows = own.filter((r) => r.taskClass === tc);
      if (classRows.length === 0) continue;
      const verdict = evaluateEligibility(scoreRows, endpoint, tc as TaskClass, opts.thresholds, { suiteVersion: opts.suiteVersion });
      taskClasses[tc] = { ...rateOf(classRows), status: verdict.status, reason: verdict.reason };
      if (verdict.status === 'eligible') eligibleFor.push(tc);
      if (verdict.status === 'filtered') filteredFor.push(tc);
    }
    const updated = own.map((r) => r.updatedAt ?? 0);
    out.push({
      endpoint,
      simulated: opts.simulatedOf(endpoint),
      modelVersion: own.find((r) => r.modelVersion)?.modelVersion ?? null,
      updatedAt: updated.length ? Math.max(...updated) || null : null,
      overall: rateOf(own),
      categories,
      taskClasses,
      eligibleFor,
      filteredFor,
    });
  }
  return out;
}
