/**
 * API keys are `cai_` + 40 random base62 characters (~238 bits). They are shown once and stored
 * only as HMAC-SHA-256(pepper, key): for high-entropy tokens a fast keyed hash is enough (no
 * password-style stretching is needed because guessing 238 bits is infeasible), and the server-side
 * pepper means a leaked database alone cannot confirm a key.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KEY_PREFIX = 'cai_';
export const KEY_BODY_LENGTH = 40;
const KEY_PATTERN = /^cai_[0-9A-Za-z]{32,64}$/;

const BASE62_CODES = Array.from(BASE62, (ch) => ch.charCodeAt(0));
// Random bytes drawn from the CSPRNG a kilobyte at a time, each used once: every request takes a decision id,
// and a getRandomValues call (and a typed array) per id cost more than the id itself.
const pool = new Uint8Array(1024);
let poolAt = pool.length;

export function randomBase62(length: number): string {
  const codes = new Array<number>(length);
  for (let n = 0; n < length;) {
    if (poolAt === pool.length) {
      crypto.getRandomValues(pool);
      poolAt = 0;
    }
    const byte = pool[poolAt++];
    // Rejection sampling keeps every character uniform (256 is not a multiple of 62).
    if (byte < 248) codes[n++] = BASE62_CODES[byte % 62];
  }
  return String.fromCharCode(...codes);
}

export function generateApiKey(): string {
  return KEY_PREFIX + randomBase62(KEY_BODY_LENGTH);
}

export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(pepper: string): Promise<CryptoKey> {
  let key = hmacKeys.get(pepper);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(pepper), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(pepper, key);
  }
  return key;
}

/**
 * Hashes of keys presented recently, per pepper. A client sends the same key with every request, and the
 * WebCrypto HMAC was a visible share of a gateway-mode request's CPU (bench/overhead/cpu-profile.md). An entry
 * is found only by the whole presented key, so a hit needs the secret itself; the hash decides nothing on its
 * own (the key record it names is still resolved, and revocation and expiry still checked, on every request).
 * Isolate memory only, where the key already is while its request runs; bounded, oldest entry out first.
 */
export const KEY_HASH_CACHE_ENTRIES = 1_000;
const hashCaches = new Map<string, Map<string, string>>();

export async function hashApiKey(apiKey: string, pepper: string): Promise<string> {
  let cache = hashCaches.get(pepper);
  if (!cache) hashCaches.set(pepper, (cache = new Map()));
  const hit = cache.get(apiKey);
  if (hit !== undefined) return hit;
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(pepper), new TextEncoder().encode(apiKey));
  const hash = [...new Uint8Array(sig)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (cache.size >= KEY_HASH_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(apiKey, hash);
  return hash;
}

/** How many key hashes this isolate holds for `pepper` (tests: the cache stays bounded). */
export function cachedKeyHashes(pepper: string): number {
  return hashCaches.get(pepper)?.size ?? 0;
}

export function displayPrefix(apiKey: string): string {
  return apiKey.slice(0, 8);
}
