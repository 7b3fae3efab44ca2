import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { readJsonBody, chatRequest, plainChatRequest, withModelFromModels } from '../hub';
import { type EventFraming, eventStreamResponse, encodeSseData } from './event-stream-response';
import { runHub } from '../flow';
import { flowContext } from './flow-context';

/** The chat body; OpenRouter's `models` may stand in for `model`. */
const chatBody = withModelFromModels(chatRequest);

/** POST /v1/chat/completions: the hub format in, the hub format out. */
export async function chatCompletions(c: Context<AppEnv>): Promise<Response> {
  const req = await readJsonBody(c.req.raw, chatBody, plainChatRequest);
  const result = await runHub(flowContext(c), req, 'chat', { includeUsage: req.stream_options?.include_usage === true });
  if (result.kind === 'json') return Response.json(result.completion, { headers: result.headers });
  return eventStreamResponse(result.chunks, dataFraming(), result.headers, (p) => c.executionCtx.waitUntil(p));
}

/** Objects as SSE `data:` frames; `[DONE]` closes a stream that did not end in an error. */
function dataFraming(): EventFraming<unknown> {
  let failed = false;
  return {
    frame(item) {
      failed ||= typeof item === 'object' && item !== null && 'error' in item;
      return encodeSseData(JSON.stringify(item));
    },
    end: () => (failed ? null : encodeSseData('[DONE]')),
  };
}
