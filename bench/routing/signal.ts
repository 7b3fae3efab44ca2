/**
 * How much per-prompt signal is there to route on, and how much would the targets need? Pure
 * helpers for routing-signal.ts.
 *
 * Within one task a router can beat mixing fixed models only by telling, prompt by prompt, where a
 * cheap model fails and a dear one succeeds. The "escalation gain" of a prompt is
 * g = y_strong − y_cheap ∈ {−1, 0, 1}; a predictor is worth what its ranking of prompts by g is
 * worth, measured here as the ROC-AUC of its score for g = 1 against g ≤ 0.
 */

import { fnv1aMixed } from '../../src/lib';
export type SparseVector = Map<number, number>;

/** Rank-based ROC-AUC (ties count one half); NaN when a class is empty. */
export function rocAuc(scores: number[], positive: boolean[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (positive[order[k]]) {
        rankSum += midRank;
        positives++;
      }
    i = j + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export const NGRAM_DIMENSIONS = 1 << 15;

/** Hashed word unigrams and bigrams of the text, L2-normalised (a bag of n-grams, no vocabulary to ship). */
export function ngramVector(text: string): SparseVector {
  const words = text.toLowerCase().match(/[a-z0-9_]+|[^\sa-z0-9_]/g) ?? [];
  const v: SparseVector = new Map();
  const add = (gram: string) => {
    const k = fnv1aMixed(gram) % NGRAM_DIMENSIONS;
    v.set(k, (v.get(k) ?? 0) + 1);
  };
  for (let i = 0; i < words.length; i++) {
    add(`1|${words[i]}`);
    if (i > 0) add(`2|${words[i - 1]} ${words[i]}`);
  }
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

const dot = (w: Float64Array, x: SparseVector) => {
  let z = 0;
  for (const [k, v] of x) z += w[k] * v;
  return z;
};

/**
 * L2-regularised logistic regression by full-batch gradient descent (convex; 300 steps are plenty
 * at these sizes). Returns P(y = 1 | x).
 */
export function fitLogistic(
  X: SparseVector[],
  y: number[],
  opts: { l2: number; dimensions: number; steps?: number; rate?: number },
): (x: SparseVector) => number {
  const n = X.length;
  const w = new Float64Array(opts.dimensions);
  const base = (y.reduce((a, b) => a + b, 0) + 0.5) / (n + 1);
  let bias = Math.log(base / (1 - base));
  const rate = opts.rate ?? 1;
  const grad = new Float64Array(opts.dimensions);
  for (let step = 0; step < (opts.steps ?? 300); step++) {
    grad.fill(0);
    let gBias = 0;
    for (let i = 0; i < n; i++) {
      const e = 1 / (1 + Math.exp(-(bias + dot(w, X[i])))) - y[i];
      gBias += e;
      for (const [k, v] of X[i]) grad[k] += e * v;
    }
    for (let k = 0; k < opts.dimensions; k++) w[k] -= rate * (grad[k] / n + opts.l2 * w[k]);
    bias -= (rate * gBias) / n;
  }
  return (x) => 1 / (1 + Math.exp(-(bias + dot(w, x))));
}

/** Indices of the k training vectors most cosine-similar to x (vectors are L2-normalised). */
export function nearest(X: SparseVector[], x: SparseVector, k: number): number[] {
  const sims = X.map((xi, i) => {
    let s = 0;
    for (const [key, v] of x) {
      const u = xi.get(key);
      if (u !== undefined) s += u * v;
    }
    return { s, i };
  });
  sims.sort((a, b) => b.s - a.s || a.i - b.i);
  return sims.slice(0, Math.min(k, sims.length)).map((t) => t.i);
}

export interface EscalationPrompt {
  /** 1 when the strong model answered correctly, else 0; same for the cheap model. */
  strong: number;
  cheap: number;
  strongCost: number;
  cheapCost: number;
}

/**
 * Escalate prompts to the strong model in the order of `scores` (highest first), the rest to the
 * cheap one, until accuracy reaches `share` of the strong model's; returns the mean cost as a share
 * of the strong model's mean cost (1 when even escalating everything does not get there).
 */
export function escalationCostShare(prompts: EscalationPrompt[], scores: number[], share = 0.95): number {
  const n = prompts.length;
  const strongAcc = prompts.reduce((a, p) => a + p.strong, 0) / n;
  const strongCost = prompts.reduce((a, p) => a + p.strongCost, 0);
  const order = prompts.map((p, i) => i).sort((a, b) => scores[b] - scores[a]);
  let correct = prompts.reduce((a, p) => a + p.cheap, 0);
  let cost = prompts.reduce((a, p) => a + p.cheapCost, 0);
  const target = share * strongAcc * n - 1e-9;
  for (let k = 0; correct < target && k < n; k++) {
    const p = prompts[order[k]];
    correct += p.strong - p.cheap;
    cost += p.strongCost - p.cheapCost;
  }
  return correct >= target ? cost / strongCost : 1;
}

/** Deterministic standard normal draws (xorshift + Box–Muller), so the figures reproduce. */
export function normalStream(seed: number): () => number {
  let s = seed >>> 0 || 1;
  const uniform = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * A synthetic gain predictor of separation d: scores z + d·g (z standard normal, g the prompt's real
 * escalation gain). Returns its mean escalation cost share over `trials` draws and the mean AUC such
 * scores have (g = 1 against g ≤ 0); d = 0 is a random order.
 */
export function syntheticPredictor(
  prompts: EscalationPrompt[],
  d: number,
  opts: { accuracyShare?: number; trials?: number; seed?: number } = {},
): { auc: number; costShare: number } {
  const gains = prompts.map((p) => p.strong - p.cheap);
  const positive = gains.map((g) => g > 0);
  const normal = normalStream(opts.seed ?? 1);
  const trials = opts.trials ?? 100;
  let costShare = 0;
  let auc = 0;
  for (let t = 0; t < trials; t++) {
    const scores = gains.map((g) => normal() + d * g);
    costShare += escalationCostShare(prompts, scores, opts.accuracyShare ?? 0.95);
    auc += rocAuc(scores, positive);
  }
  return { auc: auc / trials, costShare: costShare / trials };
}

/** The weakest synthetic predictor (smallest d, in steps of 0.05 up to 4) whose mean cost share is ≤ budgetShare; null if none. */
export function requiredSignal(
  prompts: EscalationPrompt[],
  opts: { budgetShare: number; accuracyShare?: number; trials?: number; seed?: number },
): { separation: number; auc: number; costShare: number } | null {
  for (let step = 0; step <= 80; step++) {
    const d = step * 0.05;
    const figures = syntheticPredictor(prompts, d, opts);
    if (figures.costShare <= opts.budgetShare) return { separation: Math.round(d * 100) / 100, ...figures };
  }
  return null;
}
