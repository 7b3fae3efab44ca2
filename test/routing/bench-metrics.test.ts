import { describe, expect, it } from 'vitest';
import { lastQuestion, parseCsv, parsePythonStringList, parseRouterBench } from '../../bench/routing/data';
import {
  chooseWeightPerLambda,
  dominanceReport,
  runPairMetrics,
  shrinkWeight,
  sweepChoices,
  uniformStream,
} from '../../bench/routing/dominance';
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

describe('dominance report (bench/routing/dominance.ts)', () => {
  // Two models: cheap ($1) right on even prompts, strong ($10) right on all but every fifth.
  const n = 200;
  const scores = Array.from({ length: n }, (_, i) => [i % 2 === 0 ? 1 : 0, i % 5 === 0 ? 0 : 1]);
  const costs = scores.map(() => [1, 10]);
  const allTo = (m: number) => scores.map(() => m);

  it('fixed model choices tie the Zero router and no sweep point lies below its hull', () => {
    const d = dominanceReport({ scores, costs, choices: [allTo(0), allTo(1)] }, { resamples: 50 });
    expect(d.difference.value).toBeCloseTo(0, 12);
    expect(d.difference.lo).toBeCloseTo(0, 12);
    expect(d.dominated).toBe(0);
    expect(d.points.map((p) => p.margin.value)).toEqual([0, 0]);
  });

  it('a router that knows the outcomes beats the Zero router beyond noise', () => {
    // Cheap where the cheap model is right, strong elsewhere.
    const oracle = scores.map((s) => (s[0] === 1 ? 0 : 1));
    const d = dominanceReport({ scores, costs, choices: [allTo(0), oracle, allTo(1)] }, { resamples: 100 });
    expect(d.difference.value).toBeGreaterThan(0.05);
    expect(d.difference.lo).toBeGreaterThan(0);
    expect(d.points[1].margin.lo).toBeGreaterThan(0);
    expect(runPairMetrics({ scores, costs, choices: [allTo(0), oracle] }, 0, 1).apgr).toBeCloseTo(1, 2);
  });

  it('a router that wastes money is below the Zero hull, surely, and costs AIQ', () => {
    // Strong model exactly where the cheap one is already right: strong prices, cheap accuracy.
    const perverse = scores.map((s) => (s[0] === 1 ? 1 : 0));
    const d = dominanceReport({ scores, costs, choices: [allTo(0), perverse, allTo(1)] }, { resamples: 100 });
    expect(d.points[1].margin.value).toBeLessThan(-0.2);
    expect(d.points[1].margin.hi).toBeLessThan(0);
    expect(d.dominated).toBe(1);
    expect(d.difference.value).toBeCloseTo(0, 12);
  });

  it("the floor: a router that is exactly the Zero hull's vertices is below 0 only by the hindsight of the resamples", () => {
    // A third model just under the cheap→strong chord (0.63 at $5.5 against 0.65 there): some resamples lift it above.
    const third = scores.map((s, i) => [...s, (i * 7919) % n < 126 ? 1 : 0]);
    const thirdCosts = costs.map((c) => [...c, 5.5]);
    const atVertices = dominanceReport({ scores: third, costs: thirdCosts, choices: [allTo(0), allTo(1)] }, { resamples: 200 });
    expect(atVertices.floor.value).toBeCloseTo(0, 12);
    expect(atVertices.floor.hi).toBeCloseTo(0, 12);
    expect(atVertices.floor.lo).toBeLessThan(-0.005);
    // The floor belongs to the data, not the router: it is the interval the vertex router itself gets.
    expect(atVertices.difference.lo).toBeCloseTo(atVertices.floor.lo, 12);
    const everyModel = dominanceReport({ scores: third, costs: thirdCosts, choices: [allTo(0), allTo(2), allTo(1)] }, { resamples: 200 });
    expect(everyModel.floor).toEqual(atVertices.floor);
    expect(everyModel.difference.lo).toBeCloseTo(0, 12);
    // Against the vertices without re-choosing them per resample, the vertex router is exactly 0 and one that also
    // visits the model under the hull is never below.
    expect(atVertices.versusVertices).toEqual({ value: 0, lo: 0, hi: 0 });
    expect(everyModel.versusVertices.lo).toBeCloseTo(0, 12);
    expect(everyModel.versusVertices.hi).toBeGreaterThan(0.005);
    // With no model near the hull but its vertices, the floor is 0.
    expect(dominanceReport({ scores, costs, choices: [allTo(0)] }, { resamples: 50 }).floor.lo).toBeCloseTo(0, 12);
  });

  it('unrouted prompts score 0 at no cost', () => {
    const d = dominanceReport({ scores, costs, choices: [scores.map(() => -1)] }, { resamples: 0 });
    expect(d.points[0]).toMatchObject({ cost: 0, quality: 0 });
  });

  it('the bootstrap stream is deterministic and uniform', () => {
    const a = uniformStream(3);
    const b = uniformStream(3);
    const xs = Array.from({ length: 2000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('shrinking a per-prompt adjustment (bench/routing/dominance.ts)', () => {
  it('trusts a calibrated signal fully and a useless one not at all', () => {
    const rand = uniformStream(9);
    const calibrated = Array.from({ length: 4000 }, () => {
      const p = rand();
      return { y: rand() < p ? 1 : 0, base: 0.5, prediction: p };
    });
    expect(shrinkWeight(calibrated)).toBeGreaterThan(0.9);
    const noise = Array.from({ length: 4000 }, () => ({ y: rand() < 0.5 ? 1 : 0, base: 0.5, prediction: rand() }));
    expect(shrinkWeight(noise)).toBeLessThan(0.1);
    // An anti-correlated signal clamps to 0, and no spread at all means nothing to trust.
    expect(shrinkWeight(calibrated.map((s) => ({ ...s, prediction: 1 - s.prediction })))).toBe(0);
    expect(shrinkWeight([{ y: 1, base: 0.5, prediction: 0.5 }])).toBe(0);
  });

  it('halves an overconfident signal', () => {
    const rand = uniformStream(11);
    const samples = Array.from({ length: 8000 }, () => {
      const p = 0.25 + 0.5 * rand();
      return { y: rand() < p ? 1 : 0, base: 0.5, prediction: 0.5 + 2 * (p - 0.5) };
    });
    expect(shrinkWeight(samples)).toBeCloseTo(0.5, 1);
  });

  it('the cost-weight sweep picks the best quality at λ = 0 and the cheapest when cost dominates', () => {
    const p = [
      [0.6, 0.9],
      [0.8, 0.85],
    ];
    const meanCost = p.map(() => [1, 8]);
    // log2(8) = 3: at λ = 0.02 the 0.05 gap of prompt 1 is not worth it, prompt 0's 0.3 gap is.
    expect(sweepChoices(p, meanCost, [0, 0.02, 1])).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
  });

  it('a per-prompt adjustment is used at a cost weight only where it paid out of fold', () => {
    // Cheap ($1) right on half the prompts, strong ($8) always; base rates 0.5 and 1.
    const n = 100;
    const scores = Array.from({ length: n }, (_, i) => [i % 2, 1]);
    const base = scores.map(() => [0.5, 1]);
    const meanCost = scores.map(() => [1, 8]);
    const grid = [0, 0.5, 1];
    // λ = 0: quality only (strong everywhere whatever w); λ = 0.1: a correct adjustment saves the strong
    // model's price where the cheap one is right; λ = 1: cheap everywhere whatever w.
    const lambdas = [0, 0.1, 1];
    const knowing = chooseWeightPerLambda({ scores, base, prediction: scores.map((s) => [s[0], 1]), meanCost }, lambdas, grid);
    // w = 0.5 already routes every prompt right at λ = 0.1; the smallest weight that does wins.
    expect(knowing).toEqual([0, 0.5, 0]);
    // Predictions that say the opposite of the outcomes never pay, so w stays 0 at every λ.
    const wrong = chooseWeightPerLambda({ scores, base, prediction: scores.map((s) => [1 - s[0], 1]), meanCost }, lambdas, grid);
    expect(wrong).toEqual([0, 0, 0]);
  });
});
