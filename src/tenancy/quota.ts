import { ApiError } from '../hub';
import type { Env } from '../env';
import type { KeyGuard, LeaseResult } from './key-guard';
import type { KeyRecord } from './types';

/**
 * Rate limit and budget admission without a Durable Object round trip in the steady state.
 *
 * Rate: each isolate holds a lease of tokens taken from the key's KeyGuard bucket and spends them
 * locally. Tokens leave the global bucket when leased, so the key's total rate can never exceed its
 * limit; the price is that leased tokens may sit unused in one isolate (early 429s elsewhere, never
 * overshoot), and leases expire after LEASE_TTL_MS. The lease is sized from what this isolate used
 * over the last second (at least `baseLeaseSize`, at most a tenth of a minute of the key's rate), and
 * a refill starts in the background once half of it is used, so a busy key does not wait on the DO.
 * Requests that find no token while a lease is already on its way wait for that one (polling its
 * flag on their own timers) instead of each asking the DO.
 *
 * Budget: spend is not reported per request. Each finished request adds its cost to the isolate's
 * unsent spend for the key; the unsent total rides along with the next lease call
 * (`KeyGuard.lease(rpm, n, spentDelta)`), or goes out alone ~SPEND_FLUSH_MS after it was recorded
 * when no lease came by (so low-traffic keys update too). Every lease answer carries the key's total
 * spend. The local budget check counts confirmed + in-transit + unsent spend.
 *
 * Requests in flight are counted too: once routed, a request holds its worst-case cost (reserveSpend:
 * estimated input + its output cap, at the priciest endpoint of its chain) until it ends, when the hold
 * gives way to its real cost (settleSpend) in one synchronous step. A request is admitted when its hold
 * fits beside the spend and the holds in flight; one that finds nothing of the key in flight in this
 * isolate is admitted on spend alone (spend below budget), so a budget smaller than one request's worst
 * case still serves one request at a time. A burst in one isolate therefore overspends by at most one
 * hold. Holds are per isolate: another isolate's requests in flight are seen only once their spend
 * arrives with a lease answer (≈ SPEND_FLUSH_MS after they end), so each isolate can add one hold plus
 * what it admitted before that spend arrived.
 */

const LEASE_TTL_MS = 10_000;
/** A hold whose request never settled (lost mid-way) stops counting after this long. */
const HOLD_TTL_MS = 15 * 60_000;
const SPEND_STALE_MS = 15_000;
export const SPEND_FLUSH_MS = 1_000;
/** Observed-rate window for lease sizing. */
const RATE_WINDOW_MS = 1_000;
/** A lease older than this is presumed lost (e.g. its request was cancelled): do not wait on it. */
const LEASE_WAIT_MS = 2_000;

/** A DO call under way. Only its flag is shared between requests, never its promise (see joinLease). */
interface Pending {
  startedAt: number;
  done: boolean;
}

function pending(): Pending {
  return { startedAt: Date.now(), done: false };
}

const JOIN_POLL_MS = 2;

/**
 * Waits, on this request's own timers, until another request's lease call is answered. Awaiting that
 * request's promise instead would run this request's continuation in the other request's context,
 * which workerd rejects ("Cannot perform I/O on behalf of a different request").
 */
async function joinLease(p: Pending): Promise<void> {
  while (!p.done && Date.now() - p.startedAt < LEASE_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, JOIN_POLL_MS));
}

/** A request's worst-case cost, counted against the budget while the request runs. */
export interface SpendHold {
  readonly usd: number;
  readonly at: number;
}

interface LocalQuota {
  tokens: number;
  expiresAt: number;
  /** Total spend the KeyGuard reported with its last answer (it includes every delta sent before). */
  confirmedUsd: number;
  /** Spend sent with lease calls still awaiting an answer. */
  sendingUsd: number;
  /** Spend of finished requests not yet sent. */
  unsentUsd: number;
  /** Holds of requests in flight in this isolate, oldest first, and their sum. */
  holds: Set<SpendHold>;
  reservedUsd: number;
  spentReadAt: number;
  month: string;
  /** From the last lease that granted nothing. */
  retryAfterMs: number;
  /** When a lease that asked for tokens was last answered. */
  grantedAt: number;
  /** Tokens admitted in the current rate window and in the one before. */
  window: { start: number; used: number; previous: number };
  lease?: Pending;
  spendFlush?: Pending;
}

const quotas = new Map<string, LocalQuota>();

/** The smallest lease: what a quiet isolate asks for. */
export function baseLeaseSize(rpm: number): number {
  return Math.max(1, Math.min(20, Math.ceil(rpm / 20)));
}

/** Tokens to ask for, given the tokens this isolate used over about the last second. */
export function leaseSize(rpm: number, recentUse = 0): number {
  const base = baseLeaseSize(rpm);
  const cap = Math.max(base, Math.floor(rpm / 6));
  return Math.min(cap, Math.max(base, Math.ceil(recentUse)));
}

