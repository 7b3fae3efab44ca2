import { DurableObject } from 'cloudflare:workers';
import { type BudgetAlert, deliverAlert, enqueueAlert } from '../alerts';
import type { Env } from '../env';
import { loggedSpendSince } from './spend-log';
import { BUDGET_WINDOWS, type BudgetWindow, type Budgets, windowId, windowStart } from './windows';

/**
 * One Durable Object per API key, and one per team with team-wide limits (named `team:<id>`): the
 * single writer of its request-rate and token-rate buckets and of its spend per budget window, so the
 * limits hold under concurrent requests from any number of isolates. Isolates lease requests and
 * tokens in batches and report spend with their next lease (src/tenancy/quota.ts) instead of calling
 * per request. Being the one writer of the spend, it is also where a budget's alert thresholds are
 * seen crossed: each fires once per window (src/alerts).
 */

/** Who the guard counts for: names the alerts, and the request log rows a never-tracked window starts from. */
export interface GuardSubject {
  teamId: string;
  /** Absent for a team's guard. */
  keyId?: string;
  keyPrefix?: string;
  keyName?: string;
}

/** What a lease call may carry besides the request rate (all optional, so older callers are served as before). */
export interface LeaseExtra {
  /** Tokens per minute; null or absent: no token limit. */
  tpm?: number | null;
  /** Tokens wanted, granted all or nothing down to `minTokens` (0: whatever is there, up to `wantTokens`). */
  wantTokens?: number;
  minTokens?: number;
  /** Tokens leased earlier and not used (a request's reservation beyond its real usage). */
  returnTokens?: number;
  budgets?: Budgets;
  /** Fractions of each budget at which an alert fires; empty: no alerts. */
  thresholds?: readonly number[];
  subject?: GuardSubject;
}

export interface WindowSpend {
  id: string;
  usd: number;
}
export type SpendWindows = Record<BudgetWindow, WindowSpend>;

export interface LeaseResult {
  granted: number;
  /** When nothing was granted: how long until one request is available. */
  retryAfterMs: number;
  /** This month's spend (also in `spend.monthly`). */
  spentUsd: number;
  month: string;
  spend: SpendWindows;
  tokensGranted: number;
  /** When tokens were asked for and none granted: how long until `minTokens` are available. */
  tokensRetryAfterMs: number;
  /** The buckets' levels after this call, for the x-ratelimit-* headers; null without that limit. */
  requestsLeft: number | null;
  tokensLeft: number | null;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** Refill rate per minute, which is also the capacity (one minute of burst). */
  rpm: number;
}

export function monthOf(ts: number): string {
  return windowId('monthly', ts);
}

/** Token bucket refill: capacity = rate (one minute of burst), rate per minute. */
export function refill(bucket: Bucket, rpm: number, now: number): Bucket {
  const capacity = rpm;
  if (bucket.rpm !== rpm) bucket = { ...bucket, tokens: Math.min(bucket.tokens, capacity), rpm };
  const elapsed = Math.max(0, now - bucket.updatedAt);
  return { tokens: Math.min(capacity, bucket.tokens + (elapsed * rpm) / 60_000), updatedAt: now, rpm };
}

/**
 * Takes tokens for a reservation: all of `min` or nothing (with the wait until `min` is there), more up
 * to `want` when the bucket has them. A request larger than the whole minute is let through when the
 * bucket is full, which it then owes: otherwise it could never run.
 */
export function grantTokens(bucket: Bucket, want: number, min: number): { granted: number; retryAfterMs: number } {
  if (want <= 0) return { granted: 0, retryAfterMs: 0 };
  const capacity = bucket.rpm;
  if (bucket.tokens >= min || (min > capacity && bucket.tokens >= capacity)) {
    const granted = Math.max(min, Math.min(want, Math.floor(bucket.tokens)));
    bucket.tokens -= granted;
    return { granted, retryAfterMs: 0 };
  }
  const target = Math.max(1, Math.min(min, capacity));
  return { granted: 0, retryAfterMs: Math.ceil(((target - bucket.tokens) * 60_000) / capacity) };
}

const positive = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

