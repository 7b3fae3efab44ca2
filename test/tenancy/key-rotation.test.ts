import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { admin, BASE, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';

/**
 * POST /admin/keys/:id/rotate: a new key with the same team, scopes and settings, its secret shown
 * once; the old key keeps working for a grace period, then expires.
 */

interface KeyBody {
  id: string;
  key?: string;
  teamId: string;
  name: string;
  scopes: string[];
  settings: Record<string, unknown> & { expiresAt: number | null };
  rotatedFrom?: string | null;
  createdBy?: string | null;
}

interface RotateBody extends KeyBody {
  previous: { id: string; expiresAt: number };
}

const ask = (key: string) => openaiClient(key).chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'Say hi.' }] });

async function status(p: Promise<unknown>): Promise<{ status: number; code?: string | null }> {
  try {
    await p;
    return { status: 200 };
  } catch (err) {
    if (err instanceof OpenAI.APIError) return { status: err.status ?? 0, code: err.code };
    throw err;
  }
}

const rotate = (id: string, body?: unknown) => admin(`/keys/${id}/rotate`, { method: 'POST', body: body ?? {} });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('key rotation', () => {
  it('returns a new key with the same team, scopes and settings; both work during the grace period, only the new one after', async () => {
    const settings = { requestsPerMinute: 77, denyModels: ['gpt-4o'], residency: 'eu', minTrustLevel: 1 };
    const old = await createTestKey({ name: 'rotating', team: 'team-rotate', scopes: ['api', 'dashboard'], settings });
    expect((await status(ask(old.key))).status).toBe(200);

    const before = Date.now();
    const res = await rotate(old.id, { gracePeriodSeconds: 1 });
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as RotateBody;
    expect(fresh.key).toMatch(/^cai_[0-9A-Za-z]{40}$/);
    expect(fresh.key).not.toBe(old.key);
    expect(fresh.id).not.toBe(old.id);
    expect(fresh).toMatchObject({ teamId: 'team-rotate', name: 'rotating', scopes: ['api', 'dashboard'], rotatedFrom: old.id });
    expect(fresh.settings).toMatchObject(settings);
    expect(fresh.previous.id).toBe(old.id);
    expect(fresh.previous.expiresAt).toBeGreaterThanOrEqual(before + 1_000);
    expect(fresh.previous.expiresAt).toBeLessThanOrEqual(Date.now() + 1_000);

    // The secret is shown once: reading the key back never returns it.
    const readBack = (await (await admin(`/keys/${fresh.id}`)).json()) as KeyBody;
    expect(readBack.key).toBeUndefined();
    expect(readBack.rotatedFrom).toBe(old.id);
    const oldBack = (await (await admin(`/keys/${old.id}`)).json()) as KeyBody;
    expect(oldBack.settings.expiresAt).toBe(fresh.previous.expiresAt);

    // Grace period: both keys are valid.
    expect((await status(ask(old.key))).status).toBe(200);
    expect((await status(ask(fresh.key!))).status).toBe(200);

    await sleep(Math.max(0, fresh.previous.expiresAt - Date.now()) + 100);
    expect(await status(ask(old.key))).toEqual({ status: 401, code: 'key_expired' });
    expect((await status(ask(fresh.key!))).status).toBe(200);
  });

  it('the grace period defaults to 24 hours and never extends an earlier expiry', async () => {
    const k = await createTestKey({ name: 'default-grace' });
    const before = Date.now();
    const fresh = (await (await rotate(k.id)).json()) as RotateBody;
    const day = 24 * 3600 * 1000;
    expect(fresh.previous.expiresAt).toBeGreaterThanOrEqual(before + day);
    expect(fresh.previous.expiresAt).toBeLessThanOrEqual(Date.now() + day);
    expect((await status(ask(k.key))).status).toBe(200);

    const soon = Date.now() + 60_000;
    const short = await createTestKey({ name: 'expires-soon', settings: { expiresAt: soon } });
    const rotated = (await (await rotate(short.id, { gracePeriodSeconds: 3600 })).json()) as RotateBody;
    expect(rotated.previous.expiresAt).toBe(soon);
    // The new key keeps the same absolute expiry unless the rotation sets another one.
    expect(rotated.settings.expiresAt).toBe(soon);
    const renewed = (await (await rotate(rotated.id, { expiresAt: '2099-01-01T00:00:00Z' })).json()) as RotateBody;
    expect(renewed.settings.expiresAt).toBe(Date.parse('2099-01-01T00:00:00Z'));
  });

  it('refuses unknown and revoked keys (404), bad grace periods (400), and a new key that would be born expired (400)', async () => {
    expect((await rotate('key_doesnotexist')).status).toBe(404);
    const revoked = await createTestKey({ name: 'revoked' });
    await admin(`/keys/${revoked.id}/revoke`, { method: 'POST' });
    expect((await rotate(revoked.id)).status).toBe(404);

    const k = await createTestKey({ name: 'bad-grace' });
    for (const gracePeriodSeconds of [-1, 1.5, 31 * 24 * 3600, 'soon']) {
      const res = await rotate(k.id, { gracePeriodSeconds });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe('gracePeriodSeconds');
    }
    const expired = await createTestKey({ name: 'already-expired', settings: { expiresAt: Date.now() - 1_000 } });
    const res = await rotate(expired.id);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('expiresAt');
    // Nothing was created or changed: the team still has only its original keys.
    expect((await status(ask(k.key))).status).toBe(200);
  });

  it('keys the old key minted move to the new one, so revoking the new key still revokes them', async () => {
    const manager = await createTestKey({ name: 'manager', team: 'team-rot-mint', scopes: ['api', 'dashboard', 'keys:manage'] });
    const minted = await workerFetch(`${BASE}/dashboard/api/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'child' }),
    });
    expect(minted.status).toBe(201);
    const child = (await minted.json()) as KeyBody;

    const fresh = (await (await rotate(manager.id, { gracePeriodSeconds: 0 })).json()) as RotateBody;
    expect(((await (await admin(`/keys/${child.id}`)).json()) as KeyBody).createdBy).toBe(fresh.id);
    expect(await status(ask(manager.key))).toEqual({ status: 401, code: 'key_expired' });
    expect((await status(ask(child.key!))).status).toBe(200);

    const revoke = (await (await admin(`/keys/${fresh.id}/revoke`, { method: 'POST' })).json()) as { alsoRevoked: number };
    expect(revoke.alsoRevoked).toBe(1);
    expect((await status(ask(child.key!))).status).toBe(401);
  });
});
