import type { Candidate, RoutingContext } from '../types';

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
