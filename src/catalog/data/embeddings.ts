import type { EmbeddingEndpoint, EmbeddingFacts } from '../embedding-types';
import { latencyPrior } from '../latency-priors';
import { PROVIDERS } from '../providers';
import type { Codename } from '../quality-priors';
import type { CatalogProviderId } from '../types';

/**
 * Embedding endpoints (POST /v1/embeddings), kept apart from the chat catalog: chat routing never
 * sees them and embedding routing sees nothing else. A row's family (`codename`) names the model
 * weights: only endpoints of one family return interchangeable vectors.
 *
 * Facts are from pages read on READ (undated pages: the day they were read). Where a host documents
 * no batch limit, UNKNOWN_BATCH applies: the smallest limit any documented embedding API sets
 * (Cohere's 96), so routing never sends a batch a host may refuse. Where a host does not document
 * that it shortens vectors on request, the row has no `reducible` and gets only requests for its
 * default length. Left out: Google's text-embedding-004 (retired 2026-01-14, per Google's
 * gemini-embedding announcement quoted in simonw/llm-gemini#102); Together's embedding models (no
 * sourced price).
 */
const READ = '2026-12-07';
export const UNKNOWN_BATCH = 96;

interface EmbeddingSpec extends EmbeddingFacts {
  model: string;
  codename: string;
  /** USD per million input tokens. */
  input: number;
  priceSource: string;
}

/** Fills the provider-derived fields (trust, regions, wire format), as row() does for chat rows. */
function embeddingRows(provider: CatalogProviderId, specs: EmbeddingSpec[]): EmbeddingEndpoint[] {
  const p = PROVIDERS[provider];
  return specs.map(({ model, codename, input, priceSource, ...facts }) => ({
    id: `${provider}/${model}`,
    provider,
    model,
    codename,
    wireFormat: p.wireFormat,
    pricing: { inputPerMTok: input, outputPerMTok: 0, asOf: READ, source: priceSource },
    contextWindow: facts.maxInputTokens,
    maxOutputTokens: 0,
    capabilities: { tools: false, vision: false, jsonSchema: false, streaming: false },
    trustLevel: p.trustLevel,
    trustEvidence: p.trustEvidence,
    regions: [...p.regions],
    // No published latency for embedding calls: the provider class's default (latency-priors.ts).
    latency: latencyPrior(provider, model, codename as Codename),
    // Embedding routing never ranks by answer quality (no eval suite scores vectors).
    qualityPrior: 0,
    embedding: facts,
  }));
}

const OPENAI_API =
  'OpenAI embeddings API reference (input: string, strings or token arrays, at most 2048; dimensions only for text-embedding-3 and later) via the openai-struct crate on docs.rs; zilliz.com/ai-models/text-embedding-3-large (8,191 tokens)';
const OPENAI_PRICES = 'docs.praison.ai/docs/embeddings/providers/openai (price table); openrouter.ai model pages (OpenAI as host at the same price)';

export const OPENAI_EMBEDDINGS = embeddingRows('openai', [
  { model: 'text-embedding-3-small', codename: 'text-embedding-3-small', input: 0.02, priceSource: OPENAI_PRICES,
    defaultDimensions: 1536, reducible: { min: 1, max: 1536 }, maxInputTokens: 8191, maxBatch: 2048, tokenInput: true, source: OPENAI_API },
  { model: 'text-embedding-3-large', codename: 'text-embedding-3-large', input: 0.13, priceSource: `${OPENAI_PRICES}; zilliz.com ($0.13)`,
    defaultDimensions: 3072, reducible: { min: 1, max: 3072 }, maxInputTokens: 8191, maxBatch: 2048, tokenInput: true, source: OPENAI_API },
]);

const OPENROUTER_API =
  'openrouter.ai/docs/api/api-reference/embeddings (OpenAI format; input: strings or token arrays; dimensions, input_type); batch limit not documented';

