import { fallbackPool } from '../model-fallbacks';
import type { Candidate, RoutingContext } from '../types';

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
        ? all.filter((e) => e.endpoint.codename === spec.codename)
        : all.filter((e) => e.endpoint.id === spec.endpointId);
  // Every Candidate field exists from here on (undefined until a stage sets it): later stages then
  // replace keys of a spread clone instead of adding them, which V8 handles on its fast path.
  const candidates: Candidate[] = pool.map((e) => ({
    endpoint: e.endpoint,
    simulated: e.simulated,
    evalStatus: undefined,
    scores: undefined,
  }));
  const simulated = candidates.filter((c) => c.simulated).length;
  return {
    ...ctx,
    ...(fallback ? { prefs: { ...ctx.prefs!, groupOf: fallback.groupOf } } : {}),
    candidates,
    trace: [
      ...ctx.trace,
      {
        stage: 'candidates',
        kept: candidates.length,
        note: `${candidates.length} available${simulated ? ` (${simulated} SIMULATED)` : ''}`,
      },
    ],
  };
}
