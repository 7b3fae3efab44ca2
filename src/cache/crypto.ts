import type { Env } from '../env';
import { hkdfAesGcmKey, openBytes, sealBytes, toBase64Url } from '../lib';

/**
 * Keys of the response cache, one pair per team, derived with HKDF-SHA-256 from the worker secret
 * CACHE_SECRET (KEY_PEPPER when unset; a different HKDF label keeps the two uses apart): an HMAC-SHA-256
 * key that names entries, and an AES-256-GCM key that seals them. A team's entries can neither be found
 * nor read with another team's keys, and nothing stored names the request or the answer.
 */

interface TeamKeys {
  lookup: CryptoKey;
  seal: CryptoKey;
}

const encoder = new TextEncoder();
const SALT_TEXT = 'cailos-response-cache-v1';
const SALT = encoder.encode(SALT_TEXT);
/** Derived keys per team, per isolate: deriving costs two HKDF runs, a request costs one HMAC. */
const MAX_TEAMS = 1_000;
const derived = new Map<string, { secret: string; keys: Promise<TeamKeys> }>();

export function cacheSecret(env: Env): string {
  const secret = env.CACHE_SECRET || env.KEY_PEPPER;
  if (!secret) throw new Error('CACHE_SECRET (or KEY_PEPPER) is not configured: the response cache has no key');
  return secret;
}

async function derive(secret: string, teamId: string): Promise<TeamKeys> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  const params = (use: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info: encoder.encode(`${use}\0${teamId}`) });
  const [lookup, seal] = await Promise.all([
    crypto.subtle.deriveKey(params('lookup'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
    hkdfAesGcmKey(secret, SALT_TEXT, `seal\0${teamId}`),
  ]);
  return { lookup, seal };
}

function teamKeys(env: Env, teamId: string): Promise<TeamKeys> {
  const secret = cacheSecret(env);
  const hit = derived.get(teamId);
  if (hit && hit.secret === secret) return hit.keys;
  if (derived.size >= MAX_TEAMS) derived.delete(derived.keys().next().value!);
  const keys = derive(secret, teamId);
  // A failed derivation is not kept: the next request tries again.
  keys.catch(() => derived.delete(teamId));
  derived.set(teamId, { secret, keys });
  return keys;
}

/** HMAC-SHA-256 of `material` under the team's lookup key, base64url. */
export async function lookupHash(env: Env, teamId: string, material: string): Promise<string> {
  const { lookup } = await teamKeys(env, teamId);
  return toBase64Url(await crypto.subtle.sign('HMAC', lookup, encoder.encode(material)));
}

/** AES-GCM with a random IV; `bound` (the entry's name) is authenticated too, so a sealed value opens only under its own name. */
export async function sealText(env: Env, teamId: string, bound: string, plaintext: string): Promise<ArrayBuffer> {
  const { seal } = await teamKeys(env, teamId);
  return (await sealBytes(seal, bound, encoder.encode(plaintext))).buffer as ArrayBuffer;
}

/** The plaintext, or null when the value was not sealed by this team's key under this name. */
export async function openText(env: Env, teamId: string, bound: string, value: ArrayBuffer): Promise<string | null> {
  const { seal } = await teamKeys(env, teamId);
  const plain = await openBytes(seal, bound, new Uint8Array(value));
  return plain && new TextDecoder().decode(plain);
}
