import { estimateCost } from '../../catalog';
import { nextScores } from '../filter';
import type { RoutingContext } from '../types';

export function costStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  const candidates = ctx.candidates.map((c) => {
    const costUsd = estimateCost(c.endpoint, r.estimatedInputTokens, r.expectedOutputTokens);
    return { ...c, scores: nextScores(c.scores!, { costUsd }) };
  });
  return { ...ctx, candidates, trace: [...ctx.trace, { stage: 'cost', kept: candidates.length }] };
}
