import { betaDraw, seededRandom, fnv1aMixed } from '../lib';
import { type Evidence, betaMean, keyPosterior, posterior, ratingCount } from './feedback-posterior';

/**
 * How feedback enters the quality score (pure; used by src/routing/stages/12-quality.ts).
 *
 * Blend: the catalog prior, the eval pass rate and the thumbs-up rate are three estimates of the
 * same thing (how often this endpoint answers this class well), so they are averaged with weights
 * equal to their evidence: PRIOR pseudo-samples, eval samples, and decayed ratings (global + the
 * key's own, so a key's own ratings count twice for that key).
 *
 * Exploration: Thompson sampling on an EXPLORE_SHARE of each key's decisions, picked by a hash of
 * (key id, decision time). On those, each candidate's blended quality is replaced by a draw from
 * Beta(q·κ, (1−q)·κ), κ = the blend's total evidence (prior pseudo-samples + eval samples +
 * ratings), seeded by (key, time, endpoint). An endpoint with little evidence (a newly added one)
 * has a wide posterior and wins its fair share of those decisions — its probability of being the
 * best — and never more than EXPLORE_SHARE of a key's traffic; the other decisions exploit the
 * means. Deterministic given the inputs. With no ratings in the class there is nothing to explore
 * against (ratings only arrive on what was served), so no decision explores.
 */

export const EXPLORE_SHARE = 0.1;

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

/** Thompson draw of a quality whose mean is `mean` and evidence `concentration` samples. */
export function thompsonQuality(mean: number, concentration: number, seedText: string): number {
  const m = Math.min(1 - 1e-6, Math.max(1e-6, mean));
  return betaDraw(m * concentration, (1 - m) * concentration, seededRandom(seedText));
}

export function isExplorationDecision(keyId: string, now: number): boolean {
  return fnv1aMixed(`${keyId}|${now}`) / 2 ** 32 < EXPLORE_SHARE;
}
