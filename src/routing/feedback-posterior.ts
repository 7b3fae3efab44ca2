/**
 * Preference model per (endpoint, task class): a Beta posterior over "a user of this endpoint for
 * this class gives a thumbs up", kept globally and per key, with exponential time decay.
 *
 * Decay without rewriting rows: a rating given at time t is stored with weight 2^((t − EPOCH)/H)
 * ("scaled" counts). The evidence a row holds at time `now` is scaled · 2^(−(now − EPOCH)/H), which
 * is exactly Σ 2^(−(now − t_i)/H) over its ratings. Updates are therefore plain additions (atomic
 * `up = up + ?` in SQL, order-independent), and replacing a rating subtracts exactly the weight it
 * was added with. Weights grow by 2× per half-life from EPOCH: doubles hold ~85 years at H = 30 d.
 */

/** Evidence half-life: a rating counts half as much after 30 days, 1/16 after 4 months. */
export const HALF_LIFE_MS = 30 * 24 * 3600 * 1000;
/** Reference time of the scaled counts. */
export const DECAY_EPOCH_MS = Date.UTC(2026, 0, 1);
/** Rows whose newest rating is older than this hold < 0.4% of a rating's weight; not loaded. */
export const EVIDENCE_HORIZON_MS = 8 * HALF_LIFE_MS;

/** Beta(1,1): no opinion before the first rating. */
export const PRIOR_ALPHA = 1;
export const PRIOR_BETA = 1;
/** A key's own posterior starts at the global mean with this many pseudo-ratings (shrinkage). */
export const KEY_PRIOR_STRENGTH = 4;

export const GLOBAL_SCOPE = '*';

export type Rating = 1 | -1;

/** Decayed rating counts as of `at`. */
export interface Evidence {
  up: number;
  down: number;
}

/** One stored posterior row: scaled counts (see above). */
export interface PosteriorRow {
  /** GLOBAL_SCOPE or a key id. */
  scope: string;
  endpointId: string;
  taskClass: string;
  upScaled: number;
  downScaled: number;
  updatedAt: number;
}

export function decayWeight(t: number): number {
  return 2 ** ((t - DECAY_EPOCH_MS) / HALF_LIFE_MS);
}

export function evidenceAt(row: Pick<PosteriorRow, 'upScaled' | 'downScaled'>, now: number): Evidence {
  const k = 1 / decayWeight(now);
  // Float residue from add/subtract of equal weights must not become negative evidence.
  return { up: Math.max(0, row.upScaled * k), down: Math.max(0, row.downScaled * k) };
}

export interface Beta {
  alpha: number;
  beta: number;
}

export function posterior(e: Evidence, prior: Beta = { alpha: PRIOR_ALPHA, beta: PRIOR_BETA }): Beta {
  return { alpha: prior.alpha + e.up, beta: prior.beta + e.down };
}

export function betaMean(b: Beta): number {
  return b.alpha / (b.alpha + b.beta);
}

/** A key's posterior: its own ratings on top of the global mean held with KEY_PRIOR_STRENGTH. */
export function keyPosterior(globalMean: number, key: Evidence): Beta {
  return posterior(key, { alpha: KEY_PRIOR_STRENGTH * globalMean, beta: KEY_PRIOR_STRENGTH * (1 - globalMean) });
}

export function ratingCount(e: Evidence): number {
  return e.up + e.down;
}

/** Scaled-count change for one response's rating: `previous` is the rating it replaces, if any. */
export interface RatingChange {
  rating: Rating;
  ratedAt: number;
  previous?: { rating: Rating; ratedAt: number };
}

export function scaledDelta(change: RatingChange): { up: number; down: number } {
  const delta = { up: 0, down: 0 };
  const add = (rating: Rating, weight: number) => {
    if (rating === 1) delta.up += weight;
    else delta.down += weight;
  };
  add(change.rating, decayWeight(change.ratedAt));
  if (change.previous) add(change.previous.rating, -decayWeight(change.previous.ratedAt));
  return delta;
}

export const cellKey = (endpointId: string, taskClass: string) => `${endpointId}|${taskClass}`;
export const keyCellKey = (keyId: string, endpointId: string, taskClass: string) => `${keyId}|${endpointId}|${taskClass}`;
