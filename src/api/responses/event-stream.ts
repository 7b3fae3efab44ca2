import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { encodeSseEvent } from '../../providers/sse';

/**
 * Pipes `{type, …}` objects as named SSE events (`event: <type>` + `data: <json>`), the framing
 * both the Responses API and Anthropic's Messages API use. No `[DONE]`: each ends with its own
 * terminal event.
 */
export function namedEventStream(c: Context<AppEnv>, events: AsyncIterable<{ type: string }>, headers: Record<string, string>): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const out = writable.getWriter();
  const pump = (async () => {
    try {
      for await (const ev of events) await out.write(encodeSseEvent(ev.type, JSON.stringify(ev)));
    } catch {
      // The client went away; the hub's finally block still settles the request.
    } finally {
      await out.close().catch(() => undefined);
    }
  })();
  c.executionCtx.waitUntil(pump);
  return new Response(readable, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headers } });
}
