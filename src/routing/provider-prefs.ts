import type { Endpoint } from '../catalog';
import { ApiError, type ChatRequest, type ProviderPreferences, type ProviderSort, type Strategy } from '../hub';
import { droppedParams, PROVIDER_PARAMS } from '../providers';
import type { ModelSpec, Requirements } from './types';

/**
 * OpenRouter's routing fields (`models`, `route`, `provider`, the `:nitro` / `:floor` suffixes) read
 * into the pipeline's own terms, so a request written for OpenRouter routes the same way here:
 *   models                  fallback models after `model`, in order (stage candidates, rank)
 *   provider.order          preferred providers first, in that order (rank)
 *   provider.only / ignore  provider allow / deny (policy)
 *   allow_fallbacks: false  no provider outside order; without order, only each model's first (policy, rank).
 *                           It concerns providers, not models: the models of `models` are still tried
 *   sort, :nitro, :floor    price → the `cost` strategy; throughput, latency → `speed` (parse_spec)
 *   max_price               prompt / completion caps, USD per million tokens (budget)
 *   data_collection: deny   trust ≥ 1: no endpoint that may train on inputs (requirements, trust)
 *   zdr: true               trust ≥ 2: nothing stored beyond the request (requirements, trust)
 *   require_parameters      only endpoints whose format carries every parameter sent (capabilities)
 * Every field given is named in the decision trace with what Cailos made of it, including those
 * without a Cailos meaning. Pure.
 */

export interface OpenRouterNote {
  field: string;
  meaning: string;
}

export interface RequestPrefs {
  /** The models after the primary (`models`), resolved, in order; the primary is group 0. */
  fallbacks: { name: string; spec: ModelSpec }[];
  /** Endpoint id → the first model group (0 = `model`) it serves; set by the candidates stage. */
  groupOf?: Map<string, number>;
  /** Provider ids, in preference order. */
  order?: string[];
  only?: ReadonlySet<string>;
  ignore?: ReadonlySet<string>;
  allowFallbacks: boolean;
  maxPrice?: { prompt?: number; completion?: number };
  trustFloor?: { level: number; field: string };
  requireParameters: boolean;
  notes: OpenRouterNote[];
}

/** OpenRouter's model-name variants that choose a sort: `:nitro` (throughput) and `:floor` (price). */
export const MODEL_SUFFIX_STRATEGIES: ReadonlyMap<string, Strategy> = new Map([
  ['nitro', 'speed'],
  ['floor', 'cost'],
]);

const SORT_STRATEGY: Record<ProviderSort, Strategy> = { price: 'cost', throughput: 'speed', latency: 'speed' };

/** OpenRouter slugs and display names that differ from Cailos provider ids. */
const PROVIDER_ALIASES: ReadonlyMap<string, string> = new Map([
  ['google-ai-studio', 'google'],
  ['novitaai', 'novita'],
  ['x-ai', 'xai'],
  ['togetherai', 'together'],
  ['together-ai', 'together'],
  ['deep-infra', 'deepinfra'],
]);

const NO_MEANING = 'no Cailos meaning';

export function providerIdOf(slug: string): string {
  const id = slug
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return PROVIDER_ALIASES.get(id) ?? id;
}

/** Names as the trace may keep them: client strings, so only model- and slug-like ones are written out. */
const SHOWABLE = /^[\w.:/@+-]{1,100}$/;

function shown(names: readonly string[]): string {
  const listed = names.filter((n) => SHOWABLE.test(n)).slice(0, 10);
  const more = names.length - listed.length;
  return [...listed, ...(more ? [`+${more} more`] : [])].join(', ');
}

/**
 * The request's OpenRouter fields, or undefined when it has none. `resolve` parses a model name (it
 * throws ApiError for an unknown one); `providers` gives the provider ids the deployment can route to.
 * The primary spec comes back with the strategy provider.sort asks for, unless its name set one.
 */
export function interpretPrefs(
  req: ChatRequest,
  primary: ModelSpec,
  resolve: (name: string) => ModelSpec,
  providers: () => ReadonlySet<string>,
): { spec: ModelSpec; prefs?: RequestPrefs } {
  if (req.models == null && req.route == null && req.provider == null) return { spec: primary };
  const notes: OpenRouterNote[] = [];
  const fallbacks = fallbackSpecs(req.models ?? [], primary, resolve, notes);
  if (req.route === 'fallback') notes.push({ field: 'route', meaning: 'fallback: the models are tried in order, as Cailos does' });
  const p = req.provider ?? {};
  const spec = applySort(p.sort, primary, notes);
  const prefs: RequestPrefs = {
    fallbacks,
    allowFallbacks: p.allow_fallbacks !== false,
    requireParameters: p.require_parameters === true,
    notes,
  };
  providerLists(p, prefs, providers);
  trustFloor(p, prefs);
  maxPrice(p, prefs);
  if (p.require_parameters !== undefined)
    notes.push({
      field: 'provider.require_parameters',
      meaning: p.require_parameters
        ? 'only endpoints whose wire format carries every parameter sent (stage capabilities)'
        : 'false: each endpoint gets the parameters its format defines; the others are dropped (x-cailos-dropped-params)',
    });
  unmeant(p, notes);
  return { spec, prefs };
}

