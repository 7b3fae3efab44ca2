import { describe, expect, it } from 'vitest';
import { createSseByteDecoder, createSseParser, type SseEvent } from '../../src/providers/sse';
import { mulberry32 } from '../../src/lib';

/**
 * The incremental parser against the EventSource rules applied to the whole text at once: the same events
 * whatever the chunking (string or byte splits, inside CRLF or inside a UTF-8 sequence).
 */
function wholeText(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  let saw = false;
  const dispatch = () => {
    if (saw && data.length > 0)
      out.push({ data: data.join('\n'), ...(event !== undefined ? { event } : {}), ...(id !== undefined ? { id } : {}) });
    data = [];
    event = undefined;
    saw = false;
  };
  // The last piece has no line terminator: a truncated line, dropped.
  for (const line of text.split(/\r\n|\r|\n/).slice(0, -1)) {
    if (line === '') dispatch();
    else if (line[0] !== ':') {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value[0] === ' ') value = value.slice(1);
      saw = true;
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id') id = value;
    }
  }
  dispatch();
  return out;
}

const PIECES = [
  'data',
  'data:',
  'data: ',
  'data:  two spaces',
  'data: {"a":"b: c"}',
  'data:x:y',
  'event: delta',
  'event',
  'id: 7',
  'id:',
  ':keep-alive',
  ': comment: with colon',
  'retry: 100',
  'unknown',
  'unknown: v',
  ' data: leading space',
  'dat',
  'datum: z',
  'data: é😀ü',
  'DATA: upper',
  '',
];
const ENDS = ['\n', '\r', '\r\n', '\n\n', '\r\n\r\n'];

function randomText(rand: () => number): string {
  let text = '';
  const n = 1 + Math.floor(rand() * 30);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(rand() * PIECES.length)] + ENDS[Math.floor(rand() * ENDS.length)];
  // Sometimes a truncated last line.
  if (rand() < 0.3) text += PIECES[Math.floor(rand() * PIECES.length)];
  return text;
}

function cuts(length: number, rand: () => number): number[] {
  const at = new Set<number>();
  const k = Math.floor(rand() * 8);
  for (let i = 0; i < k; i++) at.add(Math.floor(rand() * (length + 1)));
  return [...at].sort((a, b) => a - b);
}

function byStrings(text: string, at: number[]): SseEvent[] {
  const parser = createSseParser();
  const out: SseEvent[] = [];
  let from = 0;
  for (const to of [...at, text.length]) {
    out.push(...parser.push(text.slice(from, to)));
    from = to;
  }
  return [...out, ...parser.end()];
}

function byBytes(text: string, at: number[]): SseEvent[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = createSseByteDecoder();
  const out: SseEvent[] = [];
  let from = 0;
  for (const to of [...at.map((i) => Math.min(i, bytes.length)), bytes.length]) {
    out.push(...decoder.push(bytes.slice(from, Math.max(from, to))));
    from = Math.max(from, to);
  }
  return [...out, ...decoder.end()];
}

describe('SSE parser', () => {
  it('gives the events of the whole text under any chunking (5,000 random texts, string and byte splits)', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 5_000; i++) {
      const text = randomText(rand);
      const expected = wholeText(text);
      expect(byStrings(text, cuts(text.length, rand)), JSON.stringify(text)).toEqual(expected);
      expect(byBytes(text, cuts(new TextEncoder().encode(text).length, rand)), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('joins data lines, keeps the last id across events, and treats CR, LF and CRLF alike', () => {
    const text = 'id: 1\r\ndata: a\rdata:b\n\nevent: e\ndata: c\r\n\r\n: note\ndata\n\n';
    expect(byStrings(text, [])).toEqual([
      { data: 'a\nb', id: '1' },
      { data: 'c', event: 'e', id: '1' },
      { data: '', id: '1' },
    ]);
    // A CR that ends one chunk and an LF that starts the next are one line end, not two.
    expect(byStrings('data: x\r\n\r\n', [8])).toEqual([{ data: 'x' }]);
  });
});
