import { describe, expect, it } from 'vitest';
import { strongShareCurve, thresholdPairMetrics } from '../../bench/routing/pair-curve';

describe('strong/weak threshold sweep (RouteLLM APGR)', () => {
  // Four prompts: routing the first two to the strong model gains, the last one loses.
  const yStrong = [1, 1, 1, 0];
  const yWeak = [0, 0, 1, 1];

  it('the curve runs from all-weak to all-strong, one point per threshold', () => {
    const curve = strongShareCurve([4, 3, 2, 1], yWeak, yStrong);
    expect(curve.map((p) => [p.cost, p.quality])).toEqual([
      [0, 0.5],
      [0.25, 0.75],
      [0.5, 1],
      [0.75, 1],
      [1, 0.75],
    ]);
  });

  it('APGR is the area under the raw PGR curve; CPT is its first crossing', () => {
    const m = thresholdPairMetrics([4, 3, 2, 1], yWeak, yStrong);
    // Area under the quality curve 0.84375; (0.84375 − 0.5) / 0.25.
    expect(m.apgr).toBeCloseTo(1.375, 10);
    expect(m.cpt50).toBeCloseTo(0.125, 10);
    expect(m.cpt80).toBeCloseTo(0.2, 10);
    // The project's hull variant (metrics.ts pairMetrics) never falls: area 0.875 after the peak stays at 1.
    expect(m.hullApgr).toBeCloseTo(1.5, 10);
  });

  it('tied scores cannot be split by a threshold: a constant router is random routing (APGR 0.5)', () => {
    const m = thresholdPairMetrics([0, 0, 0, 0], yWeak, yStrong);
    expect(m.apgr).toBeCloseTo(0.5, 10);
    expect(m.cpt50).toBeCloseTo(0.5, 10);
    expect(m.cpt80).toBeCloseTo(0.8, 10);
    // A reversed ranking is below random.
    expect(thresholdPairMetrics([1, 2, 3, 4], yWeak, yStrong).apgr).toBeLessThan(0.5);
  });

  it('no quality gap: APGR is undefined (NaN), not a number that looks like a result', () => {
    expect(thresholdPairMetrics([1, 2], [1, 0], [0, 1]).apgr).toBeNaN();
  });
});
