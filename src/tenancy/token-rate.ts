import type { Env } from '../env';
import { ApiError } from '../hub';
import {
  alive,
  callGuard,
  type LocalQuota,
  pending,
  recentUse,
  scheduleFlush,
  sweepTokens,
  type TokenLease,
  tokenLeaseCap,
  tokenLeaseSize,
} from './quota-state';
import type { Scope } from './scopes';

/**
 * Tokens per minute, leased like requests (quota.ts): a request reserves its worst case — estimated
 * input plus its output cap — from the isolate's token lease, asking the scope's KeyGuard only when
 * the lease cannot cover it; when the request ends, the reservation is settled to its real usage
 * (unused tokens return, extra ones are owed).
 */

export function tokensLimited(scope: Scope, need: number, retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, {
    message: `Token rate limit reached for ${scope.label} (${scope.tpm} tokens per minute): this request reserves ${need} tokens (estimated input + max_tokens). Retry after ${seconds}s, or lower max_tokens.`,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    headers: { 'retry-after': String(seconds) },
  });
}

function take(t: TokenLease, n: number): void {
  t.tokens -= n;
  t.window.used += n;
}

/** A background top-up once the lease is below half its size; it also carries unsent spend. */
function topUp(env: Env, scope: Scope, q: LocalQuota, now: number, waitUntil: (p: Promise<unknown>) => void): void {
  const t = q.tpm;
  const size = tokenLeaseSize(scope.tpm!, recentUse(t.window, now));
  if (t.tokens >= size / 2 || alive(t.pending, now)) return;
  waitUntil(askTokens(env, scope, q, { want: size, min: 0 }).catch(() => undefined));
}

async function askTokens(env: Env, scope: Scope, q: LocalQuota, tokens: { want: number; min: number }): Promise<void> {
  const p = pending();
  q.tpm.pending = p;
  try {
    await callGuard(env, scope, q, 0, tokens);
  } finally {
    if (q.tpm.pending === p) q.tpm.pending = undefined;
    p.done = true;
  }
}

/** Takes `need` tokens for one request, or throws 429 rate_limit_exceeded with the wait. */
export async function takeTokens(
  env: Env,
  scope: Scope,
  q: LocalQuota,
  need: number,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<void> {
  const t = q.tpm;
  let now = Date.now();
  sweepTokens(t, now);
  if (t.tokens < need) {
    // Whatever the lease lacks, all or nothing, plus a lease's worth for the requests that follow.
    const shortfall = need - t.tokens;
    const extra = tokenLeaseSize(scope.tpm!, recentUse(t.window, now) + need);
    await askTokens(env, scope, q, { want: shortfall + extra, min: shortfall });
    now = Date.now();
    if (t.tokens < need) throw tokensLimited(scope, need, t.retryAfterMs);
  }
  take(t, need);
  topUp(env, scope, q, now, waitUntil);
}

/** Puts tokens taken for a request that did not run back in the lease. */
export function giveBack(q: LocalQuota, n: number): void {
  const t = q.tpm;
  if (t.expiresAt > Date.now()) t.tokens += n;
  else t.unreturned += n;
  t.window.used = Math.max(0, t.window.used - n);
}

/**
 * Settles a reservation to the tokens really used: the rest returns (to the lease, and beyond what one
 * isolate should keep, to the guard), and tokens used beyond it are owed by the lease.
 */
export function settleTokens(
  env: Env,
  scope: Scope,
  q: LocalQuota,
  reserved: number,
  used: number,
  waitUntil: (p: Promise<unknown>) => void,
): void {
  const t = q.tpm;
  const now = Date.now();
  sweepTokens(t, now);
  const unused = reserved - used;
  if (unused < 0 || t.expiresAt > now) t.tokens += unused;
  else t.unreturned += unused;
  const cap = tokenLeaseCap(scope.tpm!);
  if (t.tokens > cap) {
    t.unreturned += t.tokens - cap;
    t.tokens = cap;
  }
  if (t.unreturned > 0) scheduleFlush(env, scope, q, waitUntil);
}
