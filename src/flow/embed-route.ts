import {
  DEFAULT_EMBEDDING_FAMILY,
  embeddingEndpoints,
  embeddingFacts,
  embeddingFamilies,
  providerKey,
  resolveEmbeddingModel,
  resolveModelName,
  servesDimensions,
  simulationEnabled,
} from '../catalog';
import { ApiError, type ChatRequest, echo, type EmbeddingsRequest } from '../hub';
import {
  type Candidate,
  type Decision,
  accessStage,
  filterStage,
  healthStage,
  parseModelSpec,
  policyStage,
  residencyStage,
  type RoutingContext,
  routingSnapshot,
  traced,
  trustStage,
} from '../routing';
import type { FlowContext } from './context';

/**
 * Routing for embeddings, over the embedding catalog only. The decision has the shape of a chat
 * decision (stages, candidates kept and dropped with reasons, chain), so the trace, the log row and
 * GET /v1/routing/decisions read it the same way; trust, policy and health are chat routing's own stages.
 *
 * The family rule: vectors from different models are not comparable, so one request's fallback chain
 * never leaves one family (`codename`: the same weights) and one length. A model name or endpoint
 * fixes the family; `auto` picks it from what cannot change between two requests of a key (catalog,
 * trust, policy, what the input needs) and never from health, so an outage does not switch a client
 * to another model's vectors: when every endpoint of the chosen family is down the request fails
 * (503) rather than answering with vectors from another space.
 */

export interface EmbeddingNeeds {
  kind: 'text' | 'tokens';
  count: number;
  /** Length the client asked for; otherwise the chosen family's default. */
  dimensions?: number;
  longestInputTokens: number;
  totalInputTokens: number;
}

const DEFAULT_CHAIN_LENGTH = 4;

/** `auto`, `auto:<strategy>`, an embedding family, endpoint or provider model id, optionally `:<strategy>`. */
function embeddingSpec(model: string): NonNullable<RoutingContext['spec']> {
  try {
    return parseModelSpec(model, { resolveModelName: resolveEmbeddingModel });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    const name = model.trim().replace(/:[a-z]+$/i, '');
    const models = `Embedding models: ${embeddingFamilies().join(', ')}, or "auto".`;
    if (resolveModelName(name))
      throw new ApiError(400, {
        message: `'${echo(name)}' is a chat model, not an embedding model. ${models}`,
        param: 'model',
        code: 'model_not_embedding',
      });
    throw new ApiError(404, {
      message: `The embedding model '${echo(name)}' does not exist. ${models}`,
      type: 'not_found_error',
      param: 'model',
      code: 'model_not_found',
    });
  }
}

/** Free-tier keys embed at cost; then the strategy in the model spec, then the key's default. */
function strategyOf(ctx: RoutingContext): Pick<RoutingContext, 'strategy' | 'strategySource'> {
  const s = ctx.key.settings;
  if (s.tier === 'free') return { strategy: 'cost', strategySource: 'free_tier' };
  if (ctx.spec?.strategy) return { strategy: ctx.spec.strategy, strategySource: 'request' };
  if (s.defaultStrategy) return { strategy: s.defaultStrategy, strategySource: 'key_default' };
  return { strategy: 'balanced', strategySource: 'default' };
}

function candidatesStage(ctx: RoutingContext, env: FlowContext['env']): RoutingContext {
  const spec = ctx.spec!;
  const simulate = simulationEnabled(env);
  const candidates: Candidate[] = [];
  for (const endpoint of embeddingEndpoints(env)) {
    if (spec.kind === 'codename' && endpoint.codename !== spec.codename) continue;
    if (spec.kind === 'endpoint' && endpoint.id !== spec.endpointId) continue;
    const real = providerKey(env, endpoint) !== undefined;
    if (real || simulate) candidates.push({ endpoint, simulated: !real, evalStatus: undefined, scores: undefined });
  }
  const simulated = candidates.filter((c) => c.simulated).length;
  return traced(
    { ...ctx, candidates },
    'candidates',
    `${candidates.length} embedding endpoints${simulated ? ` (${simulated} SIMULATED)` : ''}`,
  );
}

const factsOf = (c: Candidate) => embeddingFacts(c.endpoint)!;

function inputStage(ctx: RoutingContext, needs: EmbeddingNeeds): RoutingContext {
  return filterStage(
    ctx,
    'input',
    (c) => {
      const f = factsOf(c);
      if (needs.kind === 'tokens' && !f.tokenInput) return 'reads text only, not token ids';
      if (needs.count > f.maxBatch) return `takes at most ${f.maxBatch} inputs per request`;
      return null;
    },
    `${needs.count} ${needs.kind === 'tokens' ? 'token arrays' : 'texts'}`,
  );
}

