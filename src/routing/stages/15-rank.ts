import { DEFAULT_OBJECTIVE_PARAMS, qualityFloor, rankCandidates } from '../objectives';
import { chainLength, preferenceChain, preferenceOrder } from '../model-fallbacks';
import { isWorking, nextScores, traceLine, withCandidates } from '../filter';
import type { Candidate, RoutingContext } from '../types';

export const DEFAULT_CHAIN_LENGTH = 4;

export function rankStage(ctx: RoutingContext): RoutingContext {
  const strategy = ctx.strategy ?? 'balanced';
  const complexity = ctx.classification?.complexity ?? 0.5;
  const params = ctx.objectiveParams ? { ...DEFAULT_OBJECTIVE_PARAMS, ...ctx.objectiveParams } : DEFAULT_OBJECTIVE_PARAMS;
  // models and provider.order come before the strategy's own rank (model-fallbacks.ts).
  const ranked = preferenceOrder(rankCandidates(ctx.candidates, strategy, complexity, params), ctx.prefs);
  const own = isWorking(ctx);
  const candidates = ranked.map((r): Candidate => {
    if (!own) return { ...r.candidate, scores: nextScores(r.candidate.scores!, { objective: r.objective, tier: r.tier }) };
    const s = r.candidate.scores!;
    s.objective = r.objective;
    s.tier = r.tier ?? s.tier;
    return r.candidate;
  });
  const chain = preferenceChain(
    candidates.map((candidate, i) => ({ candidate, objective: ranked[i].objective, tier: ranked[i].tier })),
    chainLength(ctx, DEFAULT_CHAIN_LENGTH),
    ctx.prefs,
  );
  let bestQ = 0;
  for (const c of candidates) bestQ = Math.max(bestQ, c.scores!.quality);
  const note = `${strategy}: quality floor ${qualityFloor(complexity, bestQ, params).toFixed(2)}; chain ${chain.map((c) => c.endpoint.id).join(' > ')}`;
  const next = withCandidates(ctx, candidates, ctx.dropped, traceLine('rank', chain.length, undefined, note));
  next.chain = chain;
  return next;
}
