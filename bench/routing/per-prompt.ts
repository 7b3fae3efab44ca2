/**
 * Per-prompt quality predictors, out of fold and across sources, with a dominance report.
 *
 *   npm run bench:routing-per-prompt -- --routerbench FILE... [--alpacaeval FILE] [--folds 5] [--seeds 3]
 *     [--resamples 200] [--json]
 *
 * Predictors of each model's 0/1 outcome on a prompt, routed by argmax p_m − λ·log2(c_m / c_min)
 * over a λ sweep (the balanced objective without the eval gate and latency; see routing-signal.ts):
 *   constant   the model's pass rate on the training prompts (a per-task router);
 *   knn        25 nearest training questions by hashed word 1–2-gram cosine, with 5 pseudo-prompts
 *              at the pass rate;
 *   shrunk-*   constant + w·(knn − constant), w ∈ [0, 1] fitted on knn predictions made out of fold
 *              *inside the training prompts* (so the test prompts never set it): `brier` by least
 *              squares on the outcomes, `route` by the AIQ it gives, `per-λ` one w per sweep point by
 *              the balanced objective at that λ (0 unless another weight beats it).
 * Evaluations:
 *   per task   each RouterBench task, k-fold by hashed prompt id, repeated over fold seeds;
 *   cross      train on every RouterBench task, test on AlpacaEval 1 (the five models the two share;
 *              their per-prompt cost is the model's mean RouterBench cost, since AlpacaEval has none);
 *   within     AlpacaEval 1 k-fold on its own outcomes.
 * Each reports AIQ vs the Zero router with a paired bootstrap 95 % interval of the difference, the
 * sweep points a fixed mix surely beats (dominated), and APGR / CPT(50 %) / CPT(80 %) for the strong /
 * weak pair. Results: README.md (this folder).
 */
import { readFileSync } from 'node:fs';
import { argList, argValue } from './args';
import { hash32, lastQuestion, parseCsv, parseRouterBench } from './data';
import {
  blendPrediction,
  chooseWeightPerLambda,
  dominanceReport,
  runPairMetrics,
  shrinkWeight,
  sweepChoices,
  type RoutedRun,
} from './dominance';
import { nearest, ngramVector, type SparseVector } from './signal';
import { loadEngineFromFile } from '../classifier/engine-file';

const NEIGHBOURS = 25;
const PSEUDO = 5;
const LAMBDAS = [0, ...Array.from({ length: 60 }, (_, i) => 0.002 * 1.2 ** (i + 1))];
/** AlpacaEval 1 column → RouterBench model. */
const SHARED_MODELS: Record<string, string> = {
  'gpt-3.5-turbo-1106': 'gpt-3.5-turbo-1106',
  gpt4_1106_preview: 'gpt-4-1106-preview',
  'claude-2': 'claude-v2',
  'Yi-34B-Chat': 'zero-one-ai/Yi-34B-Chat',
  'llama-2-70b-chat-hf': 'meta/llama-2-70b-chat',
};
const STRONG = 'gpt-4-1106-preview';
const WEAK = 'mistralai/mixtral-8x7b-chat';
/** AlpacaEval 1 has no mixtral: its weak model is the cheapest shared one. */
const ALPACA_WEAK = 'meta/llama-2-70b-chat';

interface Row {
  id: string;
  vec: SparseVector;
  scores: number[];
  costs: number[];
}

/**
 * `--repr ngram` (default): hashed word 1–2-grams. `--repr hidden|normed`: the shipped classifier's
 * representation of the prompt (its hidden layer, or its normalised pooled input), L2-normalised.
 */
