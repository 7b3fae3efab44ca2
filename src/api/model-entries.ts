import type { Capabilities, Endpoint } from '../catalog';
import { STRATEGIES, type Strategy } from '../hub';
import type { RoutingSnapshot } from '../routing';
import { DEFAULT_MIN_TRUST_LEVEL } from '../tenancy';
import { usdPerToken } from './usd';

/**
 * The models a deployment offers, as /v1/models describes them: OpenAI's model object (`id`, `object`,
 * `created`, `owned_by`) plus what a client needs to choose one. Prices follow OpenRouter's `pricing`:
 * USD per token as decimal strings. Built from the routing snapshot (endpoints callable here), so
 * nothing is listed that a request could not reach.
 */

/** Catalog snapshot date, as a Unix time for the `created` field. */
export const CREATED = Math.floor(Date.parse('2026-07-24T00:00:00Z') / 1000);

export interface ModelPricing {
  prompt: string;
  completion: string;
  input_cache_read?: string;
  input_cache_write?: string;
}

export interface EndpointInfo {
  id: string;
  provider: string;
  model: string;
  pricing: ModelPricing;
  context_length: number;
  max_output_tokens: number;
  capabilities: Record<string, boolean>;
  trust_level: number;
  regions: string[];
  simulated: boolean;
}

export interface ModelEntry {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  /** `router`: auto (any family); `family`: one model family, any of its providers; `endpoint`: one provider's model. */
  kind: 'router' | 'family' | 'endpoint';
  strategy: Strategy | null;
  family?: string;
  /** The cheapest endpoint's price (input + output; free tiers only when nothing else); null for a router, priced per request. */
  pricing: ModelPricing | null;
  context_length: number;
  max_output_tokens: number;
  /** What at least one of the endpoints supports (routing picks one that has what the request needs). */
  capabilities: Record<string, boolean>;
  /** The highest trust level among the endpoints: the most a request can demand and still be served. */
  trust_level: number;
  providers: string[];
  endpoints?: EndpointInfo[];
}

type Available = RoutingSnapshot['endpoints'][number];

function pricingOf(e: Endpoint): ModelPricing {
  const p = e.pricing;
  return {
    prompt: usdPerToken(p.inputPerMTok),
    completion: usdPerToken(p.outputPerMTok),
    ...(p.cachedInputPerMTok !== undefined ? { input_cache_read: usdPerToken(p.cachedInputPerMTok) } : {}),
    ...(p.cacheWritePerMTok !== undefined ? { input_cache_write: usdPerToken(p.cacheWritePerMTok) } : {}),
  };
}

/** Catalog capability names in snake_case (jsonSchema → json_schema), every boolean one kept. */
function capabilitiesOf(c: Capabilities): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(c)) {
    if (typeof value === 'boolean') out[name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)] = value;
  }
  return out;
}

function endpointInfo({ endpoint: e, simulated }: Available): EndpointInfo {
  return {
    id: e.id,
    provider: e.provider,
    model: e.model,
    pricing: pricingOf(e),
    context_length: e.contextWindow,
    max_output_tokens: e.maxOutputTokens,
    capabilities: capabilitiesOf(e.capabilities),
    trust_level: e.trustLevel,
    regions: [...e.regions],
    simulated,
  };
}

/** The figures a group of endpoints offers together. */
function summary(
  infos: EndpointInfo[],
): Pick<ModelEntry, 'context_length' | 'max_output_tokens' | 'capabilities' | 'trust_level' | 'providers'> {
  const capabilities: Record<string, boolean> = {};
  for (const info of infos)
    for (const [name, on] of Object.entries(info.capabilities)) capabilities[name] = (capabilities[name] ?? false) || on;
  return {
    context_length: Math.max(0, ...infos.map((i) => i.context_length)),
    max_output_tokens: Math.max(0, ...infos.map((i) => i.max_output_tokens)),
    capabilities,
    trust_level: Math.max(0, ...infos.map((i) => i.trust_level)),
    providers: [...new Set(infos.map((i) => i.provider))],
  };
}

/**
 * The endpoint whose price a group shows: the cheapest (input + output) at trust level 1 or more, the
 * keys' default minimum. Free tiers (level 0, price 0) serve only keys that allow 0, so they would
 * understate what most requests pay; a group of free tiers only shows theirs.
 */
function cheapest(infos: EndpointInfo[]): EndpointInfo {
  const total = (i: EndpointInfo) => Number(i.pricing.prompt) + Number(i.pricing.completion);
  const paid = infos.filter((i) => i.trust_level >= DEFAULT_MIN_TRUST_LEVEL);
  return (paid.length > 0 ? paid : infos).reduce((best, i) => (total(i) < total(best) ? i : best));
}

export function routerEntry(id: string, strategy: Strategy | null, all: Available[]): ModelEntry {
  return {
    id,
    object: 'model',
    created: CREATED,
    owned_by: 'cailos',
    kind: 'router',
    strategy,
    pricing: null,
    ...summary(all.map(endpointInfo)),
  };
}

/** A family (several endpoints) or one endpoint, under the id the client named it by. */
export function groupEntry(id: string, kind: 'family' | 'endpoint', strategy: Strategy | null, members: Available[]): ModelEntry {
  const endpoints = members.map(endpointInfo);
  return {
    id,
    object: 'model',
    created: CREATED,
    owned_by: endpoints[0].provider,
    kind,
    strategy,
    family: members[0].endpoint.codename,
    pricing: cheapest(endpoints).pricing,
    ...summary(endpoints),
    endpoints,
  };
}

const listed = new WeakMap<RoutingSnapshot, ModelEntry[]>();

/** `auto`, `auto:<strategy>`, then every family with a callable endpoint, by name (cached per snapshot). */
export function modelList(snapshot: RoutingSnapshot): ModelEntry[] {
  const cached = listed.get(snapshot);
  if (cached) return cached;
  const families = new Map<string, Available[]>();
  for (const a of snapshot.endpoints) families.set(a.endpoint.codename, [...(families.get(a.endpoint.codename) ?? []), a]);
  const entries = [
    routerEntry('auto', null, snapshot.endpoints),
    ...STRATEGIES.map((s) => routerEntry(`auto:${s}`, s, snapshot.endpoints)),
    ...[...families.keys()].sort().map((name) => groupEntry(name, 'family', null, families.get(name)!)),
  ];
  listed.set(snapshot, entries);
  return entries;
}