function dimensionsStage(ctx: RoutingContext, needs: EmbeddingNeeds): RoutingContext {
  const d = needs.dimensions;
  if (d === undefined) return traced(ctx, 'dimensions', 'default length of each family');
  return filterStage(
    ctx,
    'dimensions',
    (c) => (servesDimensions(factsOf(c), d) ? null : `cannot return ${d}-dimensional vectors`),
    `${d} asked`,
  );
}

function lengthStage(ctx: RoutingContext, needs: EmbeddingNeeds): RoutingContext {
  const longest = needs.longestInputTokens;
  return filterStage(
    ctx,
    'input_length',
    (c) => (longest > factsOf(c).maxInputTokens ? `longest input ~${longest} tokens > ${factsOf(c).maxInputTokens}` : null),
    `longest input ~${longest} tokens`,
  );
}

/** Routing hints that bound price and latency: the input price, and the endpoint's latency prior (one round trip). */
function limitsStage(ctx: RoutingContext): RoutingContext {
  const { max_price_per_mtok: maxPrice, max_latency_ms: maxLatency } = ctx.hints;
  if (maxPrice === undefined && maxLatency === undefined) return ctx;
  return filterStage(ctx, 'limits', ({ endpoint: e }) => {
    if (maxPrice !== undefined && e.pricing.inputPerMTok > maxPrice) return `$${e.pricing.inputPerMTok}/M > max_price_per_mtok`;
    if (maxLatency !== undefined && e.latency.ttftMs > maxLatency) return `~${e.latency.ttftMs} ms > max_latency_ms`;
    return null;
  });
}

function cheapestPrice(candidates: readonly Candidate[]): number {
  return Math.min(...candidates.map((c) => c.endpoint.pricing.inputPerMTok));
}

/** One family for the whole chain (see the family rule above): the default one, or the cheapest under `cost`. */
function familyStage(ctx: RoutingContext, needs: EmbeddingNeeds): RoutingContext {
  const families = new Map<string, Candidate[]>();
  for (const c of ctx.candidates) families.set(c.endpoint.codename, [...(families.get(c.endpoint.codename) ?? []), c]);
  const byCost = [...families.keys()].sort((a, b) => cheapestPrice(families.get(a)!) - cheapestPrice(families.get(b)!) || (a < b ? -1 : 1));
  const chosen = ctx.strategy !== 'cost' && families.has(DEFAULT_EMBEDDING_FAMILY) ? DEFAULT_EMBEDDING_FAMILY : byCost[0];
  const length = needs.dimensions ?? factsOf(families.get(chosen)![0]).defaultDimensions;
  const why =
    ctx.spec?.kind !== 'auto' ? 'named' : chosen === DEFAULT_EMBEDDING_FAMILY && ctx.strategy !== 'cost' ? 'default family' : 'cheapest';
  return filterStage(
    ctx,
    'family',
    (c) => (c.endpoint.codename === chosen ? null : `other family (${chosen} chosen)`),
    `${chosen}, ${length} dimensions (${why})`,
  );
}

/** Within the family vectors are the same: cheapest first (fastest first under `speed`), then by id. */
function rankStage(ctx: RoutingContext): RoutingContext {
  const price = (c: Candidate) => c.endpoint.pricing.inputPerMTok;
  const latency = (c: Candidate) => c.endpoint.latency.ttftMs;
  const [first, second] = ctx.strategy === 'speed' ? [latency, price] : [price, latency];
  const ranked = [...ctx.candidates].sort(
    (a, b) => first(a) - first(b) || second(a) - second(b) || (a.endpoint.id < b.endpoint.id ? -1 : 1),
  );
  const chain = ranked.slice(0, ctx.hints.max_attempts ?? DEFAULT_CHAIN_LENGTH);
  return traced({ ...ctx, candidates: ranked, chain }, 'rank', `chain ${chain.map((c) => c.endpoint.id).join(' > ')}`);
}

function reasons(ctx: RoutingContext, stage: string): string {
  const counts = new Map<string, number>();
  for (const d of ctx.dropped) if (d.stage === stage) counts.set(d.reason, (counts.get(d.reason) ?? 0) + 1);
  return (
    [...counts]
      .slice(0, 3)
      .map(([r, n]) => `${r}${n > 1 ? ` (${n} endpoints)` : ''}`)
      .join('; ') || 'none left'
  );
}

