import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import type { Env } from '../../src/env';
import worker from '../../src/index';
import { admin, BASE, chat, createTestKey, env, workerFetch } from '../helpers/gateway';
import { type DashSession, dashGet, signIn, signInAdmin, waitFor } from './helpers';

/**
 * The operator controls on the dashboard: each key's expiry, rotation, model rules, residency, token
 * rate, budget windows (with spend and reset) and response cache; the team panel (limits, webhook,
 * alert deliveries); cached answers in the feed and spend views; and the data & export panel.
 */

const RECEIVER = inject('webhookReceiver');
const uid = () => crypto.randomUUID().slice(0, 8);

interface KeyBody {
  id: string;
  key?: string;
  name: string;
  keyPrefix: string;
  rotatedFrom?: string | null;
  settings: Record<string, unknown>;
}

const settingsOf = async (id: string) => ((await (await admin(`/keys/${id}`)).json()) as KeyBody).settings;

function postForm(s: DashSession, path: string, body: Record<string, string>): Promise<Response> {
  return workerFetch(`${BASE}/dashboard${path}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: s.csrf, ...body }),
    redirect: 'manual',
  });
}

/** The HTML of one element, from its opening tag to the matching close (no nesting of the same tag inside). */
function elementOf(html: string, marker: string, tag: string): string {
  const at = html.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker} on the page`);
  const start = html.lastIndexOf(`<${tag}`, at);
  const end = html.indexOf(`</${tag}>`, at);
  return html.slice(start, end + tag.length + 3);
}

/** The page's error message, as the reader sees it (entities decoded). */
const alertOf = (html: string) =>
  elementOf(html, 'class="error" role="alert"', 'p')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const rowOf = (html: string, id: string) => elementOf(html, `data-key-id="${id}"`, 'tr');

