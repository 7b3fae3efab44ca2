import { lookupCacheAffinity } from '../cache-affinity';
import { traced, update } from '../filter';
import type { RoutingContext } from '../types';

/**
 * Cache affinity (after rank): a request with `cache_control` breakpoints whose prompt prefix an
 * endpoint already holds in its cache goes there first, so it reads the cache instead of writing it
 * again elsewhere. Only a preference: the endpoint must still be among the candidates every filter
 * kept (capabilities, trust, policy, health, budget…), and an order the client set (`models`,
 * `provider.order`) is kept. The rest of the chain follows in rank order, at the same length.
 */
export function cacheAffinityStage(ctx: RoutingContext): RoutingContext {
  const affinity = lookupCacheAffinity(ctx.key.id, ctx.request, ctx.now);
  if (!affinity) return ctx;
  const next = update(ctx, { cacheAffinity: affinity });
  const holder = affinity.holder?.endpointId;
  if (!holder) return traced(next, 'cache_affinity', 'no endpoint holds this prompt prefix yet');
  const expires = `cache held until ${new Date(affinity.holder!.expiresAt).toISOString()}`;
  const held = ctx.candidates.find((c) => c.endpoint.id === holder);
  if (!held) return traced(next, 'cache_affinity', `${holder} holds the prompt cache but did not pass this request's filters`);
  if (ctx.prefs?.order?.length || ctx.prefs?.fallbacks.length) {
    return traced(next, 'cache_affinity', `${holder} holds the prompt cache; the request's own model/provider order is kept`);
  }
  if (ctx.chain[0]?.endpoint.id === holder)
    return traced(next, 'cache_affinity', `${holder} holds the prompt cache (${expires}), already first`);
  const length = Math.max(ctx.chain.length, 1);
  const chain = [held, ...ctx.chain.filter((c) => c.endpoint.id !== holder)].slice(0, length);
  return traced(update(next, { chain }), 'cache_affinity', `${holder} holds the prompt cache (${expires}): moved first`);
}
