import { describe, expect, it } from 'vitest';
import { randomBase62 } from '../../src/tenancy/keys';

describe('random base62 ids', () => {
  it('have the asked length, only base62 characters, never repeat, and use every character about equally', () => {
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    let chars = 0;
    // Enough ids to draw the random bytes many times over, at every length from 1 to 64.
    for (let i = 0; i < 4_000; i++) {
      const length = 1 + (i % 64);
      const id = randomBase62(length);
      expect(id).toMatch(new RegExp(`^[0-9A-Za-z]{${length}}$`));
      if (length >= 16) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      for (const ch of id) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      chars += length;
    }
    expect(counts.size).toBe(62);
    // ~130,000 characters: each of the 62 expected ~2,100 times; a biased sampler (e.g. byte % 62 without
    // rejection favours the first 8 characters by 25 %) falls outside ±10 %.
    for (const n of counts.values()) expect(Math.abs(n / (chars / 62) - 1)).toBeLessThan(0.1);
  });
});
