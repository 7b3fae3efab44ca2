import type { Candidate, ObjectiveParams } from './types';
import type { Strategy } from '../hub';

/**
 * Strategies as objectives (higher objective = better), over the candidates that survived the
 * filters. q = expected quality for this request's task class and complexity (stage 12),
 * c = estimated cost in USD (stage 14), l = expected latency to the full answer in ms (stage 13).
 * Formulas and their rationale: src/routing/README.md.
 *
 *   floor(k)  = min(0.55 + 0.30·k, max q)   quality floor for complexity k ∈ [0,1]
 *   cost      : among q ≥ floor, minimise c            (objective = −c; below the floor: fallback tier)
 *   speed     : among q ≥ floor, minimise l            (objective = −l)
 *   quality   : among c ≤ 25 × min c, maximise q        (objective = q, ties → cheaper)
 *   balanced  : maximise q − λc·log2(c / min c) − λl·log2(l / min l),  λc = 0.10, λl = 0.05
 *               (each doubling of cost must buy 0.10 of quality; of latency, 0.05)
 */

export const DEFAULT_OBJECTIVE_PARAMS: Readonly<ObjectiveParams> = Object.freeze({
  floorBase: 0.55,
  floorSlope: 0.3,
  qualityCapMultiple: 25,
  balancedCostWeight: 0.1,
  balancedLatencyWeight: 0.05,
});

export const QUALITY_CAP_MULTIPLE = DEFAULT_OBJECTIVE_PARAMS.qualityCapMultiple;

export function qualityFloor(
  complexity: number,
  bestQuality: number,
  params: Pick<ObjectiveParams, 'floorBase' | 'floorSlope'> = DEFAULT_OBJECTIVE_PARAMS,
): number {
  return Math.min(params.floorBase + params.floorSlope * complexity, bestQuality);
}

export interface Ranked {
  candidate: Candidate;
  objective: number;
  /** 0 = meets the strategy's constraint (floor or cost cap); 1 = fallback tier. */
  tier: number;
}

export function rankCandidates(
  candidates: Candidate[],
  strategy: Strategy,
  complexity: number,
  overrides?: Partial<ObjectiveParams>,
): Ranked[] {
  if (candidates.length === 0) return [];
  const p = overrides ? { ...DEFAULT_OBJECTIVE_PARAMS, ...overrides } : DEFAULT_OBJECTIVE_PARAMS;
  // One pass, no intermediate arrays: Math.max/min over the same values give the same numbers.
  let bestQ = -Infinity;
  let minPaid = Infinity;
  let anyPaid = false;
  let minLatency = Infinity;
  for (const c of candidates) {
    const x = c.scores!;
    bestQ = Math.max(bestQ, x.quality);
    // The reference cost is the cheapest paid candidate: a free endpoint (price 0) must not make every
    // paid one look infinitely dear (quality's cost cap, balanced's log-cost penalty).
    if (x.costUsd > 0) {
      minPaid = Math.min(minPaid, x.costUsd);
      anyPaid = true;
    }
    minLatency = Math.min(minLatency, x.latencyMs);
  }
  const minC = anyPaid ? minPaid : 1e-9;
  const minL = Math.max(1, minLatency);
  const floor = qualityFloor(complexity, bestQ, p);
  const ranked = candidates.map((candidate) => {
    const { quality: q, costUsd: c, latencyMs: l } = candidate.scores!;
    let objective: number;
    let tier = 0;
    switch (strategy) {
      case 'cost':
        objective = -c;
        tier = q >= floor - 1e-9 ? 0 : 1;
        break;
      case 'speed':
        objective = -l;
        tier = q >= floor - 1e-9 ? 0 : 1;
        break;
      case 'quality':
        objective = q - c * 1e-6;
        tier = c <= p.qualityCapMultiple * minC ? 0 : 1;
        break;
      case 'balanced':
        objective =
          q - p.balancedCostWeight * Math.log2(Math.max(c, minC) / minC) - p.balancedLatencyWeight * Math.log2(Math.max(l, 1) / minL);
        break;
    }
    return { candidate, objective, tier };
  });
  // Tier first (constraint met), then objective; the id breaks exact ties deterministically.
  ranked.sort((a, b) => a.tier - b.tier || b.objective - a.objective || (a.candidate.endpoint.id < b.candidate.endpoint.id ? -1 : 1));
  return ranked;
}

/**
 * The fallback chain: best first, then the best of each provider not yet in the chain, then the
 * rest in rank order — so one provider's outage does not take the whole chain down.
 */
export function assembleChain(ranked: Ranked[], maxLength: number): Candidate[] {
  const chain: Candidate[] = [];
  const used = new Set<string>();
  const providers = new Set<string>();
  for (const r of ranked) {
    if (chain.length >= maxLength) break;
    if (chain.length === 0 || !providers.has(r.candidate.endpoint.provider)) {
      chain.push(r.candidate);
      used.add(r.candidate.endpoint.id);
      providers.add(r.candidate.endpoint.provider);
    }
  }
  for (const r of ranked) {
    if (chain.length >= maxLength) break;
    if (!used.has(r.candidate.endpoint.id)) {
      chain.push(r.candidate);
      used.add(r.candidate.endpoint.id);
    }
  }
  return chain;
}
