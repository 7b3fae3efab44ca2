import type { AssistantMessage, ChatCompletion, ChatCompletionChunk } from '../hub';
import type { Candidate } from '../routing';
import { droppedParamsHeader } from './dropped-params';
import type { Routed } from './route';
import { type StageTimer, withTiming } from './timing';

/** Ends a stream whose answer had already begun when the upstream failed. */
export interface StreamFailure {
  error: { message: string; type: string; param: null; code: string };
}

export type HubResult =
  | { kind: 'json'; completion: ChatCompletion; headers: Record<string, string>; decisionId: string }
  | { kind: 'stream'; chunks: AsyncIterable<ChatCompletionChunk | StreamFailure>; headers: Record<string, string>; decisionId: string };

export function isStreamFailure(x: ChatCompletionChunk | StreamFailure): x is StreamFailure {
  return 'error' in x;
}

/**
 * The headers every answer carries: which endpoint answered, under which strategy, and the decision id;
 * `x-cailos-dropped-params` when that endpoint did not receive some of the client's parameters.
 */
export function responseHeaders(
  routed: Pick<Routed, 'decisionId' | 'routing' | 'inboundDropped'>,
  candidate: Candidate,
  timing?: StageTimer | null,
): Record<string, string> {
  const h: Record<string, string> = {
    'x-cailos-decision-id': routed.decisionId,
    'x-cailos-endpoint': candidate.endpoint.id,
    'x-cailos-provider': candidate.endpoint.provider,
    'x-cailos-strategy': routed.routing.strategy ?? 'balanced',
  };
  if (candidate.simulated) h['x-cailos-simulated'] = 'true';
  Object.assign(h, droppedParamsHeader(routed.routing.request, candidate.endpoint, routed.inboundDropped));
  return withTiming(h, timing ?? null);
}

/** OpenAI's response message always has `refusal` (null when the model did not refuse). */
export function specMessage(message: AssistantMessage): AssistantMessage {
  return { ...message, refusal: message.refusal ?? null };
}

/** What an inbound dialect's stream translator offers: one hub chunk in, its own events out. */
export interface ChunkTranslator<E> {
  push(chunk: ChatCompletionChunk): E[];
  finish(): E[];
  fail(failure: StreamFailure): E[];
}

/** Runs a hub chunk stream through a dialect's translator; a failure ends the stream. */
export async function* translateChunks<E>(
  chunks: AsyncIterable<ChatCompletionChunk | StreamFailure>,
  translator: ChunkTranslator<E>,
): AsyncGenerator<E> {
  for await (const chunk of chunks) {
    if (isStreamFailure(chunk)) {
      yield* translator.fail(chunk);
      return;
    }
    yield* translator.push(chunk);
  }
  yield* translator.finish();
}
