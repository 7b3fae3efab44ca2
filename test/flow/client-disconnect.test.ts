import { afterEach, describe, expect, it } from 'vitest';
import { flushRequestLog } from '../../src/db/request-log';
import { admin, BASE, clearFaults, createTestKey, env, simStreamEnds, workerFetch } from '../helpers/gateway';

/**
 * A client that hangs up while the provider is silent: the Worker opts into `enable_request_signal`
 * (wrangler.toml), so its request signal aborts and the upstream call stops at once instead of at a timeout,
 * without failing over, without counting against the endpoint, and logged as 499.
 */

function chatWithSignal(key: string, body: unknown, signal: AbortSignal): Promise<Response> {
  return workerFetch(`${BASE}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

interface LogRow {
  status: number;
  error_class: string | null;
  trace: string;
}

/** The key's latest log row (each test uses a fresh key; a client that left never saw its decision id). */
async function latestRowOf(keyId: string): Promise<LogRow | null> {
  for (let waited = 0; waited < 3_000; waited += 50) {
    await flushRequestLog();
    const row = await env.DB.prepare('SELECT status, error_class, trace FROM request_log WHERE key_id = ? ORDER BY created_at DESC LIMIT 1')
      .bind(keyId)
      .first<LogRow>();
    if (row) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

const attemptsOf = (row: LogRow) => (JSON.parse(row.trace) as { attempts: { outcome: string; errorKind?: string }[] }).attempts;

afterEach(async () => {
  await clearFaults();
  await admin('/sim/recorder', { body: { on: false } });
});

describe('a client that disconnects while the provider is silent', () => {
  it('mid-stream: the provider stream is stopped at once (not at the idle timeout), logged 499, the endpoint not blamed', async () => {
    const { key, id: keyId } = await createTestKey({ name: 'hangs-up-stream' });
    await admin('/sim/recorder', { body: { on: true } });
    // The endpoint sends its first content frame and then goes silent (the idle timeout is ≥ 5 s).
    await admin('/sim/faults', { body: { target: '*', fault: 'hang_mid_stream', times: 1 } });
    const client = new AbortController();
    const res = await chatWithSignal(
      key,
      { model: 'llama-3.1-8b', stream: true, messages: [{ role: 'user', content: 'Tell me a story.' }] },
      client.signal,
    );
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    client.abort();

    // Well before the ≥ 5 s idle timeout that would otherwise end it.
    const ends = await simStreamEnds(2_000);
    expect(ends).toHaveLength(1);
    expect(ends[0].outcome).toBe('aborted');

    const row = await latestRowOf(keyId);
    expect(row).not.toBeNull();
    expect(row!.status).toBe(499);
    expect(row!.error_class).toBe('client_closed');
    // The stream had begun: one attempt, which stays a success (the endpoint was answering).
    expect(attemptsOf(row!).map((a) => a.outcome)).toEqual(['ok']);
  });

  it('before the answer: no failover to the next endpoint, logged 499 with the attempt marked client_closed', async () => {
    const { key, id: keyId } = await createTestKey({ name: 'hangs-up-json' });
    // No headers ever come from the first endpoint; its timeout is ≥ 8 s.
    await admin('/sim/faults', { body: { target: '*', fault: 'hang_before_headers', times: 1 } });
    const client = new AbortController();
    const pending = chatWithSignal(key, { model: 'llama-3.1-8b', messages: [{ role: 'user', content: 'Hello?' }] }, client.signal);
    await new Promise((r) => setTimeout(r, 200));
    client.abort();
    await expect(pending).rejects.toThrow();

    const row = await latestRowOf(keyId);
    expect(row).not.toBeNull();
    expect(row!.status).toBe(499);
    expect(row!.error_class).toBe('client_closed');
    const attempts = attemptsOf(row!).filter((a) => a.outcome !== 'skipped');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ outcome: 'failed', errorKind: 'client_closed' });
  });
});
