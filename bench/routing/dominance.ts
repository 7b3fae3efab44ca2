/**
 * Is a router ever worse than mixing fixed models, and is its edge more than noise? Pure functions.
 *
 * A routed run is an outcome table: for every prompt, each model's score and cost, and for each
 * setting of the router's cost weight (a sweep point) the model it chose. The Zero router is the
 * non-decreasing hull of the single models on the same prompts. The bootstrap resamples prompts
 * (paired: the router and the Zero router are recomputed on the same resample), so the interval of
 * AIQ(router) − AIQ(Zero) and of each sweep point's margin over the Zero hull at its own cost
 * includes the noise of which prompts happen to be in the test set.
 */
import { mulberry32 } from '../../src/lib/mulberry32';
import { aiq, hullValue, nonDecreasingHull, pairMetrics, type PairMetrics, type Point } from './metrics';

export interface RoutedRun {
  /** scores[i][m], costs[i][m]: prompt i, model m. */
  scores: number[][];
  costs: number[][];
  /** choices[s][i]: the model sweep point s sent prompt i to; −1: unrouted (scores 0 at no cost). */
  choices: number[][];
}

/** Deterministic uniform draws in [0, 1), so intervals reproduce. */
export const uniformStream = (seed: number): (() => number) => mulberry32(seed);

interface Evaluated {
  router: Point[];
  singles: Point[];
  range: { lo: number; hi: number };
}

function evaluate(run: RoutedRun, idx: number[]): Evaluated {
  const models = run.scores[0]?.length ?? 0;
  const n = idx.length;
  const singles: Point[] = Array.from({ length: models }, (_, m) => {
    let cost = 0;
    let quality = 0;
    for (const i of idx) {
      cost += run.costs[i][m];
      quality += run.scores[i][m];
    }
    return { cost: cost / n, quality: quality / n };
  });
  const router = run.choices.map((choice) => {
    let cost = 0;
    let quality = 0;
    for (const i of idx) {
      if (choice[i] < 0) continue;
      cost += run.costs[i][choice[i]];
      quality += run.scores[i][choice[i]];
    }
    return { cost: cost / n, quality: quality / n };
  });
  const costs = singles.map((p) => p.cost);
  return { router, singles, range: { lo: Math.min(...costs), hi: Math.max(...costs) } };
}

const quantile = (sorted: number[], q: number, none: number) =>
  sorted.length === 0 ? none : sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1) + 0.5)))];

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

export interface DominanceReport {
  routerAiq: number;
  zeroAiq: number;
  /** AIQ(router) − AIQ(Zero), with its bootstrap 95 % interval. */
  difference: Interval;
  /** Per sweep point: its cost, and its quality minus the Zero hull's at that cost (95 % interval). */
  points: { cost: number; quality: number; margin: Interval }[];
  /** Sweep points whose whole interval is below the Zero hull: a fixed mix was surely better there. */
  dominated: number;
  /**
   * The `difference` interval a router gets that is exactly the Zero router's vertices on these prompts (the best
   * fixed mix, found with hindsight): 0, with a lower bound below 0 wherever a model just under the hull rises above
   * it in some resamples. A router's lower bound can only clear this floor by beating the hull, not by matching it.
   */
  floor: Interval;
  /**
   * AIQ(router) − AIQ(the Zero hull's vertices on these prompts), both recomputed on each resample: the router against
   * the best fixed mix without the hindsight of re-choosing that mix per resample (`difference` minus `floor`, per resample).
   */
  versusVertices: Interval;
}