const REPR = argValue(process.argv.slice(2), '--repr') ?? 'ngram';
const engine = REPR === 'ngram' ? null : loadEngineFromFile();
function vectorOf(text: string): SparseVector {
  if (!engine) return ngramVector(text);
  const r = engine.represent(text);
  const v = REPR === 'hidden' ? r.hidden : r.normed;
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  const out: SparseVector = new Map();
  v.forEach((x, i) => x !== 0 && out.set(i, x / norm));
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const foldOf = (id: string, k: number, seed: number) => hash32(`cailos-fold|${seed}|${id}`) % k;

/** Per-model outcome predictions for a row, one array per sweep point (most predictors: the same one). */
type Predictor = (row: Row) => number[][];
type Fit = (train: Row[]) => Predictor;

const passRates = (train: Row[]) => train[0].scores.map((_, m) => mean(train.map((r) => r.scores[m])));

const everyLambda = (p: number[]) => LAMBDAS.map(() => p);

const fitConstant: Fit = (train) => {
  const rates = passRates(train);
  return () => everyLambda(rates);
};

function knnOf(train: Row[]): (row: Row) => number[] {
  const rates = passRates(train);
  const X = train.map((r) => r.vec);
  return (row) => {
    const near = nearest(X, row.vec, NEIGHBOURS).map((k) => train[k]);
    return rates.map((p, m) => (near.reduce((a, r) => a + r.scores[m], 0) + PSEUDO * p) / (near.length + PSEUDO));
  };
}

const fitKnn: Fit = (train) => {
  const knn = knnOf(train);
  return (row) => everyLambda(knn(row));
};

interface InnerPredictions {
  rows: Row[];
  base: number[][];
  knn: number[][];
  meanCost: number[][];
}

/**
 * knn and pass-rate predictions for every training prompt, each from the other inner folds. With
 * `group`, the inner folds are the groups (tasks): a weight meant for a new source must be fitted
 * on prompts from a task it did not see, or the neighbours' task identity passes for a signal.
 */
function innerOutOfFold(train: Row[], folds: number, group?: (r: Row) => string): InnerPredictions {
  const groups = group ? [...new Set(train.map(group))] : [];
  const keyOf = (r: Row) => (group ? groups.indexOf(group(r)) : foldOf(r.id, folds, 7919));
  const out: InnerPredictions = { rows: [], base: [], knn: [], meanCost: [] };
  for (let f = 0; f < (group ? groups.length : folds); f++) {
    const inner = train.filter((r) => keyOf(r) !== f);
    const held = train.filter((r) => keyOf(r) === f);
    if (!inner.length || !held.length) continue;
    const base = passRates(inner);
    const costs = base.map((_, m) => mean(inner.map((r) => r.costs[m])));
    const knn = knnOf(inner);
    for (const r of held) {
      out.rows.push(r);
      out.base.push(base);
      out.knn.push(knn(r));
      out.meanCost.push(costs);
    }
  }
  return out;
}

const blend = blendPrediction;

/** A shrunk knn fit: the weight comes from `chooseWeight` on inner out-of-fold predictions. */
function fitShrunkBy(folds: number, weights: number[], chooseWeight: (inner: InnerPredictions) => number, group?: (r: Row) => string): Fit {
  return (train) => {
    const w = chooseWeight(innerOutOfFold(train, folds, group));
    weights.push(w);
    const rates = passRates(train);
    const knn = knnOf(train);
    return (row) => everyLambda(blend(rates, knn(row), w));
  };
}

/** Least squares on the outcomes (calibration). */
const brierWeight = (inner: InnerPredictions) =>
  shrinkWeight(inner.rows.flatMap((r, i) => r.scores.map((y, m) => ({ y, base: inner.base[i][m], prediction: inner.knn[i][m] }))));

const WEIGHT_GRID = Array.from({ length: 11 }, (_, i) => i / 10);

/**
 * The weight whose routing beats the Zero router most on the inner folds; 0 unless some weight
 * beats w = 0 there, so an adjustment that does not pay in routing is never used.
 */
const routingWeight = (inner: InnerPredictions) => {
  let best = 0;
  let bestAiq = -Infinity;
  for (const w of WEIGHT_GRID) {
    const run: RoutedRun = {
      scores: inner.rows.map((r) => r.scores),
      costs: inner.rows.map((r) => r.costs),
      choices: sweepChoices(
        inner.rows.map((_, i) => blend(inner.base[i], inner.knn[i], w)),
        inner.meanCost,
        LAMBDAS,
      ),
    };
    const a = dominanceReport(run, { resamples: 0 }).routerAiq;
    if (a > bestAiq + 1e-9) {
      bestAiq = a;
      best = w;
    }
  }
  return best;
};

/** Out-of-fold predictions and each prompt's view of the models' mean costs (from its train fold). */
/**
 * One weight per sweep point: the grid weight with the best balanced objective (quality −
 * λ·log2(c / c_min), what the router maximises at that λ) on the inner folds; 0 unless another beats
 * it there. A per-prompt adjustment that pays at the dear end but not at the cheap end (or the reverse)
 * is then used only where it paid.
 */
function fitShrunkPerLambda(folds: number, weights: number[], group?: (r: Row) => string): Fit {
  return (train) => {
    const inner = innerOutOfFold(train, folds, group);
    const chosen = chooseWeightPerLambda(
      { scores: inner.rows.map((r) => r.scores), base: inner.base, prediction: inner.knn, meanCost: inner.meanCost },
      LAMBDAS,
      WEIGHT_GRID,
    );
    weights.push(mean(chosen));
    const rates = passRates(train);
    const knn = knnOf(train);
    return (row) => {
      const k = knn(row);
      return chosen.map((w) => blend(rates, k, w));
    };
  };
}

interface Predictions {
  /** p[i][λ index][m] */
  p: number[][][];
  meanCost: number[][];
}

function outOfFold(rows: Row[], folds: number, seed: number, fit: Fit): Predictions {
  const p = new Array<number[][]>(rows.length);
  const meanCost = new Array<number[]>(rows.length);
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((r) => foldOf(r.id, folds, seed) !== f);
    const predict = fit(train);
    const costs = train[0].costs.map((_, m) => mean(train.map((r) => r.costs[m])));
    rows.forEach((r, i) => {
      if (foldOf(r.id, folds, seed) !== f) return;
      p[i] = predict(r);
      meanCost[i] = costs;
    });
  }
  return { p, meanCost };
}

