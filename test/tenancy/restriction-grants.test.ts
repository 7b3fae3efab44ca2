import { describe, expect, it } from 'vitest';
import { admin, BASE, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * Model rules, residency and expiry are limits: a managing key cannot hand out, or take for itself,
 * a key without them, and the keys it mints inherit them.
 */

const OWN = {
  allowModels: ['llama-3.3-70b', 'gpt-oss-120b'],
  denyModels: ['provider:groq'],
  residency: 'eu',
  expiresAt: Date.parse('2099-01-01T00:00:00Z'),
};

const dash = (token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  workerFetch(`${BASE}/dashboard/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function errorOf(res: Response): Promise<{ code: string; param: string | null }> {
  return ((await res.json()) as { error: { code: string; param: string | null } }).error;
}

describe('grants: model rules, residency and expiry', () => {
  it('a managing key cannot lift its own model rules, residency or expiry', async () => {
    const k = await createTestKey({ team: 'grant-restrict', scopes: ['api', 'dashboard', 'keys:manage'], settings: OWN });
    for (const [field, value] of Object.entries({
      allowModels: ['llama-3.3-70b', 'gpt-oss-120b', 'gpt-4o'],
      denyModels: [],
      residency: null,
      expiresAt: null,
    })) {
      const res = await dash(k.key, `/keys/${k.id}`, { method: 'PATCH', body: { [field]: value } });
      expect(res.status, field).toBe(403);
      expect(await errorOf(res), field).toMatchObject({ code: 'exceeds_own_limits', param: field });
    }
    const later = await dash(k.key, `/keys/${k.id}`, { method: 'PATCH', body: { expiresAt: '2100-01-01T00:00:00Z' } });
    expect(await errorOf(later)).toMatchObject({ code: 'exceeds_own_limits', param: 'expiresAt' });
    const otherRegion = await dash(k.key, `/keys/${k.id}`, { method: 'PATCH', body: { residency: 'us' } });
    expect(await errorOf(otherRegion)).toMatchObject({ code: 'exceeds_own_limits', param: 'residency' });
    // Tightening is fine.
    const tighter = await dash(k.key, `/keys/${k.id}`, {
      method: 'PATCH',
      body: { allowModels: ['llama-3.3-70b'], denyModels: ['provider:groq', 'openai'], expiresAt: '2098-01-01T00:00:00Z' },
    });
    expect(tighter.status).toBe(200);
  });

  it('keys it mints inherit the four limits, and cannot be minted without them', async () => {
    const k = await createTestKey({ team: 'grant-mint', scopes: ['api', 'dashboard', 'keys:manage'], settings: OWN });
    const minted = await dash(k.key, '/keys', { body: { name: 'child' } });
    expect(minted.status).toBe(201);
    const child = (await minted.json()) as { id: string };
    const stored = ((await (await admin(`/keys/${child.id}`)).json()) as { settings: Record<string, unknown> }).settings;
    expect(stored).toMatchObject(OWN);

    const escape = await dash(k.key, '/keys', { body: { name: 'escape', settings: { residency: null } } });
    expect(escape.status).toBe(403);
    expect(await errorOf(escape)).toMatchObject({ code: 'exceeds_own_limits', param: 'settings.residency' });
  });
});
