import type { Env } from '../env';
import { EMBEDDING_ENDPOINTS } from './data/embeddings';
import type { EmbeddingEndpoint } from './embedding-types';
import { createLookup, type ResolvedModel } from './lookup';
import { applyTrustOverride } from './overrides';
import { catalogView, type CatalogView } from './view';

/**
 * The embedding catalog: lookups by name, and the endpoints as this deployment sees them (its
 * TRUST_OVERRIDES apply to a provider's embedding endpoints as to its chat endpoints).
 */

/**
 * The family a bare `auto` (any strategy but cost) embeds with: the most widely used embedding model,
 * so a client that names no model gets the vectors it most likely already stores. `auto:cost` takes
 * the cheapest eligible family instead.
 */
export const DEFAULT_EMBEDDING_FAMILY = 'text-embedding-3-small';

/** What an embedding request's savings are measured against (the log row's baseline cost): OpenAI's own endpoint of the default family. */
export const EMBEDDING_BASELINE_ENDPOINT = 'openai/text-embedding-3-small';

const lookup = createLookup(EMBEDDING_ENDPOINTS);

export function getEmbeddingEndpoint(id: string): EmbeddingEndpoint | undefined {
  return lookup.byId.get(id) as EmbeddingEndpoint | undefined;
}

/** An endpoint id, a family, or a provider's model id (a family when all its hosts agree), exact spelling first. */
export function resolveEmbeddingModel(name: string): ResolvedModel | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  return lookup.resolveExact(trimmed) ?? lookup.resolveLoose(trimmed);
}

const families: readonly string[] = Object.freeze([...lookup.byCodename.keys()].sort());

/** The embedding families, sorted (for error messages and listings). */
export function embeddingFamilies(): readonly string[] {
  return families;
}

const views = new WeakMap<CatalogView, readonly EmbeddingEndpoint[]>();

/** Every embedding endpoint under this deployment's trust overrides; built once per catalog view. */
export function embeddingEndpoints(env: Env): readonly EmbeddingEndpoint[] {
  const view = catalogView(env);
  let endpoints = views.get(view);
  if (!endpoints) {
    // applyTrustOverride spreads the endpoint, so its embedding facts stay.
    endpoints = Object.freeze(EMBEDDING_ENDPOINTS.map((e) => applyTrustOverride(e, view.overrides) as EmbeddingEndpoint));
    views.set(view, endpoints);
  }
  return endpoints;
}
