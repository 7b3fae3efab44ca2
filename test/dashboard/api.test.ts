import { afterAll, describe, expect, it } from 'vitest';
import { admin, BASE, chat, clearFaults, createTestKey, workerFetch } from '../helpers/gateway';
import { type DashSession, dashGet, signInAdmin, waitFor } from './helpers';

interface FeedItem {
  id: string;
  createdAt: number;
  keyId: string;
  model: string | null;
  provider: string | null;
  status: number;
  costUsd: number;
  baselineCostUsd: number;
}

const SECRET_PROMPT = 'zebra-cobalt-77 my private note';
const json = { 'content-type': 'application/json' };

async function feedOf(s: DashSession): Promise<FeedItem[]> {
  return ((await (await dashGet(s, '/api/feed?limit=200')).json()) as { data: FeedItem[] }).data;
}

async function send(key: string, model = 'auto'): Promise<string> {
  const res = await chat(key, { model, messages: [{ role: 'user', content: SECRET_PROMPT }] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id.replace(/^chatcmpl-/, '');
}

afterAll(async () => {
  await clearFaults();
  await admin('/breakers', { method: 'DELETE' });
});

describe('dashboard data views', () => {
  it('shows a team its own decisions, traces, spend and keys — and never another team’s', async () => {
    const a = await createTestKey({ team: 'iso-a', name: 'a-main' });
    const b = await createTestKey({ team: 'iso-b', name: 'b-main' });
    const idA = await send(a.key);
    const idB = await send(b.key);
    const sa = await signInAdmin('iso-a');
    const sb = await signInAdmin('iso-b');

    const feedA = await waitFor(async () => {
      const f = await feedOf(sa);
      return f.some((d) => d.id === idA) && f;
    });
    expect(feedA.every((d) => d.keyId === a.id)).toBe(true);
    expect(feedA.some((d) => d.id === idB)).toBe(false);
    const row = feedA.find((d) => d.id === idA)!;
    expect(row).toMatchObject({ status: 200 });
    expect(row.model).toBeTruthy();
    expect(row.provider).toBeTruthy();
    await waitFor(async () => (await feedOf(sb)).some((d) => d.id === idB));

    // The trace: own decision readable, other team's decision is a 404 (page and JSON).
    const trace = (await (await dashGet(sa, `/api/decisions/${idA}`)).json()) as {
      id: string;
      trace: { chain: string[]; attempts: unknown[] };
    };
    expect(trace.id).toBe(idA);
    expect(trace.trace.chain.length).toBeGreaterThan(0);
    expect(trace.trace.attempts.length).toBeGreaterThan(0);
    expect((await dashGet(sa, `/api/decisions/${idB}`)).status).toBe(404);
    expect((await dashGet(sa, `/decisions/${idB}`)).status).toBe(404);
    const page = await (await dashGet(sa, `/decisions/chatcmpl-${idA}`)).text();
    expect(page).toContain(idA);
    expect(page).toContain(row.model!);

    // Feed page server-renders the row with a link to its trace; the other team's id is absent.
    const feedPage = await (await dashGet(sa, '/feed')).text();
    expect(feedPage).toContain(`href="/dashboard/decisions/${idA}"`);
    expect(feedPage).not.toContain(idB);

    // Spend counts this team only.
    const spendA = (await (await dashGet(sa, '/api/spend?window=1h')).json()) as {
      totals: { requests: number; costUsd: number; baselineCostUsd: number };
      byModel: { model: string }[];
      buckets: unknown[];
    };
    expect(spendA.totals.requests).toBe(feedA.length);
    expect(spendA.totals.costUsd).toBeCloseTo(
      feedA.reduce((s, d) => s + d.costUsd, 0),
      10,
    );
    expect(spendA.totals.baselineCostUsd).toBeCloseTo(
      feedA.reduce((s, d) => s + d.baselineCostUsd, 0),
      10,
    );
    expect(spendA.byModel.map((m) => m.model)).toContain(row.model);
    expect(spendA.buckets.length).toBe(61);

    // Keys: only this team's, and writes to the other team's key ids do nothing.
    const keysA = ((await (await dashGet(sa, '/api/keys')).json()) as { data: { id: string; teamId: string }[] }).data;
    expect(keysA.map((k) => k.id)).toContain(a.id);
    expect(keysA.every((k) => k.teamId === 'iso-a')).toBe(true);
    const revokeB = await workerFetch(`${BASE}/dashboard/api/keys/${b.id}/revoke`, {
      method: 'POST',
      headers: { cookie: sa.cookie, 'x-csrf-token': sa.csrf },
    });
    expect(revokeB.status).toBe(404);
    const patchB = await workerFetch(`${BASE}/dashboard/api/keys/${b.id}`, {
      method: 'PATCH',
      headers: { cookie: sa.cookie, 'x-csrf-token': sa.csrf, ...json },
      body: JSON.stringify({ requestsPerMinute: 1 }),
    });
    expect(patchB.status).toBe(404);
    expect((await chat(b.key, { model: 'auto', messages: [{ role: 'user', content: 'still works' }] })).status).toBe(200);

    // Privacy: no prompt text anywhere in what the dashboard serves.
    for (const path of ['/feed', `/decisions/${idA}`, '/spend', '/keys', '/api/feed', `/api/decisions/${idA}`, '/api/spend']) {
      expect(await (await dashGet(sa, path)).text()).not.toContain('zebra-cobalt');
    }
  });

  it('creates a key (shown once), changes its settings and revokes it: the revoked key then gets 401', async () => {
    const s = await signInAdmin('keys-t1');
    const created = await workerFetch(`${BASE}/dashboard/api/keys`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...json },
      body: JSON.stringify({ name: 'ci', scopes: ['api'], settings: { defaultStrategy: 'cost', monthlyBudgetUsd: 5 } }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      key: string;
      id: string;
      teamId: string;
      settings: { defaultStrategy: string; monthlyBudgetUsd: number };
    };
    expect(body.key).toMatch(/^cai_[0-9A-Za-z]{40}$/);
    expect(body).toMatchObject({ teamId: 'keys-t1', settings: { defaultStrategy: 'cost', monthlyBudgetUsd: 5 } });
    // The listing never shows the key again.
    const list = await (await dashGet(s, '/api/keys')).text();
    expect(list).toContain(body.id);
    expect(list).not.toContain(body.key);
    expect(await (await dashGet(s, '/keys')).text()).not.toContain(body.key);

    await send(body.key);

    // Settings through the HTML form (the path a browser takes).
    const form = new URLSearchParams({
      _csrf: s.csrf,
      defaultStrategy: 'quality',
      minTrustLevel: '2',
      monthlyBudgetUsd: '',
      requestsPerMinute: '42',
      shieldMode: 'off',
    });
    const saved = await workerFetch(`${BASE}/dashboard/keys/${body.id}/settings`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    expect(saved.status).toBe(303);
    const after = (
      (await (await dashGet(s, '/api/keys')).json()) as { data: { id: string; settings: Record<string, unknown> }[] }
    ).data.find((k) => k.id === body.id)!;
    expect(after.settings).toMatchObject({
      defaultStrategy: 'quality',
      minTrustLevel: 2,
      monthlyBudgetUsd: null,
      requestsPerMinute: 42,
      shield: { mode: 'off' },
    });
    // A JSON patch changes only what it names.
    const patched = await workerFetch(`${BASE}/dashboard/api/keys/${body.id}`, {
      method: 'PATCH',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...json },
      body: JSON.stringify({ requestsPerMinute: 99 }),
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { settings: Record<string, unknown> }).settings).toMatchObject({
      defaultStrategy: 'quality',
      minTrustLevel: 2,
      requestsPerMinute: 99,
      shield: { mode: 'off' },
    });
    const bad = await workerFetch(`${BASE}/dashboard/api/keys/${body.id}`, {
      method: 'PATCH',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...json },
      body: JSON.stringify({ minTrustLevel: 9 }),
    });
    expect(bad.status).toBe(400);

    const revoke = await workerFetch(`${BASE}/dashboard/keys/${body.id}/revoke`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.csrf }),
      redirect: 'manual',
    });
    expect(revoke.status).toBe(303);
    const denied = await chat(body.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] });
    expect(denied.status).toBe(401);
    const keysPage = await (await dashGet(s, '/keys?done=revoked')).text();
    expect(keysPage).toMatch(new RegExp(`data-key-id="${body.id}" class="revoked"`));
  });

  it('shows a tripped breaker as open on the endpoints view', async () => {
    const s = await signInAdmin('brk-t1');
    const k = await createTestKey({ team: 'brk-t1' });
    const endpoints = ((await (await dashGet(s, '/api/endpoints')).json()) as { data: { id: string; breaker: { state: string } }[] }).data;
    expect(endpoints.length).toBeGreaterThan(10);
    expect(endpoints.every((e) => ['closed', 'open', 'half_open'].includes(e.breaker.state))).toBe(true);
    const target = endpoints.find((e) => e.id.startsWith('anthropic/'))?.id ?? endpoints[endpoints.length - 1].id;
    await admin('/sim/faults', { body: { target, fault: 'http_503' } });
    for (let i = 0; i < 4; i++) await chat(k.key, { model: target, messages: [{ role: 'user', content: 'hi' }] });
    const view = await waitFor(async () => {
      const data = (
        (await (await dashGet(s, '/api/endpoints?window=1h')).json()) as {
          data: { id: string; breaker: { state: string }; traffic: { failed: number; errorRate: number | null } }[];
        }
      ).data;
      const e = data.find((x) => x.id === target);
      // Log rows land in per-isolate batches (src/db/request-log.ts), possibly after the breaker opens.
      return e?.breaker.state === 'open' && e.traffic.failed > 0 && e;
    });
    expect(view.traffic.failed).toBeGreaterThan(0);
    const html = await (await dashGet(s, '/endpoints?window=1h')).text();
    const row = html.slice(html.indexOf(`data-endpoint="${target}"`));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/data-state="open"[^>]*>open</);
  });

  it('serves uPlot and its own script from the worker, with no CDN reference', async () => {
    const js = await workerFetch(`${BASE}/dashboard/assets/uplot.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(40_000);
    expect(await (await workerFetch(`${BASE}/dashboard/assets/uplot.css`)).text()).toContain('.uplot');
    const app = await (await workerFetch(`${BASE}/dashboard/assets/app.js`)).text();
    expect(app).toContain('/dashboard/api/feed');
    const s = await signInAdmin('assets-t1');
    const spend = await (await dashGet(s, '/spend')).text();
    expect(spend).toContain('src="/dashboard/assets/uplot.js"');
    expect(spend).not.toMatch(/https?:\/\/(?!gateway\.test)/);
    expect((await workerFetch(`${BASE}/dashboard/assets/nope.js`)).status).toBe(404);
  });
});
