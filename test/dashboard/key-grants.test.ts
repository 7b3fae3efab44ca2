import { describe, expect, it } from 'vitest';
import { admin, BASE, chat, createTestKey, workerFetch } from '../helpers/gateway';
import { dashGet, signIn } from './helpers';

/**
 * Team key management from the dashboard: viewing and managing are separate scopes, and a key that
 * manages others can never hand out (or take for itself) more than it holds.
 */

const json = { 'content-type': 'application/json' };

interface KeyBody {
  id: string;
  key?: string;
  scopes: string[];
  createdBy?: string | null;
  settings: Record<string, unknown>;
}

const bearer = (token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  workerFetch(`${BASE}/dashboard${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${token}`, ...json },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function settingsOf(id: string): Promise<Record<string, unknown>> {
  return ((await (await admin(`/keys/${id}`)).json()) as KeyBody).settings;
}

async function errorOf(res: Response): Promise<{ type: string; code: string; param: string | null; message: string }> {
  return ((await res.json()) as { error: { type: string; code: string; param: string | null; message: string } }).error;
}

const LIMITED = {
  requestsPerMinute: 2,
  monthlyBudgetUsd: 1,
  tier: 'free',
  minTrustLevel: 2,
  allowProviders: ['groq', 'tinfoil'],
  denyProviders: ['openrouter'],
  regions: ['us'],
};

describe('dashboard scopes: viewing is not managing', () => {
  it('a read-only dashboard key sees usage, logs and the key list but cannot create, edit or revoke keys (403)', async () => {
    const viewer = await createTestKey({ team: 'grant-ro', scopes: ['api', 'dashboard'], settings: { requestsPerMinute: 2 } });
    const other = await createTestKey({ team: 'grant-ro', name: 'other' });
    expect((await bearer(viewer.key, '/api/feed')).status).toBe(200);
    expect((await bearer(viewer.key, '/api/spend')).status).toBe(200);
    const list = (await (await bearer(viewer.key, '/api/keys')).json()) as { data: KeyBody[] };
    expect(list.data.map((k) => k.id)).toEqual(expect.arrayContaining([viewer.id, other.id]));

    // The self-raise: rpm 2 → 100,000 on its own key.
    const selfPatch = await bearer(viewer.key, `/api/keys/${viewer.id}`, {
      method: 'PATCH',
      body: { requestsPerMinute: 100_000, tier: 'paid', monthlyBudgetUsd: null },
    });
    expect(selfPatch.status).toBe(403);
    expect(await errorOf(selfPatch)).toMatchObject({ type: 'permission_error', code: 'insufficient_scope' });
    expect((await bearer(viewer.key, `/api/keys/${other.id}`, { method: 'PATCH', body: { requestsPerMinute: 1 } })).status).toBe(403);
    expect((await bearer(viewer.key, '/api/keys', { body: { name: 'minted' } })).status).toBe(403);
    expect((await bearer(viewer.key, `/api/keys/${other.id}/revoke`, { method: 'POST' })).status).toBe(403);
    expect(await settingsOf(viewer.id)).toMatchObject({ requestsPerMinute: 2 });
    expect((await chat(other.key, { model: 'auto', messages: [{ role: 'user', content: 'still here' }] })).status).toBe(200);
    const keys = ((await (await admin('/keys?team=grant-ro')).json()) as { data: KeyBody[] }).data;
    expect(keys.map((k) => k.id).sort()).toEqual([viewer.id, other.id].sort());

    // The browser path: same refusals, and the keys page offers no forms to a read-only viewer.
    const s = await signIn(viewer.key);
    const form = (path: string, body: Record<string, string>) =>
      workerFetch(`${BASE}/dashboard${path}`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: s.csrf, ...body }),
        redirect: 'manual',
      });
    expect((await form('/keys', { name: 'via-form', scopes: 'api' })).status).toBe(403);
    expect((await form(`/keys/${viewer.id}/settings`, { requestsPerMinute: '100000' })).status).toBe(403);
    expect((await form(`/keys/${other.id}/revoke`, {})).status).toBe(403);
    expect(await settingsOf(viewer.id)).toMatchObject({ requestsPerMinute: 2 });
    const page = await (await dashGet(s, '/keys')).text();
    expect(page).toContain(other.id);
    expect(page).not.toContain('action="/dashboard/keys"');
    expect(page).not.toContain('/settings"');
    expect(page).not.toContain('/revoke"');
  });

  it('a managing key cannot raise its own limits, but may tighten them', async () => {
    const k = await createTestKey({ team: 'grant-self', scopes: ['api', 'dashboard', 'keys:manage'], settings: LIMITED });
    for (const [field, value] of Object.entries({
      requestsPerMinute: 100_000,
      monthlyBudgetUsd: null,
      tier: 'paid',
      minTrustLevel: 0,
      allowProviders: ['groq', 'tinfoil', 'openai'],
      denyProviders: [],
      regions: ['us', 'eu'],
      shield: { mode: 'off' },
    })) {
      const res = await bearer(k.key, `/api/keys/${k.id}`, { method: 'PATCH', body: { [field]: value } });
      expect(res.status, field).toBe(403);
      expect(await errorOf(res), field).toMatchObject({ type: 'permission_error', code: 'exceeds_own_limits', param: field });
    }
    expect(await settingsOf(k.id)).toMatchObject(LIMITED);
    const tighter = await bearer(k.key, `/api/keys/${k.id}`, {
      method: 'PATCH',
      body: { requestsPerMinute: 1, monthlyBudgetUsd: 0.5, minTrustLevel: 3, allowProviders: ['tinfoil'] },
    });
    expect(tighter.status).toBe(200);
    expect(await settingsOf(k.id)).toMatchObject({
      requestsPerMinute: 1,
      monthlyBudgetUsd: 0.5,
      minTrustLevel: 3,
      allowProviders: ['tinfoil'],
    });
    // Back up to where it was is a raise too.
    expect((await bearer(k.key, `/api/keys/${k.id}`, { method: 'PATCH', body: { requestsPerMinute: 2 } })).status).toBe(403);
  });

  it('a managing key cannot mint a key with more than it has; unset limits default to its own', async () => {
    const parent = await createTestKey({ team: 'grant-mint', scopes: ['api', 'dashboard', 'keys:manage'], settings: LIMITED });
    const tooMuch: [string, Record<string, unknown>, string][] = [
      ['rpm', { settings: { requestsPerMinute: 100_000 } }, 'settings.requestsPerMinute'],
      ['no budget', { settings: { monthlyBudgetUsd: null } }, 'settings.monthlyBudgetUsd'],
      ['bigger budget', { settings: { monthlyBudgetUsd: 5 } }, 'settings.monthlyBudgetUsd'],
      ['paid tier', { settings: { tier: 'paid' } }, 'settings.tier'],
      ['lower trust', { settings: { minTrustLevel: 1 } }, 'settings.minTrustLevel'],
      ['wider allow list', { settings: { allowProviders: ['groq', 'openai'] } }, 'settings.allowProviders'],
      ['shorter deny list', { settings: { denyProviders: [] } }, 'settings.denyProviders'],
      ['more regions', { settings: { regions: ['us', 'eu'] } }, 'settings.regions'],
      ['shield off', { settings: { shield: { mode: 'off' } } }, 'settings.shield'],
    ];
    for (const [what, extra, param] of tooMuch) {
      const res = await bearer(parent.key, '/api/keys', { body: { name: `child-${what}`, ...extra } });
      expect(res.status, what).toBe(403);
      expect(await errorOf(res), what).toMatchObject({ type: 'permission_error', code: 'exceeds_own_limits', param });
    }
    const keys = ((await (await admin('/keys?team=grant-mint')).json()) as { data: KeyBody[] }).data;
    expect(keys.map((k) => k.id)).toEqual([parent.id]);

    // Within its limits it may create keys; what it leaves unset is its own value, not the global default.
    const made = await bearer(parent.key, '/api/keys', {
      body: { name: 'child', settings: { requestsPerMinute: 1, defaultStrategy: 'cost' } },
    });
    expect(made.status).toBe(201);
    const child = (await made.json()) as KeyBody;
    expect(child.scopes).toEqual(['api']);
    expect(child.createdBy).toBe(parent.id);
    expect(child.settings).toMatchObject({ ...LIMITED, requestsPerMinute: 1, defaultStrategy: 'cost' });
    expect((await chat(child.key!, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
  });

  it('a managing key cannot grant scopes it lacks, nor loosen another key beyond its own limits', async () => {
    const noApi = await createTestKey({ team: 'grant-other', scopes: ['dashboard', 'keys:manage'] });
    const denied = await bearer(noApi.key, '/api/keys', { body: { name: 'api-child', scopes: ['api'] } });
    expect(denied.status).toBe(403);
    expect(await errorOf(denied)).toMatchObject({ code: 'exceeds_own_limits', param: 'scopes' });
    expect((await bearer(noApi.key, '/api/keys', { body: { name: 'viewer', scopes: ['dashboard'] } })).status).toBe(201);

    const manager = await createTestKey({ team: 'grant-other', scopes: ['api', 'keys:manage'], settings: { requestsPerMinute: 10 } });
    // keys:manage includes the read-only view, so the manager may hand out 'dashboard'.
    expect((await bearer(manager.key, '/api/keys', { body: { name: 'dash', scopes: ['api', 'dashboard'] } })).status).toBe(201);
    const big = await createTestKey({ team: 'grant-other', settings: { requestsPerMinute: 600, monthlyBudgetUsd: 50 } });
    const raise = await bearer(manager.key, `/api/keys/${big.id}`, { method: 'PATCH', body: { requestsPerMinute: 1000 } });
    expect(raise.status).toBe(403);
    // Fields it does not change are not held against it (the operator set them); fields it changes must fit its own limits.
    const strategy = await bearer(manager.key, `/api/keys/${big.id}`, {
      method: 'PATCH',
      body: { defaultStrategy: 'speed', requestsPerMinute: 600 },
    });
    expect(strategy.status).toBe(200);
    expect((await bearer(manager.key, `/api/keys/${big.id}`, { method: 'PATCH', body: { requestsPerMinute: 5 } })).status).toBe(200);
    expect(await settingsOf(big.id)).toMatchObject({ defaultStrategy: 'speed', requestsPerMinute: 5, monthlyBudgetUsd: 50 });
  });

  it('in the browser, a managing key is offered its own limits and refused more, on the form', async () => {
    const k = await createTestKey({ team: 'grant-form', scopes: ['api', 'dashboard', 'keys:manage'], settings: LIMITED });
    const big = await createTestKey({ team: 'grant-form', name: 'operator-made', settings: { requestsPerMinute: 600, minTrustLevel: 0 } });
    const s = await signIn(k.key);
    const page = await (await dashGet(s, '/keys')).text();
    const newForm = page.slice(page.indexOf('action="/dashboard/keys"'), page.indexOf('</form>', page.indexOf('action="/dashboard/keys"')));
    expect(newForm).toMatch(/name="requestsPerMinute" type="number" min="1" max="2" value="2"/);
    expect(newForm).toMatch(/name="monthlyBudgetUsd"[^>]*max="1"[^>]*required[^>]*value="1"/);
    expect(newForm).not.toContain('value="off"');
    const trustSelect = newForm.slice(
      newForm.indexOf('name="minTrustLevel"'),
      newForm.indexOf('</select>', newForm.indexOf('name="minTrustLevel"')),
    );
    expect([...trustSelect.matchAll(/value="(\d)"/g)].map((m) => m[1])).toEqual(['2', '3']);
    const form = (path: string, body: Record<string, string>) =>
      workerFetch(`${BASE}/dashboard${path}`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: s.csrf, ...body }),
        redirect: 'manual',
      });
    const fields = { defaultStrategy: '', minTrustLevel: '2', monthlyBudgetUsd: '1', requestsPerMinute: '2', shieldMode: 'on' };
    const created = await form('/keys', { name: 'from-form', scopes: 'api', ...fields });
    expect(created.status).toBe(200);
    expect(await created.text()).toMatch(/data-testid="new-key"[^>]*>cai_/);
    const refused = await form('/keys', { name: 'too-fast', scopes: 'api', ...fields, requestsPerMinute: '3' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('rate limit above its own 2 requests per minute');
    // The edit form of a key the operator made re-submits its current values: that changes nothing, so it is allowed.
    const resubmit = await form(`/keys/${big.id}/settings`, {
      ...fields,
      minTrustLevel: '0',
      monthlyBudgetUsd: '',
      requestsPerMinute: '600',
      defaultStrategy: 'cost',
    });
    expect(resubmit.status).toBe(303);
    expect(await settingsOf(big.id)).toMatchObject({
      defaultStrategy: 'cost',
      requestsPerMinute: 600,
      minTrustLevel: 0,
      monthlyBudgetUsd: null,
    });
    expect(
      (await form(`/keys/${big.id}/settings`, { ...fields, minTrustLevel: '0', monthlyBudgetUsd: '', requestsPerMinute: '700' })).status,
    ).toBe(403);
    expect(await settingsOf(big.id)).toMatchObject({ requestsPerMinute: 600 });
  });

  it('revoking a key revokes the keys it minted, and theirs', async () => {
    const parent = await createTestKey({ team: 'grant-tree', scopes: ['api', 'dashboard', 'keys:manage'] });
    const child = (await (
      await bearer(parent.key, '/api/keys', { body: { name: 'child', scopes: ['api', 'keys:manage'] } })
    ).json()) as KeyBody;
    const grandchild = (await (await bearer(child.key!, '/api/keys', { body: { name: 'grandchild' } })).json()) as KeyBody;
    expect(grandchild.createdBy).toBe(child.id);
    const sibling = await createTestKey({ team: 'grant-tree', name: 'operator-made' });
    for (const k of [child, grandchild])
      expect((await chat(k.key!, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);

    expect((await admin(`/keys/${parent.id}/revoke`, { method: 'POST' })).status).toBe(200);
    for (const k of [child, grandchild])
      expect((await chat(k.key!, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(401);
    expect((await chat(sibling.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    const keys = ((await (await admin('/keys?team=grant-tree')).json()) as { data: (KeyBody & { revokedAt: number | null })[] }).data;
    expect(
      keys
        .filter((k) => k.revokedAt)
        .map((k) => k.id)
        .sort(),
    ).toEqual([parent.id, child.id, grandchild.id].sort());
  });

  it('the operator (admin secret) can still set anything, in the admin API and the dashboard', async () => {
    const res = await admin('/keys', {
      body: {
        name: 'op',
        team: 'grant-op',
        scopes: ['api', 'dashboard', 'keys:manage'],
        settings: { requestsPerMinute: 100_000, tier: 'paid' },
      },
    });
    expect(res.status).toBe(201);
    const k = (await res.json()) as KeyBody;
    expect(k).toMatchObject({ scopes: ['api', 'dashboard', 'keys:manage'], createdBy: null, settings: { requestsPerMinute: 100_000 } });
    const viaDash = await bearer(`test-admin-secret`, `/api/keys?team=grant-op`, {
      body: { name: 'big', scopes: ['api', 'keys:manage'], settings: { requestsPerMinute: 50_000 } },
    });
    expect(viaDash.status).toBe(201);
    expect((await admin(`/keys/${k.id}`, { method: 'PATCH', body: { requestsPerMinute: 1 } })).status).toBe(200);
  });
});
