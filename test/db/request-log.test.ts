import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../src/app';
import { enqueueRequestLog, FLUSH_DELAY_MS, MAX_BATCH_ROWS, type RequestLogRow } from '../../src/db/request-log';
import type { Env } from '../../src/env';
import { collectingContext, countingD1 } from '../helpers/bindings';
import { createTestKey } from '../helpers/gateway';

/** Request-log write-behind (src/db/request-log.ts): rows leave an isolate in batches, not per request. */

const realEnv = env as unknown as Env;

function row(keyId: string, i: number, trace = '{}'): RequestLogRow {
  return {
    id: `${keyId}-${i}`,
    createdAt: Date.now(),
    teamId: 'team-log',
    keyId,
    requestedModel: 'auto',
    strategy: 'balanced',
    status: 200,
    trace,
  };
}

async function rowsOf(keyId: string): Promise<number> {
  const r = await env.DB.prepare('SELECT COUNT(*) AS n FROM request_log WHERE key_id = ?').bind(keyId).first<{ n: number }>();
  return r!.n;
}

afterEach(() => vi.restoreAllMocks());

describe('request log write-behind', () => {
  it('N concurrent requests produce N rows, written in batches rather than one insert each', async () => {
    const { key, id } = await createTestKey({ name: 'log-batch' });
    const batchSizes: number[] = [];
    const wrapped = { ...realEnv, DB: countingD1(realEnv.DB, { batchSizes }) };
    const { ctx, drain } = collectingContext();
    const n = 12;
    const responses = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        app.fetch(
          new Request('http://gateway.test/v1/chat/completions', {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'llama-3.1-8b', messages: [{ role: 'user', content: `hello ${i}` }] }),
          }),
          wrapped,
          ctx,
        ),
      ),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      await res.text();
    }
    expect(await rowsOf(id)).toBe(0); // nothing written on the request path
    await drain();
    expect(await rowsOf(id)).toBe(n);
    // All n rows went out through DB.batch, in far fewer round trips than requests.
    expect(batchSizes.reduce((a, b) => a + b, 0)).toBe(n);
    expect(batchSizes.length).toBeLessThanOrEqual(3);
  });

  it(`sends a batch as soon as it holds ${MAX_BATCH_ROWS} rows, the rest ~${FLUSH_DELAY_MS} ms after their first row`, async () => {
    const batchSizes: number[] = [];
    const wrapped = { ...realEnv, DB: countingD1(realEnv.DB, { batchSizes }) };
    const keyId = `unit-${crypto.randomUUID()}`;
    const started = Date.now();
    const done: Promise<void>[] = [];
    for (let i = 0; i < 2 * MAX_BATCH_ROWS + 20; i++) done.push(enqueueRequestLog(wrapped, row(keyId, i)));
    // The two full batches left synchronously, without waiting for the timer.
    expect(batchSizes).toEqual([MAX_BATCH_ROWS, MAX_BATCH_ROWS]);
    await Promise.all(done);
    expect(batchSizes).toEqual([MAX_BATCH_ROWS, MAX_BATCH_ROWS, 20]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FLUSH_DELAY_MS - 5);
    expect(await rowsOf(keyId)).toBe(2 * MAX_BATCH_ROWS + 20);
  });

  it('a failed flush does not throw into requests and logs only the error and an id, never row contents', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const batchSizes: number[] = [];
    const failing = { ...realEnv, DB: countingD1(realEnv.DB, { batchSizes, failWith: 'D1_ERROR: disk on fire' }) };
    const keyId = `fail-${crypto.randomUUID()}`;
    const secret = `SECRET-${crypto.randomUUID()}`;
    await expect(
      Promise.all([enqueueRequestLog(failing, row(keyId, 0, secret)), enqueueRequestLog(failing, row(keyId, 1, secret))]),
    ).resolves.toBeDefined();
    expect(batchSizes).toEqual([2]);
    expect(errors).toHaveBeenCalledTimes(1);
    const logged = errors.mock.calls[0]!.join(' ');
    expect(logged).toContain('disk on fire');
    expect(logged).toContain(`${keyId}-0`);
    expect(logged).not.toContain(secret);
    expect(await rowsOf(keyId)).toBe(0);
  });
});
