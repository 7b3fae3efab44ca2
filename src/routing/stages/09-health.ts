import { filterStage } from '../filter';
import type { RoutingContext } from '../types';

/** Open breakers are skipped; a half-open endpoint stays (it may carry the probe). */
export function healthStage(ctx: RoutingContext): RoutingContext {
  const health = ctx.snapshot.health;
  if (health.size === 0) return filterStage(ctx, 'health', () => null, 'no breaker data (all closed)');
  return filterStage(ctx, 'health', ({ endpoint: e }) => {
    const h = health.get(e.id);
    if (h?.state === 'open' && (h.openUntil ?? Infinity) > ctx.now) return 'circuit open';
    return null;
  });
}
