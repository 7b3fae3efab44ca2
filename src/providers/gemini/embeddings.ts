import type { EmbeddingInputType, EmbeddingsCall } from '../../hub';
import { type EmbeddingAdapter, malformed, type NormalizedEmbeddings, textsOf, usageCount, vectorOf } from '../embedding-types';
import type { UpstreamHttpRequest, UpstreamTarget } from '../types';
import { classifyGeminiError } from './error';

/**
 * Gemini's `models/{model}:embedContent` for one input and `:batchEmbedContents` for several (one
 * request per input inside). `outputDimensionality` shortens the vector; `taskType` is sent only when
 * the client named an input type.
 */
const TASK_TYPES: Record<EmbeddingInputType, string> = {
  search_document: 'RETRIEVAL_DOCUMENT',
  search_query: 'RETRIEVAL_QUERY',
  classification: 'CLASSIFICATION',
  clustering: 'CLUSTERING',
};

function contentRequest(text: string, call: EmbeddingsCall): Record<string, unknown> {
  return {
    content: { parts: [{ text }] },
    ...(call.inputType ? { taskType: TASK_TYPES[call.inputType] } : {}),
    ...(call.dimensions !== undefined ? { outputDimensionality: call.dimensions } : {}),
  };
}

export function buildGeminiEmbeddingsRequest(call: EmbeddingsCall, target: UpstreamTarget): UpstreamHttpRequest {
  const texts = textsOf(call, 'Gemini');
  const base = target.baseUrl.replace(/\/+$/, '');
  const model = target.endpoint.model.replace(/^models\//, '');
  const single = texts.length === 1;
  const body = single
    ? contentRequest(texts[0], call)
    : { requests: texts.map((t) => ({ model: `models/${model}`, ...contentRequest(t, call) })) };
  return {
    url: `${base}/models/${model}:${single ? 'embedContent' : 'batchEmbedContents'}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': target.apiKey },
    body: JSON.stringify(body),
  };
}

function valuesOf(embedding: unknown, where: string): number[] {
  return vectorOf((embedding as { values?: unknown } | null)?.values, `${where}.values`);
}

/** Either answer: `{embedding: {values}}` (embedContent) or `{embeddings: [{values}, …]}` (batchEmbedContents). */
export function parseGeminiEmbeddingsResponse(body: unknown): NormalizedEmbeddings {
  const b = (body ?? {}) as { embedding?: unknown; embeddings?: unknown; usageMetadata?: { promptTokenCount?: unknown } };
  let vectors: number[][];
  if (b.embedding !== undefined) vectors = [valuesOf(b.embedding, 'embedding')];
  else if (Array.isArray(b.embeddings) && b.embeddings.length > 0) vectors = b.embeddings.map((e, i) => valuesOf(e, `embeddings[${i}]`));
  else throw malformed('Gemini embed response has no embedding');
  // The embed methods report no usage today; read it should they start to.
  const promptTokens = usageCount(b.usageMetadata?.promptTokenCount);
  return { vectors, ...(promptTokens !== undefined ? { promptTokens } : {}) };
}

export const geminiEmbeddingAdapter: EmbeddingAdapter = {
  format: 'gemini',
  buildRequest: buildGeminiEmbeddingsRequest,
  parseResponse: parseGeminiEmbeddingsResponse,
  classifyError: classifyGeminiError,
};
