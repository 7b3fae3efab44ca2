import { describe, expect, it } from 'vitest';
import { cachedKeyHashes, generateApiKey, hashApiKey, KEY_HASH_CACHE_ENTRIES } from '../../src/tenancy/keys';

/** HMAC-SHA-256(pepper, key) in hex, computed here independently of the gateway's code. */
async function hmacHex(key: string, pepper: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(pepper), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(key));
  return [...new Uint8Array(sig)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('API key hashes (remembered per isolate)', () => {
  it('are the peppered HMAC on the first and on every later call, and differ per pepper', async () => {
    const key = generateApiKey();
    const expected = await hmacHex(key, 'pepper-one');
    expect(await hashApiKey(key, 'pepper-one')).toBe(expected);
    expect(await hashApiKey(key, 'pepper-one')).toBe(expected);
    // A remembered hash is never answered for another pepper.
    expect(await hashApiKey(key, 'pepper-two')).toBe(await hmacHex(key, 'pepper-two'));
    expect(await hashApiKey(key, 'pepper-two')).not.toBe(expected);
    // Nor for another key, even one that differs in its last character only.
    const other = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
    expect(await hashApiKey(other, 'pepper-one')).toBe(await hmacHex(other, 'pepper-one'));
  });

  it('stay bounded: a flood of distinct keys keeps at most KEY_HASH_CACHE_ENTRIES, and every answer stays right', async () => {
    const pepper = `flood-${crypto.randomUUID()}`;
    const first = generateApiKey();
    const firstHash = await hashApiKey(first, pepper);
    for (let i = 0; i < KEY_HASH_CACHE_ENTRIES + 50; i++) await hashApiKey(generateApiKey(), pepper);
    expect(cachedKeyHashes(pepper)).toBe(KEY_HASH_CACHE_ENTRIES);
    // The oldest entry went first; asking again recomputes the same hash.
    expect(await hashApiKey(first, pepper)).toBe(firstHash);
    expect(cachedKeyHashes(pepper)).toBe(KEY_HASH_CACHE_ENTRIES);
  });
});
