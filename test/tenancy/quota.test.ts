import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import type { Env } from '../../src/env';
import type { KeyGuard, KeyRecord } from '../../src/tenancy';
import { admitRequest, baseLeaseSize, leaseSize, recordSpend, resetLocalQuotas, SPEND_FLUSH_MS } from '../../src/tenancy/quota';
import { collectingContext, recordingNamespace, type StubCall } from '../helpers/bindings';
import { createTestKey } from '../helpers/gateway';

/** Quota leases and spend reporting (src/tenancy/quota.ts) without one Durable Object call per request. */

const realEnv = env as unknown as Env;

function keyRecord(rpm: number, monthlyBudgetUsd: number | null = null): KeyRecord {
  return { id: `quota-${crypto.randomUUID()}`, settings: { requestsPerMinute: rpm, monthlyBudgetUsd } } as unknown as KeyRecord;
}

async function guardStatus(keyId: string) {
  return (realEnv.KEY_GUARD.get(realEnv.KEY_GUARD.idFromName(keyId)) as DurableObjectStub<KeyGuard>).status();
}

async function expectError(res: Response, status: number, code: string): Promise<{ type: string; code: string }> {
  const body = (await res.json()) as { error: { type: string; code: string } };
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  return body.error;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function post(key: string, model: string): Request {
  return new Request('http://gateway.test/v1/chat/completions', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello there' }] }),
  });
}

describe('lease size', () => {
  it('starts at the old formula and grows with the isolate’s observed rate, up to a tenth of a minute', () => {
    expect(leaseSize(600)).toBe(baseLeaseSize(600));
    expect(baseLeaseSize(600)).toBe(20);
    expect(leaseSize(600, 5)).toBe(20);
    expect(leaseSize(600, 75)).toBe(75);
    expect(leaseSize(600, 5000)).toBe(100);
    expect(leaseSize(60_000, 900)).toBe(900);
    expect(leaseSize(2, 50)).toBe(1);
  });
});

describe('spend without a DO call per request', () => {
  it('the budget holds through the gateway although spend only travels with leases and background flushes', async () => {
    const { key, id } = await createTestKey({ name: 'budget-lease', settings: { monthlyBudgetUsd: 0.0000001 } });
    const calls: StubCall[] = [];
    const wrapped = { ...realEnv, KEY_GUARD: recordingNamespace(realEnv.KEY_GUARD, calls) };
    const { ctx, drain } = collectingContext();
    const first = await app.fetch(post(key, 'gpt-4o'), wrapped, ctx);
    expect(first.status).toBe(200);
    await first.text();
    // Same isolate, spend not sent yet: the local check counts it.
    await expectError(await app.fetch(post(key, 'auto'), wrapped, ctx), 429, 'insufficient_quota');
    await drain(); // the ~1 s background flush
    expect(calls.map((c) => c.method)).not.toContain('recordSpend');
    const sentUsd = calls.filter((c) => c.method === 'lease').reduce((sum, c) => sum + ((c.args[2] as number | undefined) ?? 0), 0);
    expect(sentUsd).toBeGreaterThan(0);
    expect((await guardStatus(id)).spentUsd).toBeCloseTo(sentUsd, 12);
    // Another isolate (no local state) learns the spend from its first lease and refuses too.
    resetLocalQuotas();
    const e = await expectError(await app.fetch(post(key, 'auto'), wrapped, ctx), 429, 'insufficient_quota');
    expect(e.type).toBe('insufficient_quota');
    await drain();
  });

  it('unsent spend rides along with the next lease call', async () => {
    const key = keyRecord(20); // lease size 1: every admission starts a refill
    const calls: StubCall[] = [];
    const wrapped = { ...realEnv, KEY_GUARD: recordingNamespace(realEnv.KEY_GUARD, calls) };
    const { ctx, drain } = collectingContext();
    const waitUntil = (p: Promise<unknown>) => ctx.waitUntil(p);
    await admitRequest(wrapped, key, waitUntil);
    await sleep(20); // the background refill lands
    recordSpend(wrapped, key, 0.125, waitUntil);
    await admitRequest(wrapped, key, waitUntil);
    await sleep(20);
    const leases = calls.filter((c) => c.method === 'lease');
    expect(leases.at(-1)!.args[2]).toBe(0.125);
    expect((leases.at(-1)!.args[1] as number) > 0).toBe(true);
    await drain();
    // Nothing was left to flush on its own.
    expect(calls.filter((c) => c.method === 'lease' && c.args[1] === 0)).toEqual([]);
    expect(calls.map((c) => c.method)).not.toContain('recordSpend');
    expect((await guardStatus(key.id)).spentUsd).toBeCloseTo(0.125, 12);
  });

  it(`a quiet key's spend is flushed on its own after ~${SPEND_FLUSH_MS} ms`, async () => {
    const key = keyRecord(600);
    const calls: StubCall[] = [];
    const wrapped = { ...realEnv, KEY_GUARD: recordingNamespace(realEnv.KEY_GUARD, calls) };
    const { ctx, drain } = collectingContext();
    const waitUntil = (p: Promise<unknown>) => ctx.waitUntil(p);
    await admitRequest(wrapped, key, waitUntil); // one lease of 20 tokens: no refill for a while
    recordSpend(wrapped, key, 0.25, waitUntil);
    recordSpend(wrapped, key, 0.5, waitUntil);
    const started = Date.now();
    await drain();
    expect(Date.now() - started).toBeGreaterThanOrEqual(SPEND_FLUSH_MS - 50);
    const flushes = calls.filter((c) => c.method === 'lease' && c.args[1] === 0);
    expect(flushes.map((c) => c.args[2])).toEqual([0.75]);
    expect((await guardStatus(key.id)).spentUsd).toBeCloseTo(0.75, 12);
  });
});

describe('lease sized from the observed rate', () => {
  it('after steady traffic, a burst well above the old 20-token lease is admitted without awaiting the DO', async () => {
    const key = keyRecord(60_000);
    const calls: StubCall[] = [];
    let hang = false;
    const wrapped = { ...realEnv, KEY_GUARD: recordingNamespace(realEnv.KEY_GUARD, calls, () => hang) };
    const { ctx, drain } = collectingContext();
    const waitUntil = (p: Promise<unknown>) => ctx.waitUntil(p);
    // Steady traffic, a few hundred requests per second from this isolate.
    const warm = 300;
    for (let i = 0; i < warm; i++) {
      await admitRequest(wrapped, key, waitUntil);
      if (i % 3 === 0) await sleep(1);
    }
    await drain();
    // Far fewer DO calls than requests: leases grew with the rate.
    expect(calls.length).toBeLessThan(warm / 10);
    expect(Math.max(...calls.map((c) => c.args[1] as number))).toBeGreaterThan(baseLeaseSize(60_000));
    // From now on every DO call hangs: any admission that awaited one would never finish.
    hang = true;
    const burst = 40; // more than the old lease could ever hold (20 + a refill threshold of 10)
    const outcome = await Promise.race([
      Promise.all(Array.from({ length: burst }, () => admitRequest(wrapped, key, waitUntil))).then(() => 'admitted'),
      sleep(2_000).then(() => 'awaited the DO'),
    ]);
    expect(outcome).toBe('admitted');
  });
});
