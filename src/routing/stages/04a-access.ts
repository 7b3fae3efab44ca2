import { ApiError } from '../../hub';
import { filterStage } from '../filter';
import { modelPolicy, policyRejects } from '../model-rules';
import type { Dropped, RoutingContext } from '../types';

/**
 * The key's model allow/deny rules (model-rules.ts), right after the candidates are gathered: `auto`
 * only ever considers allowed endpoints, and a model whose every endpoint the rules exclude is
 * refused with 403 `model_not_allowed`, before any other stage can blame something else. Keys
 * without rules skip the stage (nothing in the trace).
 */
export function accessStage(ctx: RoutingContext): RoutingContext {
  const policy = modelPolicy(ctx.key.settings);
  if (!policy) return ctx;
  const next = filterStage(ctx, 'access', ({ endpoint }) => policyRejects(policy, endpoint), policy.note);
  if (next.candidates.length === 0) throw notAllowed(next);
  return next;
}

function reasons(dropped: readonly Dropped[]): string {
  return [...new Set(dropped.filter((d) => d.stage === 'access').map((d) => d.reason))].slice(0, 3).join('; ');
}

function notAllowed(ctx: RoutingContext): ApiError {
  const spec = ctx.spec!;
  const why = reasons(ctx.dropped);
  const message =
    spec.kind === 'auto'
      ? `No model is allowed for this key: its model rules exclude every endpoint (${why}).`
      : `The model '${spec.kind === 'codename' ? spec.codename : spec.endpointId}' is not allowed for this key: ${why}.`;
  return new ApiError(403, { message, type: 'permission_error', param: 'model', code: 'model_not_allowed' });
}
