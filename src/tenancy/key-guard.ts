import { DurableObject } from 'cloudflare:workers';

/**
 * One Durable Object per API key: the single writer for its request-rate token bucket and its
 * monthly spend, so limits hold under concurrent requests from any number of isolates.
 * Isolates lease tokens in batches and report spend with their next lease (src/tenancy/quota.ts)
 * instead of calling per request.
 */

export interface LeaseResult {
  granted: number;
  /** When nothing was granted: how long until one token is available. */
  retryAfterMs: number;
  spentUsd: number;
  month: string;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  rpm: number;
}

export function monthOf(ts: number): string {
  return new Date(ts).toISOString().slice(0, 7);
}

/** Token bucket refill: capacity = rpm (one minute of burst), rate = rpm per minute. */
export function refill(bucket: Bucket, rpm: number, now: number): Bucket {
  const capacity = rpm;
  if (bucket.rpm !== rpm) bucket = { ...bucket, tokens: Math.min(bucket.tokens, capacity), rpm };
  const elapsed = Math.max(0, now - bucket.updatedAt);
  return { tokens: Math.min(capacity, bucket.tokens + (elapsed * rpm) / 60_000), updatedAt: now, rpm };
}

export class KeyGuard extends DurableObject {
  private bucket: Bucket | null = null;
  private spend: { month: string; usd: number } | null = null;

  private async load(): Promise<void> {
    if (this.bucket && this.spend) return;
    this.bucket = (await this.ctx.storage.get<Bucket>('bucket')) ?? null;
    this.spend = (await this.ctx.storage.get<{ month: string; usd: number }>('spend')) ?? { month: monthOf(Date.now()), usd: 0 };
  }

  private currentSpend(now: number): { month: string; usd: number } {
    const month = monthOf(now);
    if (!this.spend || this.spend.month !== month) this.spend = { month, usd: 0 };
    return this.spend;
  }

  /**
   * Takes up to `want` tokens (0 only reports spend) and adds `spentDelta`, the spend the isolate
   * accumulated since its last call, before answering with the month's total.
   */
  async lease(rpm: number, want: number, spentDelta = 0): Promise<LeaseResult> {
    await this.load();
    const now = Date.now();
    const spend = this.currentSpend(now);
    if (Number.isFinite(spentDelta) && spentDelta > 0) {
      spend.usd += spentDelta;
      this.ctx.storage.put('spend', spend);
    }
    const bucket = refill(this.bucket ?? { tokens: rpm, updatedAt: now, rpm }, rpm, now);
    const granted = Math.max(0, Math.min(Math.floor(bucket.tokens), want));
    bucket.tokens -= granted;
    this.bucket = bucket;
    this.ctx.storage.put('bucket', bucket);
    const retryAfterMs = granted > 0 ? 0 : Math.ceil(((1 - bucket.tokens) * 60_000) / rpm);
    return { granted, retryAfterMs, spentUsd: spend.usd, month: spend.month };
  }

  async status(): Promise<{ tokens: number; spentUsd: number; month: string }> {
    await this.load();
    const spend = this.currentSpend(Date.now());
    return { tokens: this.bucket?.tokens ?? 0, spentUsd: spend.usd, month: spend.month };
  }
}
