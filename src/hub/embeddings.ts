import { z } from 'zod';
import { routingHints } from './chat-schema';
import { ApiError } from './errors';

/**
 * The embeddings request (OpenAI's `POST /v1/embeddings`), validated at the boundary, and the
 * format-neutral view of its inputs that every wire format's adapter reads.
 */

/** OpenAI's limit on inputs in one request; providers with smaller batches are routed around. */
export const MAX_EMBEDDING_INPUTS = 2048;

/**
 * What the vectors will be used for. Cohere requires it and Gemini optimises for it (its taskType);
 * OpenAI-format endpoints take no such field. Not an OpenAI parameter: a gateway extension, as on
 * OpenRouter's embeddings API.
 */
export const EMBEDDING_INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering'] as const;
export type EmbeddingInputType = (typeof EMBEDDING_INPUT_TYPES)[number];

export const embeddingsRequest = z
  .object({
    model: z.string().min(1, 'model is required, e.g. "auto" or "text-embedding-3-small"'),
    // Checked by embeddingInputs(): its messages name the offending item.
    input: z.unknown(),
    dimensions: z.number().int().positive().max(65_536).optional(),
    encoding_format: z.enum(['float', 'base64']).optional(),
    user: z.string().max(256).optional(),
    input_type: z.enum(EMBEDDING_INPUT_TYPES).optional(),
    trust_level: z.number().int().min(0).max(3).optional(),
    routing: routingHints.optional(),
  })
  // As OpenAI's own API: an unknown field is an error, never silently dropped (no format carries it across).
  .strict();

export type EmbeddingsRequest = z.infer<typeof embeddingsRequest>;

/** Text inputs, or OpenAI token-id arrays (ids of OpenAI's tokenizer: only endpoints that read them take them). */
export type EmbeddingInputs = { kind: 'text'; texts: string[] } | { kind: 'tokens'; tokens: number[][] };

/** What an embedding adapter sends: the inputs and the options the chosen endpoint must honour. */
export interface EmbeddingsCall {
  inputs: EmbeddingInputs;
  /** Vector length asked for; sent only to an endpoint whose default differs (it shortens on request). */
  dimensions?: number;
  inputType?: EmbeddingInputType;
  /** End-user id for the provider's abuse monitoring (OpenAI format only), already pseudonymized when the shield is on. */
  user?: string;
}

const inputError = (message: string, param = 'input') => new ApiError(400, { message, param, code: 'invalid_request' });

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((t) => Number.isInteger(t) && (t as number) >= 0);
}

function checkTokens(list: unknown[], nested: boolean): number[][] {
  if (!nested) {
    if (!isTokenArray(list)) throw inputError('A token array holds non-negative integers only.');
    return [list];
  }
  return list.map((item, i) => {
    if (!isTokenArray(item)) throw inputError(`input[${i}] must be a non-empty array of non-negative integer token ids.`, `input[${i}]`);
    return item;
  });
}

/**
 * The request's inputs as OpenAI accepts them: a string, an array of strings, an array of token ids, or
 * an array of token-id arrays; at most MAX_EMBEDDING_INPUTS, none empty, strings and tokens not mixed.
 */
export function embeddingInputs(input: unknown): EmbeddingInputs {
  if (typeof input === 'string') {
    if (input.length === 0) throw inputError('input cannot be an empty string.');
    return { kind: 'text', texts: [input] };
  }
  if (!Array.isArray(input) || input.length === 0)
    throw inputError('input must be a non-empty string, an array of strings, or an array of token-id arrays.');
  if (input.length > MAX_EMBEDDING_INPUTS)
    throw inputError(`input holds ${input.length} items; at most ${MAX_EMBEDDING_INPUTS} per request.`);
  if (typeof input[0] === 'number') return { kind: 'tokens', tokens: checkTokens(input, false) };
  if (Array.isArray(input[0])) return { kind: 'tokens', tokens: checkTokens(input, true) };
  input.forEach((item, i) => {
    if (typeof item !== 'string') throw inputError(`input[${i}] must be a string like the other items.`, `input[${i}]`);
    if (item.length === 0) throw inputError(`input[${i}] cannot be an empty string.`, `input[${i}]`);
  });
  return { kind: 'text', texts: input as string[] };
}

/** How many inputs the request embeds. */
export function inputCount(inputs: EmbeddingInputs): number {
  return inputs.kind === 'text' ? inputs.texts.length : inputs.tokens.length;
}

/** Tokens of each input: counted for token arrays, ~4 characters per token for text (as chat routing estimates). */
export function estimateEmbeddingTokens(inputs: EmbeddingInputs): number[] {
  return inputs.kind === 'text' ? inputs.texts.map((t) => Math.ceil(t.length / 4)) : inputs.tokens.map((t) => t.length);
}