function crossSource(train: Row[], test: Row[], fit: Fit): Predictions {
  const predict = fit(train);
  const costs = test[0].costs.map((_, m) => mean(test.map((r) => r.costs[m])));
  return { p: test.map(predict), meanCost: test.map(() => costs) };
}

interface Figures {
  routerAiq: number;
  zeroAiq: number;
  diff: number;
  diffLo: number;
  diffHi: number;
  /** Lower bound a router exactly at the Zero hull's vertices gets on the same prompts (dominance.ts `floor`). */
  floorLo: number;
  dominated: number;
  apgr: number;
  cpt50: number | null;
  cpt80: number | null;
  shrink?: number;
}

function figures(rows: Row[], pred: Predictions, weak: number, strong: number, resamples: number): Figures {
  const run: RoutedRun = {
    scores: rows.map((r) => r.scores),
    costs: rows.map((r) => r.costs),
    choices: LAMBDAS.map(
      (lambda, k) =>
        sweepChoices(
          pred.p.map((pi) => pi[k]),
          pred.meanCost,
          [lambda],
        )[0],
    ),
  };
  const d = dominanceReport(run, { resamples });
  const pair = runPairMetrics(run, weak, strong);
  return {
    routerAiq: d.routerAiq,
    zeroAiq: d.zeroAiq,
    diff: d.difference.value,
    diffLo: d.difference.lo,
    diffHi: d.difference.hi,
    floorLo: d.floor.lo,
    dominated: d.dominated,
    ...pair,
  };
}

function loadRouterBench(files: string[]): { rows: (Row & { task: string })[]; models: string[] } {
  let models: string[] = [];
  const rows: (Row & { task: string })[] = [];
  for (const file of files) {
    const parsed = parseRouterBench(readFileSync(file, 'utf8'));
    if (models.length && parsed.models.join() !== models.join()) throw new Error(`${file}: model columns differ`);
    models = parsed.models;
    for (const r of parsed.rows)
      rows.push({
        id: r.id,
        task: r.evalName,
        vec: vectorOf(lastQuestion(r.prompt)),
        scores: models.map((m) => r.scores[m]),
        costs: models.map((m) => r.costs[m]),
      });
  }
  return { rows, models };
}

