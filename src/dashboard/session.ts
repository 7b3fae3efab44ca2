import type { Env } from '../env';

/**
 * Dashboard sessions are stateless signed cookies: base64url(JSON payload) + "." + HMAC-SHA-256.
 * No KV round trip per page view, and nothing to clean up; the price is that a session cannot be
 * revoked individually before it expires (8 h) — a key-based session is re-checked against the
 * key store on every request instead, so revoking the key ends it at once. Rotating ADMIN_SECRET or
 * KEY_PEPPER ends every session.
 */

export const SESSION_COOKIE = 'cailos_dash';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export type SessionRole = 'admin' | 'key';

export interface Session {
  v: 1;
  /** The only team this session may see. */
  team: string;
  role: SessionRole;
  /** For role 'key': the dashboard-scoped key that signed in. */
  keyId?: string;
  /** Random id; the CSRF token is derived from it. */
  sid: string;
  exp: number;
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function secretOf(env: Env): string | null {
  if (!env.KEY_PEPPER) return null;
  return `cailos-dashboard-session|${env.ADMIN_SECRET ?? ''}|${env.KEY_PEPPER}`;
}

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keyCache.set(secret, key);
  }
  return key;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null for anything that is not unpadded base64url (a length of 4n+1 can encode nothing). */
function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1 || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
  let bin: string;
  try {
    bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  } catch {
    return null;
  }
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

async function sign(secret: string, data: string): Promise<string> {
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(data));
  return toBase64Url(new Uint8Array(sig));
}

export function newSession(team: string, role: SessionRole, keyId?: string, now = Date.now()): Session {
  const sid = toBase64Url(crypto.getRandomValues(new Uint8Array(18)));
  return { v: 1, team, role, ...(keyId ? { keyId } : {}), sid, exp: now + SESSION_TTL_MS };
}

export async function encodeSession(env: Env, session: Session): Promise<string> {
  const secret = secretOf(env);
  if (!secret) throw new Error('KEY_PEPPER is not configured');
  const payload = toBase64Url(encoder.encode(JSON.stringify(session)));
  return `${payload}.${await sign(secret, payload)}`;
}

/** Browsers keep cookies up to 4096 bytes; anything longer was not set by this deployment. */
const MAX_COOKIE_CHARS = 4096;
/** Unpadded base64url of an HMAC-SHA-256 tag (32 bytes). */
const SIGNATURE_CHARS = 43;

/** Null for anything not signed by this deployment, malformed, or expired: never an exception. */
export async function decodeSession(env: Env, cookie: string | undefined, now = Date.now()): Promise<Session | null> {
  const secret = secretOf(env);
  if (!secret || !cookie || cookie.length > MAX_COOKIE_CHARS) return null;
  const dot = cookie.indexOf('.');
  if (dot <= 0 || cookie.length - dot - 1 !== SIGNATURE_CHARS) return null;
  const payload = cookie.slice(0, dot);
  const sig = fromBase64Url(cookie.slice(dot + 1));
  if (!sig) return null;
  // crypto.subtle.verify compares in constant time.
  const ok = await crypto.subtle.verify('HMAC', await hmacKey(secret), sig, encoder.encode(payload));
  if (!ok) return null;
  try {
    const bytes = fromBase64Url(payload);
    if (!bytes) return null;
    const s = JSON.parse(new TextDecoder().decode(bytes)) as Session;
    if (s.v !== 1 || typeof s.team !== 'string' || typeof s.sid !== 'string' || typeof s.exp !== 'number') return null;
    if (s.role !== 'admin' && s.role !== 'key') return null;
    return s.exp > now ? s : null;
  } catch {
    return null;
  }
}

/** The session's CSRF token: a MAC of its id, so it needs no storage and dies with the session. */
export async function csrfTokenFor(env: Env, session: Session): Promise<string> {
  const secret = secretOf(env);
  if (!secret) throw new Error('KEY_PEPPER is not configured');
  return sign(secret, `csrf|${session.sid}`);
}

export async function csrfTokenValid(env: Env, session: Session, presented: string | null | undefined): Promise<boolean> {
  if (!presented) return false;
  const expected = await csrfTokenFor(env, session);
  if (expected.length !== presented.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ presented.charCodeAt(i);
  return diff === 0;
}

export function sessionCookieHeader(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/dashboard; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}
