import { describe, expect, it } from 'vitest';
import { chatRequest, readJsonBody } from '../../src/hub';

/** The same bytes as a body of declared length (the runtime frames it) and as a chunked stream (no length). */
function both(bytes: Uint8Array): Request[] {
  const declared = new Request('http://x/', { method: 'POST', body: bytes, headers: { 'content-length': String(bytes.byteLength) } });
  const chunked = new Request('http://x/', {
    method: 'POST',
    body: new ReadableStream<Uint8Array>({
      start(c) {
        // Split inside a multi-byte character on purpose: decoding must not depend on chunk boundaries.
        c.enqueue(bytes.slice(0, 7));
        c.enqueue(bytes.slice(7));
        c.close();
      },
    }),
    duplex: 'half',
  } as RequestInit);
  return [declared, chunked];
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.byteLength));
  return out;
};

describe('request bodies read the same with and without a declared length', () => {
  it('multi-byte characters, a byte order mark and invalid UTF-8 decode identically either way', async () => {
    const bodies = [
      utf8('{"model":"é✓","messages":[{"role":"user","content":"日本語 😀"}]}'),
      concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('{"model":"m","messages":[{"role":"user","content":"bom"}]}')),
      concat(utf8('{"model":"m","messages":[{"role":"user","content":"bad '), new Uint8Array([0xff, 0xc3]), utf8('"}]}')),
    ];
    for (const bytes of bodies) {
      const [declared, chunked] = both(bytes);
      expect(declared.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(chunked.headers.get('content-length')).toBeNull();
      const a = await readJsonBody(declared, chatRequest);
      const b = await readJsonBody(chunked, chatRequest);
      expect(a).toEqual(b);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
    const [declared] = both(bodies[2]);
    expect((await readJsonBody(declared, chatRequest)).messages[0].content).toBe('bad \ufffd\ufffd');
  });
});
