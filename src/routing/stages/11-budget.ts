import { blendedPricePerMTok, estimateCost } from '../../catalog';
import { filterStage } from '../filter';
import { outputTokensOf } from '../output-tokens';
import { prefsPriceCheck } from '../provider-prefs';
import type { RoutingContext } from '../types';

/** `routing.max_price_per_mtok` caps the blended price for this request's token mix; provider.max_price each side's. */
export function budgetStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  const cap = ctx.hints.max_price_per_mtok;
  const remaining = ctx.remainingBudgetUsd;
  const prefs = prefsPriceCheck(ctx.prefs);
  const outputOf = outputTokensOf(ctx);
  return filterStage(ctx, 'budget', ({ endpoint: e }) => {
    if (cap !== undefined) {
      const price = blendedPricePerMTok(e, r.estimatedInputTokens, outputOf(e.id));
      if (price > cap) return `blended $${price.toFixed(3)}/Mtok > max $${cap}`;
    }
    const over = prefs?.(e);
    if (over) return over;
    if (remaining !== undefined && estimateCost(e, r.estimatedInputTokens, outputOf(e.id)) > remaining)
      return 'estimated cost exceeds the key budget left';
    return null;
  });
}