export class KeyGuard extends DurableObject<Env> {
  private loaded = false;
  private bucket: Bucket | null = null;
  private tokenBucket: Bucket | null = null;
  private spend: Partial<SpendWindows> = {};
  /** Thresholds already fired, per `window:id` (current windows only). */
  private fired: Record<string, number[]> = {};

  private async load(): Promise<void> {
    if (this.loaded) return;
    const stored = await this.ctx.storage.get(['bucket', 'tokenBucket', 'spend', 'spendWindows', 'fired']);
    this.bucket = (stored.get('bucket') as Bucket | undefined) ?? null;
    this.tokenBucket = (stored.get('tokenBucket') as Bucket | undefined) ?? null;
    const legacy = stored.get('spend') as { month: string; usd: number } | undefined;
    this.spend =
      (stored.get('spendWindows') as Partial<SpendWindows> | undefined) ??
      (legacy ? { monthly: { id: legacy.month, usd: legacy.usd } } : {});
    this.fired = (stored.get('fired') as Record<string, number[]> | undefined) ?? {};
    this.loaded = true;
  }

  /**
   * A window this guard never tracked starts from the request log when it has a budget, at 0 otherwise.
   * Other calls wait meanwhile, so none adds spend to a window that is still being read.
   */
  private async startUntracked(extra: LeaseExtra, now: number): Promise<void> {
    const missing = BUDGET_WINDOWS.filter((w) => !this.spend[w]);
    if (missing.length === 0) return;
    const subject = extra.subject;
    const seeded = subject ? missing.filter((w) => positive(extra.budgets?.[w])) : [];
    const start = async () => {
      for (const w of missing) {
        if (this.spend[w]) continue;
        const usd = seeded.includes(w) ? await loggedSpendSince(this.env, subject!, windowStart(w, now)).catch(() => 0) : 0;
        this.spend[w] = { id: windowId(w, now), usd };
      }
      this.ctx.storage.put('spendWindows', this.spend);
    };
    await (seeded.length ? this.ctx.blockConcurrencyWhile(start) : start());
  }

  /** The current windows' spend; a window that has ended gives way to the next one at 0. Reports whether one did. */
  private currentSpend(now: number): { spend: SpendWindows; rolled: boolean } {
    let rolled = false;
    for (const w of BUDGET_WINDOWS) {
      const id = windowId(w, now);
      if (this.spend[w]?.id === id) continue;
      this.spend[w] = { id, usd: 0 };
      rolled = true;
    }
    return { spend: this.spend as SpendWindows, rolled };
  }

  /**
   * Takes up to `want` requests (0 only reports spend; `rpm` null: no request limit) and the tokens
   * `extra` asks for, takes back returned tokens, adds `spentDelta` (the spend the isolate accumulated
   * since its last call) to every window, and answers with the windows' totals.
   */
  async lease(rpm: number | null, want: number, spentDelta = 0, extra: LeaseExtra = {}): Promise<LeaseResult> {
    await this.load();
    let now = Date.now();
    await this.startUntracked(extra, now);
    now = Date.now();
    const { spend, rolled } = this.currentSpend(now);
    if (positive(spentDelta)) for (const w of BUDGET_WINDOWS) spend[w].usd += spentDelta;
    if (rolled || positive(spentDelta)) this.ctx.storage.put('spendWindows', spend);
    let granted = 0;
    let retryAfterMs = 0;
    let requestsLeft: number | null = null;
    if (positive(rpm ?? undefined)) {
      const r = rpm!;
      const bucket = refill(this.bucket ?? { tokens: r, updatedAt: now, rpm: r }, r, now);
      granted = Math.max(0, Math.min(Math.floor(bucket.tokens), want));
      bucket.tokens -= granted;
      this.bucket = bucket;
      this.ctx.storage.put('bucket', bucket);
      retryAfterMs = granted > 0 ? 0 : Math.ceil(((1 - bucket.tokens) * 60_000) / r);
      requestsLeft = bucket.tokens;
    }
    const tokens = this.takeTokens(extra, now);
    this.checkAlerts(extra, spend, now);
    return {
      granted,
      retryAfterMs,
      spentUsd: spend.monthly.usd,
      month: spend.monthly.id,
      spend: structuredClone(spend),
      requestsLeft,
      ...tokens,
    };
  }

