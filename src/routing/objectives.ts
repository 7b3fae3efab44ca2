import type { Strategy } from '../api/chat-schema';
import type { Candidate } from './types';

/**
 * Strategies as objectives (higher objective = better), over the candidates that survived the
 * filters. q = expected quality, c = estimated cost (USD), l = expected latency (ms).
 *
 *   floor(k)  = 0.55 + 0.30·k   quality floor for complexity k ∈ [0,1], capped at the best q available
 *   cost      : among q ≥ floor, minimise c            (objective = −c; below the floor: −∞ tier)
 *   speed     : among q ≥ floor, minimise l            (objective = −l)
 *   quality   : among c ≤ 25 × min c, maximise q        (objective = q, ties → cheaper)
 *   balanced  : maximise q − 0.10·log2(c / min c) − 0.05·log2(l / min l)
 *               (each doubling of cost must buy 0.10 of quality; of latency, 0.05)
 */

export const QUALITY_CAP_MULTIPLE = 25;

export function qualityFloor(complexity: number, bestQuality: number): number {
  return Math.min(0.55 + 0.3 * complexity, bestQuality);
}

export interface Ranked {
  candidate: Candidate;
  objective: number;
  /** 0 = meets the strategy's constraint (floor or cost cap); 1 = fallback tier. */
  tier: number;
}

export function rankCandidates(candidates: Candidate[], strategy: Strategy, complexity: number): Ranked[] {
  if (candidates.length === 0) return [];
  const s = candidates.map((c) => c.scores!);
  const bestQ = Math.max(...s.map((x) => x.quality));
  const minC = Math.max(1e-9, Math.min(...s.map((x) => x.costUsd)));
  const minL = Math.max(1, Math.min(...s.map((x) => x.latencyMs)));
  const floor = qualityFloor(complexity, bestQ);
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
        tier = c <= QUALITY_CAP_MULTIPLE * minC ? 0 : 1;
        break;
      case 'balanced':
        objective = q - 0.1 * Math.log2(Math.max(c, 1e-9) / minC) - 0.05 * Math.log2(Math.max(l, 1) / minL);
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
