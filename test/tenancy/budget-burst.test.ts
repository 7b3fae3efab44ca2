import { describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog';
import { flushRequestLog } from '../../src/db/request-log';
import { BASE, chat, createTestKey, env, workerFetch } from '../helpers/gateway';

/**
 * A burst against a small monthly budget, all from one isolate: every request's worst-case cost is
 * reserved when it is admitted, so the burst can overspend by at most one request's reservation.
 */

const MAX_TOKENS = 64;
/** No rate limit in the way, and llmshield off: it plays no part in metering. */
const SETTINGS = { requestsPerMinute: 100_000, shield: { mode: 'off' } };

interface Row {
  status: number;
  cost_usd: number;
  trace: string;
}

/** The key's rows once `count` of them are written (the log goes out in background batches). */
async function rowsOf(keyId: string, count: number): Promise<Row[]> {
  let rows: Row[] = [];
  for (let waited = 0; waited < 10_000; waited += 50) {
    await flushRequestLog();
    rows = (await env.DB.prepare('SELECT status, cost_usd, trace FROM request_log WHERE key_id = ?').bind(keyId).all<Row>()).results;
    if (rows.length >= count) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  return rows;
}

/**
 * One request's reservation, from what its trace says (its chain and its input estimate): the priciest
 * endpoint of the chain at the estimated input and the request's max_tokens. Cache writes can be priced
 * above plain input, so the higher of the two counts.
 */
function reservationOf(trace: { chain: string[]; requirements: { estimatedInputTokens: number } }): number {
  return Math.max(
    ...trace.chain.map((id) => {
      const p = getEndpoint(id)!.pricing;
      const input = Math.max(p.inputPerMTok, p.cacheWritePerMTok ?? 0);
      return (
        (trace.requirements.estimatedInputTokens * input + Math.min(MAX_TOKENS, getEndpoint(id)!.maxOutputTokens) * p.outputPerMTok) /
        1_000_000
      );
    }),
  );
}

const ask = (key: string, model: string) =>
  chat(key, { model, max_tokens: MAX_TOKENS, messages: [{ role: 'user', content: 'hello there' }] });

describe('a concurrent burst against a small monthly budget', () => {
  it.each([
    ['auto:cost', 200, 0.0001],
    ['auto:quality', 100, 0.0005],
  ])('%s × %i at once with a $%f budget overspends by at most one reservation', async (model, burst, budget) => {
    const { key, id } = await createTestKey({ name: `burst-${model}`, settings: { ...SETTINGS, monthlyBudgetUsd: budget } });
    const responses = await Promise.all(Array.from({ length: burst }, () => ask(key, model)));
    const codes = await Promise.all(
      responses.map(async (res) => {
        const body = (await res.json()) as { error?: { code: string } };
        return res.status === 200 ? 'ok' : `${res.status} ${body.error?.code}`;
      }),
    );
    const admitted = codes.filter((c) => c === 'ok').length;
    expect(admitted).toBeGreaterThan(0);
    // Everything else was refused for the budget, not for anything else.
    expect(codes.filter((c) => c !== 'ok').every((c) => c === '429 insufficient_quota')).toBe(true);

    const rows = await rowsOf(id, admitted);
    expect(rows).toHaveLength(admitted);
    const spent = rows.reduce((sum, r) => sum + r.cost_usd, 0);
    const reservation = Math.max(...rows.map((r) => reservationOf(JSON.parse(r.trace))));
    expect(spent, `spent $${spent} on ${admitted} requests against $${budget}`).toBeLessThanOrEqual(budget + reservation);

    const usage = (await (await workerFetch(`${BASE}/v1/usage`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      cost_usd: number;
    };
    expect(usage.cost_usd).toBeCloseTo(spent, 8);
  });

  it('holds are released when requests end: after a burst, requests one at a time keep being admitted', async () => {
    // 8,000 output tokens reserved cost more than this whole budget on any priced endpoint, so a request
    // is admitted only when nothing else of the key is in flight: one hold left behind would refuse the rest.
    const budget = 0.0002;
    const { key, id } = await createTestKey({ name: 'burst-release', settings: { ...SETTINGS, monthlyBudgetUsd: budget } });
    const big = () => chat(key, { model: 'auto:cost', max_tokens: 8_000, messages: [{ role: 'user', content: 'hello there' }] });
    const burst = await Promise.all(Array.from({ length: 20 }, big));
    await Promise.all(burst.map((r) => r.text()));
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) {
      const res = await big();
      expect(res.status, await res.clone().text()).toBe(200);
      await res.text();
    }
    const rows = await rowsOf(id, 5);
    expect(rows.reduce((sum, r) => sum + r.cost_usd, 0)).toBeLessThan(budget);
  });
});
