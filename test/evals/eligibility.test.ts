import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVAL_THRESHOLDS,
  evaluateEligibility,
  parseEvalThresholds,
  thresholdFor,
  type EligibilityScoreRow,
} from '../../src/routing/eligibility';

const V = 'v1.test';
const row = (passed: number, total: number, extra: Partial<EligibilityScoreRow> = {}): EligibilityScoreRow => ({
  endpointId: 'p/m',
  suiteVersion: V,
  taskClass: 'math',
  passed,
  total,
  scoreSum: passed,
  ...extra,
});
const verdict = (rows: EligibilityScoreRow[], opts: { modelVersion?: string } = {}, taskClass: 'math' | 'summarization' = 'math') =>
  evaluateEligibility(rows, 'p/m', taskClass, DEFAULT_EVAL_THRESHOLDS, { suiteVersion: V, ...opts });

describe('eligibility', () => {
  it('is unevaluated without results or with too few samples', () => {
    expect(verdict([]).status).toBe('unevaluated');
    expect(verdict([row(4, 4)]).status).toBe('unevaluated');
    expect(verdict([row(9, 9, { suiteVersion: 'v0.old' })]).status).toBe('unevaluated');
    expect(verdict([row(9, 9, { endpointId: 'other/m' })]).status).toBe('unevaluated');
  });
  it('is eligible when the Wilson lower bound clears the threshold, pooling categories', () => {
    const v = verdict([row(5, 6), row(4, 4)]); // 9/10 → low 0.596
    expect(v).toMatchObject({ status: 'eligible', passed: 9, total: 10 });
    expect(v.reason).toMatch(/9\/10/);
  });
  it('is filtered when the lower bound is below the threshold after enough samples', () => {
    expect(verdict([row(8, 10)]).status).toBe('filtered'); // low 0.490 < 0.5
    expect(verdict([row(2, 10)]).status).toBe('filtered');
  });
  it('filters early only when even the upper bound is below the threshold', () => {
    expect(verdict([row(0, 4)]).status).toBe('filtered'); // high 0.49
    expect(verdict([row(1, 4)]).status).toBe('unevaluated');
    expect(verdict([row(0, 2)]).status).toBe('unevaluated');
  });
  it('applies per-class thresholds', () => {
    expect(thresholdFor(DEFAULT_EVAL_THRESHOLDS, 'summarization').minPassLowerBound).toBe(0.35);
    expect(verdict([row(4, 5, { taskClass: 'summarization' })], {}, 'summarization').status).toBe('eligible'); // low 0.376
    expect(verdict([row(4, 5)]).status).toBe('filtered'); // math needs 0.5
  });
  it('ignores scores measured on another model version', () => {
    expect(verdict([row(10, 10, { modelVersion: 'old' })], { modelVersion: 'new' }).status).toBe('unevaluated');
    expect(verdict([row(10, 10, { modelVersion: 'new' })], { modelVersion: 'new' }).status).toBe('eligible');
  });
  it('parses EVAL_THRESHOLDS configuration', () => {
    expect(parseEvalThresholds(undefined)).toBe(DEFAULT_EVAL_THRESHOLDS);
    const t = parseEvalThresholds(
      JSON.stringify({ default: { minSamples: 3, minPassLowerBound: 0.2 }, classes: { sql: { minPassLowerBound: 0.7 } } }),
    );
    expect(thresholdFor(t, 'sql')).toEqual({ minSamples: 3, minPassLowerBound: 0.7 });
    expect(thresholdFor(t, 'math')).toEqual({ minSamples: 3, minPassLowerBound: 0.2 });
    expect(() => parseEvalThresholds(JSON.stringify({ default: { minSamples: 0, minPassLowerBound: 2 } }))).toThrow(/EVAL_THRESHOLDS/);
    expect(() =>
      parseEvalThresholds(JSON.stringify({ default: { minSamples: 3, minPassLowerBound: 0.5 }, classes: { nope: {} } })),
    ).toThrow();
  });
});
