import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { resolveKey } from './key-cache';
import { rateLimitHeaders } from './rate-headers';
import { keyExpired } from './key-fields';
import { loadKeyByHash, pepperOf } from './key-store';
import { hashApiKey, looksLikeApiKey } from './keys';
import type { KeyScope } from './types';
import { ApiError } from '../hub';

/** Bearer token (OpenAI clients) or x-api-key (Anthropic clients). */
export function presentedKey(headers: Headers): string | null {
  const auth = headers.get('authorization');
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m ? m[1].trim() : auth.trim();
  }
  return headers.get('x-api-key')?.trim() || null;
}

const unauthorized = (message: string, code: string) => new ApiError(401, { message, type: 'authentication_error', code });

/**
 * Resolves the caller's key from the isolate cache; KV/D1 only on a miss. Revoked, unknown,
 * expired and malformed keys get 401 with a message saying which.
 */
export function requireKey(scope: KeyScope = 'api'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presented = presentedKey(c.req.raw.headers);
    if (!presented) throw unauthorized('Missing API key. Send it as "Authorization: Bearer cai_...".', 'missing_api_key');
    if (!looksLikeApiKey(presented))
      throw unauthorized('Malformed API key: Cailos keys look like cai_ followed by 40 letters and digits.', 'invalid_api_key');
    const hash = await hashApiKey(presented, pepperOf(c.env));
    const key = await resolveKey(
      hash,
      (h) => loadKeyByHash(c.env, h),
      Date.now(),
      (p) => c.executionCtx.waitUntil(p),
    );
    if (!key)
      throw unauthorized('Incorrect or revoked API key. Create a new key with `npm run key:create` or the dashboard.', 'invalid_api_key');
    // From the record in hand (cached or just loaded): an expiry takes effect to the millisecond, with no lookup.
    if (keyExpired(key))
      throw unauthorized(
        `This API key expired at ${new Date(key.settings.expiresAt!).toISOString()}. Use the key that replaced it, or ask for a new one.`,
        'key_expired',
      );
    if (!key.scopes.includes(scope))
      throw new ApiError(403, { message: `This key lacks the '${scope}' scope.`, type: 'permission_error', code: 'insufficient_scope' });
    c.set('key', key);
    await next();
    applyHeaders(c, rateLimitHeaders(key));
  };
}

/** Sets headers on the finished response (success, stream or error alike); a response with fixed headers is copied. */
function applyHeaders(c: Context<AppEnv>, headers: Record<string, string>): void {
  try {
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  } catch {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  }
}

/** Constant-time comparison so the admin secret cannot be recovered by timing. */
export function safeEqual(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) diff |= (ea[i] ?? 0) ^ (eb[i] ?? 0);
  return diff === 0;
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const secret = c.env.ADMIN_SECRET;
  if (!secret)
    throw new ApiError(403, {
      message: 'Admin routes are disabled: set the ADMIN_SECRET secret.',
      type: 'permission_error',
      code: 'admin_disabled',
    });
  // Only `Authorization: Bearer`: the one form documented, so no other header becomes a way in.
  const presented = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization')?.trim() ?? '')?.[1].trim() ?? '';
  if (!safeEqual(presented, secret)) throw unauthorized('Admin routes need the admin secret as a Bearer token.', 'invalid_admin_secret');
  await next();
};
