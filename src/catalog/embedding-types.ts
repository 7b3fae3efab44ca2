import type { Endpoint } from './types';

/**
 * What an embedding endpoint does beyond the fields every endpoint has. An embedding endpoint is an
 * Endpoint (price, provider, wire format, trust, regions, latency prior), so the fallback executor,
 * breakers, budget holds and the request log treat it like any other; its `contextWindow` is the
 * longest single input and its output price 0.
 */
export interface EmbeddingFacts {
  /** Vector length returned when the request names no `dimensions`. */
  defaultDimensions: number;
  /**
   * Shorter lengths the endpoint returns on request (Matryoshka-trained models truncate and
   * renormalise): any integer in a range, or one of a list. Absent: the default length only.
   */
  reducible?: { min: number; max: number } | readonly number[];
  /** Longest single input, in the model's tokens. */
  maxInputTokens: number;
  /** Inputs one upstream call may carry. */
  maxBatch: number;
  /** Reads OpenAI token-id arrays as input (ids of OpenAI's tokenizer, so OpenAI's models only). */
  tokenInput: boolean;
  /** Where the dimension, length and batch facts come from (prices cite theirs in `pricing.source`). */
  source: string;
}

export interface EmbeddingEndpoint extends Endpoint {
  embedding: EmbeddingFacts;
}

/** The embedding facts of an endpoint, or undefined for a chat endpoint. */
export function embeddingFacts(endpoint: Endpoint): EmbeddingFacts | undefined {
  return (endpoint as Partial<EmbeddingEndpoint>).embedding;
}

/** Whether the endpoint can return vectors of length `dimensions` (its default, or a length it shortens to). */
export function servesDimensions(facts: EmbeddingFacts, dimensions: number): boolean {
  if (dimensions === facts.defaultDimensions) return true;
  const r = facts.reducible;
  if (!r) return false;
  if ('min' in r) return dimensions >= r.min && dimensions <= r.max;
  return r.includes(dimensions);
}