function guard(env: Env, keyId: string): DurableObjectStub<KeyGuard> {
  return env.KEY_GUARD.get(env.KEY_GUARD.idFromName(keyId)) as DurableObjectStub<KeyGuard>;
}

function localQuota(keyId: string, now: number): LocalQuota {
  let q = quotas.get(keyId);
  if (!q) {
    q = {
      tokens: 0,
      expiresAt: 0,
      confirmedUsd: 0,
      sendingUsd: 0,
      unsentUsd: 0,
      holds: new Set(),
      reservedUsd: 0,
      spentReadAt: 0,
      month: '',
      retryAfterMs: 0,
      grantedAt: 0,
      window: { start: now, used: 0, previous: 0 },
    };
    quotas.set(keyId, q);
  }
  return q;
}

/** Sliding-window estimate of the tokens used over the last RATE_WINDOW_MS. */
function recentUse(q: LocalQuota, now: number): number {
  const w = q.window;
  const elapsed = now - w.start;
  if (elapsed >= RATE_WINDOW_MS) {
    w.previous = elapsed < 2 * RATE_WINDOW_MS ? w.used : 0;
    w.used = 0;
    w.start = elapsed < 2 * RATE_WINDOW_MS ? w.start + RATE_WINDOW_MS : now;
  }
  const carried = 1 - (now - w.start) / RATE_WINDOW_MS;
  return w.used + w.previous * Math.max(0, carried);
}

function usable(q: LocalQuota, now: number): boolean {
  return q.expiresAt > now && q.tokens >= 1;
}

function spentUsd(q: LocalQuota): number {
  return q.confirmedUsd + q.sendingUsd + q.unsentUsd;
}

function alive(p: Pending | undefined, now: number): p is Pending {
  return p !== undefined && now - p.startedAt < LEASE_WAIT_MS;
}

/** One call to the key's KeyGuard, carrying the unsent spend. `want` 0 only reports spend. */
async function callGuard(env: Env, key: KeyRecord, q: LocalQuota, want: number): Promise<LeaseResult> {
  const delta = q.unsentUsd;
  q.unsentUsd = 0;
  q.sendingUsd += delta;
  let lease: LeaseResult;
  try {
    lease = await guard(env, key.id).lease(key.settings.requestsPerMinute, want, delta);
  } catch (err) {
    // Not known to have arrived: send it again later (a lost report would let the budget slip).
    q.sendingUsd = Math.max(0, q.sendingUsd - delta);
    q.unsentUsd += delta;
    throw err;
  }
  q.sendingUsd = Math.max(0, q.sendingUsd - delta);
  const now = Date.now();
  // Answers to concurrent calls can arrive out of order; within a month spend only grows.
  q.confirmedUsd = lease.month === q.month ? Math.max(q.confirmedUsd, lease.spentUsd) : lease.spentUsd;
  q.month = lease.month;
  q.spentReadAt = now;
  if (want > 0) {
    const kept = q.expiresAt > now ? q.tokens : 0;
    q.tokens = kept + lease.granted;
    q.expiresAt = now + LEASE_TTL_MS;
    q.retryAfterMs = lease.retryAfterMs;
    q.grantedAt = now;
  }
  return lease;
}

/** Starts a lease call that other requests of this isolate can wait on. */
function startLease(env: Env, key: KeyRecord, q: LocalQuota, want: number): Promise<LeaseResult> {
  const lease = pending();
  q.lease = lease;
  const call = callGuard(env, key, q, want);
  const release = () => {
    if (q.lease === lease) q.lease = undefined;
    lease.done = true;
  };
  call.then(release, release);
  return call;
}

function rateLimited(retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, {
    message: `Rate limit reached for this key; retry after ${seconds}s.`,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    headers: {
      'retry-after': String(seconds),
    },
  });
}

/** Dollars with the digits a small budget needs ($0.0001 must not print as $0.00). */
function usd(x: number): string {
  return x >= 0.01 || x === 0 ? `$${x.toFixed(2)}` : `$${x.toPrecision(2)}`;
}

function release(q: LocalQuota, hold: SpendHold): void {
  if (!q.holds.delete(hold)) return;
  // Reset on empty so float rounding never leaves a phantom hold behind.
  q.reservedUsd = q.holds.size === 0 ? 0 : Math.max(0, q.reservedUsd - hold.usd);
}

function dropLapsedHolds(q: LocalQuota, now: number): void {
  for (const hold of q.holds) {
    if (now - hold.at < HOLD_TTL_MS) return;
    release(q, hold);
  }
}

