import { type EmbeddingFacts, getEmbeddingEndpoint, servesDimensions, type WireFormat } from '../catalog';
import { fnv1a, mulberry32 } from '../lib';
import type { SimFormat, SimHttpError } from './types';

/**
 * SIMULATION. The simulated fleet's embedding endpoints, each in its provider's native format
 * (OpenAI `/embeddings`, Cohere `/v2/embed`, Gemini `:embedContent` / `:batchEmbedContents`). Vectors
 * are pseudo-vectors, not meaning: seeded by a hash of the model family and the input, so the same
 * text gets the same vector on every host of a family (as real hosts of the same weights do), unit
 * length, and shortened Matryoshka-style (the first n values, renormalised). Requests a real endpoint
 * would refuse (a length it cannot return, token ids, too many or too long inputs) get its 400.
 */

interface ParsedEmbeddings {
  model: string;
  /** Text inputs, or token-id arrays (OpenAI format only). */
  inputs: { text: string; tokens?: number[] }[];
  dimensions?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Refusal extends Error {
  constructor(
    readonly kind: 'bad_request' | 'context_length',
    message: string,
  ) {
    super(message);
  }
}

const refuse = (message: string): never => {
  throw new Refusal('bad_request', message);
};

/** Whether this request is for an embedding method of the format (the fleet answers chat otherwise). */
export function isEmbeddingsRequest(format: WireFormat, url: URL): boolean {
  if (format === 'openai') return url.pathname.endsWith('/embeddings');
  if (format === 'cohere') return url.pathname.endsWith('/v2/embed');
  if (format === 'gemini') return /:(embedContent|batchEmbedContents)$/.test(url.pathname);
  return false;
}

function parseOpenAI(body: Json): ParsedEmbeddings {
  const input = body.input;
  const model = String(body.model ?? '');
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : undefined;
  if (typeof input === 'string') return { model, inputs: [{ text: input }], dimensions };
  if (!Array.isArray(input) || input.length === 0) return refuse("'input' must be a string or a non-empty array");
  if (typeof input[0] === 'number') return { model, inputs: [{ text: '', tokens: input as number[] }], dimensions };
  const inputs = input.map((item) => (Array.isArray(item) ? { text: '', tokens: item as number[] } : { text: String(item) }));
  return { model, inputs, dimensions };
}

function parseCohere(body: Json): ParsedEmbeddings {
  if (typeof body.input_type !== 'string') refuse('input_type is required for embedding models v3 and higher');
  if (!Array.isArray(body.texts) || body.texts.length === 0) refuse('texts must be a non-empty array of strings');
  const dimensions = typeof body.output_dimension === 'number' ? body.output_dimension : undefined;
  return { model: String(body.model ?? ''), inputs: (body.texts as unknown[]).map((t) => ({ text: String(t) })), dimensions };
}

function geminiText(req: unknown): { text: string; dimensions?: number } {
  const parts =
    isObject(req) && isObject(req.content) && Array.isArray(req.content.parts) ? req.content.parts : refuse('content.parts is required');
  const text = (parts as unknown[]).map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
  const dims = isObject(req) && typeof req.outputDimensionality === 'number' ? req.outputDimensionality : undefined;
  return { text, dimensions: dims };
}

function parseGemini(body: Json, url: URL): ParsedEmbeddings {
  const model = /models\/([^/:]+):/.exec(url.pathname)?.[1] ?? '';
  if (url.pathname.endsWith(':embedContent')) {
    const { text, dimensions } = geminiText(body);
    return { model, inputs: [{ text }], dimensions };
  }
  if (!Array.isArray(body.requests) || body.requests.length === 0) refuse('requests must be a non-empty array');
  const each = (body.requests as unknown[]).map(geminiText);
  return { model, inputs: each.map(({ text }) => ({ text })), dimensions: each[0].dimensions };
}

/** What the endpoint's real API would refuse, by its catalog facts. */
function check(parsed: ParsedEmbeddings, facts: EmbeddingFacts): void {
  if (parsed.inputs.length > facts.maxBatch) refuse(`at most ${facts.maxBatch} inputs per request`);
  if (parsed.inputs.some((i) => i.tokens) && !facts.tokenInput) refuse('this model takes text input only');
  if (parsed.dimensions !== undefined && (!facts.reducible || !servesDimensions(facts, parsed.dimensions)))
    refuse(`this model does not support ${parsed.dimensions} dimensions`);
  for (const input of parsed.inputs) {
    if (!input.tokens && input.text === '') refuse('input cannot be an empty string');
    if (tokensOf(input) > facts.maxInputTokens)
      throw new Refusal('context_length', `an input exceeds the model's maximum context length of ${facts.maxInputTokens} tokens`);
  }
}

function tokensOf(input: ParsedEmbeddings['inputs'][number]): number {
  return input.tokens ? input.tokens.length : Math.ceil(input.text.length / 4);
}

/** Deterministic unit vector for (family, input), cut to `length` and renormalised. */
export function pseudoVector(family: string, input: { text: string; tokens?: number[] }, full: number, length: number): number[] {
  const seedText = input.tokens ? `tokens:${input.tokens.join(',')}` : input.text;
  const next = mulberry32(fnv1a(`${family}\u0000${seedText}`));
  const values = Array.from({ length: full }, () => next() * 2 - 1).slice(0, length);
  const norm = Math.hypot(...values) || 1;
  return values.map((x) => x / norm);
}

/** The format's success body; Gemini reports no usage on its embed methods, so neither does the fleet. */
function render(format: WireFormat, parsed: ParsedEmbeddings, vectors: number[][], tokens: number, url: URL): unknown {
  if (format === 'cohere')
    return {
      id: `sim-${fnv1a(parsed.model + tokens).toString(16)}`,
      response_type: 'embeddings_by_type',
      embeddings: { float: vectors },
      texts: parsed.inputs.map((i) => i.text),
      meta: { api_version: { version: '2' }, billed_units: { input_tokens: tokens } },
    };
  if (format === 'gemini')
    return url.pathname.endsWith(':embedContent')
      ? { embedding: { values: vectors[0] } }
      : { embeddings: vectors.map((values) => ({ values })) };
  return {
    object: 'list',
    data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model: parsed.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

/** The native answer to an embeddings request: 200 with the vectors, or the endpoint's 400. */
export function answerEmbeddings(
  format: SimFormat,
  endpointId: string,
  url: URL,
  bodyText: string,
): { status: number; body: string; headers?: Record<string, string> } {
  const endpoint = getEmbeddingEndpoint(endpointId);
  if (!endpoint) return format.renderError('bad_request', `Invalid request (simulated): ${endpointId} serves no embeddings`);
  try {
    const body: unknown = JSON.parse(bodyText);
    if (!isObject(body)) refuse('the body must be a JSON object');
    const b = body as Json;
    const parsed = format.format === 'cohere' ? parseCohere(b) : format.format === 'gemini' ? parseGemini(b, url) : parseOpenAI(b);
    check(parsed, endpoint.embedding);
    const full = endpoint.embedding.defaultDimensions;
    const vectors = parsed.inputs.map((i) => pseudoVector(endpoint.codename, i, full, parsed.dimensions ?? full));
    const tokens = parsed.inputs.reduce((n, i) => n + tokensOf(i), 0);
    return {
      status: 200,
      body: JSON.stringify(render(format.format, parsed, vectors, tokens, url)),
      headers: { 'content-type': 'application/json' },
    };
  } catch (err) {
    const refusal: SimHttpError =
      err instanceof Refusal
        ? format.renderError(err.kind, `Simulated ${format.format} endpoint: ${err.message}`)
        : format.renderError('bad_request', 'Simulated endpoint: the body is not JSON');
    return refusal;
  }
}
