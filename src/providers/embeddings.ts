import { embeddingFacts, type WireFormat } from '../catalog';
import type { Env } from '../env';
import { type EmbeddingsCall, inputCount } from '../hub';
import { cohereEmbeddingAdapter } from './cohere/embeddings';
import { type AttemptTimeouts, type CallTarget, jsonBody, sendUpstream, withResponseTimeout } from './dispatch';
import { type EmbeddingAdapter, malformed, type NormalizedEmbeddings } from './embedding-types';
import { geminiEmbeddingAdapter } from './gemini/embeddings';
import { openaiEmbeddingAdapter } from './openai/embeddings';
import { RequestBuildError } from './build-failure';
import { UpstreamError } from './types';

/** One embedding adapter per wire format; Anthropic offers no embeddings API. */
const ADAPTERS: Partial<Record<WireFormat, EmbeddingAdapter>> = {
  openai: openaiEmbeddingAdapter,
  cohere: cohereEmbeddingAdapter,
  gemini: geminiEmbeddingAdapter,
};

export function embeddingAdapterFor(format: WireFormat): EmbeddingAdapter | undefined {
  return ADAPTERS[format];
}

export interface EmbeddingsResult extends NormalizedEmbeddings {
  ttftMs: number;
}

/**
 * The gateway's own bug while building a request (nothing was sent): a 500 blamed on the gateway, as
 * for chat. Embedding inputs are strings or integer arrays, never nested deeply enough to overflow.
 */
function buildFault(err: unknown, providerName: string): RequestBuildError {
  console.error('building the embeddings request failed', providerName, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  return new RequestBuildError(500, `The gateway failed to prepare the embeddings request for ${providerName}.`, null, 'gateway');
}

/**
 * The call as this endpoint must receive it: `dimensions` (the length the client wants) is sent only
 * to an endpoint whose default length differs; routing already kept only endpoints that serve it.
 */
function callFor(target: CallTarget, call: EmbeddingsCall): EmbeddingsCall {
  const facts = embeddingFacts(target.endpoint);
  if (call.dimensions === undefined || call.dimensions !== facts?.defaultDimensions) return call;
  const { dimensions: _d, ...rest } = call;
  return rest;
}

/** The answer must match the request: one vector per input, each of the length routing promised. */
function checkShape(result: NormalizedEmbeddings, target: CallTarget, call: EmbeddingsCall): void {
  const expected = inputCount(call.inputs);
  if (result.vectors.length !== expected) throw malformed(`returned ${result.vectors.length} vectors for ${expected} inputs`);
  const length = call.dimensions ?? embeddingFacts(target.endpoint)?.defaultDimensions;
  const wrong = result.vectors.find((v) => v.length !== length);
  // Vectors of another length would silently break the client's index: another endpoint must answer.
  if (wrong) throw malformed(`returned ${wrong.length}-dimensional vectors where ${length} were expected`);
}

/** One embeddings attempt against one endpoint, under the same timeouts and abort rules as a completion. */
export async function callEmbeddings(
  env: Env,
  target: CallTarget,
  call: EmbeddingsCall,
  timeouts: AttemptTimeouts,
  parent: AbortSignal,
): Promise<EmbeddingsResult> {
  const adapter = embeddingAdapterFor(target.endpoint.wireFormat);
  if (!adapter) throw buildFault(new Error(`no embeddings adapter for ${target.endpoint.wireFormat}`), target.endpoint.provider);
  const started = Date.now();
  return withResponseTimeout(parent, timeouts, async (signal) => {
    const sent = callFor(target, call);
    const res = await sendUpstream(env, target, (t) => adapter.buildRequest(sent, t), buildFault, signal);
    if (!res.ok) throw new UpstreamError(adapter.classifyError(res.status, await res.text().catch(() => ''), res.headers));
    const result = adapter.parseResponse(await jsonBody(res, signal));
    checkShape(result, target, call);
    return { ...result, ttftMs: Date.now() - started };
  });
}
