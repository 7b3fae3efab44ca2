import type { Env } from '../env';
import type { KeyGuard, LeaseResult, SpendWindows } from './key-guard';
import type { Scope } from './scopes';
import { type BudgetWindow, windowId } from './windows';

/**
 * The isolate's view of each scope (a key, or a team with team-wide limits): its leases of requests and
 * tokens taken from the scope's KeyGuard, its spend as last confirmed plus what is on its way, and the
 * holds of its requests in flight. quota.ts decides with it; this file keeps it and talks to the guard.
 */

export const LEASE_TTL_MS = 10_000;
export const SPEND_FLUSH_MS = 1_000;
/** Observed-rate window for lease sizing. */
const RATE_WINDOW_MS = 1_000;
/** A lease older than this is presumed lost (e.g. its request was cancelled): do not wait on it. */
export const LEASE_WAIT_MS = 2_000;

/** A DO call under way. Only its flag is shared between requests, never its promise (see joinLease). */
export interface Pending {
  startedAt: number;
  done: boolean;
}

export function pending(): Pending {
  return { startedAt: Date.now(), done: false };
}

export function alive(p: Pending | undefined, now: number): p is Pending {
  return p !== undefined && now - p.startedAt < LEASE_WAIT_MS;
}

const JOIN_POLL_MS = 2;

/**
 * Waits, on this request's own timers, until another request's lease call is answered. Awaiting that
 * request's promise instead would run this request's continuation in the other request's context,
 * which workerd rejects ("Cannot perform I/O on behalf of a different request").
 */
export async function joinLease(p: Pending): Promise<void> {
  while (!p.done && Date.now() - p.startedAt < LEASE_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, JOIN_POLL_MS));
}

/** A request's worst-case cost and tokens, counted against every scope it was admitted under while it runs. */
export interface SpendHold {
  readonly usd: number;
  readonly at: number;
  readonly tokens: number;
  readonly scopes: readonly Scope[];
}

/** Units admitted in the current rate window and in the one before (lease sizing). */
export interface RateWindow {
  start: number;
  used: number;
  previous: number;
}

/** The token-rate lease. Negative tokens are owed: a request used more than it reserved. */
export interface TokenLease {
  tokens: number;
  expiresAt: number;
  /** Leased tokens not used (reservations above real usage, an expired lease's rest), going back with the next call. */
  unreturned: number;
  retryAfterMs: number;
  window: RateWindow;
  pending?: Pending;
}

export interface LocalQuota {
  /** Requests leased and not yet used. */
  tokens: number;
  expiresAt: number;
  tpm: TokenLease;
  /** Spend per window the KeyGuard reported with its last answer (it includes every delta sent before). */
  confirmed: Partial<SpendWindows>;
  /** Spend sent with lease calls still awaiting an answer. */
  sendingUsd: number;
  /** Spend of finished requests not yet sent. */
  unsentUsd: number;
  /** Holds of requests in flight in this isolate, oldest first, and their sum. */
  holds: Set<SpendHold>;
  reservedUsd: number;
  spentReadAt: number;
  /** From the last lease that granted nothing. */
  retryAfterMs: number;
  /** When a lease that asked for requests was last answered. */
  grantedAt: number;
  window: RateWindow;
  /** The guard's bucket levels at its last answer (x-ratelimit-* headers). */
  requestsLeft: number | null;
  tokensLeft: number | null;
  leftAt: number;
  lease?: Pending;
  spendFlush?: Pending;
}

const quotas = new Map<string, LocalQuota>();

const rateWindow = (now: number): RateWindow => ({ start: now, used: 0, previous: 0 });

export function localQuota(scopeId: string, now: number): LocalQuota {
  let q = quotas.get(scopeId);
  if (!q) {
    q = {
      tokens: 0,
      expiresAt: 0,
      tpm: { tokens: 0, expiresAt: 0, unreturned: 0, retryAfterMs: 0, window: rateWindow(now) },
      confirmed: {},
      sendingUsd: 0,
      unsentUsd: 0,
      holds: new Set(),
      reservedUsd: 0,
      spentReadAt: 0,
      retryAfterMs: 0,
      grantedAt: 0,
      window: rateWindow(now),
      requestsLeft: null,
      tokensLeft: null,
      leftAt: 0,
    };
    quotas.set(scopeId, q);
  }
  return q;
}

/** What the isolate knows of a scope, without creating it (response headers). */
export function peekQuota(scopeId: string): LocalQuota | undefined {
  return quotas.get(scopeId);
}

export function resetLocalQuotas(): void {
  quotas.clear();
}

/** Sliding-window estimate of the units used over the last RATE_WINDOW_MS. */
export function recentUse(w: RateWindow, now: number): number {
  const elapsed = now - w.start;
  if (elapsed >= RATE_WINDOW_MS) {
    w.previous = elapsed < 2 * RATE_WINDOW_MS ? w.used : 0;
    w.used = 0;
    w.start = elapsed < 2 * RATE_WINDOW_MS ? w.start + RATE_WINDOW_MS : now;
  }
  const carried = 1 - (now - w.start) / RATE_WINDOW_MS;
  return w.used + w.previous * Math.max(0, carried);
}

/** The smallest lease: what a quiet isolate asks for. */
export function baseLeaseSize(rpm: number): number {
  return Math.max(1, Math.min(20, Math.ceil(rpm / 20)));
}

/** Requests to ask for, given the requests this isolate used over about the last second. */
export function leaseSize(rpm: number, recent = 0): number {
  const base = baseLeaseSize(rpm);
  const cap = Math.max(base, Math.floor(rpm / 6));
  return Math.min(cap, Math.max(base, Math.ceil(recent)));
}

