import { afterEach, describe, expect, it } from 'vitest';
import { flushRequestLog } from '../../src/db/request-log';
import { admin, BASE, clearFaults, createTestKey, env, workerFetch } from '../helpers/gateway';

/**
 * A provider bills what it generated, whether or not the client read it to the end: a stream the client
 * abandons, or one the upstream broke off after the answer began, is billed for the prompt and the tokens
 * produced up to that point, and counts against the key's budget and in its usage figures.
 */

/** llmshield plays no part in billing; it is off so these keys exercise only the metering. */
const SHIELD_OFF = { shield: { mode: 'off' } };

const ESSAY = { model: 'llama-3.1-8b', stream: true, messages: [{ role: 'user', content: 'Write a long essay about the sea.' }] };

function openStream(key: string, signal?: AbortSignal): Promise<Response> {
  return workerFetch(`${BASE}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(ESSAY),
    signal,
  });
}

interface Row {
  status: number;
  error_class: string | null;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  baseline_cost_usd: number;
}

async function rowsOf(keyId: string, count: number): Promise<Row[]> {
  let rows: Row[] = [];
  for (let waited = 0; waited < 10_000; waited += 50) {
    await flushRequestLog();
    rows = (
      await env.DB.prepare(
        'SELECT status, error_class, input_tokens, output_tokens, cost_usd, baseline_cost_usd FROM request_log WHERE key_id = ? ORDER BY created_at',
      )
        .bind(keyId)
        .all<Row>()
    ).results;
    if (rows.length >= count) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  return rows;
}

async function usageOf(key: string): Promise<{ requests: number; output_tokens: number; cost_usd: number; baseline_cost_usd: number }> {
  return (await workerFetch(`${BASE}/v1/usage`, { headers: { authorization: `Bearer ${key}` } })).json();
}

/** Opens a stream, reads its first frame, then hangs up the way `how` says. */
async function abandon(key: string, how: 'abort' | 'cancel'): Promise<Response> {
  const client = new AbortController();
  const res = await openStream(key, client.signal);
  if (res.status !== 200) return res;
  const reader = res.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  if (how === 'abort') client.abort();
  else await reader.cancel();
  return res;
}

function expectBilled(row: Row): void {
  expect(row.status).toBe(499);
  expect(row.error_class).toBe('client_closed');
  expect(row.input_tokens).toBeGreaterThan(0);
  expect(row.output_tokens).toBeGreaterThan(0);
  expect(row.cost_usd).toBeGreaterThan(0);
  // The savings figures count the same tokens at the baseline model's price (gpt-4o by default).
  expect(row.baseline_cost_usd).toBeGreaterThan(row.cost_usd);
}

afterEach(async () => {
  await clearFaults();
  await admin('/sim/scripts', { method: 'DELETE' });
});

describe('a stream the client abandons is billed for what was produced', () => {
  it('hung up while the provider is silent: 499 with the prompt and the streamed tokens, in /v1/usage too', async () => {
    const { key, id } = await createTestKey({ name: 'abandons-silent', settings: SHIELD_OFF });
    // The endpoint sends its first content frame, then goes silent until the client leaves.
    await admin('/sim/faults', { body: { target: '*', fault: 'hang_mid_stream', times: 3 } });
    for (let i = 0; i < 3; i++) await abandon(key, 'abort');
    const rows = await rowsOf(id, 3);
    expect(rows).toHaveLength(3);
    rows.forEach(expectBilled);
    const usage = await usageOf(key);
    expect(usage.requests).toBe(3);
    expect(usage.output_tokens).toBe(rows.reduce((s, r) => s + r.output_tokens, 0));
    expect(usage.cost_usd).toBeCloseTo(
      rows.reduce((s, r) => s + r.cost_usd, 0),
      8,
    );
    expect(usage.cost_usd).toBeGreaterThan(0);
  });

  it('stopped reading in the middle of a long answer: 499, billed', async () => {
    const { key, id } = await createTestKey({ name: 'abandons-reading', settings: SHIELD_OFF });
    await admin('/sim/scripts', { body: { target: '*', text: 'lorem ipsum dolor sit amet '.repeat(400), times: 3 } });
    for (let i = 0; i < 3; i++) await abandon(key, 'cancel');
    const rows = await rowsOf(id, 3);
    expect(rows).toHaveLength(3);
    rows.forEach(expectBilled);
    // Not the whole 2,700-token answer: only what was produced before the client left.
    for (const row of rows) expect(row.output_tokens).toBeLessThan(2_700);
  });

  it('abandoned streams use up a tiny budget: the key is then refused with 429 insufficient_quota', async () => {
    const budget = 0.000005;
    const { key, id } = await createTestKey({ name: 'abandons-budget', settings: { ...SHIELD_OFF, monthlyBudgetUsd: budget } });
    await admin('/sim/faults', { body: { target: '*', fault: 'hang_mid_stream' } });
    let refused: Response | undefined;
    for (let i = 1; i <= 20 && !refused; i++) {
      const res = await abandon(key, 'abort');
      if (res.status !== 200) refused = res;
      // One stream at a time: the next starts once this one is settled and logged.
      else await rowsOf(id, i);
    }
    expect(refused, 'no request was refused after 20 abandoned streams').toBeDefined();
    const body = (await refused!.json()) as { error: { code: string } };
    expect(refused!.status).toBe(429);
    expect(body.error.code).toBe('insufficient_quota');
    expect((await usageOf(key)).cost_usd).toBeGreaterThanOrEqual(budget);
  });
});

describe('a stream the upstream breaks off after the answer began', () => {
  it('ends with stream_interrupted, logged 502 and billed for the prompt and the tokens produced', async () => {
    const { key, id } = await createTestKey({ name: 'broken-off', settings: SHIELD_OFF });
    // Half of the frames, then the body ends without the format's terminal event.
    await admin('/sim/faults', { body: { target: '*', fault: 'truncated_sse', times: 1 } });
    const res = await openStream(key);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('stream_interrupted');
    const [row] = await rowsOf(id, 1);
    expect(row.status).toBe(502);
    expect(row.error_class).toBe('stream_interrupted');
    expect(row.input_tokens).toBeGreaterThan(0);
    expect(row.output_tokens).toBeGreaterThan(0);
    expect(row.cost_usd).toBeGreaterThan(0);
    expect((await usageOf(key)).cost_usd).toBeCloseTo(row.cost_usd, 8);
  });
});
