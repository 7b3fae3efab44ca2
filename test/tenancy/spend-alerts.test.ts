import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import { admin, chat, createTestKey, env } from '../helpers/gateway';

/**
 * Spend alerts by webhook (src/alerts): a loopback receiver (test/tenancy/webhook-receiver.ts, started
 * by the gateway project's globalSetup) gets signed JSON once per threshold and window; a failed
 * delivery is retried with backoff, and the cron delivers what a dead process left in the outbox.
 */

const RECEIVER = inject('webhookReceiver');
const SECRET = 'test-webhook-secret-0123456789';
const TINY = 0.0000001;

interface Delivery {
  at: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const received = async (hook: string): Promise<Delivery[]> => (await fetch(`${RECEIVER}/control/received/${hook}`)).json();

async function waitFor(hook: string, count: number, ms = 8_000): Promise<Delivery[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await received(hook);
    if (got.length >= count || Date.now() > deadline) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
  return [...new Uint8Array(sig)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a receiver does: recompute the HMAC over `t.body` and compare; check `t` is recent. */
async function verified(d: Delivery): Promise<boolean> {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(d.headers['x-cailos-signature'] ?? '');
  if (!m) return false;
  if (Math.abs(Date.now() / 1000 - Number(m[1])) > 300) return false;
  return (await hmacHex(SECRET, `${m[1]}.${d.body}`)) === m[2];
}

async function teamWithHook(thresholds: number[]): Promise<{ teamId: string; hook: string }> {
  const teamId = `alerts-${crypto.randomUUID().slice(0, 8)}`;
  const hook = `hook-${crypto.randomUUID().slice(0, 8)}`;
  const res = await admin('/teams', {
    body: {
      id: teamId,
      alertWebhookUrl: `${RECEIVER}/hooks/${hook}`,
      alertWebhookSecret: SECRET,
      settings: { alertThresholds: thresholds },
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return { teamId, hook };
}

const ask = (key: string) => chat(key, { model: 'auto:cost', max_tokens: 32, messages: [{ role: 'user', content: 'hello there' }] });

describe('spend alerts by webhook', () => {
  it('each threshold of a key budget fires once per window, signed, with no secret in it', async () => {
    const { teamId, hook } = await teamWithHook([0.5, 1]);
    const { key, id } = await createTestKey({ name: 'alerted', team: teamId, settings: { monthlyBudgetUsd: TINY } });
    expect((await ask(key)).status).toBe(200);
    // The spend reaches the key's guard ~1 s later; both thresholds are past at once.
    const deliveries = await waitFor(hook, 2);
    expect(deliveries).toHaveLength(2);
    const bodies = deliveries.map((d) => JSON.parse(d.body) as Record<string, unknown>);
    for (const d of deliveries) {
      expect(await verified(d)).toBe(true);
      expect(d.headers['content-type']).toBe('application/json');
      expect(d.body).not.toContain(key);
      expect(d.body).not.toContain(SECRET);
    }
    expect(bodies.map((b) => b.threshold).sort()).toEqual([0.5, 1]);
    for (const b of bodies) {
      expect(b).toMatchObject({ type: 'budget.threshold', team: teamId, scope: 'key', window: 'monthly', limit_usd: TINY });
      expect(b.key).toEqual({ id, prefix: key.slice(0, 8), name: 'alerted' });
      expect(b.spent_usd as number).toBeGreaterThanOrEqual(TINY);
      expect(new Date(b.timestamp as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(b.window_id).toBe(new Date().toISOString().slice(0, 7));
    }
    // A tampered body fails the check.
    expect(await verified({ ...deliveries[0], body: deliveries[0].body.replace('"monthly"', '"daily"') })).toBe(false);
    // The thresholds fired for this window stay fired: with the budget raised to three times the spend
    // and more requests pushing the spend past half of it again, nothing is sent twice.
    const spent = Math.max(...bodies.map((b) => b.spent_usd as number));
    expect((await admin(`/keys/${id}`, { method: 'PATCH', body: { monthlyBudgetUsd: spent * 3 } })).status).toBe(200);
    let admitted = 0;
    for (let i = 0; i < 4; i++) {
      const res = await ask(key);
      if (res.status === 200) admitted++;
      await res.text();
    }
    expect(admitted).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await received(hook)).toHaveLength(2);
  });

  it('a team budget alerts too, naming no key', async () => {
    const { teamId, hook } = await teamWithHook([1]);
    const patched = await admin(`/teams/${teamId}`, { method: 'PATCH', body: { settings: { dailyBudgetUsd: TINY } } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const { key } = await createTestKey({ name: 'team-spender', team: teamId });
    expect((await ask(key)).status).toBe(200);
    const [d] = await waitFor(hook, 1);
    expect(await verified(d)).toBe(true);
    expect(JSON.parse(d.body)).toMatchObject({ scope: 'team', key: null, window: 'daily', threshold: 1, limit_usd: TINY });
  });

  it('a delivery the receiver answers 500 is retried with backoff and then recorded as delivered', async () => {
    const { teamId, hook } = await teamWithHook([1]);
    await fetch(`${RECEIVER}/control/fail/${hook}?times=1`, { method: 'POST' });
    const { key } = await createTestKey({ name: 'retried', team: teamId, settings: { weeklyBudgetUsd: TINY } });
    expect((await ask(key)).status).toBe(200);
    const deliveries = await waitFor(hook, 2);
    expect(deliveries.map((d) => d.status)).toEqual([500, 200]);
    // The same alert, the same body; signed afresh.
    expect(deliveries[1].body).toBe(deliveries[0].body);
    expect(await verified(deliveries[1])).toBe(true);
    expect(deliveries[1].at - deliveries[0].at).toBeGreaterThanOrEqual(900);
    const alerts = (await (await admin(`/teams/${teamId}/alerts`)).json()) as {
      data: { attempts: number; deliveredAt: number | null; lastError: string | null }[];
    };
    expect(alerts.data).toHaveLength(1);
    expect(alerts.data[0]).toMatchObject({ attempts: 2, lastError: null });
    expect(alerts.data[0].deliveredAt).toBeGreaterThan(0);
  });

  it('the cron delivers what a process left in the outbox when it died', async () => {
    const { teamId, hook } = await teamWithHook([0.8]);
    // As the guard writes it before its first attempt; the process then died (attempt 1 never finished).
    const id = `alrt_${crypto.randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const payload = JSON.stringify({ id, type: 'budget.threshold', team: teamId, scope: 'team', key: null, threshold: 0.8 });
    await env.DB.prepare(
      `INSERT INTO alert_outbox (id, team_id, scope_id, window_id, threshold, payload, created_at, attempts, next_attempt_at, locked_until)
       VALUES (?, ?, ?, 'monthly:2026-01', 0.8, ?, ?, 0, ?, ?)`,
    )
      .bind(id, teamId, `team:${teamId}`, payload, Date.now() - 60_000, Date.now() - 60_000, Date.now() - 30_000)
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env as unknown as Env, ctx);
    await waitOnExecutionContext(ctx);
    const [d] = await waitFor(hook, 1, 2_000);
    expect(d?.body).toBe(payload);
    expect(await verified(d)).toBe(true);
    const row = await env.DB.prepare('SELECT attempts, delivered_at FROM alert_outbox WHERE id = ?')
      .bind(id)
      .first<{ attempts: number; delivered_at: number }>();
    expect(row).toMatchObject({ attempts: 1 });
    expect(row!.delivered_at).toBeGreaterThan(0);
  });
});
