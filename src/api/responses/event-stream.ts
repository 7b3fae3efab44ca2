import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { eventStreamResponse, encodeSseEvent } from '../event-stream-response';

/**
 * Pipes `{type, …}` objects as named SSE events (`event: <type>` + `data: <json>`), the framing
 * both the Responses API and Anthropic's Messages API use. No `[DONE]`: each ends with its own
 * terminal event.
 */
export function namedEventStream(c: Context<AppEnv>, events: AsyncIterable<{ type: string }>, headers: Record<string, string>): Response {
  return eventStreamResponse(events, { frame: (ev) => encodeSseEvent(ev.type, JSON.stringify(ev)) }, headers, (p) =>
    c.executionCtx.waitUntil(p),
  );
}