/** The most tokens one isolate keeps leased: a tenth of a minute's, as for requests. */
export function tokenLeaseCap(tpm: number): number {
  return Math.max(1, Math.floor(tpm / 6));
}

/** Tokens to ask for beyond a reservation's shortfall, given the tokens used over about the last second. */
export function tokenLeaseSize(tpm: number, recent = 0): number {
  const base = Math.max(1, Math.ceil(tpm / 20));
  return Math.min(Math.max(base, tokenLeaseCap(tpm)), Math.max(base, Math.ceil(recent)));
}

export function usable(q: LocalQuota, now: number): boolean {
  return q.expiresAt > now && q.tokens >= 1;
}

/** An expired lease's unused tokens go back to the guard; a debt stays. */
export function sweepTokens(t: TokenLease, now: number): void {
  if (t.expiresAt > now || t.tokens <= 0) return;
  t.unreturned += t.tokens;
  t.tokens = 0;
}

/** Spend in the current `window`: confirmed (if the window is still the one confirmed), in transit and unsent. */
export function spentIn(q: LocalQuota, window: BudgetWindow, now: number): number {
  const c = q.confirmed[window];
  return (c && c.id === windowId(window, now) ? c.usd : 0) + q.sendingUsd + q.unsentUsd;
}

export function guard(env: Env, scopeId: string): DurableObjectStub<KeyGuard> {
  return env.KEY_GUARD.get(env.KEY_GUARD.idFromName(scopeId)) as DurableObjectStub<KeyGuard>;
}

function takeAnswer(q: LocalQuota, lease: LeaseResult, wantRequests: number, tokens: { want: number } | undefined, now: number): void {
  // Answers to concurrent calls can arrive out of order; within a window spend only grows.
  for (const [w, got] of Object.entries(lease.spend ?? {}) as [BudgetWindow, { id: string; usd: number }][]) {
    const had = q.confirmed[w];
    q.confirmed[w] = had && had.id === got.id ? { id: got.id, usd: Math.max(had.usd, got.usd) } : got;
  }
  q.spentReadAt = now;
  q.requestsLeft = lease.requestsLeft ?? null;
  q.tokensLeft = lease.tokensLeft ?? null;
  q.leftAt = now;
  if (wantRequests > 0) {
    const kept = q.expiresAt > now ? q.tokens : 0;
    q.tokens = kept + lease.granted;
    q.expiresAt = now + LEASE_TTL_MS;
    q.retryAfterMs = lease.retryAfterMs;
    q.grantedAt = now;
  }
  if (tokens && tokens.want > 0) {
    const t = q.tpm;
    sweepTokens(t, now);
    t.retryAfterMs = lease.tokensRetryAfterMs;
    if (lease.tokensGranted > 0) {
      t.tokens += lease.tokensGranted;
      t.expiresAt = now + LEASE_TTL_MS;
    }
  }
}

/**
 * One call to the scope's KeyGuard, carrying the unsent spend and unused tokens. `wantRequests` 0 and
 * no `tokens` only report spend (and read the guard's totals).
 */
export async function callGuard(
  env: Env,
  scope: Scope,
  q: LocalQuota,
  wantRequests: number,
  tokens?: { want: number; min: number },
): Promise<LeaseResult> {
  sweepTokens(q.tpm, Date.now());
  const delta = q.unsentUsd;
  const returned = q.tpm.unreturned;
  q.unsentUsd = 0;
  q.tpm.unreturned = 0;
  q.sendingUsd += delta;
  let lease: LeaseResult;
  try {
    lease = await guard(env, scope.id).lease(scope.rpm, wantRequests, delta, {
      tpm: scope.tpm,
      wantTokens: tokens?.want ?? 0,
      minTokens: tokens?.min ?? 0,
      returnTokens: returned,
      budgets: scope.budgets,
      thresholds: scope.thresholds,
      subject: scope.subject,
    });
  } catch (err) {
    // Not known to have arrived: send it again later (a lost report would let the budget slip).
    q.sendingUsd = Math.max(0, q.sendingUsd - delta);
    q.unsentUsd += delta;
    q.tpm.unreturned += returned;
    throw err;
  }
  q.sendingUsd = Math.max(0, q.sendingUsd - delta);
  takeAnswer(q, lease, wantRequests, tokens, Date.now());
  return lease;
}

/** Starts a request lease call that other requests of this isolate can wait on. */
export function startLease(env: Env, scope: Scope, q: LocalQuota, want: number): Promise<LeaseResult> {
  const lease = pending();
  q.lease = lease;
  const call = callGuard(env, scope, q, want);
  const release = () => {
    if (q.lease === lease) q.lease = undefined;
    lease.done = true;
  };
  call.then(release, release);
  return call;
}

/**
 * Sends unsent spend and unused tokens after SPEND_FLUSH_MS, unless a lease call takes them first, by
 * the request that scheduled the flush (its waitUntil holds the isolate until then).
 */
export function scheduleFlush(env: Env, scope: Scope, q: LocalQuota, waitUntil: (p: Promise<unknown>) => void): void {
  const now = Date.now();
  if (q.spendFlush && now - q.spendFlush.startedAt <= SPEND_FLUSH_MS + LEASE_WAIT_MS) return;
  const flush = pending();
  q.spendFlush = flush;
  // The timer and the call run in this request's context, which waitUntil keeps alive meanwhile.
  waitUntil(
    new Promise((resolve) => setTimeout(resolve, SPEND_FLUSH_MS))
      .then(() => (q.unsentUsd > 0 || q.tpm.unreturned > 0 ? callGuard(env, scope, q, 0) : undefined))
      .catch(() => undefined)
      .finally(() => {
        if (q.spendFlush === flush) q.spendFlush = undefined;
        flush.done = true;
      }),
  );
}
