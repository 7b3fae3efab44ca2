import type { EmbeddingsCall } from '../../hub';
import { base64ToFloat32 } from '../../lib';
import { type EmbeddingAdapter, malformed, type NormalizedEmbeddings, usageCount, vectorOf } from '../embedding-types';
import type { UpstreamHttpRequest, UpstreamTarget } from '../types';
import { classifyOpenAIError } from './error';

/**
 * OpenAI's `POST /embeddings`, which the OpenAI-compatible hosts (OpenRouter, DeepInfra, …) speak
 * too. Vectors are always asked for as floats: the gateway encodes base64 itself, so every format
 * answers the client the same way.
 */
export function buildOpenAIEmbeddingsRequest(call: EmbeddingsCall, target: UpstreamTarget): UpstreamHttpRequest {
  const input = call.inputs.kind === 'text' ? call.inputs.texts : call.inputs.tokens;
  const body: Record<string, unknown> = { model: target.endpoint.model, input, encoding_format: 'float' };
  if (call.dimensions !== undefined) body.dimensions = call.dimensions;
  if (call.user !== undefined) body.user = call.user;
  return {
    url: `${target.baseUrl.replace(/\/$/, '')}/embeddings`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {}),
    },
    body: JSON.stringify(body),
  };
}

function embeddingOf(item: Record<string, unknown>, i: number): number[] {
  // A host that ignores encoding_format may still answer in base64.
  if (typeof item.embedding === 'string') {
    const decoded = base64ToFloat32(item.embedding);
    if (!decoded || decoded.length === 0) throw malformed(`data[${i}].embedding is not base64 float32`);
    return vectorOf(decoded, `data[${i}].embedding`);
  }
  return vectorOf(item.embedding, `data[${i}].embedding`);
}

export function parseOpenAIEmbeddingsResponse(body: unknown): NormalizedEmbeddings {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length === 0) throw malformed('embeddings response has no data');
  const vectors: number[][] = new Array(data.length);
  data.forEach((raw, i) => {
    if (!raw || typeof raw !== 'object') throw malformed(`data[${i}] is not an object`);
    const item = raw as Record<string, unknown>;
    // Items carry their input's index; hosts are not bound to answer in order.
    const index = item.index === undefined ? i : item.index;
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= data.length || vectors[index as number])
      throw malformed(`data[${i}].index is not a distinct input index`);
    vectors[index as number] = embeddingOf(item, i);
  });
  const promptTokens = usageCount((body as { usage?: { prompt_tokens?: unknown } }).usage?.prompt_tokens);
  return { vectors, ...(promptTokens !== undefined ? { promptTokens } : {}) };
}

export const openaiEmbeddingAdapter: EmbeddingAdapter = {
  format: 'openai',
  buildRequest: buildOpenAIEmbeddingsRequest,
  parseResponse: parseOpenAIEmbeddingsResponse,
  classifyError: classifyOpenAIError,
};
