/**
 * AES-256-GCM under keys derived with HKDF-SHA-256 from a worker secret: for values Cailos seals,
 * whether it keeps them (the response cache) or hands them to the client (Responses item ids). Each use
 * derives its own key (its own salt and info), so one use's values never open under another's key.
 * WebCrypto only; no I/O.
 */

const encoder = new TextEncoder();
const IV_BYTES = 12;
/** The GCM tag: a sealed value is at least IV + tag long. */
const TAG_BYTES = 16;

export async function hkdfAesGcmKey(secret: string, salt: string, info: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(salt), info: encoder.encode(info) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** IV ‖ ciphertext ‖ tag, with a random 96-bit IV. `aad` is authenticated, not carried: it must be given again to open. */
export async function sealBytes(key: CryptoKey, aad: string, plaintext: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, key, plaintext);
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return out;
}

/** The plaintext, or null when `sealed` was not sealed under this key with this `aad`, or was altered. */
export async function openBytes(key: CryptoKey, aad: string, sealed: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.byteLength < IV_BYTES + TAG_BYTES) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: encoder.encode(aad) },
      key,
      sealed.subarray(IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  // Chunks keep String.fromCharCode's argument list short on large inputs.
  for (let i = 0; i < view.length; i += 0x8000) s += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of unpadded base64url text, or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
