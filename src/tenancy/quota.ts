import type { Env } from '../env';
import { ApiError } from '../hub';
import { checkBudgets, releaseHold } from './budget-check';
import {
  alive,
  joinLease,
  leaseSize,
  type LocalQuota,
  localQuota,
  recentUse,
  scheduleFlush,
  type SpendHold,
  startLease,
  usable,
} from './quota-state';
import { type Scope, scopesOf } from './scopes';
import { cachedTeam, resolveTeam } from './team-cache';
import { giveBack, settleTokens, takeTokens } from './token-rate';
import type { KeyRecord } from './types';

export { baseLeaseSize, leaseSize, resetLocalQuotas, SPEND_FLUSH_MS } from './quota-state';
export type { SpendHold } from './quota-state';

/**
 * Rate limits and budgets without a Durable Object round trip in the steady state, for every scope a
 * request belongs to: its key, and its team when the team sets team-wide limits (scopes.ts).
 *
 * Rate: each isolate holds a lease of requests (and, with a token limit, of tokens) taken from the
 * scope's KeyGuard bucket and spends it locally. What is leased leaves the global bucket, so the
 * scope's total rate can never exceed its limit; the price is that a lease may sit unused in one
 * isolate (early 429s elsewhere, never overshoot), and leases expire after LEASE_TTL_MS. The request
 * lease is sized from what this isolate used over the last second (at least `baseLeaseSize`, at most a
 * sixth of a minute of the rate), and a refill starts in the background once half of it is used, so a
 * busy scope does not wait on the DO. Requests that find no lease while one is already on its way wait
 * for that one (polling its flag on their own timers) instead of each asking the DO. Tokens: a request
 * reserves its estimated input plus output cap once routed (reserveUsage), and settles to its real
 * usage when it ends (token-rate.ts).
 *
 * Budget: spend is not reported per request. Each finished request adds its cost to the isolate's
 * unsent spend for each scope; the unsent total rides along with the next lease call, or goes out alone
 * ~SPEND_FLUSH_MS after it was recorded when no lease came by (so low-traffic scopes update too). Every
 * lease answer carries the scope's spend per window (day, week, month); the local check counts
 * confirmed + in-transit + unsent spend against each window that has a budget.
 *
 * Requests in flight are counted too: once routed, a request holds its worst-case cost (estimated input
 * + its output cap, at the priciest endpoint of its chain) until it ends, when the hold gives way to its
 * real cost (settleSpend) in one synchronous step. A request is admitted when its hold fits beside the
 * spend and the holds in flight; one that finds nothing of the scope in flight in this isolate is
 * admitted on spend alone (spend below budget), so a budget smaller than one request's worst case still
 * serves one request at a time. A burst in one isolate therefore overspends by at most one hold. Holds
 * are per isolate: another isolate's requests in flight are seen only once their spend arrives with a
 * lease answer (≈ SPEND_FLUSH_MS after they end), so each isolate can add one hold plus what it admitted
 * before that spend arrived.
 */

/** Spend older than this is refreshed in the background. */
const SPEND_STALE_MS = 15_000;

function rateLimited(scope: Scope, retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, {
    message:
      scope.kind === 'key'
        ? `Rate limit reached for this key; retry after ${seconds}s.`
        : `Rate limit reached for ${scope.label} (${scope.rpm} requests per minute across its keys); retry after ${seconds}s.`,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    headers: { 'retry-after': String(seconds) },
  });
}

/** The request path's wait for a request from the lease: join the lease on its way, else ask for one. */
async function awaitRequests(env: Env, scope: Scope, q: LocalQuota): Promise<void> {
  const joined = q.lease;
  if (alive(joined, Date.now())) {
    await joinLease(joined);
    if (usable(q, Date.now())) return;
    // That lease granted nothing: the bucket is empty, so asking again now would be refused too.
    if (q.retryAfterMs > 0 && q.grantedAt >= joined.startedAt) throw rateLimited(scope, q.retryAfterMs);
  }
  await startLease(env, scope, q, leaseSize(scope.rpm!, recentUse(q.window, Date.now()) + 1));
  if (!usable(q, Date.now())) throw rateLimited(scope, q.retryAfterMs);
}

/** Makes sure the scope can be decided on: a request in the lease, or (no rate limit) its spend read once. */
async function ready(env: Env, scope: Scope, q: LocalQuota): Promise<void> {
  if (scope.rpm !== null) {
    if (!usable(q, Date.now())) await awaitRequests(env, scope, q);
    return;
  }
  if (q.spentReadAt > 0 || Object.keys(scope.budgets).length === 0) return;
  // A team budget this isolate has never read: the first request waits for it, as a key's first lease does.
  if (alive(q.lease, Date.now())) await joinLease(q.lease!);
  else await startLease(env, scope, q, 0);
}

