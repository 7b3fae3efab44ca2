import type { EmbeddingsCall } from '../hub';
import type { WireFormat } from '../catalog';
import { type UpstreamFailure, type UpstreamHttpRequest, type UpstreamTarget, UpstreamError } from './types';

/**
 * The embedding adapter contract: pure functions between the format-neutral embeddings call
 * (src/hub/embeddings.ts) and one native wire format. No fetch, no clocks; dispatch owns the I/O.
 */

export interface NormalizedEmbeddings {
  /** One vector per input, in input order. */
  vectors: number[][];
  /** Input tokens the provider says it billed; absent when its format does not report them. */
  promptTokens?: number;
}

export interface EmbeddingAdapter {
  format: WireFormat;
  /** Throws UpstreamError('bad_request') when the call cannot be expressed in this format (e.g. token ids). */
  buildRequest(call: EmbeddingsCall, target: UpstreamTarget): UpstreamHttpRequest;
  /** Parse a 2xx JSON body; throws UpstreamError('malformed') when it is not the format's shape. */
  parseResponse(body: unknown): NormalizedEmbeddings;
  classifyError(status: number, bodyText: string, headers: Headers): UpstreamFailure;
}

export function malformed(message: string): UpstreamError {
  return new UpstreamError({ kind: 'malformed', retryable: true, status: 200, message });
}

/** A vector as every format sends it: a non-empty array of finite numbers. */
export function vectorOf(value: unknown, where: string): number[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((x) => typeof x === 'number' && Number.isFinite(x)))
    throw malformed(`${where} is not a vector of numbers`);
  return value as number[];
}

/** The text inputs of a call, or the format's refusal of token ids (another endpoint may take them). */
export function textsOf(call: EmbeddingsCall, formatName: string): string[] {
  if (call.inputs.kind === 'text') return call.inputs.texts;
  throw new UpstreamError({
    kind: 'bad_request',
    retryable: true,
    status: 0,
    message: `${formatName} embeds text only; token-id arrays are read by OpenAI's own models`,
  });
}

export function usageCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
