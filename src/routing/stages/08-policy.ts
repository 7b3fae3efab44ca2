import { filterStage } from '../filter';
import { prefsPolicyCheck } from '../provider-prefs';
import type { RoutingContext } from '../types';

/** Key settings and request hints: provider allow/deny lists and region; provider.only/ignore/order (provider-prefs.ts). */
export function policyStage(ctx: RoutingContext): RoutingContext {
  const s = ctx.key.settings;
  const h = ctx.hints;
  const allow = intersect(s.allowProviders, h.providers?.allow);
  const deny = new Set([...(s.denyProviders ?? []), ...(h.providers?.deny ?? [])]);
  const regions = h.region ? [h.region] : s.regions;
  const prefs = prefsPolicyCheck(ctx.prefs);
  return filterStage(ctx, 'policy', ({ endpoint: e }) => {
    if (allow && !allow.has(e.provider)) return `provider ${e.provider} not in allow list`;
    if (deny.has(e.provider)) return `provider ${e.provider} denied`;
    if (regions?.length && !e.regions.some((r) => r === 'global' || regions.includes(r))) return `not served in ${regions.join('/')}`;
    return prefs?.(e) ?? null;
  });
}

function intersect(a?: string[], b?: string[]): Set<string> | null {
  if (!a && !b) return null;
  if (!a) return new Set(b);
  if (!b) return new Set(a);
  return new Set(a.filter((x) => b.includes(x)));
}
