import { describe, expect, it } from 'vitest';
import { MAX_KEYPHRASES, extractKeyphrases, keyphrasesOf } from '../../src/feedback/keyphrases';

const SQL =
  'Write a query: select customers from the orders table where orders total exceeds 100 and customers live in Paris. Group orders by customers.';

describe('keyphrases', () => {
  it('gives at most 5 generic terms or salted hashes, never a word of the prompt', () => {
    const k = extractKeyphrases(SQL, 'salt-1');
    expect(k.length).toBeGreaterThan(0);
    expect(k.length).toBeLessThanOrEqual(MAX_KEYPHRASES);
    expect(k).toContain('has:sql');
    for (const t of k) {
      expect(t).toMatch(/^(h:[0-9a-z]{6}|(has|form|len):[a-z]+)$/);
      for (const word of SQL.toLowerCase().match(/[a-z]{4,}/g)!) expect(t.includes(word)).toBe(false);
    }
  });

  it('is deterministic per salt and differs across salts', () => {
    expect(extractKeyphrases(SQL, 'a')).toEqual(extractKeyphrases(SQL, 'a'));
    const ha = extractKeyphrases(SQL, 'a').filter((t) => t.startsWith('h:'));
    const hb = extractKeyphrases(SQL, 'b').filter((t) => t.startsWith('h:'));
    expect(ha.length).toBe(3);
    expect(ha).not.toEqual(hb);
  });

  it('never hashes numbers, e-mail addresses or capitalised names', () => {
    const k = extractKeyphrases('Alice Martin 4111111111111111 alice.martin@example.com', 's');
    // Only lower-case words of 4+ letters can be hashed: here "alice", "martin", "example".
    const hashed = k.filter((t) => t.startsWith('h:'));
    const allowed = ['alice', 'martin', 'example'].map((w) => extractKeyphrases(w, 's').find((t) => t.startsWith('h:')));
    for (const h of hashed) expect(allowed).toContain(h);
    expect(extractKeyphrases('Alice Martin 4111111111111111', 's').some((t) => t.startsWith('h:'))).toBe(false);
  });

  it('hashes the most frequent lower-case words of 4–20 ASCII letters, ties by first appearance', () => {
    const hashOf = (w: string) => extractKeyphrases(w, 's').find((t) => t.startsWith('h:'));
    // "ticket" ×3, "export" ×2, then "vat" (3 letters), "Invoice" (capitalised), "this" (stopword), a 21-letter
    // word and the halves of "café" and "naïveté" (non-ASCII letters split words) never count; "drops" and
    // "lines" tie at 1 and "drops" came first.
    const text = 'ticket export ticket vat Invoice this abcdefghijklmnopqrstu ticket export drops lines café naïveté';
    const hashed = extractKeyphrases(text, 's').filter((t) => t.startsWith('h:'));
    expect(hashed).toEqual(['ticket', 'export', 'drops'].map(hashOf));
    expect(extractKeyphrases('vat Invoice this abcdefghijklmnopqrstu café naïveté', 's').some((t) => t.startsWith('h:'))).toBe(false);
  });

  it('reads the last user message of a request', () => {
    const req = {
      model: 'auto',
      messages: [
        { role: 'user' as const, content: 'first question about poems' },
        { role: 'assistant' as const, content: 'ok' },
        { role: 'user' as const, content: [{ type: 'text' as const, text: SQL }] },
      ],
    };
    expect(keyphrasesOf(req as never, 'x')).toEqual(extractKeyphrases(SQL, 'x'));
    expect(extractKeyphrases('   ', 'x')).toEqual([]);
  });

  it('hashes words with HMAC-SHA-256 keyed by the salt (first 30 bits, base 36)', async () => {
    const hmacToken = async (word: string, salt: string) => {
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const mac = new DataView(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(word)));
      return `h:${(mac.getUint32(0) >>> 2).toString(36).padStart(6, '0')}`;
    };
    for (const salt of ['test-pepper', 'another-pepper-entirely']) {
      const hashed = extractKeyphrases('ticket ticket export drops', salt).filter((t) => t.startsWith('h:'));
      expect(hashed).toEqual([await hmacToken('ticket', salt), await hmacToken('export', salt), await hmacToken('drops', salt)]);
    }
    // A deployment without a pepper still logs its rows (an empty HMAC key is valid).
    expect(extractKeyphrases('ticket export', '').filter((t) => t.startsWith('h:'))).toHaveLength(2);
  });

  it('ranks words exactly as sorting every count would (generated texts with many ties)', () => {
    const hashOf = (w: string) => extractKeyphrases(w, 's').find((t) => t.startsWith('h:'))!;
    // Reference: every content word's count and first position, all sorted (count down, then first seen).
    const reference = (text: string) => {
      const counts = new Map<string, { n: number; first: number }>();
      (text.match(/[A-Za-z]+/g) ?? []).forEach((w, i) => {
        if (/[A-Z]/.test(w) || w.length < 4 || w.length > 20 || ['this', 'that', 'with', 'please'].includes(w)) return;
        const c = counts.get(w);
        if (c) c.n++;
        else counts.set(w, { n: 1, first: i });
      });
      return [...counts.entries()]
        .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
        .slice(0, 3)
        .map(([w]) => hashOf(w));
    };
    const vocabulary = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'Name', 'this', 'abc', 'with'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 14) }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
      const text = words.join(next() < 0.5 ? ' ' : ', ');
      expect(
        extractKeyphrases(text, 's').filter((t) => t.startsWith('h:')),
        text,
      ).toEqual(reference(text));
    }
  });
});
