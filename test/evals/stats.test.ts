import { describe, expect, it } from 'vitest';
import { aggregateScores, latestPerItem, type GradedResult } from '../../src/evals/stats';
import { poolRows, wilsonInterval } from '../../src/lib';

describe('Wilson 95% interval', () => {
  it('matches a hand computation for 8/10', () => {
    // p = 0.8, z² = 3.8415, denom = 1.38415, centre = 0.992075 / 1.38415 = 0.71674,
    // half = 1.96 · sqrt(0.016 + 0.0096037) / 1.38415 = 0.22658 → [0.49016, 0.94332]
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.49016, 4);
    expect(high).toBeCloseTo(0.94332, 4);
  });
  it('behaves at the edges', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27753, 4);
    expect(wilsonInterval(5, 5).low).toBeCloseTo(0.56552, 4);
    expect(wilsonInterval(5, 5).high).toBeCloseTo(1, 10);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
  it('narrows as samples grow at the same rate', () => {
    const small = wilsonInterval(4, 5);
    const large = wilsonInterval(80, 100);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

const r = (endpointId: string, itemId: string, pass: boolean, extra: Partial<GradedResult> = {}): GradedResult => ({
  endpointId,
  itemId,
  category: 'intelligence',
  taskClasses: ['math'],
  pass,
  score: pass ? 1 : 0,
  ...extra,
});

describe('aggregation', () => {
  it('groups per endpoint, category and task class, counting multi-class items in each class', () => {
    const rows = aggregateScores([
      r('a', 'm1', true),
      r('a', 'm2', false, { score: 0.5 }),
      r('a', 'm3', true, { taskClasses: ['math', 'reasoning'] }),
      r('b', 'm1', false),
      r('a', 't1', true, { category: 'tool_calling', taskClasses: ['tool_use'] }),
    ]);
    const find = (e: string, c: string, t: string) => rows.find((x) => x.endpointId === e && x.category === c && x.taskClass === t);
    expect(find('a', 'intelligence', 'math')).toMatchObject({ passed: 2, total: 3, scoreSum: 2.5 });
    expect(find('a', 'intelligence', 'reasoning')).toMatchObject({ passed: 1, total: 1 });
    expect(find('b', 'intelligence', 'math')).toMatchObject({ passed: 0, total: 1 });
    expect(find('a', 'tool_calling', 'tool_use')).toMatchObject({ passed: 1, total: 1 });
    const math = find('a', 'intelligence', 'math')!;
    expect(math.ciLow).toBeCloseTo(wilsonInterval(2, 3).low, 10);
    expect(rows).toHaveLength(4);
  });
  it('keeps only the latest result per endpoint and item', () => {
    const latest = latestPerItem([
      r('a', 'm1', false, { createdAt: 1 }),
      r('a', 'm1', true, { createdAt: 5 }),
      r('a', 'm1', false, { createdAt: 3 }),
      r('b', 'm1', false, { createdAt: 2 }),
    ]);
    expect(latest).toHaveLength(2);
    expect(latest.find((x) => x.endpointId === 'a')!.pass).toBe(true);
  });
  it('pools rows', () => {
    const p = poolRows([
      { passed: 3, total: 4, scoreSum: 3.5 },
      { passed: 5, total: 6, scoreSum: 5 },
    ]);
    expect(p).toMatchObject({ passed: 8, total: 10, scoreSum: 8.5, meanScore: 0.85 });
    expect(p.ciLow).toBeCloseTo(0.49016, 4);
  });
});
