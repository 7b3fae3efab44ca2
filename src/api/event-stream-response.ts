/**
 * Bytes the producer may run ahead of the client before a write waits. A whole answer's frames usually
 * fit, so the producer never waits for the client to drain each frame; a slow client still pushes back
 * beyond it, which keeps a stalled reader from buffering a long answer in isolate memory.
 */
export const STREAM_AHEAD_BYTES = 64 * 1024;

export interface EventFraming<T> {
  /** One item's SSE frame. */
  frame(item: T): Uint8Array;
  /** A last frame once the items are done (e.g. `data: [DONE]`), or null. */
  end?(): Uint8Array | null;
}

/**
 * A `text/event-stream` Response fed by `items`, each encoded as an SSE frame. Frames go into workerd's
 * native byte stream (IdentityTransformStream) rather than a JS TransformStream: each frame crosses into
 * the runtime once, with no JS-side queue in between, and the producer does not wait for the client to
 * take every frame (bench/overhead/README.md, stream rows). Encoding happens here rather than in another
 * async generator: every generator layer costs promise turns on every event.
 *
 * `items` is pumped in the background (`waitUntil`, the request's ctx.waitUntil); a client that goes away
 * ends the pump quietly, and leaving the loop closes `items`, whose own `finally` blocks settle the request.
 */
export function eventStreamResponse<T>(
  items: AsyncIterable<T>,
  framing: EventFraming<T>,
  headers: Record<string, string>,
  waitUntil: (p: Promise<unknown>) => void,
): Response {
  const { readable, writable } = new IdentityTransformStream({ highWaterMark: STREAM_AHEAD_BYTES });
  const out = writable.getWriter();
  // Writes are not awaited: `ready` is the backpressure. workerd's native stream keeps `ready` resolved after
  // the client has gone (its writes reject instead), so a failed write or a closed stream ends the loop.
  let clientGone = false;
  const gone = () => {
    clientGone = true;
  };
  out.closed.catch(gone);
  const write = (frame: Uint8Array) => void out.write(frame).catch(gone);
  const pump = (async () => {
    try {
      for await (const item of items) {
        await out.ready;
        if (clientGone) break;
        write(framing.frame(item));
      }
      const last = clientGone ? null : framing.end?.();
      if (last) {
        await out.ready;
        write(last);
      }
    } catch {
      // The client went away.
    } finally {
      await out.close().catch(() => undefined);
    }
  })();
  waitUntil(pump);
  return new Response(readable, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headers },
  });
}

const encoder = new TextEncoder();

/** Encode one `data:` event (JSON payloads never contain raw newlines). */
export function encodeSseData(data: string): Uint8Array {
  return encoder.encode(`data: ${data}\n\n`);
}

export function encodeSseEvent(event: string, data: string): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${data}\n\n`);
}
