import type { ChatCompletionChunk } from '../hub';
import { executeStream } from '../reliability';
import type { FlowContext } from './context';
import { executeOptions } from './execute';
import { type HubResult, responseHeaders, type StreamFailure } from './result';
import type { Routed } from './route';
import { billedCost, settle, settleFailure } from './settle';
import { ChunkWriter } from './stream-writer';
import type { StageTimer } from './timing';

/**
 * A streamed answer: the chain fails over until the first content byte; after that the stream belongs
 * to the client. It settles once, when it ends, however it ends: completed (200), the client gone
 * (499 `client_closed`), or the upstream broken off (502 `stream_interrupted`, told to the client in
 * OpenAI's stream error shape) — billed in every case for the prompt and what was produced.
 */
export async function executeStreaming(ctx: FlowContext, routed: Routed, includeUsage: boolean, timing?: StageTimer): Promise<HubResult> {
  const executed = await executeStream(ctx.env, routed.routing.chain, routed.upstreamRequest, executeOptions(ctx, routed)).catch((err) =>
    settleFailure(ctx, routed, err, true),
  );
  const { candidate, result: opened, attempts } = executed;
  timing?.mark('upstream');
  const writer = new ChunkWriter(
    `chatcmpl-${routed.decisionId}`,
    candidate.endpoint.model,
    Math.floor(routed.startedAt / 1000),
    routed.filter.stream(),
  );
  async function* chunks(): AsyncGenerator<ChatCompletionChunk | StreamFailure> {
    let status = 200;
    let errorClass: string | undefined;
    let ended = false;
    try {
      // A plain `yield` per chunk: `yield*` over the array would wrap it in an async iterator, a few promise
      // turns per chunk of every stream.
      for (const ev of opened.head) for (const chunk of writer.push(ev)) yield chunk;
      for await (const ev of opened.rest) for (const chunk of writer.push(ev)) yield chunk;
      ended = true;
      if (includeUsage) {
        // The same usage settle() bills below, so the cost the client reads is the one billed.
        const usage = writer.billedUsage(routed.estimatedInputTokens);
        yield writer.usageChunk({ ...usage, cost: billedCost(candidate.endpoint, usage) });
      }
    } catch (err) {
      opened.cancel();
      if (ctx.signal.aborted) {
        // The client disconnected; its request signal stopped the upstream read. Nobody to tell.
        status = 499;
        errorClass = 'client_closed';
        return;
      }
      // Content already reached the client: end with an error in OpenAI's stream shape, never silently.
      status = 502;
      errorClass = 'stream_interrupted';
      yield {
        error: {
          message: `The upstream stream from ${candidate.endpoint.id} failed after the answer began: ${(err as Error).message}`,
          type: 'upstream_error',
          param: null,
          code: 'stream_interrupted',
        },
      };
    } finally {
      if (status === 200 && !ended) {
        // The consumer stopped pulling before the upstream ended: the response pump does that only when the client is gone.
        status = 499;
        errorClass = 'client_closed';
      }
      settle(ctx, routed, {
        status,
        endpoint: candidate.endpoint,
        simulated: candidate.simulated,
        usage: writer.billedUsage(routed.estimatedInputTokens),
        attempts,
        ttftMs: opened.ttftMs,
        finishReason: writer.finishReason,
        errorClass,
        stream: true,
      });
    }
  }
  return { kind: 'stream', chunks: chunks(), headers: responseHeaders(routed, candidate, timing), decisionId: routed.decisionId };
}
