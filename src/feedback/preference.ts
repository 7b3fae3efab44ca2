import { type Evidence, betaMean, keyPosterior, posterior, ratingCount } from './posterior';

/**
 * How feedback enters the quality score (pure; used by src/routing/stages/12-quality.ts).
 *
 * Blend: the catalog prior, the eval pass rate and the thumbs-up rate are three estimates of the
 * same thing (how often this endpoint answers this class well), so they are averaged with weights
 * equal to their evidence: PRIOR pseudo-samples, eval samples, and decayed ratings (global + the
 * key's own, so a key's own ratings count twice for that key).
 *
 * Exploration: an upper-confidence bonus EXPLORE_C·sqrt(ln(1+N)/(1+n)) (N = ratings in the class
 * over the candidates, n = this endpoint's), capped at EXPLORE_MAX. It is applied only on an
 * EXPLORE_SHARE of each key's decisions, picked by a hash of (key id, decision time), so a newly
 * added endpoint (n = 0) is tried on ~1 in 10 of a key's requests where it is competitive, and
 * never on more; the other decisions exploit the posterior means. Deterministic given the inputs.
 * With no ratings in the class (N = 0) there is nothing to explore against and the bonus is 0.
 */

export const EXPLORE_SHARE = 0.1;
export const EXPLORE_C = 0.1;
export const EXPLORE_MAX = 0.2;

export interface Preference {
  /** Satisfaction used for this key: the key posterior mean when it has ratings, else the global mean. */
  mean: number;
  globalMean: number;
  keyMean?: number;
  /** Weight of `mean` in the quality blend (decayed rating count). */
  weight: number;
  /** Global decayed rating count for this endpoint (exploration). */
  globalCount: number;
}

export function preferenceOf(global: Evidence | undefined, key: Evidence | undefined): Preference | undefined {
  const nGlobal = global ? ratingCount(global) : 0;
  const nKey = key ? ratingCount(key) : 0;
  if (nGlobal <= 0 && nKey <= 0) return undefined;
  const globalMean = betaMean(posterior(global ?? { up: 0, down: 0 }));
  const keyMean = nKey > 0 ? betaMean(keyPosterior(globalMean, key!)) : undefined;
  return { mean: keyMean ?? globalMean, globalMean, keyMean, weight: nGlobal + nKey, globalCount: nGlobal };
}

/** Evidence-weighted average of the estimates that exist. */
export function blendQuality(parts: { value: number; weight: number }[]): number {
  let sum = 0;
  let weight = 0;
  for (const p of parts) {
    if (p.weight <= 0) continue;
    sum += p.value * p.weight;
    weight += p.weight;
  }
  return weight > 0 ? sum / weight : 0;
}

export function explorationBonus(endpointCount: number, classCount: number): number {
  if (classCount <= 0) return 0;
  return Math.min(EXPLORE_MAX, EXPLORE_C * Math.sqrt(Math.log(1 + classCount) / (1 + endpointCount)));
}

/** FNV-1a + avalanche, 32 bits: a cheap deterministic hash (not a security boundary). */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // murmur3 finalizer: consecutive timestamps must not give correlated high bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function isExplorationDecision(keyId: string, now: number): boolean {
  return fnv1a(`${keyId}|${now}`) / 2 ** 32 < EXPLORE_SHARE;
}
