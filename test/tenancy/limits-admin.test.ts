import { describe, expect, it } from 'vitest';
import { admin, BASE, chat, createTestKey, workerFetch } from '../helpers/gateway';

/** Setting the limits (admin API: keys and teams), validated; the key's own view of them (/v1/usage). */

async function errorOf(res: Response): Promise<{ code: string; param: string | null; message: string }> {
  return ((await res.json()) as { error: { code: string; param: string | null; message: string } }).error;
}

const newTeam = () => `la-${crypto.randomUUID().slice(0, 8)}`;

describe('key limits through the admin API', () => {
  it('sets tokens per minute and daily / weekly budgets; bad values are 400', async () => {
    const { id } = await createTestKey({ name: 'admin-limits' });
    for (const bad of [
      { tokensPerMinute: 0 },
      { tokensPerMinute: 1.5 },
      { dailyBudgetUsd: -1 },
      { weeklyBudgetUsd: 'x' },
      { dailyBudgetUsd: 0 },
    ]) {
      const res = await admin(`/keys/${id}`, { method: 'PATCH', body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const res = await admin(`/keys/${id}`, { method: 'PATCH', body: { tokensPerMinute: 40_000, dailyBudgetUsd: 2, weeklyBudgetUsd: 10 } });
    expect(res.status, await res.clone().text()).toBe(200);
    const key = (await (await admin(`/keys/${id}`)).json()) as { settings: Record<string, unknown> };
    expect(key.settings).toMatchObject({ tokensPerMinute: 40_000, dailyBudgetUsd: 2, weeklyBudgetUsd: 10, monthlyBudgetUsd: null });
    // null lifts a limit again.
    await admin(`/keys/${id}`, { method: 'PATCH', body: { tokensPerMinute: null, dailyBudgetUsd: null } });
    expect(((await (await admin(`/keys/${id}`)).json()) as { settings: Record<string, unknown> }).settings).toMatchObject({
      tokensPerMinute: null,
      dailyBudgetUsd: null,
      weeklyBudgetUsd: 10,
    });
  });

  it('a managing key cannot hand out a token rate or a window budget above its own', async () => {
    const team = newTeam();
    const manager = await createTestKey({
      team,
      name: 'manager',
      scopes: ['api', 'dashboard', 'keys:manage'],
      settings: { tokensPerMinute: 1_000, dailyBudgetUsd: 1 },
    });
    const mint = (settings: Record<string, unknown>) =>
      workerFetch(`${BASE}/dashboard/api/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${manager.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'child', settings }),
      });
    for (const [settings, param] of [
      [{ tokensPerMinute: 2_000 }, 'settings.tokensPerMinute'],
      [{ tokensPerMinute: null }, 'settings.tokensPerMinute'],
      [{ dailyBudgetUsd: 5 }, 'settings.dailyBudgetUsd'],
    ] as const) {
      const res = await mint(settings);
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ code: 'exceeds_own_limits', param });
    }
    // Left out, they are inherited from the managing key.
    const child = (await (await mint({})).json()) as { settings: Record<string, unknown> };
    expect(child.settings).toMatchObject({ tokensPerMinute: 1_000, dailyBudgetUsd: 1 });
  });
});

describe('team limits through the admin API', () => {
  it('creates, shows and changes a team; bad input is 400, an unknown team 404, a duplicate 409', async () => {
    const id = newTeam();
    for (const bad of [
      { id: 'bad id!' },
      { id, settings: { tokensPerMinute: 1.5 } },
      { id, settings: { monthlyBudgetUsd: -2 } },
      { id, settings: { alertThresholds: [0] } },
      { id, settings: { alertThresholds: [0.5, 0.5] } },
      { id, settings: { unknown: 1 } },
      { id, alertWebhookUrl: 'ftp://example.com/hook' },
      { id, alertWebhookUrl: 'http://example.com/hook' },
      { id, alertWebhookUrl: 'https://user:pw@example.com/hook' },
      { id, alertWebhookUrl: 'https://example.com/hook', alertWebhookSecret: 'short' },
    ]) {
      const res = await admin('/teams', { body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const created = await admin('/teams', {
      body: {
        id,
        name: 'Acme',
        settings: { requestsPerMinute: 100, tokensPerMinute: 50_000, weeklyBudgetUsd: 20 },
        alertWebhookUrl: 'https://hooks.example.com/cailos',
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    // A webhook without a secret gets one, shown this once.
    expect(body.alertWebhookSecret).toMatch(/^whsec_[0-9A-Za-z]{40}$/);
    expect(body).toMatchObject({
      id,
      name: 'Acme',
      alertWebhookUrl: 'https://hooks.example.com/cailos',
      alertWebhookSecretSet: true,
      settings: {
        requestsPerMinute: 100,
        tokensPerMinute: 50_000,
        weeklyBudgetUsd: 20,
        dailyBudgetUsd: null,
        alertThresholds: [0.5, 0.8, 1],
      },
    });
    expect((await admin('/teams', { body: { id } })).status).toBe(409);
    const shown = await (await admin(`/teams/${id}`)).text();
    expect(shown).not.toContain(body.alertWebhookSecret as string);
    expect(JSON.parse(shown)).toMatchObject({ alertWebhookSecretSet: true });
    const list = (await (await admin('/teams')).json()) as { data: { id: string }[] };
    expect(list.data.map((t) => t.id)).toContain(id);

    const patched = await admin(`/teams/${id}`, { method: 'PATCH', body: { settings: { tokensPerMinute: null, dailyBudgetUsd: 3 } } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ settings: { requestsPerMinute: 100, tokensPerMinute: null, dailyBudgetUsd: 3 } });
    expect((await admin(`/teams/${id}`, { method: 'PATCH', body: { settings: { requestsPerMinute: 0 } } })).status).toBe(400);
    expect((await admin(`/teams/${newTeam()}`, { method: 'PATCH', body: { settings: {} } })).status).toBe(404);
    // Removing the webhook removes its secret.
    const unhooked = await admin(`/teams/${id}`, { method: 'PATCH', body: { alertWebhookUrl: null } });
    expect(await unhooked.json()).toMatchObject({ alertWebhookUrl: null, alertWebhookSecretSet: false });
  });
});

describe("the key's own view of its limits", () => {
  it('/v1/usage shows the key’s and its team’s limits, with the spend of each budget window', async () => {
    const team = newTeam();
    expect((await admin('/teams', { body: { id: team, settings: { tokensPerMinute: 90_000, monthlyBudgetUsd: 50 } } })).status).toBe(201);
    const { key } = await createTestKey({
      team,
      name: 'self-view',
      settings: { requestsPerMinute: 120, tokensPerMinute: 30_000, dailyBudgetUsd: 1, weeklyBudgetUsd: 5 },
    });
    expect((await chat(key, { model: 'auto:cost', max_tokens: 16, messages: [{ role: 'user', content: 'hello' }] })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_300)); // the spend reaches the guards
    const usage = (await (await workerFetch(`${BASE}/v1/usage`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      limits: {
        requests_per_minute: number;
        tokens_per_minute: number | null;
        budgets: { window: string; limit_usd: number; spent_usd: number; resets_at: string }[];
        team: {
          id: string;
          requests_per_minute: number | null;
          tokens_per_minute: number | null;
          budgets: { window: string; spent_usd: number }[];
        } | null;
      };
    };
    const { limits } = usage;
    expect(limits.requests_per_minute).toBe(120);
    expect(limits.tokens_per_minute).toBe(30_000);
    expect(limits.budgets.map((b) => [b.window, b.limit_usd])).toEqual([
      ['daily', 1],
      ['weekly', 5],
    ]);
    expect(limits.budgets[0].spent_usd).toBeGreaterThan(0);
    expect(Date.parse(limits.budgets[0].resets_at)).toBeGreaterThan(Date.now());
    expect(limits.team).toMatchObject({ id: team, requests_per_minute: null, tokens_per_minute: 90_000 });
    expect(limits.team!.budgets.map((b) => b.window)).toEqual(['monthly']);
    expect(limits.team!.budgets[0].spent_usd).toBeGreaterThan(0);
  });
});