/** The text of `data-field="name"` inside `html`, tags stripped. */
function field(html: string, name: string): string {
  const at = html.indexOf(`data-field="${name}"`);
  if (at < 0) throw new Error(`no field ${name}`);
  const open = html.lastIndexOf('<', at);
  const tag = /^<(\w+)/.exec(html.slice(open))![1];
  const end = html.indexOf(`</${tag}>`, at);
  return html
    .slice(html.indexOf('>', at) + 1, end)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const keysPage = async (s: DashSession) => {
  const res = await dashGet(s, '/keys');
  expect(res.status).toBe(200);
  return res.text();
};

const ask = (key: string, content = 'hello there', headers: Record<string, string> = {}) =>
  chat(key, { model: 'auto:cost', max_tokens: 32, messages: [{ role: 'user', content }] }, headers);

describe('keys view: every control of a key, with its value', () => {
  it('shows expiry, model rules, residency, rates, budgets and the response cache', async () => {
    const team = `ctl-show-${uid()}`;
    const full = await createTestKey({
      name: 'full',
      team,
      settings: {
        tokensPerMinute: 5000,
        requestsPerMinute: 42,
        dailyBudgetUsd: 5,
        weeklyBudgetUsd: 20,
        monthlyBudgetUsd: 50,
        allowModels: ['gpt-4o', 'provider:groq'],
        denyModels: ['model:llama-3.1-8b-instant'],
        residency: 'eu',
        expiresAt: '2030-01-02T03:04:05Z',
        responseCache: { enabled: true, ttlSeconds: 600 },
      },
    });
    const plain = await createTestKey({ name: 'plain', team });
    const row = rowOf(await keysPage(await signInAdmin(team)), full.id);
    expect(field(row, 'expires')).toBe('2030-01-02 03:04:05Z');
    expect(field(row, 'allow')).toBe('gpt-4o, provider:groq');
    expect(field(row, 'deny')).toBe('model:llama-3.1-8b-instant');
    expect(field(row, 'residency')).toBe('eu');
    expect(field(row, 'rpm')).toBe('42 requests/min');
    expect(field(row, 'tpm')).toBe('5,000 tokens/min');
    const budgets = field(row, 'budgets');
    expect(budgets).toMatch(/daily \$5\.0000: \$0 spent, resets \d{4}-\d\d-\d\d 00:00:00Z/);
    expect(budgets).toMatch(/weekly \$20\.0000: \$0 spent, resets/);
    expect(budgets).toMatch(/monthly \$50\.0000: \$0 spent, resets \d{4}-\d\d-01 00:00:00Z/);
    expect(field(row, 'cache')).toBe('on, entries kept 600 s');

    const bare = rowOf(await keysPage(await signInAdmin(team)), plain.id);
    expect(field(bare, 'expires')).toBe('never');
    expect(field(bare, 'allow')).toBe('any model');
    expect(field(bare, 'deny')).toBe('none');
    expect(field(bare, 'residency')).toBe('none (any region)');
    expect(field(bare, 'tpm')).toBe('no token limit');
    expect(field(bare, 'budgets')).toBe('none');
    expect(field(bare, 'cache')).toBe('off');
  });

  it('shows each budget window with its spend so far and reset time, as GET /v1/usage reports them', async () => {
    const team = `ctl-spend-${uid()}`;
    const k = await createTestKey({ name: 'spender', team, settings: { dailyBudgetUsd: 5, monthlyBudgetUsd: 9 } });
    expect((await ask(k.key)).status).toBe(200);
    const usage = (await (await workerFetch(`${BASE}/v1/usage`, { headers: { authorization: `Bearer ${k.key}` } })).json()) as {
      limits: { budgets: { window: string; limit_usd: number; spent_usd: number; resets_at: string }[] };
    };
    const s = await signInAdmin(team);
    const list = (await (await dashGet(s, '/api/keys')).json()) as {
      data: (KeyBody & { limits: { budgets: { window: string; limit_usd: number; spent_usd: number; resets_at: string }[] } })[];
    };
    const mine = list.data.find((x) => x.id === k.id)!;
    expect(mine.limits.budgets.map((b) => [b.window, b.limit_usd, b.resets_at])).toEqual(
      usage.limits.budgets.map((b) => [b.window, b.limit_usd, b.resets_at]),
    );
    for (const b of mine.limits.budgets) expect(b.spent_usd).toBeGreaterThan(0);
    const now = new Date();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
    expect(mine.limits.budgets.find((b) => b.window === 'daily')!.resets_at).toBe(midnight);

    const row = rowOf(await keysPage(s), k.id);
    const daily = elementOf(row, 'data-window="daily"', 'li');
    expect(daily).toContain(`data-resets="${midnight}"`);
    expect(daily).toMatch(/daily \$5\.0000: \$0\.0\d+ spent/);
  });
});

describe('keys view: editing the controls', () => {
  const EDIT = {
    defaultStrategy: '',
    minTrustLevel: '1',
    requestsPerMinute: '600',
    shieldMode: 'on',
    monthlyBudgetUsd: '30',
    dailyBudgetUsd: '2.5',
    weeklyBudgetUsd: '',
    tokensPerMinute: '12000',
    allowMode: 'list',
    allowModels: 'gpt-4o\nprovider:groq',
    denyModels: 'endpoint:groq/llama-3.1-8b-instant',
    residency: 'eu',
    expiresAt: '2031-05-06T07:08:09Z',
    cacheEnabled: 'yes',
    cacheTtlSeconds: '900',
  };

  it('the edit form offers every control, and saving stores what the admin API would', async () => {
    const team = `ctl-edit-${uid()}`;
    const k = await createTestKey({ name: 'edited', team });
    const s = await signInAdmin(team);
    const form = elementOf(await keysPage(s), `action="/dashboard/keys/${k.id}/settings"`, 'form');
    for (const name of Object.keys(EDIT)) expect(form, name).toContain(`name="${name}"`);

    const res = await postForm(s, `/keys/${k.id}/settings`, EDIT);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/keys?done=saved');
    expect(await settingsOf(k.id)).toMatchObject({
      monthlyBudgetUsd: 30,
      dailyBudgetUsd: 2.5,
      weeklyBudgetUsd: null,
      tokensPerMinute: 12000,
      allowModels: ['gpt-4o', 'provider:groq'],
      denyModels: ['endpoint:groq/llama-3.1-8b-instant'],
      residency: 'eu',
      expiresAt: Date.parse('2031-05-06T07:08:09Z'),
      responseCache: { enabled: true, ttlSeconds: 900 },
    });
    // The form shows the stored values back, so re-submitting it unchanged changes nothing.
    const again = elementOf(await keysPage(s), `action="/dashboard/keys/${k.id}/settings"`, 'form');
    expect(again).toContain('value="2031-05-06T07:08:09.000Z"');
    expect(again).toMatch(/name="allowModels"[^>]*>gpt-4o\nprovider:groq<\/textarea>/);

    // Clearing: no allow list, no deny rules, no residency, no expiry, no token limit, cache off.
    const cleared = await postForm(s, `/keys/${k.id}/settings`, {
      ...EDIT,
      allowMode: 'any',
      denyModels: '',
      residency: '',
      expiresAt: '',
      tokensPerMinute: '',
      cacheEnabled: 'no',
    });
    expect(cleared.status).toBe(303);
    expect(await settingsOf(k.id)).toMatchObject({
      allowModels: null,
      denyModels: null,
      residency: null,
      expiresAt: null,
      tokensPerMinute: null,
      responseCache: { enabled: false, ttlSeconds: 900 },
    });
    // An allow list with no rules allows no model (as in the admin API), and is shown as such.
    expect((await postForm(s, `/keys/${k.id}/settings`, { allowMode: 'list', allowModels: '' })).status).toBe(303);
    expect(await settingsOf(k.id)).toMatchObject({ allowModels: [] });
    expect(field(rowOf(await keysPage(s), k.id), 'allow')).toBe('no model (empty allow list)');
  });

  it('refuses bad values with a visible error naming the field, and changes nothing', async () => {
    const team = `ctl-bad-${uid()}`;
    const k = await createTestKey({ name: 'guarded', team, settings: { tokensPerMinute: 100, residency: 'eu' } });
    const s = await signInAdmin(team);
    const before = await settingsOf(k.id);
    const bad: [Record<string, string>, string][] = [
      [{ residency: 'global' }, 'residency'],
      [{ residency: 'EU!' }, 'residency'],
      [{ expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ expiresAt: '1700000000' }, 'expiresAt'],
      [{ tokensPerMinute: '0' }, 'tokensPerMinute'],
      [{ tokensPerMinute: 'lots' }, 'tokensPerMinute'],
      [{ dailyBudgetUsd: '-1' }, 'dailyBudgetUsd'],
      [{ weeklyBudgetUsd: '0' }, 'weeklyBudgetUsd'],
      [{ cacheEnabled: 'yes', cacheTtlSeconds: '100000' }, 'responseCache.ttlSeconds'],
      [{ denyModels: 'x'.repeat(201) }, 'denyModels[0]'],
      [{ allowMode: 'list', allowModels: Array.from({ length: 201 }, (_, i) => `m${i}`).join('\n') }, 'allowModels'],
    ];
    for (const [body, param] of bad) {
      const res = await postForm(s, `/keys/${k.id}/settings`, { ...EDIT, ...body });
      expect(res.status, param).toBe(400);
      const html = await res.text();
      expect(alertOf(html), param).toContain(`Invalid value for '${param}'`);
      // The keys page itself, with the form still there to correct.
      expect(html).toContain(`action="/dashboard/keys/${k.id}/settings"`);
      // The same refusal the admin API gives for the same value.
      expect(await settingsOf(k.id), param).toEqual(before);
    }
    const viaAdmin = await admin(`/keys/${k.id}`, { method: 'PATCH', body: { residency: 'global' } });
    expect(viaAdmin.status).toBe(400);
    expect(((await viaAdmin.json()) as { error: { param: string } }).error.param).toBe('residency');
  });

  it('a managing key may not loosen the new controls beyond its own, and says so on the form', async () => {
    const team = `ctl-grant-${uid()}`;
    const own = {
      tokensPerMinute: 1000,
      dailyBudgetUsd: 1,
      allowModels: ['gpt-4o-mini'],
      residency: 'eu',
      expiresAt: '2030-01-01T00:00:00Z',
    };
    const manager = await createTestKey({ name: 'manager', team, scopes: ['api', 'dashboard', 'keys:manage'], settings: own });
    const operatorMade = await createTestKey({ name: 'operator-made', team });
    const s = await signIn(manager.key);
    const page = await keysPage(s);
    // The create form starts from the manager's own limits.
    const create = elementOf(page, 'action="/dashboard/keys"', 'form');
    expect(create).toMatch(/name="tokensPerMinute"[^>]*max="1000"[^>]*value="1000"/);
    expect(create).toMatch(/name="dailyBudgetUsd"[^>]*max="1"[^>]*required[^>]*value="1"/);
    expect(create).toContain('value="2030-01-01T00:00:00.000Z"');

    // Re-submitting the operator-made key's form with one edit changes only that field: the fields
    // the key leaves unset (no allow list, no residency, no expiry) are not "changes" held against the manager.
    const form = elementOf(page, `action="/dashboard/keys/${operatorMade.id}/settings"`, 'form');
    const values = Object.fromEntries(
      [...form.matchAll(/<(?:input|textarea|select)[^>]*name="(\w+)"/g)].map((m) => [m[1], currentValue(form, m[1])]),
    );
    delete values._csrf;
    const ok = await postForm(s, `/keys/${operatorMade.id}/settings`, { ...values, defaultStrategy: 'cost' });
    expect(ok.status, await ok.clone().text()).toBe(303);
    expect(await settingsOf(operatorMade.id)).toMatchObject({ defaultStrategy: 'cost' });
    expect((await settingsOf(operatorMade.id)).tokensPerMinute ?? null).toBeNull();

    const before = await settingsOf(operatorMade.id);
    for (const [body, message] of [
      [{ tokensPerMinute: '5000' }, 'token rate limit above its own 1000'],
      [{ residency: 'us' }, "residency other than its own 'eu'"],
      [{ allowMode: 'list', allowModels: 'gpt-4o' }, 'models outside its own allow list'],
      [{ expiresAt: '2031-01-01T00:00:00Z' }, 'an expiry after its own'],
    ] as const) {
      const res = await postForm(s, `/keys/${operatorMade.id}/settings`, { ...values, ...body });
      expect(res.status, message).toBe(403);
      expect(alertOf(await res.text()), message).toContain(message);
      expect(await settingsOf(operatorMade.id)).toEqual(before);
    }
  });
});

/** What a browser would submit for `name` in this form as rendered. */
function currentValue(form: string, name: string): string {
  const textarea = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(form);
  if (textarea) return textarea[1].replace(/&amp;/g, '&');
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(form);
  if (select) return /<option value="([^"]*)" selected/.exec(select[1])?.[1] ?? /<option value="([^"]*)"/.exec(select[1])![1];
  return new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(form)?.[1] ?? '';
}

describe('keys view: rotation and expiry', () => {
  it('rotates a key: the new secret is shown once, the old key is marked with its successor and grace end', async () => {
    const team = `ctl-rot-${uid()}`;
    const old = await createTestKey({ name: 'rotating', team, settings: { requestsPerMinute: 77 } });
    const s = await signInAdmin(team);
    const page = await keysPage(s);
    expect(rowOf(page, old.id)).toContain(`action="/dashboard/keys/${old.id}/rotate"`);

    const before = Date.now();
    const res = await postForm(s, `/keys/${old.id}/rotate`, { gracePeriodSeconds: '3600' });
    expect(res.status).toBe(200);
    const html = await res.text();
    const secret = /data-testid="new-key"[^>]*>(cai_[0-9A-Za-z]{40})</.exec(html)?.[1];
    expect(secret).toBeTruthy();
    expect((await ask(secret!)).status).toBe(200);
    expect((await ask(old.key)).status).toBe(200);

    const keys = ((await (await admin(`/keys?team=${team}`)).json()) as { data: KeyBody[] }).data;
    const fresh = keys.find((x) => x.rotatedFrom === old.id)!;
    expect(fresh.settings).toMatchObject({ requestsPerMinute: 77 });
    const graceEnd = (await settingsOf(old.id)).expiresAt as number;
    expect(graceEnd).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(graceEnd).toBeLessThanOrEqual(Date.now() + 3_600_000);

    const after = await keysPage(s);
    expect(after).not.toContain(secret!);
    const oldRow = rowOf(after, old.id);
    expect(oldRow).toContain('class="rotated"');
    const until = new Date(graceEnd)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z');
    expect(field(oldRow, 'status')).toBe(`rotated: replaced by rotating (${fresh.keyPrefix}…), works until ${until}`);
    expect(oldRow).toContain(`href="#key-${fresh.id}"`);
    expect(oldRow).not.toContain('/rotate"');
    const old8 = keys.find((x) => x.id === old.id)!.keyPrefix;
    expect(field(rowOf(after, fresh.id), 'lineage')).toBe(`replaces rotating (${old8}…)`);
  });

  it('a rotation with no grace period expires the old key at once, and it is marked expired', async () => {
    const team = `ctl-rot0-${uid()}`;
    const old = await createTestKey({ name: 'short', team });
    const s = await signInAdmin(team);
    expect((await postForm(s, `/keys/${old.id}/rotate`, { gracePeriodSeconds: '0' })).status).toBe(200);
    const res = await ask(old.key);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('key_expired');
    const row = rowOf(await keysPage(s), old.id);
    expect(row).toContain('class="expired"');
    expect(field(row, 'status')).toMatch(/^expired \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ; rotated: replaced by short/);
    expect(field(row, 'expires')).toMatch(/^expired \d{4}-/);
  });

  it('refuses an unknown grace period with a visible error and creates no key', async () => {
    const team = `ctl-rotbad-${uid()}`;
    const old = await createTestKey({ name: 'stays', team });
    const s = await signInAdmin(team);
    for (const grace of ['forever', '-1', '99999999', 'constructor']) {
      const res = await postForm(s, `/keys/${old.id}/rotate`, { gracePeriodSeconds: grace });
      expect(res.status, grace).toBe(400);
      expect(alertOf(await res.text())).toContain("Invalid value for 'gracePeriodSeconds'");
    }
    const keys = ((await (await admin(`/keys?team=${team}`)).json()) as { data: KeyBody[] }).data;
    expect(keys.map((x) => x.id)).toEqual([old.id]);
    expect((await settingsOf(old.id)).expiresAt).toBeNull();
  });

  it('a managing key may rotate only keys it could have created; the JSON API rotates too', async () => {
    const team = `ctl-rotgrant-${uid()}`;
    const manager = await createTestKey({
      name: 'manager',
      team,
      scopes: ['api', 'dashboard', 'keys:manage'],
      settings: { requestsPerMinute: 10 },
    });
    const big = await createTestKey({ name: 'big', team, settings: { requestsPerMinute: 1000 } });
    const small = await createTestKey({ name: 'small', team, settings: { requestsPerMinute: 5 } });
    const s = await signIn(manager.key);
    const refused = await postForm(s, `/keys/${big.id}/rotate`, { gracePeriodSeconds: '3600' });
    expect(refused.status).toBe(403);
    expect(alertOf(await refused.text())).toContain('rate limit above its own 10');
    const viaJson = await workerFetch(`${BASE}/dashboard/api/keys/${big.id}/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager.key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(viaJson.status).toBe(403);
    expect(((await viaJson.json()) as { error: { code: string } }).error.code).toBe('exceeds_own_limits');
    expect((await settingsOf(big.id)).expiresAt).toBeNull();

    const ok = await workerFetch(`${BASE}/dashboard/api/keys/${small.id}/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ gracePeriodSeconds: 60 }),
    });
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as KeyBody & { previous: { id: string; expiresAt: number } };
    expect(body.key).toMatch(/^cai_/);
    expect(body.rotatedFrom).toBe(small.id);
    expect(body.previous.id).toBe(small.id);
    expect(JSON.stringify(body)).not.toContain('keyHash');
    const bad = await workerFetch(`${BASE}/dashboard/api/keys/${small.id}/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ gracePeriodSeconds: -5 }),
    });
    expect(bad.status).toBe(400);
  });

  it('marks a key past its expiry as expired and offers no rotation for it', async () => {
    const team = `ctl-exp-${uid()}`;
    const k = await createTestKey({ name: 'lapsed', team });
    const at = Date.now() - 60_000;
    expect((await admin(`/keys/${k.id}`, { method: 'PATCH', body: { expiresAt: at } })).status).toBe(200);
    const row = rowOf(await keysPage(await signInAdmin(team)), k.id);
    const shown = new Date(at)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z');
    expect(row).toContain('class="expired"');
    expect(field(row, 'status')).toBe(`expired ${shown}`);
    expect(field(row, 'expires')).toBe(`expired ${shown}`);
    expect(row).not.toContain('/rotate"');
  });
});

describe('team panel', () => {
  async function teamWithHook(label: string, settings: Record<string, unknown>) {
    const id = `ctl-team-${label}-${uid()}`;
    const hook = `hook-${uid()}`;
    const secret = `whsec-test-${uid()}-${uid()}`;
    const res = await admin('/teams', {
      body: { id, name: `Team ${label}`, settings, alertWebhookUrl: `${RECEIVER}/hooks/${hook}`, alertWebhookSecret: secret },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return { id, hook, secret };
  }

  it('shows the team limits and budget windows with spend, the webhook (never its secret or path) and delivered alerts', async () => {
    const t = await teamWithHook('ok', {
      requestsPerMinute: 300,
      tokensPerMinute: 200000,
      dailyBudgetUsd: 4,
      monthlyBudgetUsd: 40,
      alertThresholds: [0.5, 1],
    });
    const k = await createTestKey({ name: 'alerted', team: t.id, settings: { monthlyBudgetUsd: 0.0000001 } });
    expect((await ask(k.key)).status).toBe(200);
    const s = await signInAdmin(t.id);
    const alerts = await waitFor(async () => {
      const body = (await (await dashGet(s, '/api/team')).json()) as { alerts: { status: string; threshold: number }[] };
      return body.alerts.filter((a) => a.status === 'delivered').length === 2 && body;
    }, 10_000);
    expect(alerts.alerts.map((a) => a.threshold).sort()).toEqual([0.5, 1]);

    const page = await keysPage(s);
    const panel = elementOf(page, 'data-testid="team-panel"', 'section');
    expect(panel).toContain('Team ok');
    expect(field(panel, 'team-rpm')).toBe('300 requests/min');
    expect(field(panel, 'team-tpm')).toBe('200,000 tokens/min');
    expect(field(panel, 'team-budgets')).toMatch(/daily \$4\.0000: \$0\.0\d+ spent, resets .*monthly \$40\.0000: \$0\.0\d+ spent, resets/);
    expect(field(panel, 'thresholds')).toBe('50%, 100%');
    expect(field(panel, 'webhook')).toBe(`configured (${new URL(RECEIVER).host})`);
    for (const hidden of [t.secret, t.hook, '/hooks/']) expect(page).not.toContain(hidden);
    const table = elementOf(panel, 'data-testid="alerts"', 'table');
    const rows = [...table.matchAll(/<tr data-alert-id[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    const month = new Date().toISOString().slice(0, 7);
    for (const r of rows) {
      expect(field(r, 'alert-scope')).toBe('key alerted');
      expect(field(r, 'alert-window')).toBe(`monthly ${month}`);
      expect(field(r, 'alert-threshold')).toMatch(/^(50|100)%$/);
      expect(field(r, 'alert-status')).toBe('delivered');
      expect(field(r, 'alert-attempts')).toBe('1');
    }
    const json = JSON.stringify(await (await dashGet(s, '/api/team')).json());
    // No alert payload either: its amounts went to the receiver, the view shows delivery state.
    for (const hidden of [t.secret, t.hook, 'payload', 'budget.threshold']) expect(json).not.toContain(hidden);
  });

  it('shows failing deliveries as retrying with their attempts and last error', async () => {
    const t = await teamWithHook('failing', { alertThresholds: [1] });
    await fetch(`${RECEIVER}/control/fail/${t.hook}?times=1000`, { method: 'POST' });
    const k = await createTestKey({ name: 'failing-key', team: t.id, settings: { dailyBudgetUsd: 0.0000001 } });
    expect((await ask(k.key)).status).toBe(200);
    const s = await signInAdmin(t.id);
    await waitFor(async () => {
      const body = (await (await dashGet(s, '/api/team')).json()) as { alerts: { attempts: number }[] };
      return body.alerts.length === 1 && body.alerts[0].attempts >= 1;
    }, 10_000);
    const row = elementOf(await keysPage(s), 'data-alert-id', 'tr');
    expect(field(row, 'alert-window')).toBe(`daily ${new Date().toISOString().slice(0, 10)}`);
    expect(field(row, 'alert-status')).toBe('retrying');
    expect(Number(field(row, 'alert-attempts'))).toBeGreaterThanOrEqual(1);
    expect(field(row, 'alert-error')).toBe('HTTP 500');
  });

  it('a team without a webhook or team-wide limits says so', async () => {
    const team = `ctl-team-none-${uid()}`;
    await createTestKey({ name: 'alone', team });
    const panel = elementOf(await keysPage(await signInAdmin(team)), 'data-testid="team-panel"', 'section');
    expect(field(panel, 'team-rpm')).toBe('no team-wide limit');
    expect(field(panel, 'team-tpm')).toBe('no team-wide limit');
    expect(field(panel, 'team-budgets')).toBe('none');
    expect(field(panel, 'webhook')).toBe('not configured');
    expect(panel).toContain('No spend alerts yet.');
  });
});

describe('cached answers in the feed and spend views', () => {
  it('marks cache hits in the feed, the trace and the spend totals', async () => {
    const team = `ctl-cache-${uid()}`;
    const k = await createTestKey({ name: 'cacher', team, settings: { responseCache: { enabled: true, ttlSeconds: 600 } } });
    const content = `cache me ${uid()}`;
    const first = await ask(k.key, content);
    expect(first.headers.get('x-cailos-cache')).toBe('miss');
    const firstId = ((await first.json()) as { id: string }).id.replace(/^chatcmpl-/, '');
    let hitId = '';
    await waitFor(async () => {
      const res = await ask(k.key, content);
      const body = (await res.json()) as { id: string };
      if (res.headers.get('x-cailos-cache') !== 'hit') return false;
      hitId = body.id.replace(/^chatcmpl-/, '');
      return true;
    });
    const s = await signInAdmin(team);
    const feed = await waitFor(async () => {
      const f = ((await (await dashGet(s, '/api/feed')).json()) as { data: { id: string; cached: boolean }[] }).data;
      return f.some((d) => d.id === hitId) && f.some((d) => d.id === firstId) && f;
    });
    expect(feed.find((d) => d.id === hitId)!.cached).toBe(true);
    expect(feed.find((d) => d.id === firstId)!.cached).toBe(false);

    const page = await (await dashGet(s, '/feed')).text();
    const hitRow = elementOf(page, `data-id="${hitId}"`, 'tr');
    expect(hitRow).toContain('data-cached="true"');
    expect(field(hitRow, 'cached')).toBe('cached');
    expect(elementOf(page, `data-id="${firstId}"`, 'tr')).not.toContain('data-field="cached"');

    const trace = await (await dashGet(s, `/decisions/${hitId}`)).text();
    expect(elementOf(trace, 'data-testid="decision-facts"', 'dl')).toMatch(/<dt>Answered from the response cache<\/dt><dd>yes<\/dd>/);

    const spend = (await (await dashGet(s, '/api/spend?window=1h')).json()) as { totals: { requests: number; cachedRequests: number } };
    expect(spend.totals.cachedRequests).toBeGreaterThanOrEqual(1);
    expect(spend.totals.cachedRequests).toBeLessThan(spend.totals.requests);
    const spendPage = await (await dashGet(s, '/spend?window=1h')).text();
    expect(field(spendPage, 'cached-total')).toBe(String(spend.totals.cachedRequests));
    // The live feed's script marks cached rows the same way.
    expect(await (await dashGet(null, '/assets/app.js')).text()).toContain("'data-cached'");
  });
});

describe('data & export panel', () => {
  const spendWith = async (s: DashSession, vars: Partial<Env>, path = '/spend') => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`${BASE}/dashboard${path}`, { headers: { cookie: s.cookie } }),
      { ...(env as unknown as Env), ...vars },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('shows the request-log retention in effect and whether OpenTelemetry export is on (host only)', async () => {
    const s = await signInAdmin(`ctl-data-${uid()}`);
    const plain = elementOf(await (await dashGet(s, '/spend')).text(), 'data-testid="data-export"', 'section');
    expect(field(plain, 'retention')).toBe('30 days (default; REQUEST_LOG_RETENTION_DAYS sets it)');
    expect(field(plain, 'otel')).toBe('off (OTEL_EXPORTER_OTLP_ENDPOINT not set)');

    const on = elementOf(
      await spendWith(s, {
        REQUEST_LOG_RETENTION_DAYS: '7',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:pa55@otel.example.com:4318/tenant-path?token=t0k',
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20sekrit-header',
      }),
      'data-testid="data-export"',
      'section',
    );
    expect(field(on, 'retention')).toBe('7 days (REQUEST_LOG_RETENTION_DAYS)');
    expect(field(on, 'otel')).toBe('on, to otel.example.com:4318');
    for (const hidden of ['pa55', 'user', 'tenant-path', 't0k', 'sekrit', 'authorization']) expect(on).not.toContain(hidden);

    const off = elementOf(
      await spendWith(s, {
        REQUEST_LOG_RETENTION_DAYS: 'soon',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com',
        OTEL_SDK_DISABLED: 'true',
      }),
      'data-testid="data-export"',
      'section',
    );
    expect(field(off, 'retention')).toBe('30 days (default; REQUEST_LOG_RETENTION_DAYS is not a whole number of days and is ignored)');
    expect(field(off, 'otel')).toBe('off (OTEL_SDK_DISABLED)');

    const json = JSON.parse(
      await spendWith(
        s,
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com/x', OTEL_EXPORTER_OTLP_HEADERS: 'k=sekrit' },
        '/api/data',
      ),
    ) as {
      retention: { requestLogDays: number; source: string };
      telemetry: { enabled: boolean; host: string | null };
    };
    expect(json).toMatchObject({
      retention: { requestLogDays: 30, source: 'default' },
      telemetry: { enabled: true, host: 'otel.example.com' },
    });
    expect(JSON.stringify(json)).not.toContain('sekrit');
  });
});
