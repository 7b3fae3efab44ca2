import { ENDPOINTS } from './endpoints';
import { PROVIDERS } from './providers';
import type { Endpoint, Provider, ProviderId } from './types';

export type { Endpoint, Provider, ProviderId } from './types';
export { PROVIDERS } from './providers';
export { EUR_TO_USD } from './data/row';

export type ResolvedModel =
  | { kind: 'codename'; codename: string }
  | { kind: 'endpoint'; endpoint: Endpoint };

// Lookup tables are built once per isolate; the catalog is static data.
const byId = new Map<string, Endpoint>();
const byCodename = new Map<string, Endpoint[]>();
const byProvider = new Map<ProviderId, Endpoint[]>();
const byUpstreamModel = new Map<string, Endpoint[]>();

function push<K>(map: Map<K, Endpoint[]>, key: K, e: Endpoint): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

for (const e of ENDPOINTS) {
  byId.set(e.id, e);
  push(byCodename, e.codename, e);
  push(byProvider, e.provider, e);
  push(byUpstreamModel, e.model, e);
}

const sortedCodenames: readonly string[] = Object.freeze([...byCodename.keys()].sort());

// Case-insensitive fallbacks, used only when the exact spelling is not found.
const lowerIds = new Map([...byId.keys()].map((k) => [k.toLowerCase(), k]));
const lowerCodenames = new Map(sortedCodenames.map((k) => [k.toLowerCase(), k]));
const lowerModels = new Map<string, string[]>();
for (const model of byUpstreamModel.keys()) {
  const key = model.toLowerCase();
  lowerModels.set(key, [...(lowerModels.get(key) ?? []), model]);
}

export function allEndpoints(): readonly Endpoint[] {
  return ENDPOINTS;
}

export function getEndpoint(id: string): Endpoint | undefined {
  return byId.get(id);
}

export function endpointsForCodename(codename: string): readonly Endpoint[] {
  return byCodename.get(codename) ?? [];
}

export function endpointsForProvider(provider: ProviderId): readonly Endpoint[] {
  return byProvider.get(provider) ?? [];
}

export function codenames(): readonly string[] {
  return sortedCodenames;
}

export function getProvider(id: string): Provider | undefined {
  return Object.hasOwn(PROVIDERS, id) ? PROVIDERS[id as ProviderId] : undefined;
}

/** A provider model id names one thing only if all its hosts serve the same family. */
function resolveUpstreamModel(matches: readonly Endpoint[]): ResolvedModel | undefined {
  if (matches.length === 1) return { kind: 'endpoint', endpoint: matches[0] };
  const families = new Set(matches.map((e) => e.codename));
  if (families.size === 1) return { kind: 'codename', codename: matches[0].codename };
  return undefined;
}

function resolveExact(name: string): ResolvedModel | undefined {
  const endpoint = byId.get(name);
  if (endpoint) return { kind: 'endpoint', endpoint };
  if (byCodename.has(name)) return { kind: 'codename', codename: name };
  const matches = byUpstreamModel.get(name);
  return matches ? resolveUpstreamModel(matches) : undefined;
}

/**
 * What a client's `model` names, in order: an endpoint id ("groq/llama-3.3-70b-versatile"), a
 * codename ("gpt-4o"), or a provider's model id ("claude-haiku-4-5-20251001"). A model id served
 * by several providers resolves to its codename when they agree on the family, else not at all.
 * Exact spelling first, then case-insensitively. Routing suffixes (":cost") are not handled here.
 */
export function resolveModelName(name: string): ResolvedModel | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  const exact = resolveExact(trimmed);
  if (exact) return exact;
  const lower = trimmed.toLowerCase();
  const id = lowerIds.get(lower);
  if (id) return { kind: 'endpoint', endpoint: byId.get(id)! };
  const codename = lowerCodenames.get(lower);
  if (codename) return { kind: 'codename', codename };
  const models = lowerModels.get(lower);
  if (!models) return undefined;
  return resolveUpstreamModel(models.flatMap((m) => byUpstreamModel.get(m) ?? []));
}

/** FNV-1a 32-bit: small, stable, no crypto or Node APIs needed (this runs in workerd). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Changes whenever an endpoint is added or removed or a price changes, so caches and logged
 * decisions can name the catalog they were made with.
 */
export const CATALOG_VERSION: string = fnv1a(
  [...ENDPOINTS]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => {
      const p = e.pricing;
      return [e.id, p.inputPerMTok, p.outputPerMTok, p.cachedInputPerMTok ?? '', p.cacheWritePerMTok ?? '', p.asOf].join('|');
    })
    .join('\n'),
);