function specKey(spec: ModelSpec): string {
  return spec.kind === 'auto' ? 'auto' : spec.kind === 'codename' ? `c:${spec.codename}` : `e:${spec.endpointId}`;
}

/** `models` after the primary, deduplicated; unknown names are skipped (said so), not an error. */
function fallbackSpecs(
  names: readonly string[],
  primary: ModelSpec,
  resolve: (name: string) => ModelSpec,
  notes: OpenRouterNote[],
): RequestPrefs['fallbacks'] {
  if (names.length === 0) return [];
  const seen = new Set([specKey(primary)]);
  const out: RequestPrefs['fallbacks'] = [];
  const skipped: string[] = [];
  for (const name of names) {
    let spec: ModelSpec;
    try {
      spec = resolve(name);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      skipped.push(name.slice(0, 100));
      continue;
    }
    if (seen.has(specKey(spec))) continue;
    seen.add(specKey(spec));
    out.push({ name: name.slice(0, 100), spec });
  }
  const strategies = out.filter((f) => f.spec.strategy).map((f) => f.name);
  notes.push({
    field: 'models',
    meaning: [
      out.length ? `fallback models after the primary, in order: ${shown(out.map((f) => f.name))}` : 'no fallback model beyond the primary',
      skipped.length ? `${shown(skipped)}: not a model of this gateway, skipped` : '',
      strategies.length
        ? `the strategy suffix of ${shown(strategies)} has no Cailos meaning here: the request's strategy ranks every model`
        : '',
    ]
      .filter(Boolean)
      .join('; '),
  });
  return out;
}

function applySort(sort: ProviderPreferences['sort'], spec: ModelSpec, notes: OpenRouterNote[]): ModelSpec {
  if (sort === undefined) return spec;
  const by = typeof sort === 'string' ? sort : sort.by;
  const asked = SORT_STRATEGY[by];
  if (typeof sort === 'object' && sort.partition)
    notes.push({
      field: 'provider.sort.partition',
      meaning:
        sort.partition === 'model'
          ? 'model: endpoints are sorted within each model, as Cailos does'
          : `${NO_MEANING}: fallback models always keep their order`,
    });
  if (spec.strategy) {
    notes.push({
      field: 'provider.sort',
      meaning: `${by} would be the ${asked} strategy; the model name's strategy ${spec.strategy} wins`,
    });
    return spec;
  }
  notes.push({ field: 'provider.sort', meaning: `${by}: the ${asked} strategy` });
  return { ...spec, strategy: asked };
}

function providerLists(p: ProviderPreferences, prefs: RequestPrefs, providers: () => ReadonlySet<string>): void {
  const unknown = (ids: string[]) => {
    const known = providers();
    const missing = ids.filter((id) => !known.has(id));
    return missing.length ? ` (${shown(missing)}: no such provider here)` : '';
  };
  if (p.order?.length) {
    prefs.order = [...new Set(p.order.map(providerIdOf))];
    prefs.notes.push({
      field: 'provider.order',
      meaning: `preferred providers first, in this order: ${shown(prefs.order)}${unknown(prefs.order)}${prefs.allowFallbacks ? '; the others follow' : ''}`,
    });
  }
  if (p.only) {
    const only = [...new Set(p.only.map(providerIdOf))];
    prefs.only = new Set(only);
    prefs.notes.push({ field: 'provider.only', meaning: `only these providers: ${shown(only)}${unknown(only)} (stage policy)` });
  }
  if (p.ignore?.length) {
    const ignore = [...new Set(p.ignore.map(providerIdOf))];
    prefs.ignore = new Set(ignore);
    prefs.notes.push({ field: 'provider.ignore', meaning: `never these providers: ${shown(ignore)} (stage policy)` });
  }
  if (p.allow_fallbacks !== undefined) {
    // OpenRouter: "use only the primary/custom provider" (the providers in order). Model fallbacks
    // (`models`) are a separate layer it still applies.
    const models = prefs.fallbacks.length ? '; it concerns providers, not models: the models of models are still tried in turn' : '';
    prefs.notes.push({
      field: 'provider.allow_fallbacks',
      meaning: p.allow_fallbacks
        ? 'true (the default): providers outside order follow them'
        : prefs.order
          ? `false: no provider outside order (stage policy)${models}`
          : `false: the chain stays on the first-ranked provider of each model${models}`,
    });
  }
}