export function dominanceReport(run: RoutedRun, opts: { resamples?: number; seed?: number } = {}): DominanceReport {
  const n = run.scores.length;
  const all = Array.from({ length: n }, (_, i) => i);
  const margins = (e: Evaluated) => {
    const zero = nonDecreasingHull(e.singles);
    return e.router.map((p) => p.quality - hullValue(zero, p.cost));
  };
  const base = evaluate(run, all);
  const routerAiq = aiq(base.router, base.range);
  const zeroAiq = aiq(base.singles, base.range);
  const baseMargins = margins(base);
  const zeroVertices = new Set(nonDecreasingHull(base.singles.map((p, m) => ({ ...p, label: String(m) }))).map((p) => Number(p.label)));
  const draw = uniformStream(opts.seed ?? 1);
  const diffs: number[] = [];
  const floors: number[] = [];
  const versus: number[] = [];
  const pointDraws: number[][] = baseMargins.map(() => []);
  for (let b = 0; b < (opts.resamples ?? 200); b++) {
    const idx = all.map(() => Math.floor(draw() * n));
    const e = evaluate(run, idx);
    const zeroAiqHere = aiq(e.singles, e.range);
    diffs.push(aiq(e.router, e.range) - zeroAiqHere);
    const verticesAiq = aiq(
      e.singles.filter((_, m) => zeroVertices.has(m)),
      e.range,
    );
    floors.push(verticesAiq - zeroAiqHere);
    versus.push(aiq(e.router, e.range) - verticesAiq);
    margins(e).forEach((m, s) => pointDraws[s].push(m));
  }
  diffs.sort((a, b) => a - b);
  floors.sort((a, b) => a - b);
  versus.sort((a, b) => a - b);
  const points = base.router.map((p, s) => {
    const d = pointDraws[s].sort((a, b) => a - b);
    return {
      cost: p.cost,
      quality: p.quality,
      margin: { value: baseMargins[s], lo: quantile(d, 0.025, baseMargins[s]), hi: quantile(d, 0.975, baseMargins[s]) },
    };
  });
  return {
    routerAiq,
    zeroAiq,
    difference: {
      value: routerAiq - zeroAiq,
      lo: quantile(diffs, 0.025, routerAiq - zeroAiq),
      hi: quantile(diffs, 0.975, routerAiq - zeroAiq),
    },
    points,
    dominated: points.filter((p) => p.margin.hi < 0).length,
    floor: { value: 0, lo: quantile(floors, 0.025, 0), hi: quantile(floors, 0.975, 0) },
    versusVertices: {
      value: routerAiq - zeroAiq,
      lo: quantile(versus, 0.025, routerAiq - zeroAiq),
      hi: quantile(versus, 0.975, routerAiq - zeroAiq),
    },
  };
}

/** Strong/weak pair metrics of a run's sweep points (APGR, CPT(50 %), CPT(80 %)), on all its prompts. */
export function runPairMetrics(run: RoutedRun, weak: number, strong: number): PairMetrics {
  const e = evaluate(
    run,
    run.scores.map((_, i) => i),
  );
  return pairMetrics(e.router, e.singles[weak], e.singles[strong]);
}

/**
 * How much of a per-prompt adjustment to trust: the least-squares w in y − μ ≈ w·(p − μ), clamped
 * to [0, 1], from predictions p made out of fold. A signal no better than the base rate μ gets
 * w ≈ 0, so the router falls back to the task-level estimate instead of routing on noise.
 */
export function shrinkWeight(samples: { y: number; base: number; prediction: number }[]): number {
  let num = 0;
  let den = 0;
  for (const s of samples) {
    const d = s.prediction - s.base;
    num += (s.y - s.base) * d;
    den += d * d;
  }
  if (!(den > 0)) return 0;
  return Math.min(1, Math.max(0, num / den));
}

/** Choices of a cost-weight sweep: argmax_m p[i][m] − λ·log2(c_m / c_min) per prompt. */
export function sweepChoices(p: number[][], meanCost: number[][], lambdas: number[]): number[][] {
  return lambdas.map((lambda) =>
    p.map((pi, i) => {
      const c = meanCost[i];
      const minC = Math.min(...c);
      let best = 0;
      let bestObjective = -Infinity;
      for (let m = 0; m < pi.length; m++) {
        const objective = pi[m] - lambda * Math.log2(c[m] / minC);
        if (objective > bestObjective) {
          bestObjective = objective;
          best = m;
        }
      }
      return best;
    }),
  );
}

export interface InnerOutcomes {
  /** Per held-out training prompt: each model's outcome, its base-rate and per-prompt predictions, and the mean costs it was routed with. */
  scores: number[][];
  base: number[][];
  prediction: number[][];
  meanCost: number[][];
}

export const blendPrediction = (base: number[], prediction: number[], w: number) => prediction.map((p, m) => base[m] + w * (p - base[m]));

/**
 * One shrink weight per sweep point: the grid weight whose routing has the best balanced objective
 * (mean of quality − λ·log2(c / c_min), what the router maximises at that λ) on out-of-fold
 * predictions; the smallest weight wins ties, so w stays 0 unless a per-prompt adjustment paid there.
 */
export function chooseWeightPerLambda(inner: InnerOutcomes, lambdas: number[], grid: number[]): number[] {
  const chosen = lambdas.map(() => ({ w: 0, utility: -Infinity }));
  for (const w of [...grid].sort((a, b) => a - b)) {
    const p = inner.scores.map((_, i) => blendPrediction(inner.base[i], inner.prediction[i], w));
    sweepChoices(p, inner.meanCost, lambdas).forEach((choice, k) => {
      let utility = 0;
      choice.forEach((m, i) => {
        const c = inner.meanCost[i];
        utility += inner.scores[i][m] - lambdas[k] * Math.log2(c[m] / Math.min(...c));
      });
      if (utility > chosen[k].utility + 1e-9) chosen[k] = { w, utility };
    });
  }
  return chosen.map((c) => c.w);
}
