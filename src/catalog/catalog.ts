import { ENDPOINTS } from './endpoints';
import { createLookup, type ResolvedModel } from './lookup';
import { PROVIDERS } from './providers';
import type { Endpoint, Provider, ProviderId } from './types';

export type { Endpoint, Provider, ProviderId } from './types';
export type { ResolvedModel } from './lookup';
export { PROVIDERS } from './providers';
export { EUR_TO_USD } from './data/row';
import { fnv1a } from '../lib';

// Lookup tables are built once per isolate; the catalog is static data.
const lookup = createLookup(ENDPOINTS);
const byProvider = new Map<ProviderId, Endpoint[]>();
for (const e of ENDPOINTS) byProvider.set(e.provider, [...(byProvider.get(e.provider) ?? []), e]);

const sortedCodenames: readonly string[] = Object.freeze([...lookup.byCodename.keys()].sort());

export function allEndpoints(): readonly Endpoint[] {
  return ENDPOINTS;
}

export function getEndpoint(id: string): Endpoint | undefined {
  return lookup.byId.get(id);
}

export function endpointsForCodename(codename: string): readonly Endpoint[] {
  return lookup.byCodename.get(codename) ?? [];
}

export function endpointsForProvider(provider: ProviderId): readonly Endpoint[] {
  return byProvider.get(provider) ?? [];
}

export function codenames(): readonly string[] {
  return sortedCodenames;
}

export function getProvider(id: string): Provider | undefined {
  return Object.hasOwn(PROVIDERS, id) ? PROVIDERS[id as keyof typeof PROVIDERS] : undefined;
}

/** Exact-spelling resolution in the typed catalog only (a deployment's view adds its self-hosted endpoints). */
export function resolveExactInCatalog(name: string): ResolvedModel | undefined {
  return lookup.resolveExact(name);
}

/** Case-insensitive resolution in the typed catalog only. */
export function resolveLooseInCatalog(name: string): ResolvedModel | undefined {
  return lookup.resolveLoose(name);
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
  return lookup.resolveExact(trimmed) ?? lookup.resolveLoose(trimmed);
}

/**
 * Changes whenever an endpoint is added or removed or its price or default trust level changes,
 * so caches and logged decisions can name the catalog they were made with (and the D1 copy is
 * rewritten when a level changes). Deployment overrides and self-hosted endpoints are not in it.
 */
export const CATALOG_VERSION: string = fnv1aHex(
  [...ENDPOINTS]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => {
      const p = e.pricing;
      return [
        e.id,
        p.inputPerMTok,
        p.outputPerMTok,
        p.cachedInputPerMTok ?? '',
        p.cacheWritePerMTok ?? '',
        p.cacheWrite1hPerMTok ?? '',
        p.asOf,
        e.trustLevel,
      ].join('|');
    })
    .join('\n'),
);

/** The lib's FNV-1a as 8 hex digits. */
function fnv1aHex(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}
