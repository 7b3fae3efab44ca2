import { echo } from '../../hub';
import { ApiError, STRATEGIES, type Strategy } from '../../hub';
import { resolveModelName, type CatalogView } from '../../catalog';
import { appendTrace, traceLine } from '../filter';
import { interpretPrefs, MODEL_SUFFIX_STRATEGIES } from '../provider-prefs';
import type { ModelSpec, RoutingContext } from '../types';

/**
 * `auto`, `auto:<strategy>`, `<codename|endpoint id>`, `<codename>:<strategy>`; OpenRouter's `:nitro`
 * and `:floor` suffixes stand for the speed and cost strategies. Names resolve in the
 * deployment's catalog when given (it adds the self-hosted endpoints), else in the typed catalog.
 */
export function parseModelSpec(model: string, catalog?: Pick<CatalogView, 'resolveModelName'>): ModelSpec {
  const trimmed = model.trim();
  const colon = trimmed.lastIndexOf(':');
  let name = trimmed;
  let strategy: Strategy | undefined;
  if (colon > 0) {
    const suffix = trimmed.slice(colon + 1).toLowerCase();
    const asked = (STRATEGIES as readonly string[]).includes(suffix) ? (suffix as Strategy) : MODEL_SUFFIX_STRATEGIES.get(suffix);
    if (asked) {
      strategy = asked;
      name = trimmed.slice(0, colon);
    } else if (trimmed.slice(0, colon).toLowerCase() === 'auto') {
      throw new ApiError(400, {
        message: `Unknown strategy '${echo(suffix)}'. Use one of: ${STRATEGIES.join(', ')} (e.g. "auto:cost").`,
        param: 'model',
        code: 'invalid_strategy',
      });
    }
  }
  if (name.toLowerCase() === 'auto') return { kind: 'auto', strategy };
  const resolved = catalog ? catalog.resolveModelName(name) : resolveModelName(name);
  if (!resolved) {
    throw new ApiError(404, {
      message: `The model '${echo(name)}' does not exist. GET /v1/models lists the models and "auto".`,
      type: 'not_found_error',
      param: 'model',
      code: 'model_not_found',
    });
  }
  return resolved.kind === 'codename'
    ? { kind: 'codename', codename: resolved.codename, strategy }
    : { kind: 'endpoint', endpointId: resolved.endpoint.id, strategy };
}

export function parseSpecStage(ctx: RoutingContext): RoutingContext {
  const resolve = (name: string) => parseModelSpec(name, ctx.snapshot.catalog);
  const { spec, prefs } = interpretPrefs(ctx.request, resolve(ctx.request.model), resolve, () => providerIds(ctx));
  const target = spec.kind === 'auto' ? 'auto' : spec.kind === 'codename' ? `model ${spec.codename}` : `endpoint ${spec.endpointId}`;
  const then = prefs?.fallbacks.length ? `, then ${prefs.fallbacks.map((f) => f.name).join(', ')}` : '';
  const note = `${target}${spec.strategy ? `, strategy ${spec.strategy}` : ''}${then}`;
  return appendTrace(ctx, traceLine('parse_spec', ctx.candidates.length, undefined, note), prefs ? { spec, prefs } : { spec });
}

function providerIds(ctx: RoutingContext): ReadonlySet<string> {
  return new Set(ctx.snapshot.endpoints.map((e) => e.endpoint.provider));
}
