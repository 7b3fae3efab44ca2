/**
 * Fitting the shipped per-prompt quality model (src/routing/per-prompt/model.ts) from outcome rows: logistic
 * matrix factorisation, P(model m gets prompt p right) = σ(b[task][m] + u_p·v_m) with u_p = Σ x_pj·E_j over
 * the prompt's hashed word n-grams (src/routing/per-prompt/features.ts, the same hashing the Worker runs).
 * A model seen in several sources has one vector. The per-(task, model) biases are not shipped: in the
 * product the class level comes from evals and feedback, the artefact only supplies each prompt's deviation.
 *
 * The shrink weight w per task class is fitted out of fold inside the training rows: inner folds predict
 * every training prompt from factors that never saw it, each grid weight is routed, and the weight kept is the
 * one whose AIQ gain over w = 0, less two standard errors across the inner folds, is largest; w = 0 (the
 * class-level evidence alone) unless the per-prompt deviation paid out of fold beyond noise. The shipped
 * artefact and bench:routing --per-prompt route the inner folds through the product's pipeline
 * (per-prompt-pipeline-fit.ts); fitWeights here uses a simplified router (argmax p − λ·log2(c / c_min)).
 */
import { hash32 } from './data';
import { dominanceReport, sweepChoices } from './dominance';
import { promptFeatures, type PromptFeatures } from '../../src/routing/per-prompt/features';
import { familyOf, type PerPromptArtefact } from '../../src/routing/per-prompt/model';
import { mulberry32 } from '../../src/lib/mulberry32';

export interface OutcomeRow {
  id: string;
  /** The text the Worker would read (promptText of the request). */
  text: string;
  /** Where the w is fitted and shipped: the task class this prompt counts in. */
  taskClass: string;
  /** Per model: 0/1 outcome, undefined when the source has none. */
  outcomes: (number | undefined)[];
  /** Per model: USD for this prompt (routing weights need a cost; undefined models are never routed to). */
  costs: number[];
}

export interface FitOptions {
  buckets: number;
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  innerFolds: number;
}

/** Chosen among three settings (d = 8 / 16, L2 1e-5 / 1e-3) by inner out-of-fold AIQ on the RouterBench train rows. */
export const DEFAULT_FIT: FitOptions = { buckets: 4096, dim: 16, epochs: 20, learningRate: 0.1, l2: 1e-5, seed: 1, innerFolds: 5 };

export interface Factors {
  embeddings: Float32Array;
  vectors: Float32Array[];
  center: Float32Array;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
export const WEIGHT_GRID = Array.from({ length: 11 }, (_, i) => i / 10);
export const INNER_LAMBDAS = [0, ...Array.from({ length: 60 }, (_, i) => 0.002 * 1.2 ** (i + 1))];

function promptVectorOf(f: PromptFeatures, E: Float32Array, dim: number): Float32Array {
  const u = new Float32Array(dim);
  for (let j = 0; j < f.index.length; j++) {
    const row = f.index[j] * dim;
    for (let k = 0; k < dim; k++) u[k] += f.value[j] * E[row + k];
  }
  return u;
}

/** Per (task class, model) pass rate over the rows (the class level the product learns from evals). */
export function passRates(rows: OutcomeRow[], models: number): Map<string, number[]> {
  const sums = new Map<string, { pass: number[]; n: number[] }>();
  for (const r of rows) {
    const s = sums.get(r.taskClass) ?? { pass: new Array(models).fill(0), n: new Array(models).fill(0) };
    r.outcomes.forEach((y, m) => {
      if (y === undefined) return;
      s.pass[m] += y;
      s.n[m]++;
    });
    sums.set(r.taskClass, s);
  }
  return new Map([...sums].map(([t, s]) => [t, s.pass.map((p, m) => (p + 1) / (s.n[m] + 2))]));
}

/** SGD on the logistic loss, seeded and in a seeded row order, so the artefact reproduces. */
export function fitFactors(rows: OutcomeRow[], models: number, opts: FitOptions = DEFAULT_FIT): Factors {
  const { buckets, dim, epochs, learningRate, l2 } = opts;
  const rand = mulberry32(opts.seed);
  const E = Float32Array.from({ length: buckets * dim }, () => (rand() - 0.5) * 0.02);
  const V = Array.from({ length: models }, () => Float32Array.from({ length: dim }, () => (rand() - 0.5) * 0.2));
  const rates = passRates(rows, models);
  const bias = new Map([...rates].map(([t, p]) => [t, Float64Array.from(p, (x) => Math.log(x / (1 - x)))]));
  const features = rows.map((r) => promptFeatures(r.text, buckets));
  const order = rows.map((_, i) => i);
  const gU = new Float32Array(dim);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = learningRate / (1 + epoch * 0.3);
    for (const i of order) {
      const r = rows[i];
      const f = features[i];
      const u = promptVectorOf(f, E, dim);
      const b = bias.get(r.taskClass)!;
      gU.fill(0);
      r.outcomes.forEach((y, m) => {
        if (y === undefined) return;
        const v = V[m];
        let z = b[m];
        for (let k = 0; k < dim; k++) z += u[k] * v[k];
        const g = sigmoid(z) - y;
        b[m] -= lr * g * 0.1;
        for (let k = 0; k < dim; k++) {
          gU[k] += g * v[k];
          v[k] -= lr * (g * u[k] + l2 * v[k]);
        }
      });
      for (let j = 0; j < f.index.length; j++) {
        const row = f.index[j] * dim;
        for (let k = 0; k < dim; k++) E[row + k] -= lr * (f.value[j] * gU[k] + l2 * E[row + k]);
      }
    }
  }
  const center = new Float32Array(dim);
  for (const f of features) {
    const u = promptVectorOf(f, E, dim);
    for (let k = 0; k < dim; k++) center[k] += u[k] / features.length;
  }
  return { embeddings: E, vectors: V, center };
}