const FIXES: Record<string, { status: number; param: string; fix: string }> = {
  input: {
    status: 400,
    param: 'input',
    fix: 'send text rather than token ids, fewer inputs per request, or choose a model that takes them',
  },
  dimensions: { status: 400, param: 'dimensions', fix: 'omit dimensions or choose a length the model returns (e.g. its default)' },
  input_length: { status: 400, param: 'input', fix: 'shorten the longest input or choose a model with a longer input limit' },
  trust: { status: 422, param: 'trust_level', fix: 'lower trust_level or choose a model served at that trust level' },
  policy: { status: 422, param: 'routing', fix: 'relax routing.providers / routing.region or the key policy' },
  limits: { status: 422, param: 'routing', fix: 'raise routing.max_price_per_mtok or routing.max_latency_ms' },
};

function noEndpoint(ctx: RoutingContext, stage: string): ApiError {
  const spec = ctx.spec!;
  const target =
    spec.kind === 'codename'
      ? `model '${spec.codename}'`
      : spec.kind === 'endpoint'
        ? `endpoint '${spec.endpointId}'`
        : 'any embedding model';
  if (stage === 'candidates')
    return new ApiError(503, {
      message: `No embedding endpoint for ${target} is configured on this gateway (no provider key, and the simulation is off).`,
      type: 'api_error',
      param: 'model',
      code: 'no_endpoint_configured',
    });
  if (stage === 'health')
    return new ApiError(503, {
      message: `Every endpoint for ${target} is temporarily unavailable (circuit open); no other model's vectors are substituted. Retry shortly.`,
      type: 'api_error',
      param: 'model',
      code: 'endpoints_unavailable',
    });
  const f = FIXES[stage];
  return new ApiError(f.status, {
    message: `No embedding endpoint for ${target} meets this request's constraints at stage '${stage}': ${reasons(ctx, stage)}. To fix: ${f.fix}.`,
    param: f.param,
    code: 'no_endpoint_meets_constraints',
  });
}

/**
 * Decides an embeddings request: parse → candidates → access → residency → input → dimensions → input_length → trust →
 * policy → limits → family → health → rank. Synchronous, over in-memory data (no I/O).
 */
export function routeEmbeddings(ctx: FlowContext, req: EmbeddingsRequest, needs: EmbeddingNeeds, now: number): Decision {
  const started = performance.now();
  // The decision's request carries the model name only: no input text can reach the trace or log row.
  const request: ChatRequest = { model: req.model, messages: [] };
  const spec = embeddingSpec(req.model);
  let r: RoutingContext = {
    now,
    request,
    hints: req.routing ?? {},
    key: ctx.key,
    snapshot: routingSnapshot(ctx.env),
    region: ctx.country,
    spec,
    requirements: {
      tools: false,
      vision: false,
      jsonSchema: false,
      jsonMode: false,
      streaming: false,
      estimatedInputTokens: needs.totalInputTokens,
      expectedOutputTokens: 0,
      minTrustLevel: Math.max(req.trust_level ?? 0, ctx.key.settings.minTrustLevel),
    },
    candidates: [],
    dropped: [],
    chain: [],
    trace: [],
  };
  r = { ...r, ...strategyOf(r) };
  r = traced(
    r,
    'parse_spec',
    `${spec.kind === 'auto' ? 'auto' : spec.kind === 'codename' ? `model ${spec.codename}` : `endpoint ${spec.endpointId}`}, strategy ${r.strategy} (${r.strategySource})`,
  );
  const stages: [string, (c: RoutingContext) => RoutingContext][] = [
    ['candidates', (c) => candidatesStage(c, ctx.env)],
    // The key's model rules and strict residency bind embeddings as they bind chat.
    ['access', accessStage],
    ['residency', residencyStage],
    ['input', (c) => inputStage(c, needs)],
    ['dimensions', (c) => dimensionsStage(c, needs)],
    ['input_length', (c) => lengthStage(c, needs)],
    ['trust', trustStage],
    ['policy', policyStage],
    ['limits', limitsStage],
    ['family', (c) => familyStage(c, needs)],
    ['health', healthStage],
    ['rank', rankStage],
  ];
  for (const [name, run] of stages) {
    r = run(r);
    if (r.candidates.length === 0) throw noEndpoint(r, name);
  }
  return { ...r, routingMs: performance.now() - started };
}
