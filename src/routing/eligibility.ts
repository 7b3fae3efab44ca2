import { z } from 'zod';
import { TASK_CLASSES, type TaskClass } from '../hub';
import { poolRows } from '../lib';

/**
 * Whether an endpoint may be routed requests of a task class, from its eval scores.
 * - unevaluated: too few graded samples for this class (the router falls back to catalog priors);
 * - filtered: the pass rate is confidently too low (Wilson 95% lower bound under the threshold once
 *   enough samples exist, or even the upper bound under it earlier);
 * - eligible: the lower bound clears the threshold.
 */
export type Eligibility = 'eligible' | 'unevaluated' | 'filtered';

const classThreshold = z.object({
  /** Samples needed before a lower-bound verdict. */
  minSamples: z.number().int().min(1),
  /** Minimum Wilson 95% lower bound of the pass rate. */
  minPassLowerBound: z.number().min(0).max(1),
});
export type ClassThreshold = z.infer<typeof classThreshold>;

const thresholdsSchema = z.object({
  default: classThreshold,
  classes: z.partialRecord(z.enum(TASK_CLASSES), classThreshold.partial()).default({}),
});
export type EvalThresholds = z.infer<typeof thresholdsSchema>;

/**
 * Defaults. With ~5-10 items per class a 0.5 lower bound needs e.g. 5/5 or 8/10; the judge-graded
 * and small classes get a lower bar so that one miss does not filter a good endpoint.
 */
export const DEFAULT_EVAL_THRESHOLDS: EvalThresholds = {
  default: { minSamples: 5, minPassLowerBound: 0.5 },
  classes: {
    creative_writing: { minPassLowerBound: 0.35 },
    summarization: { minPassLowerBound: 0.35 },
    translation: { minPassLowerBound: 0.4 },
    vision: { minSamples: 8 },
    tool_use: { minSamples: 10 },
  },
};

/** Parse the EVAL_THRESHOLDS configuration (JSON); absent means the defaults, invalid throws. */
export function parseEvalThresholds(raw: string | undefined | null): EvalThresholds {
  if (!raw?.trim()) return DEFAULT_EVAL_THRESHOLDS;
  const parsed = thresholdsSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new Error(`EVAL_THRESHOLDS is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function thresholdFor(thresholds: EvalThresholds, taskClass: TaskClass): ClassThreshold {
  return { ...thresholds.default, ...thresholds.classes[taskClass] };
}

/** A stored score row (eval_scores), as far as eligibility needs it. */
export interface EligibilityScoreRow {
  endpointId: string;
  suiteVersion: string;
  taskClass: string;
  passed: number;
  total: number;
  scoreSum: number;
  modelVersion?: string | null;
}

export interface EligibilityVerdict {
  status: Eligibility;
  reason: string;
  passed: number;
  total: number;
  ciLow: number;
  ciHigh: number;
}

/** Samples below which even a confidently-bad upper bound is not trusted (3 straight misses: upper ≈ 0.56). */
const EARLY_FILTER_MIN_SAMPLES = 3;

export function evaluateEligibility(
  rows: EligibilityScoreRow[],
  endpointId: string,
  taskClass: TaskClass,
  thresholds: EvalThresholds,
  opts: { suiteVersion: string; modelVersion?: string | null },
): EligibilityVerdict {
  // Rows from another suite version or another model version measure something else.
  const relevant = rows.filter(
    (r) =>
      r.endpointId === endpointId &&
      r.taskClass === taskClass &&
      r.suiteVersion === opts.suiteVersion &&
      (opts.modelVersion == null || r.modelVersion == null || r.modelVersion === opts.modelVersion),
  );
  const t = thresholdFor(thresholds, taskClass);
  const pooled = poolRows(relevant);
  const base = { passed: pooled.passed, total: pooled.total, ciLow: pooled.ciLow, ciHigh: pooled.ciHigh };
  const rate = `${pooled.passed}/${pooled.total} passed, 95% CI [${pooled.ciLow.toFixed(2)}, ${pooled.ciHigh.toFixed(2)}]`;
  if (pooled.total === 0) return { status: 'unevaluated', reason: `no ${taskClass} eval results for suite ${opts.suiteVersion}`, ...base };
  if (pooled.total < t.minSamples) {
    if (pooled.total >= EARLY_FILTER_MIN_SAMPLES && pooled.ciHigh < t.minPassLowerBound) {
      return { status: 'filtered', reason: `${rate}: even the upper bound is below ${t.minPassLowerBound}`, ...base };
    }
    return { status: 'unevaluated', reason: `${rate}: fewer than ${t.minSamples} samples`, ...base };
  }
  if (pooled.ciLow >= t.minPassLowerBound) return { status: 'eligible', reason: `${rate} ≥ ${t.minPassLowerBound}`, ...base };
  return { status: 'filtered', reason: `${rate}: lower bound below ${t.minPassLowerBound}`, ...base };
}
