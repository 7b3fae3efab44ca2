import { estimateCost } from '../../catalog/pricing';
import type { RoutingContext } from '../types';

export function costStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  const candidates = ctx.candidates.map((c) => {
    const costUsd = estimateCost(c.endpoint, r.estimatedInputTokens, r.expectedOutputTokens);
    return { ...c, scores: { ...c.scores!, costUsd, terms: { ...c.scores!.terms, cost_usd: Number(costUsd.toPrecision(4)) } } };
  });
  return { ...ctx, candidates, trace: [...ctx.trace, { stage: 'cost', kept: candidates.length }] };
}
