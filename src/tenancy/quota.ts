import { ApiError } from '../api/errors';
import type { Env } from '../env';
import type { KeyGuard, LeaseResult } from './key-guard';
import type { KeyRecord } from './types';

/**
 * Rate limit and budget admission without a Durable Object round trip in the steady state.
 * Each isolate holds a small lease of tokens taken from the key's KeyGuard bucket and spends them
 * locally; when the lease runs low it is topped up in the background. Tokens are removed from the
 * global bucket when leased, so the key's total rate can never exceed its limit; the price is that
 * up to LEASE tokens per isolate may sit unused (early 429s elsewhere, never overshoot), and leases
 * expire after LEASE_TTL_MS. Spend is read with each lease and added to locally after each request:
 * the budget can overshoot by what requests in flight cost before the next refresh.
 */

const LEASE_TTL_MS = 10_000;
const SPEND_STALE_MS = 15_000;

interface LocalQuota {
  tokens: number;
  expiresAt: number;
  spentUsd: number;
  spentReadAt: number;
  month: string;
  /** From the last lease that granted nothing. */
  retryAfterMs: number;
  refill?: Promise<void>;
}

const quotas = new Map<string, LocalQuota>();

export function leaseSize(rpm: number): number {
  return Math.max(1, Math.min(20, Math.ceil(rpm / 20)));
}

function guard(env: Env, keyId: string): DurableObjectStub<KeyGuard> {
  return env.KEY_GUARD.get(env.KEY_GUARD.idFromName(keyId)) as DurableObjectStub<KeyGuard>;
}

function apply(q: LocalQuota | undefined, lease: LeaseResult, now: number): LocalQuota {
  const alive = q && q.expiresAt > now ? q.tokens : 0;
  return {
    tokens: alive + lease.granted,
    expiresAt: now + LEASE_TTL_MS,
    spentUsd: lease.spentUsd,
    spentReadAt: now,
    month: lease.month,
    retryAfterMs: lease.retryAfterMs,
  };
}

async function takeLease(env: Env, key: KeyRecord): Promise<LocalQuota> {
  const rpm = key.settings.requestsPerMinute;
  const lease = await guard(env, key.id).lease(rpm, leaseSize(rpm));
  const q = apply(quotas.get(key.id), lease, Date.now());
  quotas.set(key.id, q);
  return q;
}

function rateLimited(retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, `Rate limit reached for this key; retry after ${seconds}s.`, 'rate_limit_error', null, 'rate_limit_exceeded', {
    'retry-after': String(seconds),
  });
}

function checkBudget(key: KeyRecord, q: LocalQuota): void {
  const budget = key.settings.monthlyBudgetUsd;
  if (budget !== null && q.spentUsd >= budget) {
    throw new ApiError(
      429,
      `You exceeded this key's monthly budget of $${budget.toFixed(2)} (spent $${q.spentUsd.toFixed(4)} in ${q.month}). Raise the budget in the key settings.`,
      'insufficient_quota',
      null,
      'insufficient_quota',
    );
  }
}

/** Admit one request for `key` or throw a 429 ApiError. */
export async function admitRequest(env: Env, key: KeyRecord, waitUntil: (p: Promise<unknown>) => void): Promise<void> {
  const now = Date.now();
  let q = quotas.get(key.id);
  if (!q || q.expiresAt <= now || q.tokens < 1) {
    q = await takeLease(env, key);
    if (q.tokens < 1) throw rateLimited(q.retryAfterMs);
  }
  checkBudget(key, q);
  q.tokens -= 1;
  const low = q.tokens < Math.max(1, leaseSize(key.settings.requestsPerMinute) / 2);
  if ((low || now - q.spentReadAt > SPEND_STALE_MS) && !q.refill) {
    const current = q;
    current.refill = takeLease(env, key)
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        current.refill = undefined;
      });
    waitUntil(current.refill);
  }
}

/** Add a finished request's cost to the key's spend (off the request path). */
export function recordSpend(env: Env, key: KeyRecord, usd: number, waitUntil: (p: Promise<unknown>) => void): void {
  if (!(usd > 0)) return;
  const q = quotas.get(key.id);
  if (q) q.spentUsd += usd;
  waitUntil(guard(env, key.id).recordSpend(usd).catch(() => undefined));
}

export function resetLocalQuotas(): void {
  quotas.clear();
}