/** Each model's logit deviation (u − center)·v for one prompt. */
export function deviations(factors: Factors, text: string, buckets: number): number[] {
  const dim = factors.center.length;
  const u = promptVectorOf(promptFeatures(text, buckets), factors.embeddings, dim);
  return factors.vectors.map((v) => {
    let s = 0;
    for (let k = 0; k < dim; k++) s += (u[k] - factors.center[k]) * v[k];
    return s;
  });
}

/** The product's blend (promptShift) on a base rate: p + w·(σ(logit p + s) − p). */
export function blended(base: number[], dev: number[], w: number): number[] {
  return base.map((p0, m) => {
    const p = Math.min(0.99, Math.max(0.01, p0));
    return p + w * (sigmoid(Math.log(p / (1 - p)) + dev[m]) - p);
  });
}

interface Inner {
  rows: OutcomeRow[];
  fold: number[];
  base: number[][];
  dev: number[][];
  meanCost: number[][];
}

/** Every training prompt's base rate and deviation from inner folds that did not see it. */
function innerOutOfFold(rows: OutcomeRow[], models: number, opts: FitOptions): Inner {
  const out: Inner = { rows: [], fold: [], base: [], dev: [], meanCost: [] };
  for (let f = 0; f < opts.innerFolds; f++) {
    const foldOf = (r: OutcomeRow) => hash32(`per-prompt-inner|${opts.seed}|${r.id}`) % opts.innerFolds;
    const inner = rows.filter((r) => foldOf(r) !== f);
    const held = rows.filter((r) => foldOf(r) === f);
    if (!inner.length || !held.length) continue;
    const factors = fitFactors(inner, models, opts);
    const rates = passRates(inner, models);
    const costs = Array.from({ length: models }, (_, m) => mean(inner.map((r) => r.costs[m])));
    for (const r of held) {
      out.rows.push(r);
      out.fold.push(f);
      out.base.push(rates.get(r.taskClass) ?? new Array(models).fill(0.5));
      out.dev.push(deviations(factors, r.text, opts.buckets));
      out.meanCost.push(costs);
    }
  }
  return out;
}

/** Standard errors subtracted from a weight's mean inner gain before it may beat w = 0. */
export const GAIN_STANDARD_ERRORS = 2;

/**
 * gains[k][f]: AIQ gain of grid weight k over w = 0 on inner fold f. The weight with the largest mean gain minus
 * GAIN_STANDARD_ERRORS standard errors across folds (a gain some folds make and others do not is noise: with
 * one standard error, mbpp's ~50-prompt inner folds still let a harmful weight through); ties → the smaller.
 */
export function lowerBoundChoice(gains: number[][], grid: number[]): { w: number; gain: number[] } {
  const gain = gains.map(mean);
  const score = gains.map(
    (g, k) => gain[k] - GAIN_STANDARD_ERRORS * Math.sqrt(mean(g.map((x) => (x - gain[k]) ** 2)) / Math.max(1, g.length - 1)),
  );
  let best = 0;
  score.forEach((sc, k) => {
    if (sc > score[best] + 1e-9) best = k;
  });
  return { w: grid[best], gain };
}

