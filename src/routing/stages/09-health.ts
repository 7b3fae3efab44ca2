import { filterStage } from '../filter';
import type { RoutingContext } from '../types';

/**
 * Breakers (src/reliability/breaker-view.ts mirrors them into snapshot.health): an open endpoint is
 * skipped until its cooldown ends; a half-open one whose probe is out (openUntil = the probe lease)
 * is skipped too, so only the request holding the lease reaches it. A half-open endpoint with no
 * probe out, or an open one past its cooldown, stays: the next request may carry the probe.
 */
export function healthStage(ctx: RoutingContext): RoutingContext {
  const health = ctx.snapshot.health;
  if (health.size === 0) return filterStage(ctx, 'health', () => null, 'no breaker data (all closed)');
  return filterStage(ctx, 'health', ({ endpoint: e }) => {
    const h = health.get(e.id);
    if (h?.state === 'open' && (h.openUntil ?? Infinity) > ctx.now) return 'circuit open';
    if (h?.state === 'half_open' && h.openUntil !== undefined && h.openUntil > ctx.now) return 'circuit half-open, probe in flight';
    return null;
  });
}