function consume(env: Env, scope: Scope, q: LocalQuota, now: number, waitUntil: (p: Promise<unknown>) => void): void {
  let low = false;
  let size = 0;
  if (scope.rpm !== null) {
    q.tokens -= 1;
    q.window.used += 1;
    size = leaseSize(scope.rpm, recentUse(q.window, now));
    low = q.tokens < Math.max(1, size / 2);
  }
  if ((low || now - q.spentReadAt > SPEND_STALE_MS) && !alive(q.lease, now)) {
    // Background top-up; also carries the unsent spend and reads other isolates' spend.
    waitUntil(startLease(env, scope, q, size).catch(() => undefined));
  }
}

/** Admit one request for `key` (its key and team rates and budgets) or throw a 429 ApiError. */
export async function admitRequest(env: Env, key: KeyRecord, waitUntil: (p: Promise<unknown>) => void): Promise<void> {
  const team = key.teamId ? await resolveTeam(env, key.teamId, waitUntil) : null;
  const scopes = scopesOf(key, team);
  const quotas = scopes.map((s) => localQuota(s.id, Date.now()));
  for (let i = 0; i < scopes.length; i++) await ready(env, scopes[i], quotas[i]);
  for (let i = 0; i < scopes.length; i++) checkBudgets(scopes[i], quotas[i]);
  const now = Date.now();
  for (let i = 0; i < scopes.length; i++) consume(env, scopes[i], quotas[i], now, waitUntil);
}

/**
 * Holds `usdWorstCase` against every budget of the request's scopes and takes `tokensWorstCase` from
 * their token leases until settleSpend, or throws 429 when either does not fit. Tokens come first (they
 * may wait on a guard when the lease cannot cover them); the budget holds then go in in one synchronous
 * step, so no other request of the isolate slips in between check and hold.
 */
export async function reserveUsage(
  env: Env,
  key: KeyRecord,
  usdWorstCase: number,
  tokensWorstCase: number,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<SpendHold> {
  const scopes = scopesOf(key, key.teamId ? cachedTeam(key.teamId) : null);
  const quotas = scopes.map((s) => localQuota(s.id, Date.now()));
  const taken: LocalQuota[] = [];
  try {
    for (let i = 0; i < scopes.length; i++) {
      if (scopes[i].tpm === null) continue;
      await takeTokens(env, scopes[i], quotas[i], tokensWorstCase, waitUntil);
      taken.push(quotas[i]);
    }
    for (let i = 0; i < scopes.length; i++) checkBudgets(scopes[i], quotas[i], usdWorstCase);
  } catch (err) {
    for (const q of taken) giveBack(q, tokensWorstCase);
    throw err;
  }
  return hold(quotas, usdWorstCase, tokensWorstCase, scopes);
}

/**
 * Holds `usdWorstCase` against every budget of the request's scopes, without reserving tokens (no I/O):
 * for requests whose tokens are only known afterwards; settleSpend then counts them against the token
 * rates as used.
 */
export function reserveSpend(key: KeyRecord, usdWorstCase: number): SpendHold {
  const scopes = scopesOf(key, key.teamId ? cachedTeam(key.teamId) : null);
  const quotas = scopes.map((s) => localQuota(s.id, Date.now()));
  for (let i = 0; i < scopes.length; i++) checkBudgets(scopes[i], quotas[i], usdWorstCase);
  return hold(quotas, usdWorstCase, 0, scopes);
}

function hold(quotas: LocalQuota[], usd: number, tokens: number, scopes: Scope[]): SpendHold {
  const h: SpendHold = { usd, at: Date.now(), tokens, scopes };
  for (const q of quotas) {
    q.holds.add(h);
    q.reservedUsd += usd;
  }
  return h;
}

/**
 * Ends a request: its hold gives way to its real cost in one step, so it is never counted twice or not
 * at all, and its token reservation is settled to the tokens it used (`usedTokens`, all of the
 * reservation when unknown).
 */
export function settleSpend(
  env: Env,
  key: KeyRecord,
  hold: SpendHold,
  realUsd: number,
  waitUntil: (p: Promise<unknown>) => void,
  usedTokens = hold.tokens,
): void {
  for (const scope of hold.scopes) {
    const q = localQuota(scope.id, Date.now());
    releaseHold(q, hold);
    if (scope.tpm !== null) settleTokens(env, scope, q, hold.tokens, usedTokens, waitUntil);
    recordScopeSpend(env, scope, q, realUsd, waitUntil);
  }
}

function recordScopeSpend(env: Env, scope: Scope, q: LocalQuota, usd: number, waitUntil: (p: Promise<unknown>) => void): void {
  if (!(usd > 0)) return;
  q.unsentUsd += usd;
  scheduleFlush(env, scope, q, waitUntil);
}

/**
 * Add a finished request's cost to the unsent spend of the key (and of its team, when the team has
 * team-wide limits). It is sent with the next lease call, or on its own after SPEND_FLUSH_MS.
 */
export function recordSpend(env: Env, key: KeyRecord, usd: number, waitUntil: (p: Promise<unknown>) => void): void {
  for (const scope of scopesOf(key, key.teamId ? cachedTeam(key.teamId) : null)) {
    recordScopeSpend(env, scope, localQuota(scope.id, Date.now()), usd, waitUntil);
  }
}
