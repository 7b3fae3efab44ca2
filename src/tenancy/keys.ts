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

export function randomBase62(length: number): string {
  // Rejection sampling keeps every character uniform (256 is not a multiple of 62).
  const out: string[] = [];
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < 248 && out.length < length) out.push(BASE62[b % 62]);
    }
  }
  return out.join('');
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

export async function hashApiKey(apiKey: string, pepper: string): Promise<string> {
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(pepper), new TextEncoder().encode(apiKey));
  return [...new Uint8Array(sig)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function displayPrefix(apiKey: string): string {
  return apiKey.slice(0, 8);
}
