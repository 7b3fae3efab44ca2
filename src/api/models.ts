import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { ApiError, echo } from '../hub';
import { modelPolicy, parseModelSpec, policyRejects, routingSnapshot, type RoutingSnapshot } from '../routing';
import { type KeyRecord, requireKey } from '../tenancy';
import { anthropicModelPage, toAnthropicModel } from './anthropic-models';
import { anthropicErrorResponse } from './messages/errors';
import { groupEntry, modelList, type ModelEntry, routerEntry } from './model-entries';

/**
 * GET /v1/models and GET /v1/models/{id}: OpenAI's list and retrieve shapes (enriched, see
 * model-entries.ts), or Anthropic's when the request carries `anthropic-version`. Mounted ahead of
 * the /v1 router so that an Anthropic client's errors, key checks included, come in its envelope;
 * keys are accepted as `Authorization: Bearer` or `x-api-key`.
 */
export const modelsApp = new Hono<AppEnv>();

const fromAnthropicClient = (c: Context<AppEnv>) => c.req.header('anthropic-version') !== undefined;

modelsApp.use('*', requireKey('api'));

/**
 * The endpoints this key can reach: its model allow/deny rules, its trust minimum and its strict residency
 * are routing constraints no request can lift, so models they exclude are not listed (nor retrievable).
 */
function forKey(snapshot: RoutingSnapshot, key: KeyRecord): RoutingSnapshot {
  const policy = modelPolicy(key.settings);
  const { minTrustLevel, residency } = key.settings;
  const endpoints = snapshot.endpoints.filter(
    ({ endpoint: e }) =>
      e.trustLevel >= minTrustLevel && (!residency || e.processing?.region === residency) && (!policy || !policyRejects(policy, e)),
  );
  return { ...snapshot, endpoints };
}

modelsApp.get('/', (c) => {
  const entries = modelList(forKey(routingSnapshot(c.env), c.get('key')));
  if (fromAnthropicClient(c)) return c.json(anthropicModelPage(entries, c.req.query()));
  return c.json({ object: 'list', data: entries });
});

// `{.+}`: endpoint ids contain a slash (groq/llama-3.3-70b-versatile), sent plain or percent-encoded.
modelsApp.get('/:id{.+}', (c) => {
  const entry = retrieve(forKey(routingSnapshot(c.env), c.get('key')), c.req.param('id'));
  return c.json(fromAnthropicClient(c) ? toAnthropicModel(entry) : entry);
});

// Anthropic clients get their envelope; anything else goes on to the app's handler (OpenAI's envelope).
modelsApp.onError((err, c) => {
  if (fromAnthropicClient(c)) return anthropicErrorResponse(err);
  throw err;
});

function parseSpec(id: string, snapshot: RoutingSnapshot): ReturnType<typeof parseModelSpec> {
  try {
    return parseModelSpec(id, snapshot.catalog);
  } catch (err) {
    // An unknown strategy (auto:cheapest) names no model either.
    if (err instanceof ApiError) throw notFound(id);
    throw err;
  }
}

function notFound(id: string, why = 'does not exist'): ApiError {
  return new ApiError(404, {
    message: `The model '${echo(id)}' ${why}. GET /v1/models lists the models and "auto".`,
    type: 'not_found_error',
    param: 'model',
    code: 'model_not_found',
  });
}

/** Whatever a request's `model` accepts, described under the name the client gave. */
export function retrieve(snapshot: RoutingSnapshot, raw: string): ModelEntry {
  const id = raw.trim();
  const spec = parseSpec(id, snapshot);
  const strategy = spec.strategy ?? null;
  if (spec.kind === 'auto') return routerEntry(id, strategy, snapshot.endpoints);
  const members =
    spec.kind === 'codename'
      ? snapshot.endpoints.filter((a) => a.endpoint.codename === spec.codename)
      : snapshot.endpoints.filter((a) => a.endpoint.id === spec.endpointId);
  if (members.length === 0) throw notFound(id, 'has no endpoint this key may use in this deployment');
  return groupEntry(id, spec.kind === 'codename' ? 'family' : 'endpoint', strategy, members);
}
