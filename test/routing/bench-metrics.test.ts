import { describe, expect, it } from 'vitest';
import { lastQuestion, parseCsv, parsePythonStringList, parseRouterBench } from '../../bench/routing/data';
import { aiq, costToReach, nonDecreasingHull, pairMetrics } from '../../bench/routing/metrics';
import {
  escalationCostShare,
  fitLogistic,
  nearest,
  ngramVector,
  NGRAM_DIMENSIONS,
  requiredSignal,
  rocAuc,
  syntheticPredictor,
  type EscalationPrompt,
} from '../../bench/routing/signal';

describe('routing benchmark metrics', () => {
  const weak = { cost: 1, quality: 0.5 };
  const strong = { cost: 11, quality: 0.9 };

  it('the non-decreasing convex hull drops dominated and concave-violating points', () => {
    const hull = nonDecreasingHull([weak, { cost: 6, quality: 0.6 }, strong, { cost: 20, quality: 0.8 }, { cost: 3, quality: 0.45 }]);
    expect(hull).toEqual([weak, strong]);
  });

  it('AIQ is the mean of the hull over the cost range (0 below the cheapest point)', () => {
    expect(aiq([weak, strong], { lo: 1, hi: 11 })).toBeCloseTo(0.7);
    expect(aiq([strong], { lo: 1, hi: 11 })).toBeCloseTo(0);
    expect(aiq([{ cost: 6, quality: 0.8 }], { lo: 1, hi: 11 })).toBeCloseTo(0.4);
    // A router above the straight line beats mixing the two models.
    expect(aiq([weak, { cost: 3, quality: 0.85 }, strong], { lo: 1, hi: 11 })).toBeGreaterThan(0.7);
  });

  it('random strong/weak mixing has APGR 0.5, CPT(50%) 50% and CPT(80%) 80%', () => {
    const mixes = Array.from({ length: 11 }, (_, i) => i / 10).map((p) => ({ cost: weak.cost + p * 10, quality: weak.quality + p * 0.4 }));
    const m = pairMetrics(mixes, weak, strong);
    expect(m.apgr).toBeCloseTo(0.5);
    expect(m.cpt50).toBeCloseTo(0.5);
    expect(m.cpt80).toBeCloseTo(0.8);
    expect(costToReach(nonDecreasingHull(mixes), 0.95)).toBeNull();
  });

  it('a router reaching the strong quality at the weak cost has APGR 1 and CPT 0', () => {
    const m = pairMetrics([{ cost: 1, quality: 0.9 }], weak, strong);
    expect(m.apgr).toBeCloseTo(1);
    expect(m.cpt50).toBeCloseTo(0);
  });
});

describe('RouterBench input parsing', () => {
  it('parses quoted CSV fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, ""y""\nz",2\n')).toEqual([
      ['a', 'b'],
      ['x, "y"\nz', '2'],
    ]);
  });
  it("reads Python list literals and the few-shot prompt's last question", () => {
    expect(parsePythonStringList(`['it\\'s', "a \\"b\\"\\nc"]`)).toEqual(["it's", 'a "b"\nc']);
    expect(lastQuestion('Q1?\nA) x\nB) y\nAnswer:\nA\n\nQ2?\nA) u\nB) v\nAnswer:')).toBe('Q2?\nA) u\nB) v\nAnswer:');
  });
  it('skips rows with a missing outcome and reads scores and costs per model', () => {
    const csv =
      'sample_id,prompt,eval_name,m1,m2,m1|total_cost,m2|total_cost,oracle_model_to_route_to\n' +
      `s1,"['hello']",t,1.0,0.0,0.1,0.2,m1\n` +
      `s2,"['x']",t,,0.0,0.1,0.2,m2\n`;
    const parsed = parseRouterBench(csv);
    expect(parsed.models).toEqual(['m1', 'm2']);
    expect(parsed.skipped).toBe(1);
    expect(parsed.rows).toEqual([{ id: 's1', prompt: 'hello', evalName: 't', scores: { m1: 1, m2: 0 }, costs: { m1: 0.1, m2: 0.2 } }]);
  });
});

describe('per-prompt signal (bench/routing/routing-signal.ts)', () => {
  it('ROC-AUC counts ordered pairs, ties as one half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75);
    expect(rocAuc([1, 2, 3], [false, true, true])).toBe(1);
    expect(rocAuc([3, 2, 1], [false, true, true])).toBe(0);
    expect(rocAuc([5, 5, 5, 5], [true, false, true, false])).toBe(0.5);
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });

  // The cheap model ($1) is right on prompts 0 and 1, the strong one ($10) on all four.
  const prompts: EscalationPrompt[] = [1, 1, 0, 0].map((cheap) => ({ strong: 1, cheap, strongCost: 10, cheapCost: 1 }));

  it('escalation cost: reaching 95 % of the strong accuracy in score order', () => {
    expect(escalationCostShare(prompts, [0, 0, 1, 1])).toBeCloseTo((1 + 1 + 10 + 10) / 40);
    // The worst order escalates the two prompts the cheap model had right first, for nothing.
    expect(escalationCostShare(prompts, [1, 1, 0, 0])).toBeCloseTo(1);
    // 50 % of the strong accuracy is what the cheap model already has.
    expect(escalationCostShare(prompts, [1, 1, 0, 0], 0.5)).toBeCloseTo(4 / 40);
  });

  it('the signal a target needs grows with the target, and random order is separation 0', () => {
    const many = Array.from({ length: 50 }, () => prompts).flat();
    const random = syntheticPredictor(many, 0, { trials: 20 });
    expect(random.auc).toBeGreaterThan(0.4);
    expect(random.auc).toBeLessThan(0.6);
    const loose = requiredSignal(many, { budgetShare: random.costShare + 0.01, trials: 20 })!;
    const tight = requiredSignal(many, { budgetShare: 0.6, trials: 20 })!;
    expect(loose.separation).toBe(0);
    expect(tight.separation).toBeGreaterThan(0.3);
    expect(tight.auc).toBeGreaterThan(loose.auc);
    expect(tight.costShare).toBeLessThanOrEqual(0.6);
    // Perfect order needs 22/40 = 0.55: nothing reaches 0.5.
    expect(requiredSignal(many, { budgetShare: 0.5, trials: 5 })).toBeNull();
  });

  it('the n-gram logistic regression and the neighbours find a planted word', () => {
    const texts = Array.from({ length: 80 }, (_, i) => `question ${i % 7} about ${i % 2 ? 'recursion depth' : 'string length'} ${i}`);
    const y = texts.map((t) => (t.includes('recursion') ? 1 : 0));
    const X = texts.map(ngramVector);
    const predict = fitLogistic(X.slice(0, 60), y.slice(0, 60), { l2: 1e-3, dimensions: NGRAM_DIMENSIONS });
    const held = X.slice(60).map(predict);
    expect(rocAuc(held, y.slice(60).map(Boolean))).toBe(1);
    const near = nearest(X.slice(0, 60), ngramVector('a question about recursion depth'), 5);
    expect(near.every((i) => y[i] === 1)).toBe(true);
  });
});
