import { fallbackPool } from '../model-fallbacks';
import { appendTrace, traceLine } from '../filter';
import type { RoutingSnapshot } from '../snapshot';
import type { Candidate, RoutingContext } from '../types';

type Entry = RoutingSnapshot['endpoints'][number];

/**
 * A snapshot's endpoints by codename and by endpoint id, in catalog order, built once per snapshot (its
 * endpoint list is fixed once built): a named model's candidates are then a lookup, not a catalog scan.
 */
const indexes = new WeakMap<readonly Entry[], { byCodename: Map<string, Entry[]>; byId: Map<string, Entry[]> }>();

function indexOf(all: readonly Entry[]) {
  let index = indexes.get(all);
  if (!index) {
    index = { byCodename: new Map(), byId: new Map() };
    for (const e of all) {
      const named = index.byCodename.get(e.endpoint.codename);
      if (named) named.push(e);
      else index.byCodename.set(e.endpoint.codename, [e]);
      const same = index.byId.get(e.endpoint.id);
      if (same) same.push(e);
      else index.byId.set(e.endpoint.id, [e]);
    }
    indexes.set(all, index);
  }
  return index;
}

const NONE: readonly Entry[] = [];

/**
 * The whole available catalog for `auto`, one model's providers for a codename, or one endpoint;
 * with `models`, those of every listed model too (model-fallbacks.ts).
 */
export function candidatesStage(ctx: RoutingContext): RoutingContext {
  const spec = ctx.spec!;
  const all = ctx.snapshot.endpoints;
  const fallback = ctx.prefs?.fallbacks.length ? fallbackPool(all, spec, ctx.prefs) : undefined;
  const pool = fallback
    ? fallback.pool
    : spec.kind === 'auto'
      ? all
      : spec.kind === 'codename'
        ? (indexOf(all).byCodename.get(spec.codename) ?? NONE)
        : (indexOf(all).byId.get(spec.endpointId) ?? NONE);
  // Every Candidate field exists from here on (undefined until a stage sets it): later stages then
  // replace keys of a spread clone instead of adding them, which V8 handles on its fast path.
  const candidates: Candidate[] = new Array(pool.length);
  let simulated = 0;
  for (let i = 0; i < pool.length; i++) {
    const e = pool[i];
    candidates[i] = { endpoint: e.endpoint, simulated: e.simulated, evalStatus: undefined, scores: undefined };
    if (e.simulated) simulated++;
  }
  const line = traceLine(
    'candidates',
    candidates.length,
    undefined,
    `${candidates.length} available${simulated ? ` (${simulated} SIMULATED)` : ''}`,
  );
  return appendTrace(ctx, line, fallback ? { prefs: { ...ctx.prefs!, groupOf: fallback.groupOf }, candidates } : { candidates });
}
