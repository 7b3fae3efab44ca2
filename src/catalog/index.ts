/** Public surface of src/catalog: what other modules import. Imports from outside the module go through this file. */
export { endpointsForCodename, getEndpoint, resolveModelName } from './catalog';
export { providerKey, simulationEnabled } from './credentials';
export { blendedPricePerMTok, costOfUsage, DEFAULT_RESERVED_OUTPUT_TOKENS, estimateCost, worstCaseCost } from './pricing';
export { catalogReport } from './report';
export { syncCatalogToD1 } from './sync';
export type { Capabilities, Endpoint, WireFormat } from './types';
export { EXTRA_PARAMS } from './data/extra-params';
export { catalogView, trustSummary, upstreamAccess } from './view';
export type { CatalogView } from './view';
export { embeddingFacts, servesDimensions } from './embedding-types';
export type { EmbeddingEndpoint, EmbeddingFacts } from './embedding-types';
export {
  DEFAULT_EMBEDDING_FAMILY,
  EMBEDDING_BASELINE_ENDPOINT,
  embeddingEndpoints,
  embeddingFamilies,
  getEmbeddingEndpoint,
  resolveEmbeddingModel,
} from './embeddings';