/** Throws 429 insufficient_quota unless a request holding `needUsd` may run now (see the comment at the top). */
function checkBudget(key: KeyRecord, q: LocalQuota, needUsd = 0): void {
  const budget = key.settings.monthlyBudgetUsd;
  if (budget === null) return;
  dropLapsedHolds(q, Date.now());
  const spent = spentUsd(q);
  if (spent >= budget) {
    throw new ApiError(429, {
      message: `You exceeded this key's monthly budget of ${usd(budget)} (spent ${usd(spent)} in ${q.month}). Raise the budget in the key settings.`,
      type: 'insufficient_quota',
      code: 'insufficient_quota',
    });
  }
  if (q.holds.size === 0 || spent + q.reservedUsd + needUsd <= budget) return;
  throw new ApiError(429, {
    message: `This key's requests in progress may cost up to ${usd(q.reservedUsd)} and ${usd(spent)} is spent: this request${needUsd > 0 ? ` (up to ${usd(needUsd)})` : ''} does not fit in the monthly budget of ${usd(budget)}. Retry when they finish, lower max_tokens, or raise the budget.`,
    type: 'insufficient_quota',
    code: 'insufficient_quota',
  });
}

/** The request path's wait for a token: join the lease on its way, else ask for one. */
async function awaitTokens(env: Env, key: KeyRecord, q: LocalQuota): Promise<void> {
  const joined = q.lease;
  if (alive(joined, Date.now())) {
    await joinLease(joined);
    if (usable(q, Date.now())) return;
    // That lease granted nothing: the bucket is empty, so asking again now would be refused too.
    if (q.retryAfterMs > 0 && q.grantedAt >= joined.startedAt) throw rateLimited(q.retryAfterMs);
  }
  const now = Date.now();
  await startLease(env, key, q, leaseSize(key.settings.requestsPerMinute, recentUse(q, now) + 1));
  if (!usable(q, Date.now())) throw rateLimited(q.retryAfterMs);
}

/** Admit one request for `key` or throw a 429 ApiError. */
export async function admitRequest(env: Env, key: KeyRecord, waitUntil: (p: Promise<unknown>) => void): Promise<void> {
  let now = Date.now();
  const q = localQuota(key.id, now);
  if (!usable(q, now)) {
    await awaitTokens(env, key, q);
    now = Date.now();
  }
  checkBudget(key, q);
  q.tokens -= 1;
  q.window.used += 1;
  const size = leaseSize(key.settings.requestsPerMinute, recentUse(q, now));
  const low = q.tokens < Math.max(1, size / 2);
  if ((low || now - q.spentReadAt > SPEND_STALE_MS) && !alive(q.lease, now)) {
    // Background top-up; also carries the unsent spend and reads other isolates' spend.
    waitUntil(startLease(env, key, q, size).catch(() => undefined));
  }
}

/**
 * Holds `usdWorstCase` against the key's budget until settleSpend, or throws 429 insufficient_quota when
 * it does not fit. No I/O: it reads the spend that admitRequest's leases brought.
 */
export function reserveSpend(key: KeyRecord, usdWorstCase: number): SpendHold {
  const now = Date.now();
  const q = localQuota(key.id, now);
  checkBudget(key, q, usdWorstCase);
  const hold: SpendHold = { usd: usdWorstCase, at: now };
  q.holds.add(hold);
  q.reservedUsd += usdWorstCase;
  return hold;
}

/** Ends a request: its hold gives way to its real cost in one step, so it is never counted twice or not at all. */
export function settleSpend(env: Env, key: KeyRecord, hold: SpendHold, realUsd: number, waitUntil: (p: Promise<unknown>) => void): void {
  release(localQuota(key.id, Date.now()), hold);
  recordSpend(env, key, realUsd, waitUntil);
}

/**
 * Add a finished request's cost to the key's unsent spend. It is sent with the next lease call, or
 * on its own after SPEND_FLUSH_MS by the request that scheduled that flush, whose waitUntil holds the
 * isolate until then.
 */
export function recordSpend(env: Env, key: KeyRecord, usd: number, waitUntil: (p: Promise<unknown>) => void): void {
  if (!(usd > 0)) return;
  const now = Date.now();
  const q = localQuota(key.id, now);
  q.unsentUsd += usd;
  if (!q.spendFlush || now - q.spendFlush.startedAt > SPEND_FLUSH_MS + LEASE_WAIT_MS) {
    const flush = pending();
    q.spendFlush = flush;
    // The timer and the call run in this request's context, which waitUntil keeps alive meanwhile.
    waitUntil(
      new Promise((resolve) => setTimeout(resolve, SPEND_FLUSH_MS))
        .then(() => (q.unsentUsd > 0 ? callGuard(env, key, q, 0) : undefined))
        .catch(() => undefined)
        .finally(() => {
          if (q.spendFlush === flush) q.spendFlush = undefined;
          flush.done = true;
        }),
    );
  }
}

export function resetLocalQuotas(): void {
  quotas.clear();
}
