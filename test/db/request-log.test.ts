import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../src/app';
import { eq, getTableColumns } from 'drizzle-orm';
import { db, requestLog } from '../../src/db';
import { enqueueRequestLog, FLUSH_DELAY_MS, MAX_BATCH_ROWS, ROWS_PER_INSERT, type RequestLogRow } from '../../src/db/request-log';
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

/** Statements a batch of n rows goes out as. */
const statementsFor = (n: number) => Math.ceil(n / ROWS_PER_INSERT);

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
    // All n rows went out through DB.batch, in far fewer round trips than requests, several rows per statement.
    expect(batchSizes.length).toBeLessThanOrEqual(3);
    expect(batchSizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(statementsFor(n) + batchSizes.length - 1);
  });

  it(`sends a batch as soon as it holds ${MAX_BATCH_ROWS} rows, the rest ~${FLUSH_DELAY_MS} ms after their first row`, async () => {
    const batchSizes: number[] = [];
    const wrapped = { ...realEnv, DB: countingD1(realEnv.DB, { batchSizes }) };
    const keyId = `unit-${crypto.randomUUID()}`;
    const started = Date.now();
    const done: Promise<void>[] = [];
    for (let i = 0; i < 2 * MAX_BATCH_ROWS + 20; i++) done.push(enqueueRequestLog(wrapped, row(keyId, i)));
    // The two full batches left synchronously, without waiting for the timer.
    expect(batchSizes).toEqual([statementsFor(MAX_BATCH_ROWS), statementsFor(MAX_BATCH_ROWS)]);
    await Promise.all(done);
    expect(batchSizes).toEqual([statementsFor(MAX_BATCH_ROWS), statementsFor(MAX_BATCH_ROWS), statementsFor(20)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FLUSH_DELAY_MS - 5);
    expect(await rowsOf(keyId)).toBe(2 * MAX_BATCH_ROWS + 20);
  });

  it("several rows go out per statement, within D1's 100 bound parameters, and read back exactly as drizzle's own insert writes them", async () => {
    expect(ROWS_PER_INSERT).toBeGreaterThan(1);
    // The local simulator allows more; D1 refuses a statement with more than 100.
    expect(ROWS_PER_INSERT * Object.keys(getTableColumns(requestLog)).length).toBeLessThanOrEqual(100);
    const batchSizes: number[] = [];
    const wrapped = { ...realEnv, DB: countingD1(realEnv.DB, { batchSizes }) };
    const keyId = `twin-${crypto.randomUUID()}`;
    // Booleans set and left to their defaults, nulls, omitted columns, reals of every magnitude, awkward text;
    // 40 rows: full statements and a last, shorter one.
    const rows: RequestLogRow[] = Array.from({ length: 40 }, (_, i) => {
      const r = (Math.random() - 0.5) * 10 ** (Math.floor(Math.random() * 30) - 20);
      return {
        id: `${keyId}-${i}`,
        createdAt: 1_765_000_000_000 + i,
        teamId: 'team-log',
        keyId,
        ...(i % 4 === 0 ? {} : { api: i % 2 ? 'responses' : 'messages' }),
        requestedModel: i % 3 ? 'gpt-4o-mini:cost' : 'auto',
        endpointId: i % 5 ? 'openai/gpt-4o-mini' : null,
        provider: i % 5 ? 'openai' : null,
        model: i % 5 ? 'gpt-4o-mini' : undefined,
        strategy: 'balanced',
        taskClass: i % 2 ? 'summarization' : null,
        status: i % 7 ? 200 : 502,
        errorClass: i % 7 ? null : 'stream_interrupted',
        ...(i % 3 === 0 ? {} : { stream: i % 2 === 0 }),
        attempts: i % 4,
        inputTokens: 1000 + i,
        outputTokens: 2 ** 31 + i,
        ...(i % 6 === 0 ? {} : { cachedTokens: i }),
        latencyMs: 55 + i,
        ttftMs: i % 2 ? 12 : null,
        costUsd: i === 0 ? 0 : i === 1 ? 5.9e-7 : i === 2 ? 0.1 + 0.2 : r,
        baselineCostUsd: Math.abs(r) * 3,
        simulated: i % 2 === 1,
        ...(i % 5 === 0 ? { cached: true } : {}),
        region: i % 2 ? 'FRA' : null,
        trace: JSON.stringify({ note: `quote ' double " backslash \\ newline \n tab \t`, n: i, nested: { a: [1, null, true] } }),
        ...(i % 2 ? { keyphrases: '["a1b2","c3d4"]' } : {}),
      };
    });
    await Promise.all(rows.map((r) => enqueueRequestLog(wrapped, r)));
    expect(batchSizes).toEqual([statementsFor(rows.length)]);
    expect(batchSizes[0]).toBeLessThan(rows.length);
    const twins = rows.map((r) => ({ ...r, id: `${r.id}-drizzle`, keyId: `${keyId}-drizzle` }));
    for (const t of twins) await db(realEnv.DB).insert(requestLog).values(t);
    const read = async (k: string) =>
      (await env.DB.prepare('SELECT * FROM request_log WHERE key_id = ? ORDER BY created_at').bind(k).all<Record<string, unknown>>())
        .results;
    const written = await read(keyId);
    const reference = await read(`${keyId}-drizzle`);
    expect(written).toHaveLength(rows.length);
    expect(written.map(({ id: _i, key_id: _k, ...rest }) => rest)).toEqual(reference.map(({ id: _i, key_id: _k, ...rest }) => rest));
    expect(written.map((w) => w.id)).toEqual(rows.map((r) => r.id));
    // Typed as the schema says through drizzle's reader too (booleans back as booleans).
    const viaDrizzle = await db(realEnv.DB).select().from(requestLog).where(eq(requestLog.keyId, keyId)).orderBy(requestLog.createdAt);
    expect(viaDrizzle.map((r) => [r.stream, r.simulated, r.cached])).toEqual(
      rows.map((r) => [r.stream ?? false, r.simulated ?? false, r.cached ?? false]),
    );
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
    expect(batchSizes).toEqual([statementsFor(2)]);
    expect(errors).toHaveBeenCalledTimes(1);
    const logged = errors.mock.calls[0]!.join(' ');
    expect(logged).toContain('disk on fire');
    expect(logged).toContain(`${keyId}-0`);
    expect(logged).not.toContain(secret);
    expect(await rowsOf(keyId)).toBe(0);
  });
});
