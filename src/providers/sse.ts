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
  let dataLines: string[] = [];
  let eventName: string | undefined;
  let lastId: string | undefined;
  let sawField = false;
  // A CR at the end of a chunk may be the first half of CRLF; wait for the next chunk.
  let pendingCR = false;

  const dispatch = (out: SseEvent[]) => {
    if (sawField && dataLines.length > 0) {
      const ev: SseEvent = { data: dataLines.join('\n') };
      if (eventName !== undefined) ev.event = eventName;
      if (lastId !== undefined) ev.id = lastId;
      out.push(ev);
    }
    dataLines = [];
    eventName = undefined;
    sawField = false;
  };

  const processLine = (line: string, out: SseEvent[]) => {
    if (line === '') return dispatch(out);
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    sawField = true;
    if (field === 'data') dataLines.push(value);
    else if (field === 'event') eventName = value;
    else if (field === 'id') lastId = value;
  };

  return {
    push(text) {
      const out: SseEvent[] = [];
      if (pendingCR) {
        pendingCR = false;
        if (text.startsWith('\n')) text = text.slice(1);
      }
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer.charCodeAt(i);
        if (ch === 10 /* \n */ || ch === 13 /* \r */) {
          processLine(buffer.slice(start, i), out);
          if (ch === 13) {
            if (i + 1 < buffer.length) {
              if (buffer.charCodeAt(i + 1) === 10) i++;
            } else {
              pendingCR = true;
            }
          }
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
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
