/** Incremental Server-Sent Events parsing and encoding (WHATWG EventSource rules). */

export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

export interface SseParser {
  /** Feed decoded text (any split); returns the events completed by it. */
  push(text: string): SseEvent[];
  /**
   * End of input. Complete `data:` lines still waiting for their blank line are delivered (some
   * servers omit the last one); an unterminated partial line is discarded, as a truncated stream.
   */
  end(): SseEvent[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  // The event's data lines joined with LF so far (null: no data line yet).
  let data: string | null = null;
  let eventName: string | undefined;
  let lastId: string | undefined;
  let sawField = false;
  // A CR at the end of a chunk may be the first half of CRLF; wait for the next chunk.
  let pendingCR = false;

  const dispatch = (out: SseEvent[]) => {
    if (sawField && data !== null) {
      const ev: SseEvent = { data };
      if (eventName !== undefined) ev.event = eventName;
      if (lastId !== undefined) ev.id = lastId;
      out.push(ev);
    }
    data = null;
    eventName = undefined;
    sawField = false;
  };

  // The line is buf[start, end): read in place, so that only a field's value becomes a string of its own.
  const processLine = (buf: string, start: number, end: number, out: SseEvent[]) => {
    if (start === end) return dispatch(out);
    if (buf.charCodeAt(start) === 58 /* : */) return;
    const colon = buf.indexOf(':', start);
    const fieldEnd = colon === -1 || colon > end ? end : colon;
    let valueStart = fieldEnd === end ? end : fieldEnd + 1;
    if (valueStart < end && buf.charCodeAt(valueStart) === 32 /* space */) valueStart++;
    sawField = true;
    const fieldLength = fieldEnd - start;
    if (fieldLength === 4 && buf.startsWith('data', start)) {
      const value = buf.slice(valueStart, end);
      data = data === null ? value : `${data}\n${value}`;
    } else if (fieldLength === 5 && buf.startsWith('event', start)) eventName = buf.slice(valueStart, end);
    else if (fieldLength === 2 && buf.startsWith('id', start)) lastId = buf.slice(valueStart, end);
  };

  return {
    push(text) {
      const out: SseEvent[] = [];
      if (pendingCR) {
        pendingCR = false;
        if (text.charCodeAt(0) === 10 /* \n */) text = text.slice(1);
      }
      const buf = buffer === '' ? text : buffer + text;
      // Line ends found with indexOf (native scans) rather than a JS loop over every character: most
      // streams use LF only, so after one scan for CR the rest is one indexOf per line.
      let start = 0;
      let cr = buf.indexOf('\r');
      for (;;) {
        if (cr !== -1 && cr < start) cr = buf.indexOf('\r', start);
        const lf = buf.indexOf('\n', start);
        let end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (end === -1) break;
        processLine(buf, start, end, out);
        if (end === cr) {
          if (end + 1 < buf.length) {
            if (buf.charCodeAt(end + 1) === 10) end++;
          } else {
            pendingCR = true;
          }
        }
        start = end + 1;
      }
      buffer = start === 0 ? buf : buf.slice(start);
      return out;
    },
    end() {
      const out: SseEvent[] = [];
      buffer = '';
      dispatch(out);
      return out;
    },
  };
}

/**
 * Bytes to SSE events, tolerant of any chunk boundary (including inside UTF-8): `push` each chunk, `end` once
 * the body is done. A plain object rather than a generator, so a reader loop can use it without adding a
 * generator layer per event (src/providers/dispatch.ts).
 */
export function createSseByteDecoder(): { push(bytes: Uint8Array): SseEvent[]; end(): SseEvent[] } {
  const decoder = new TextDecoder();
  const parser = createSseParser();
  return {
    push: (bytes) => parser.push(decoder.decode(bytes, { stream: true })),
    end: () => [...parser.push(decoder.decode()), ...parser.end()],
  };
}

/** Decode a byte stream into SSE events. */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = createSseByteDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const ev of decoder.push(value)) yield ev;
    }
    for (const ev of decoder.end()) yield ev;
  } finally {
    reader.releaseLock();
  }
}