/** AlpacaEval 1 rows over the shared models (rows with an empty cell skipped), costed at RouterBench means. */
function loadAlpaca(file: string, meanCost: Record<string, number>): Row[] {
  const table = parseCsv(readFileSync(file, 'utf8'));
  const header = table[0];
  const cols = Object.keys(SHARED_MODELS).map((m) => header.indexOf(m));
  const rows: Row[] = [];
  for (const r of table.slice(1)) {
    if (r.length < header.length || cols.some((c) => r[c] === '' || r[c] === undefined)) continue;
    rows.push({
      id: r[header.indexOf('prompt_id')],
      vec: vectorOf(r[header.indexOf('prompt')]),
      scores: cols.map((c) => Number(r[c])),
      costs: Object.values(SHARED_MODELS).map((m) => meanCost[m]),
    });
  }
  return rows;
}

function summarise(label: string, runs: Figures[]): Record<string, unknown> {
  const out = {
    label,
    runs: runs.length,
    routerAiq: mean(runs.map((r) => r.routerAiq)),
    zeroAiq: mean(runs.map((r) => r.zeroAiq)),
    diff: mean(runs.map((r) => r.diff)),
    diffSd: sd(runs.map((r) => r.diff)),
    diffLoMin: Math.min(...runs.map((r) => r.diffLo)),
    diffHiMax: Math.max(...runs.map((r) => r.diffHi)),
    floorLoMin: Math.min(...runs.map((r) => r.floorLo)),
    dominatedMax: Math.max(...runs.map((r) => r.dominated)),
    apgr: mean(runs.map((r) => r.apgr)),
    cpt50: mean(runs.map((r) => r.cpt50 ?? Number.NaN)),
    cpt80: mean(runs.map((r) => r.cpt80 ?? Number.NaN)),
  };
  const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
  const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
  console.log(
    `${label.padEnd(34)} AIQ ${f(out.routerAiq)} vs Zero ${f(out.zeroAiq)}  diff ${out.diff >= 0 ? '+' : ''}${out.diff.toFixed(4)} ±${out.diffSd.toFixed(4)} sd` +
      `  [${out.diffLoMin.toFixed(4)}, ${out.diffHiMax.toFixed(4)}] (Zero-vertex router ≥ ${out.floorLoMin.toFixed(4)})  dominated ${out.dominatedMax}/${LAMBDAS.length}` +
      `  APGR ${f(out.apgr)}  CPT50/80 ${pct(out.cpt50)} / ${pct(out.cpt80)}`,
  );
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const rbFiles = argList(args, '--routerbench');
  if (rbFiles.length === 0) {
    console.error(
      'usage: npm run bench:routing-per-prompt -- --routerbench FILE... [--alpacaeval FILE] [--folds 5] [--seeds 3] [--resamples 200] [--json]',
    );
    process.exit(2);
  }
  const folds = Number(argValue(args, '--folds') ?? 5);
  const seeds = Number(argValue(args, '--seeds') ?? 3);
  const resamples = Number(argValue(args, '--resamples') ?? 200);
  const { rows, models } = loadRouterBench(rbFiles);
  const predictors: Record<string, (weights: number[]) => Fit> = {
    constant: () => fitConstant,
    knn: () => fitKnn,
    'shrunk-brier': (w) => fitShrunkBy(folds, w, brierWeight),
    'shrunk-route': (w) => fitShrunkBy(folds, w, routingWeight),
    'shrunk-per-λ': (w) => fitShrunkPerLambda(folds, w),
  };
  // Across sources the inner folds are the RouterBench tasks (see innerOutOfFold).
  const byTask = (r: Row) => (r as Row & { task: string }).task;
  const crossPredictors: Record<string, (weights: number[]) => Fit> = {
    ...predictors,
    'shrunk-brier': (w) => fitShrunkBy(folds, w, brierWeight, byTask),
    'shrunk-route': (w) => fitShrunkBy(folds, w, routingWeight, byTask),
    'shrunk-per-λ': (w) => fitShrunkPerLambda(folds, w, byTask),
  };
  const results: Record<string, unknown>[] = [];
  const taskAiq: Record<string, { router: number[]; zero: number[] }> = {};
  const note = (name: string, f: Figures) => {
    (taskAiq[name] ??= { router: [], zero: [] }).router.push(f.routerAiq);
    taskAiq[name].zero.push(f.zeroAiq);
  };

  const tasks = [...new Set(rows.map((r) => r.task))];
  for (const task of tasks) {
    const T = rows.filter((r) => r.task === task);
    console.log(`\n${task}: ${T.length} prompts, ${folds}-fold × ${seeds} fold seeds (strong ${STRONG}, weak ${WEAK})`);
    for (const [name, make] of Object.entries(predictors)) {
      const weights: number[] = [];
      const runs = Array.from({ length: seeds }, (_, seed) =>
        figures(T, outOfFold(T, folds, seed, make(weights)), models.indexOf(WEAK), models.indexOf(STRONG), resamples),
      );
      runs.forEach((r) => note(name, r));
      const s = summarise(`  ${name}`, runs);
      if (weights.length)
        console.log(
          `    shrink weight w: mean ${mean(weights).toFixed(3)}, range ${Math.min(...weights).toFixed(3)}–${Math.max(...weights).toFixed(3)}`,
        );
      results.push({ split: `routerbench/${task}`, predictor: name, ...s, shrink: weights.length ? mean(weights) : undefined });
    }
  }
  console.log('\nmean of RouterBench tasks (per seed, then averaged):');
  for (const [name, t] of Object.entries(taskAiq)) {
    // Every task contributes one entry per seed, so the plain mean is the mean of tasks.
    console.log(`  ${name.padEnd(10)} AIQ ${mean(t.router).toFixed(4)} vs Zero ${mean(t.zero).toFixed(4)} (${tasks.length} tasks)`);
  }

  const alpacaFile = argValue(args, '--alpacaeval');
  if (alpacaFile) {
    const meanCost: Record<string, number> = {};
    models.forEach((m, j) => (meanCost[m] = mean(rows.map((r) => r.costs[j]))));
    const alpaca = loadAlpaca(alpacaFile, meanCost);
    const shared = Object.values(SHARED_MODELS);
    const rbShared = rows.map((r) => ({
      ...r,
      scores: shared.map((m) => r.scores[models.indexOf(m)]),
      costs: shared.map((m) => r.costs[models.indexOf(m)]),
    }));
    const weak = shared.indexOf(ALPACA_WEAK);
    const strong = shared.indexOf(STRONG);
    console.log(`\nAlpacaEval 1: ${alpaca.length} prompts × ${shared.length} shared models (strong ${STRONG}, weak ${ALPACA_WEAK})`);
    console.log(' cross-source: trained on all RouterBench tasks');
    for (const [name, make] of Object.entries(crossPredictors)) {
      const weights: number[] = [];
      const f = figures(alpaca, crossSource(rbShared, alpaca, make(weights)), weak, strong, resamples);
      const s = summarise(`  ${name}`, [f]);
      if (weights.length) console.log(`    shrink weight w: ${weights[0].toFixed(3)}`);
      results.push({ split: 'routerbench→alpacaeval1', predictor: name, ...s, shrink: weights[0] });
    }
    console.log(` within AlpacaEval 1: ${folds}-fold × ${seeds} fold seeds`);
    for (const [name, make] of Object.entries(predictors)) {
      const weights: number[] = [];
      const runs = Array.from({ length: seeds }, (_, seed) =>
        figures(alpaca, outOfFold(alpaca, folds, seed, make(weights)), weak, strong, resamples),
      );
      const s = summarise(`  ${name}`, runs);
      if (weights.length) console.log(`    shrink weight w: mean ${mean(weights).toFixed(3)}`);
      results.push({ split: 'alpacaeval1', predictor: name, ...s, shrink: weights.length ? mean(weights) : undefined });
    }
  }
  if (args.includes('--json')) console.log(JSON.stringify({ folds, seeds, resamples, results }));
}

main();