function trustFloor(p: ProviderPreferences, prefs: RequestPrefs): void {
  if (p.data_collection !== undefined)
    prefs.notes.push({
      field: 'provider.data_collection',
      meaning:
        p.data_collection === 'deny'
          ? 'deny: trust level >= 1, no endpoint that may train on inputs (stages requirements, trust)'
          : 'allow (the default): no trust floor beyond trust_level and the key',
    });
  if (p.zdr !== undefined)
    prefs.notes.push({
      field: 'provider.zdr',
      meaning: p.zdr ? 'trust level >= 2: nothing stored beyond the request (stages requirements, trust)' : 'false: no trust floor',
    });
  if (p.zdr) prefs.trustFloor = { level: 2, field: 'provider.zdr' };
  else if (p.data_collection === 'deny') prefs.trustFloor = { level: 1, field: 'provider.data_collection' };
}

function maxPrice(p: ProviderPreferences, prefs: RequestPrefs): void {
  const m = p.max_price;
  if (!m) return;
  if (m.prompt !== undefined || m.completion !== undefined) {
    prefs.maxPrice = { prompt: m.prompt, completion: m.completion };
    for (const side of ['prompt', 'completion'] as const)
      if (m[side] !== undefined)
        prefs.notes.push({
          field: `provider.max_price.${side}`,
          meaning: `${side === 'prompt' ? 'input' : 'output'} price <= $${m[side]} per million tokens (stage budget)`,
        });
  }
  for (const unit of ['request', 'image', 'audio'] as const)
    if (m[unit] !== undefined)
      prefs.notes.push({
        field: `provider.max_price.${unit}`,
        meaning: `${NO_MEANING}: the catalog prices tokens only (an image counts as input tokens); ignored`,
      });
}

/** Accepted OpenRouter fields Cailos has nothing to match against: named, never silently ignored. */
function unmeant(p: ProviderPreferences, notes: OpenRouterNote[]): void {
  if (p.quantizations !== undefined)
    notes.push({ field: 'provider.quantizations', meaning: `${NO_MEANING}: the catalog does not record quantization; ignored` });
  if (p.enforce_distillable_text !== undefined)
    notes.push({
      field: 'provider.enforce_distillable_text',
      meaning: `${NO_MEANING}: the catalog does not record distillation terms; ignored`,
    });
  for (const field of ['preferred_min_throughput', 'preferred_max_latency'] as const)
    if (p[field] !== undefined)
      notes.push({
        field: `provider.${field}`,
        meaning: `${NO_MEANING}: a soft threshold Cailos does not rank by (routing.max_latency_ms is a hard cap); ignored`,
      });
}

/** The request's trust minimum raised to the floor data_collection / zdr ask for. */
export function withTrustFloor(r: Requirements, prefs: RequestPrefs | undefined): Requirements {
  const floor = prefs?.trustFloor;
  return floor && floor.level > r.minTrustLevel ? { ...r, minTrustLevel: floor.level } : r;
}

/** Stage policy: provider.only, provider.ignore, and allow_fallbacks: false with provider.order. */
export function prefsPolicyCheck(prefs: RequestPrefs | undefined): ((e: Endpoint) => string | null) | null {
  if (!prefs || (!prefs.only && !prefs.ignore && (prefs.allowFallbacks || !prefs.order))) return null;
  const { only, ignore, order, allowFallbacks } = prefs;
  return (e) => {
    if (only && !only.has(e.provider)) return `provider ${e.provider} not in provider.only`;
    if (ignore?.has(e.provider)) return `provider ${e.provider} in provider.ignore`;
    if (!allowFallbacks && order && !order.includes(e.provider))
      return `provider ${e.provider} not in provider.order (allow_fallbacks: false)`;
    return null;
  };
}

/** Stage budget: provider.max_price, USD per million input (prompt) and output (completion) tokens. */
export function prefsPriceCheck(prefs: RequestPrefs | undefined): ((e: Endpoint) => string | null) | null {
  const cap = prefs?.maxPrice;
  if (!cap) return null;
  return ({ pricing }) => {
    if (cap.prompt !== undefined && pricing.inputPerMTok > cap.prompt)
      return `input $${pricing.inputPerMTok}/Mtok > provider.max_price.prompt $${cap.prompt}`;
    if (cap.completion !== undefined && pricing.outputPerMTok > cap.completion)
      return `output $${pricing.outputPerMTok}/Mtok > provider.max_price.completion $${cap.completion}`;
    return null;
  };
}

/**
 * Stage capabilities, provider.require_parameters: an endpoint whose wire format would drop a
 * parameter the request sets is left out. Parameters are the fields some provider format defines;
 * a field none defines is dropped everywhere, so it excludes nothing.
 */
export function requiredParamsCheck(req: ChatRequest, prefs: RequestPrefs | undefined): ((e: Endpoint) => string | null) | null {
  if (!prefs?.requireParameters) return null;
  return (e) => {
    const missing = droppedParams(req, e).filter((name) => PROVIDER_PARAMS.has(name));
    return missing.length ? `does not carry ${shown(missing)} (provider.require_parameters)` : null;
  };
}
