/**
 * Binary strong/weak routers for the threshold sweep (pair-curve.ts): each scores a prompt by how much the
 * strong model is expected to gain over the weak one on it, y_strong − y_weak; higher goes to the strong model.
 *
 *   mf        the project's per-prompt factorisation (per-prompt-mf.ts, all models of the training source):
 *             (u − center)·(v_strong − v_weak), the two models' logit deviations on this prompt;
 *   logistic  a pair-specific model over hashed word 1–2-grams: P(strong right, weak wrong) − P(weak right,
 *             strong wrong), two L2 logistic regressions (signal.ts fitLogistic);
 *   knn       mean y_strong − y_weak of the 25 nearest training prompts (n-gram cosine);
 *   head      a pair-specific logistic regression over a fixed dense prompt vector (the transferred MF
 *             representation), standardised on its training prompts;
 *   length    the prompt's length in characters (the naive "long prompts are hard" router).
 */
import { deviations, type Factors, type OutcomeRow } from './per-prompt-mf';
import { fitLogistic, nearest, ngramVector, NGRAM_DIMENSIONS, type SparseVector } from './signal';

export type PairScorer = (row: OutcomeRow) => number;
export interface Pair {
  strong: number;
  weak: number;
}

/** Logistic regressions' L2 (the value routing-signal.ts uses for the same features). */
const NGRAM_L2 = 1e-3;
const DENSE_L2 = 1e-2;
const NEIGHBOURS = 25;

const vectors = new Map<string, SparseVector>();
const ngramsOf = (row: OutcomeRow): SparseVector => {
  let v = vectors.get(row.text);
  if (!v) vectors.set(row.text, (v = ngramVector(row.text)));
  return v;
};

/** Rows where both models of the pair have an outcome. */
export const scored = (rows: OutcomeRow[], pair: Pair) =>
  rows.filter((r) => r.outcomes[pair.strong] !== undefined && r.outcomes[pair.weak] !== undefined);
export const gainOf = (row: OutcomeRow, pair: Pair) => row.outcomes[pair.strong]! - row.outcomes[pair.weak]!;

export const mfScorer =
  (factors: Factors, buckets: number, pair: Pair): PairScorer =>
  (row) => {
    const dev = deviations(factors, row.text, buckets);
    return dev[pair.strong] - dev[pair.weak];
  };

/** P(gain = +1) − P(gain = −1) from two logistic regressions on features X (a side without examples: 0). */
function gainLogistic(X: SparseVector[], gains: number[], opts: { l2: number; dimensions: number; steps?: number }) {
  const side = (sign: number) => {
    const y = gains.map((g) => (g === sign ? 1 : 0));
    return y.some((v) => v === 1) ? fitLogistic(X, y, opts) : () => 0;
  };
  const up = side(1);
  const down = side(-1);
  return (x: SparseVector) => up(x) - down(x);
}

export function logisticScorer(train: OutcomeRow[], pair: Pair): PairScorer {
  const rows = scored(train, pair);
  const p = gainLogistic(
    rows.map(ngramsOf),
    rows.map((r) => gainOf(r, pair)),
    { l2: NGRAM_L2, dimensions: NGRAM_DIMENSIONS },
  );
  return (row) => p(ngramsOf(row));
}

export function knnScorer(train: OutcomeRow[], pair: Pair): PairScorer {
  const rows = scored(train, pair);
  const X = rows.map(ngramsOf);
  return (row) => {
    const near = nearest(X, ngramsOf(row), NEIGHBOURS);
    return near.reduce((a, k) => a + gainOf(rows[k], pair), 0) / Math.max(1, near.length);
  };
}

/** A pair head over dense prompt vectors (`vectorOf`), fitted on `train` only. */
export function headScorer(train: OutcomeRow[], pair: Pair, vectorOf: (row: OutcomeRow) => Float32Array): PairScorer {
  const rows = scored(train, pair);
  const raw = rows.map(vectorOf);
  const dim = raw[0]?.length ?? 0;
  const mu = Array.from({ length: dim }, (_, k) => raw.reduce((a, u) => a + u[k], 0) / raw.length);
  const sd = Array.from({ length: dim }, (_, k) => Math.sqrt(raw.reduce((a, u) => a + (u[k] - mu[k]) ** 2, 0) / raw.length) || 1);
  const sparse = (u: Float32Array): SparseVector => new Map(Array.from(u, (x, k) => [k, (x - mu[k]) / sd[k]] as [number, number]));
  const p = gainLogistic(
    raw.map(sparse),
    rows.map((r) => gainOf(r, pair)),
    { l2: DENSE_L2, dimensions: dim, steps: 500 },
  );
  return (row) => p(sparse(vectorOf(row)));
}

export const lengthScorer: PairScorer = (row) => row.text.length;
