import type { ChatCompletion, ChatCompletionChunk } from '../hub';
import type { Candidate } from '../routing';
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

/** The headers every answer carries: which endpoint answered, under which strategy, and the decision id. */
export function responseHeaders(routed: Routed, candidate: Candidate, timing?: StageTimer | null): Record<string, string> {
  const h: Record<string, string> = {
    'x-cailos-decision-id': routed.decisionId,
    'x-cailos-endpoint': candidate.endpoint.id,
    'x-cailos-provider': candidate.endpoint.provider,
    'x-cailos-strategy': routed.routing.strategy ?? 'balanced',
  };
  if (candidate.simulated) h['x-cailos-simulated'] = 'true';
  return withTiming(h, timing ?? null);
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