  private takeTokens(extra: LeaseExtra, now: number): Pick<LeaseResult, 'tokensGranted' | 'tokensRetryAfterMs' | 'tokensLeft'> {
    const tpm = extra.tpm;
    if (!positive(tpm ?? undefined)) return { tokensGranted: 0, tokensRetryAfterMs: 0, tokensLeft: null };
    const bucket = refill(this.tokenBucket ?? { tokens: tpm!, updatedAt: now, rpm: tpm! }, tpm!, now);
    if (positive(extra.returnTokens)) bucket.tokens = Math.min(bucket.rpm, bucket.tokens + extra.returnTokens);
    const { granted, retryAfterMs } = grantTokens(bucket, extra.wantTokens ?? 0, Math.max(0, extra.minTokens ?? 0));
    this.tokenBucket = bucket;
    this.ctx.storage.put('tokenBucket', bucket);
    return { tokensGranted: granted, tokensRetryAfterMs: retryAfterMs, tokensLeft: bucket.tokens };
  }

  /** Fires each threshold a window's spend has reached, once per window; the outbox makes it durable. */
  private checkAlerts(extra: LeaseExtra, spend: SpendWindows, now: number): void {
    const subject = extra.subject;
    if (!subject || !extra.thresholds?.length) return;
    const due: BudgetAlert[] = [];
    for (const w of BUDGET_WINDOWS) {
      const limit = extra.budgets?.[w];
      if (!positive(limit)) continue;
      const name = `${w}:${spend[w].id}`;
      const fired = (this.fired[name] ??= []);
      for (const threshold of extra.thresholds) {
        if (fired.includes(threshold) || spend[w].usd < threshold * limit) continue;
        fired.push(threshold);
        due.push({
          teamId: subject.teamId,
          scope: subject.keyId ? 'key' : 'team',
          key: subject.keyId ? { id: subject.keyId, prefix: subject.keyPrefix ?? '', name: subject.keyName ?? '' } : null,
          window: w,
          windowId: spend[w].id,
          windowStart: windowStart(w, now),
          spentUsd: spend[w].usd,
          limitUsd: limit,
          threshold,
          at: now,
        });
      }
    }
    if (due.length === 0) return;
    const current = new Set(BUDGET_WINDOWS.map((w) => `${w}:${spend[w].id}`));
    for (const name of Object.keys(this.fired)) if (!current.has(name)) delete this.fired[name];
    for (const alert of due) this.ctx.waitUntil(this.fire(alert));
  }

  /**
   * Persists the threshold as fired once its alert is in the outbox, then delivers it; a failed outbox
   * write lets a later call fire it again.
   */
  private async fire(alert: BudgetAlert): Promise<void> {
    const name = `${alert.window}:${alert.windowId}`;
    let id: string | null;
    try {
      id = await enqueueAlert(this.env, alert);
    } catch (err) {
      console.error('alert outbox write failed', (err as Error).message);
      this.fired[name] = (this.fired[name] ?? []).filter((t) => t !== alert.threshold);
      return;
    }
    await this.ctx.storage.put('fired', this.fired);
    if (id) await deliverAlert(this.env, id);
  }

  async status(): Promise<{ tokens: number; spentUsd: number; month: string; spend: SpendWindows; tokenBucket: number | null }> {
    await this.load();
    // Read only: a window never tracked must stay untracked until a lease starts it (startUntracked).
    const now = Date.now();
    const spend = Object.fromEntries(
      BUDGET_WINDOWS.map((w) => {
        const id = windowId(w, now);
        return [w, { id, usd: this.spend[w]?.id === id ? this.spend[w]!.usd : 0 }];
      }),
    ) as SpendWindows;
    return {
      tokens: this.bucket?.tokens ?? 0,
      spentUsd: spend.monthly.usd,
      month: spend.monthly.id,
      spend,
      tokenBucket: this.tokenBucket?.tokens ?? null,
    };
  }

  /** Erasure (src/api/admin/privacy.ts): forgets every counter; the next call starts as a new guard's first. */
  async erase(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.loaded = false;
  }
}
