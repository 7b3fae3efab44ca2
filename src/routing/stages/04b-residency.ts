import { ApiError } from '../../hub';
import { filterStage } from '../filter';
import type { RoutingContext } from '../types';

/**
 * Strict residency: the key's `residency` setting and the request's `routing.residency` admit only
 * endpoints whose catalog `processing.region` (sourced from the provider's own documentation) is
 * that region. 'global' and undocumented endpoints never qualify, and nothing outside the region is
 * tried as a fallback: when no endpoint qualifies the request fails with 422
 * `residency_unavailable`. Unlike `routing.region` (stage 08), a preference over serving regions
 * that also admits 'global' endpoints. Requests without residency skip the stage.
 */
export function residencyStage(ctx: RoutingContext): RoutingContext {
  const own = ctx.key.settings.residency ?? undefined;
  const hint = ctx.hints.residency;
  if (!own && !hint) return ctx;
  if (own && hint && own !== hint)
    throw unavailable(
      `routing.residency '${hint}' conflicts with this key's residency '${own}': a request cannot send its data to another region than its key allows.`,
      'routing.residency',
    );
  const region = (own ?? hint)!;
  const rule = own ? `key residency '${region}'` : `routing.residency '${region}'`;
  const next = filterStage(
    ctx,
    'residency',
    ({ endpoint: e }) => {
      if (!e.processing) return `processing region not sourced (${rule})`;
      return e.processing.region === region ? null : `processed in '${e.processing.region}' (${rule})`;
    },
    rule,
  );
  if (next.candidates.length === 0) throw unavailable(noneMessage(next, region, rule), hint ? 'routing.residency' : 'model');
  return next;
}

function unavailable(message: string, param: string): ApiError {
  return new ApiError(422, { message, param, code: 'residency_unavailable' });
}

function noneMessage(ctx: RoutingContext, region: string, rule: string): string {
  const spec = ctx.spec!;
  const target =
    spec.kind === 'codename' ? `model '${spec.codename}'` : spec.kind === 'endpoint' ? `endpoint '${spec.endpointId}'` : 'any model';
  const families = [
    ...new Set(ctx.snapshot.endpoints.filter((e) => e.endpoint.processing?.region === region).map((e) => e.endpoint.codename)),
  ];
  const offer = families.length
    ? `Models with endpoints processing in '${region}' here: ${families.sort().slice(0, 8).join(', ')}.`
    : `No endpoint of this gateway is sourced to process in '${region}'.`;
  return `No endpoint for ${target} is sourced to process data in '${region}' (${rule}); endpoints in 'global' or with an undocumented processing region never qualify. ${offer}`;
}
