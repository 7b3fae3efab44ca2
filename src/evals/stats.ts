import { complexityBand, evalBandCellKey, evalCellKey } from '../routing';
import type { EvalCategory, TaskClass, EvalCell } from '../hub';
import { wilsonInterval, ciOf } from '../lib';

/** One graded (endpoint, item) result, the unit the aggregation counts. */
export interface GradedResult {
  endpointId: string;
  itemId: string;
  category: EvalCategory;
  taskClasses: TaskClass[];
  pass: boolean;
  score: number;
  /** ms since epoch; used to keep only the latest result per (endpoint, item). */
  createdAt?: number;
  /**
   * Calibrated complexity of the item's prompt in [0,1] (the request classifier's scale), when known: the
   * result then also counts in its complexity band's cell (evalCellsOf).
   */
  complexity?: number;
}

export interface ScoreRow {
  endpointId: string;
  category: EvalCategory;
  taskClass: TaskClass;
  passed: number;
  total: number;
  scoreSum: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Keep the latest result per (endpoint, item). At temperature 0 re-running an item is not an
 * independent sample, so counting repeats would shrink the confidence interval dishonestly.
 */
export function latestPerItem<T extends GradedResult>(results: T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of results) {
    const key = `${r.endpointId}\u0000${r.itemId}`;
    const prev = latest.get(key);
    if (!prev || (r.createdAt ?? 0) >= (prev.createdAt ?? 0)) latest.set(key, r);
  }
  return [...latest.values()];
}

/** Aggregate per (endpoint, category, task class); an item with several task classes counts in each. */
export function aggregateScores(results: GradedResult[]): ScoreRow[] {
  const rows = new Map<string, ScoreRow>();
  for (const r of results) {
    for (const taskClass of r.taskClasses) {
      const key = `${r.endpointId}\u0000${r.category}\u0000${taskClass}`;
      let row = rows.get(key);
      if (!row) {
        row = { endpointId: r.endpointId, category: r.category, taskClass, passed: 0, total: 0, scoreSum: 0, ciLow: 0, ciHigh: 1 };
        rows.set(key, row);
      }
      row.total++;
      if (r.pass) row.passed++;
      row.scoreSum += r.score;
    }
  }
  for (const row of rows.values()) Object.assign(row, ciOf(row.passed, row.total));
  return [...rows.values()].sort(
    (a, b) => a.endpointId.localeCompare(b.endpointId) || a.category.localeCompare(b.category) || a.taskClass.localeCompare(b.taskClass),
  );
}

/**
 * The router's eval cells (`snapshot.evals`) from graded results, pooled over categories: one cell per
 * (endpoint, task class) from every result, and one per (endpoint, task class, complexity band) from the
 * results whose item carries a complexity (items without one count only in the class cell). Pass them
 * through latestPerItem first.
 */
export function evalCellsOf(results: GradedResult[]): Map<string, EvalCell> {
  const counts = new Map<string, { passed: number; total: number }>();
  const add = (key: string, pass: boolean) => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { passed: 0, total: 0 }));
    c.total++;
    if (pass) c.passed++;
  };
  for (const r of results) {
    const band = r.complexity !== undefined && Number.isFinite(r.complexity) ? complexityBand(r.complexity) : undefined;
    for (const taskClass of r.taskClasses) {
      add(evalCellKey(r.endpointId, taskClass), r.pass);
      if (band) add(evalBandCellKey(r.endpointId, taskClass, band), r.pass);
    }
  }
  const cells = new Map<string, EvalCell>();
  for (const [key, { passed, total }] of counts)
    cells.set(key, { passRate: passed / total, ciLow: wilsonInterval(passed, total).low, samples: total });
  return cells;
}
