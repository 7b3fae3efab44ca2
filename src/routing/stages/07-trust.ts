import { filterStage } from '../filter';
import type { RoutingContext } from '../types';

/** Hard minimum: max(request trust_level, key minimum). Never relaxed, even when nothing is left. */
export function trustStage(ctx: RoutingContext): RoutingContext {
  const min = ctx.requirements!.minTrustLevel;
  return filterStage(ctx, 'trust', ({ endpoint: e }) => (e.trustLevel < min ? `trust ${e.trustLevel} < required ${min}` : null));
}
