import type { EmbeddingsCall } from '../../hub';
import { type EmbeddingAdapter, malformed, type NormalizedEmbeddings, textsOf, usageCount, vectorOf } from '../embedding-types';
import type { UpstreamHttpRequest, UpstreamTarget } from '../types';
import { isRecord } from './common';
import { classifyCohereError } from './error';

/**
 * Cohere's native Embed API v2 (`POST /v2/embed`). `input_type` is required there for v3 and later
 * models; without the client's choice, `search_document` (what is stored and searched most). Inputs
 * over the model's limit are refused rather than cut (`truncate: NONE`), as OpenAI refuses them: a
 * vector of half a document would pass for the whole one.
 */
export function buildCohereEmbeddingsRequest(call: EmbeddingsCall, target: UpstreamTarget): UpstreamHttpRequest {
  const body: Record<string, unknown> = {
    model: target.endpoint.model,
    texts: textsOf(call, 'Cohere'),
    input_type: call.inputType ?? 'search_document',
    embedding_types: ['float'],
    truncate: 'NONE',
  };
  if (call.dimensions !== undefined) body.output_dimension = call.dimensions;
  return {
    url: `${target.baseUrl.replace(/\/+$/, '')}/v2/embed`,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${target.apiKey}` },
    body: JSON.stringify(body),
  };
}

export function parseCohereEmbeddingsResponse(body: unknown): NormalizedEmbeddings {
  if (!isRecord(body) || !isRecord(body.embeddings)) throw malformed('Cohere embed response has no embeddings object');
  const floats = body.embeddings.float;
  if (!Array.isArray(floats) || floats.length === 0) throw malformed('Cohere embed response has no float embeddings');
  const vectors = floats.map((v, i) => vectorOf(v, `embeddings.float[${i}]`));
  const meta = isRecord(body.meta) ? body.meta : undefined;
  const promptTokens = usageCount(isRecord(meta?.billed_units) ? meta.billed_units.input_tokens : undefined);
  return { vectors, ...(promptTokens !== undefined ? { promptTokens } : {}) };
}

export const cohereEmbeddingAdapter: EmbeddingAdapter = {
  format: 'cohere',
  buildRequest: buildCohereEmbeddingsRequest,
  parseResponse: parseCohereEmbeddingsResponse,
  classifyError: classifyCohereError,
};