/**
 * Per task class, through the simplified router (argmax p − λ·log2(c / c_min), no gate, no stretch): the grid
 * weight chosen by lowerBoundChoice on the inner out-of-fold AIQ gains over w = 0.
 */
export function fitWeights(rows: OutcomeRow[], models: number, opts: FitOptions = DEFAULT_FIT): WeightFit {
  const inner = innerOutOfFold(rows, models, opts);
  const aiqOf = (idx: number[], w: number) => {
    const p = idx.map((i) => blended(inner.base[i], inner.dev[i], w));
    const choices = sweepChoices(
      p,
      idx.map((i) => inner.meanCost[i]),
      INNER_LAMBDAS,
    );
    const scores = idx.map((i) => inner.rows[i].outcomes.map((y) => y ?? 0));
    return dominanceReport({ scores, costs: idx.map((i) => inner.rows[i].costs), choices }, { resamples: 0 }).routerAiq;
  };
  const out: WeightFit = {};
  for (const taskClass of [...new Set(rows.map((r) => r.taskClass))].sort()) {
    const folds = Array.from({ length: opts.innerFolds }, (_, f) =>
      inner.rows.map((r, i) => (r.taskClass === taskClass && inner.fold[i] === f ? i : -1)).filter((i) => i >= 0),
    ).filter((idx) => idx.length > 0);
    const base = folds.map((idx) => aiqOf(idx, 0));
    const gains = WEIGHT_GRID.map((w) => folds.map((idx, f) => aiqOf(idx, w) - base[f]));
    out[taskClass] = lowerBoundChoice(gains, WEIGHT_GRID);
  }
  return out;
}

function toBase64Int8(x: Float32Array): { data: string; scale: number } {
  let max = 0;
  for (const v of x) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  let bin = '';
  for (const v of x) bin += String.fromCharCode(Math.round(v / scale) & 0xff);
  return { data: btoa(bin), scale };
}

const round = (x: number, d = 5) => Math.round(x * 10 ** d) / 10 ** d;

/** Factors → the artefact format (int8 embeddings), with the given per-class weights. */
export function artefactOf(
  factors: Factors,
  modelIds: string[],
  weights: Record<string, number>,
  meta: { version: string; source: string },
  opts: FitOptions = DEFAULT_FIT,
): PerPromptArtefact {
  const { data, scale } = toBase64Int8(factors.embeddings);
  const families: Record<string, string[]> = {};
  for (const id of modelIds) (families[familyOf(id)] ??= []).push(id);
  return {
    version: meta.version,
    source: meta.source,
    buckets: opts.buckets,
    dim: opts.dim,
    embeddings: data,
    scale,
    center: [...factors.center].map((x) => round(x)),
    models: Object.fromEntries(modelIds.map((id, m) => [id, [...factors.vectors[m]].map((x) => round(x))])),
    families,
    weights,
  };
}

/** Per task: the chosen weight and, per grid weight, the inner out-of-fold AIQ gain over w = 0. */
export type WeightFit = Record<string, { w: number; gain: number[] }>;

/**
 * The artefact the Worker loads: factors on every row, weights fitted out of fold (by `fit`: fitWeights, the
 * simplified router, unless the caller routes through the product's pipeline: per-prompt-pipeline-fit.ts).
 */
export function trainArtefact(
  rows: OutcomeRow[],
  modelIds: string[],
  meta: { version: string; source: string; shippedClassOf?: (taskClass: string) => string },
  opts: FitOptions = DEFAULT_FIT,
  fit: (rows: OutcomeRow[]) => WeightFit = (r) => fitWeights(r, modelIds.length, opts),
): { artefact: PerPromptArtefact; innerAiq: Record<string, number[]>; taskWeights: Record<string, number> } {
  const fitted = fit(rows);
  // w is fitted per source task (its base rate is the class level there); a shipped class pooling several
  // tasks takes the smallest of their weights, so telling the tasks apart never passes for a per-prompt signal.
  const weights: Record<string, number> = {};
  for (const [task, f] of Object.entries(fitted)) {
    const c = meta.shippedClassOf?.(task) ?? task;
    weights[c] = Math.min(weights[c] ?? 1, f.w);
  }
  const factors = fitFactors(rows, modelIds.length, opts);
  return {
    artefact: artefactOf(factors, modelIds, weights, meta, opts),
    innerAiq: Object.fromEntries(Object.entries(fitted).map(([t, f]) => [t, f.gain])),
    taskWeights: Object.fromEntries(Object.entries(fitted).map(([t, f]) => [t, f.w])),
  };
}
