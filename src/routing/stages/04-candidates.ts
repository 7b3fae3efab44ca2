import type { RoutingContext } from '../types';

/** The whole available catalog for `auto`, one model's providers for a codename, or one endpoint. */
export function candidatesStage(ctx: RoutingContext): RoutingContext {
  const spec = ctx.spec!;
  const all = ctx.snapshot.endpoints;
  const pool =
    spec.kind === 'auto'
      ? all
      : spec.kind === 'codename'
        ? all.filter((e) => e.endpoint.codename === spec.codename)
        : all.filter((e) => e.endpoint.id === spec.endpointId);
  const candidates = pool.map((e) => ({ endpoint: e.endpoint, simulated: e.simulated }));
  const simulated = candidates.filter((c) => c.simulated).length;
  return {
    ...ctx,
    candidates,
    trace: [...ctx.trace, { stage: 'candidates', kept: candidates.length, note: `${candidates.length} available${simulated ? ` (${simulated} SIMULATED)` : ''}` }],
  };
}
