import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { encodeSseData } from '../providers/sse';
import { readJsonBody } from './body';
import { chatRequest } from './chat-schema';
import { runHub } from './hub';

/** POST /v1/chat/completions: the hub format in, the hub format out. */
export async function chatCompletions(c: Context<AppEnv>): Promise<Response> {
  const req = await readJsonBody(c.req.raw, chatRequest);
  const result = await runHub(c, req, 'chat', { includeUsage: req.stream_options?.include_usage === true });
  if (result.kind === 'json') return Response.json(result.completion, { headers: result.headers });
  return sseResponse(c, result.chunks, result.headers, true);
}

/** Pipes objects as SSE `data:` frames; `[DONE]` closes a stream that did not end in an error. */
export function sseResponse(c: Context<AppEnv>, items: AsyncIterable<unknown>, headers: Record<string, string>, done: boolean): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const out = writable.getWriter();
  const pump = (async () => {
    let failed = false;
    try {
      for await (const item of items) {
        failed ||= typeof item === 'object' && item !== null && 'error' in item;
        await out.write(encodeSseData(JSON.stringify(item)));
      }
      if (done && !failed) await out.write(encodeSseData('[DONE]'));
    } catch {
      // The client went away; the hub's finally block still settles the request.
    } finally {
      await out.close().catch(() => undefined);
    }
  })();
  c.executionCtx.waitUntil(pump);
  return new Response(readable, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headers } });
}