export const OPENROUTER_EMBEDDINGS = embeddingRows('openrouter', [
  { model: 'openai/text-embedding-3-small', codename: 'text-embedding-3-small', input: 0.02,
    priceSource: 'openrouter.ai/openai/text-embedding-3-small ($0.02/M; hosts OpenAI and Azure)',
    defaultDimensions: 1536, reducible: { min: 1, max: 1536 }, maxInputTokens: 8191, maxBatch: UNKNOWN_BATCH, tokenInput: true,
    source: `${OPENROUTER_API}; length limit of the model (OpenAI)` },
  { model: 'google/gemini-embedding-001', codename: 'gemini-embedding-001', input: 0.15,
    priceSource: 'openrouter.ai/google/gemini-embedding-001 ($0.15/M)',
    // OpenRouter lists a 20,000-token context; the model's own limit (Google: 2,048) is the one kept.
    // How `dimensions` maps to Google's outputDimensionality is not documented: default length only.
    defaultDimensions: 3072, maxInputTokens: 2048, maxBatch: UNKNOWN_BATCH, tokenInput: false, source: OPENROUTER_API },
  { model: 'baai/bge-m3', codename: 'bge-m3', input: 0.01, priceSource: 'openrouter.ai/baai/bge-m3 ($0.01/M, 8,192 context, 1,024 dimensions)',
    defaultDimensions: 1024, maxInputTokens: 8192, maxBatch: UNKNOWN_BATCH, tokenInput: false, source: OPENROUTER_API },
  { model: 'qwen/qwen3-embedding-8b', codename: 'qwen3-embedding-8b', input: 0.01,
    priceSource: 'openrouter.ai/qwen/qwen3-embedding-8b ($0.01/M, 32K context)',
    defaultDimensions: 4096, maxInputTokens: 32_768, maxBatch: UNKNOWN_BATCH, tokenInput: false,
    source: `${OPENROUTER_API}; 4,096 dimensions per docs.venice.ai/models/qwen3-embedding-8b` },
]);

export const DEEPINFRA_EMBEDDINGS = embeddingRows('deepinfra', [
  { model: 'BAAI/bge-m3-multi-8k', codename: 'bge-m3', input: 0.01,
    priceSource: 'deepinfra.com/BAAI/bge-m3-multi-8k ($0.010/M; serves the full 8,192-token context)',
    defaultDimensions: 1024, maxInputTokens: 8192, maxBatch: UNKNOWN_BATCH, tokenInput: false,
    source: 'deepinfra.com/BAAI/bge-m3-multi-8k; 1,024 dimensions per openrouter.ai/baai/bge-m3' },
]);

const COHERE_API = 'docs.cohere.com/embed-reference (POST /v2/embed: input_type required, at most 96 texts, embedding_types, output_dimension)';

export const COHERE_EMBEDDINGS = embeddingRows('cohere', [
  { model: 'embed-v4.0', codename: 'embed-v4.0', input: 0.12,
    priceSource: 'getmaxim.ai Bifrost cost calculator, Cohere embed-v4.0 ($0.12/M); toolstac.com Cohere Embed v4 (~$0.12/M text)',
    defaultDimensions: 1536, reducible: [256, 512, 1024, 1536], maxInputTokens: 128_000, maxBatch: 96, tokenInput: false,
    source: `${COHERE_API}; docs.oracle.com Cohere Embed 4 (1,536 default; 256/512/1,024/1,536; 128,000 tokens)` },
  { model: 'embed-english-v3.0', codename: 'embed-english-v3.0', input: 0.1,
    priceSource: 'openrouter.ai/cohere/embed-english-v3.0 ($0.10/M, Cohere the only host); getmaxim.ai ($0.10)',
    defaultDimensions: 1024, maxInputTokens: 512, maxBatch: 96, tokenInput: false,
    source: `${COHERE_API}; docs.oracle.com Cohere Embed English 3 (1,024 dimensions, 512 tokens, 96 inputs)` },
]);

export const GOOGLE_EMBEDDINGS = embeddingRows('google', [
  { model: 'gemini-embedding-001', codename: 'gemini-embedding-001', input: 0.15,
    priceSource: "developers.googleblog.com gemini-embedding-available-gemini-api ($0.15/M), quoted in simonw/llm-gemini#102",
    // Google recommends 3,072, 1,536 or 768 (Matryoshka); only those are routed here.
    defaultDimensions: 3072, reducible: [768, 1536, 3072], maxInputTokens: 2048, maxBatch: 100, tokenInput: false,
    source: 'ai.google.dev/api/embeddings (embedContent, outputDimensionality, taskType); Google blog (2,048 tokens, MRL); vercel/ai#16575 (batchEmbedContents takes at most 100)' },
]);

/** Every embedding endpoint, in the catalog's provider order. */
export const EMBEDDING_ENDPOINTS: readonly EmbeddingEndpoint[] = Object.freeze([
  ...OPENAI_EMBEDDINGS,
  ...GOOGLE_EMBEDDINGS,
  ...COHERE_EMBEDDINGS,
  ...DEEPINFRA_EMBEDDINGS,
  ...OPENROUTER_EMBEDDINGS,
]);
