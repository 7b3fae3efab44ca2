import { describe, expect, it } from 'vitest';
import { flushRequestLog } from '../../src/db/request-log';
import type { KeyGuard } from '../../src/tenancy';
import { windowEnd, windowId, windowStart } from '../../src/tenancy/windows';
import { admin, chat, createTestKey, env } from '../helpers/gateway';

/**
 * Daily, weekly and monthly budgets per key and per team (src/tenancy/budget-check.ts), enforced by the
 * same worst-case holds as the monthly key budget, and the UTC windows they count over.
 */

const TINY = 0.0000001;
const ask = (key: string, maxTokens = 32) =>
  chat(key, { model: 'auto:cost', max_tokens: maxTokens, messages: [{ role: 'user', content: 'hello there' }] });

async function errorOf(res: Response): Promise<{ code: string; message: string; type: string }> {
  return ((await res.json()) as { error: { code: string; message: string; type: string } }).error;
}

async function guardStatus(name: string) {
  return (env.KEY_GUARD.get(env.KEY_GUARD.idFromName(name)) as DurableObjectStub<KeyGuard>).status();
}

const newTeam = () => `bw-${crypto.randomUUID().slice(0, 8)}`;

describe('budget windows (UTC)', () => {
  it('a day, a week from Monday, a calendar month', () => {
    const wednesday = Date.UTC(2024, 0, 3, 15, 30);
    expect(new Date(windowStart('daily', wednesday)).toISOString()).toBe('2024-01-03T00:00:00.000Z');
    expect(new Date(windowEnd('daily', wednesday)).toISOString()).toBe('2024-01-04T00:00:00.000Z');
    expect(windowId('weekly', wednesday)).toBe('2024-01-01');
    expect(windowId('weekly', Date.UTC(2024, 0, 7, 23, 59))).toBe('2024-01-01'); // Sunday
    expect(windowId('weekly', Date.UTC(2024, 0, 8))).toBe('2024-01-08'); // Monday
    expect(windowId('weekly', Date.UTC(2023, 11, 31))).toBe('2023-12-25'); // a week across the new year
    expect(new Date(windowEnd('weekly', wednesday)).toISOString()).toBe('2024-01-08T00:00:00.000Z');
    expect(windowId('monthly', wednesday)).toBe('2024-01');
    expect(new Date(windowEnd('monthly', Date.UTC(2024, 11, 31, 12))).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('key budgets per window', () => {
  it.each([
    ['daily', 'dailyBudgetUsd', 'today'],
    ['weekly', 'weeklyBudgetUsd', 'this week'],
  ])('a %s budget refuses once spent, with 429 insufficient_quota naming the window', async (window, field, phrase) => {
    const { key, id } = await createTestKey({ name: `budget-${window}`, settings: { [field]: TINY, monthlyBudgetUsd: 100 } });
    const first = await ask(key);
    expect(first.status, await first.clone().text()).toBe(200);
    const refused = await ask(key);
    expect(refused.status).toBe(429);
    const e = await errorOf(refused);
    expect(e.code).toBe('insufficient_quota');
    expect(e.type).toBe('insufficient_quota');
    expect(e.message).toContain(`${window} budget`);
    expect(e.message).toContain(phrase);
    // The guard counts the spend in every window.
    await new Promise((r) => setTimeout(r, 1_300));
    const status = await guardStatus(id);
    expect(status.spend.daily.usd).toBeGreaterThan(0);
    expect(status.spend.weekly.usd).toBeCloseTo(status.spend.daily.usd, 12);
    expect(status.spend.monthly.usd).toBeCloseTo(status.spend.daily.usd, 12);
  });

  it('several windows at once: the tightest one refuses', async () => {
    const { key } = await createTestKey({
      name: 'budget-several',
      settings: { dailyBudgetUsd: 50, weeklyBudgetUsd: TINY, monthlyBudgetUsd: 100 },
    });
    expect((await ask(key)).status).toBe(200);
    const e = await errorOf(await ask(key));
    expect(e.message).toContain('weekly budget');
  });

  it('a request whose worst case does not fit beside those in flight waits its turn (the hold)', async () => {
    // 8,000 output tokens reserved cost more than this daily budget on any priced endpoint.
    const { key } = await createTestKey({ name: 'budget-hold', settings: { dailyBudgetUsd: 0.0002, requestsPerMinute: 10_000 } });
    const burst = await Promise.all(Array.from({ length: 10 }, () => ask(key, 8_000)));
    const codes = await Promise.all(burst.map(async (r) => (r.status === 200 ? 'ok' : (await errorOf(r)).code)));
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThan(0);
    expect(codes.filter((c) => c !== 'ok').length).toBeGreaterThan(0);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'insufficient_quota')).toBe(true);
  });
});

describe('team budgets', () => {
  it('a team budget counts every key of the team', async () => {
    const teamId = newTeam();
    expect((await admin('/teams', { body: { id: teamId, settings: { monthlyBudgetUsd: TINY } } })).status).toBe(201);
    const a = await createTestKey({ name: 'team-budget-a', team: teamId });
    const b = await createTestKey({ name: 'team-budget-b', team: teamId });
    expect((await ask(a.key)).status).toBe(200);
    const refused = await ask(b.key);
    expect(refused.status).toBe(429);
    const e = await errorOf(refused);
    expect(e.code).toBe('insufficient_quota');
    expect(e.message).toContain(`team ${teamId}'s monthly budget`);
    // Another team is not affected.
    const other = await createTestKey({ name: 'team-budget-other', team: newTeam() });
    expect((await ask(other.key)).status).toBe(200);
  });

  it('a team budget set mid-window counts what the team spent before it was set (from the request log)', async () => {
    const teamId = newTeam();
    const a = await createTestKey({ name: 'team-late-a', team: teamId });
    for (let i = 0; i < 2; i++) expect((await ask(a.key)).status).toBe(200);
    // Wait for the log rows.
    for (let waited = 0; waited < 5_000; waited += 50) {
      await flushRequestLog();
      const row = await env.DB.prepare('SELECT count(*) AS n FROM request_log WHERE team_id = ?').bind(teamId).first<{ n: number }>();
      if ((row?.n ?? 0) >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const patched = await admin(`/teams/${teamId}`, { method: 'PATCH', body: { settings: { dailyBudgetUsd: TINY } } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const b = await createTestKey({ name: 'team-late-b', team: teamId });
    const refused = await ask(b.key);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).message).toContain('daily budget');
  });
});
