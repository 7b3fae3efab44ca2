import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/tenancy';
import { admin, apiRefusal, BASE, createTestKey, env, openaiClient, workerFetch } from '../helpers/gateway';

/**
 * `expiresAt` on a key: past it, every /v1 call is refused with 401 `key_expired`, checked against the
 * record the isolate already holds (no lookup), and the dashboard no longer accepts the key either.
 */

const ask = (key: string) => openaiClient(key).chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'Say hi.' }] });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('key expiry', () => {
  it('a key whose expiresAt the operator sets in the past is refused with 401 key_expired', async () => {
    const k = await createTestKey({ name: 'expiring' });
    expect((await ask(k.key)).choices[0].message).toBeDefined();

    const patched = await admin(`/keys/${k.id}`, { method: 'PATCH', body: { expiresAt: '2020-01-01T00:00:00Z' } });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { settings: { expiresAt: number } }).settings.expiresAt).toBe(Date.parse('2020-01-01T00:00:00Z'));

    const err = await apiRefusal(ask(k.key));
    expect(err.status).toBe(401);
    expect(err.code).toBe('key_expired');
    expect(err.type).toBe('authentication_error');
    expect(err.message).toContain('2020-01-01T00:00:00.000Z');

    // Clearing the expiry brings the key back (the operator may set anything).
    expect((await admin(`/keys/${k.id}`, { method: 'PATCH', body: { expiresAt: null } })).status).toBe(200);
    expect((await ask(k.key)).choices[0].message).toBeDefined();
  });

  it('expiry is checked on the cached key record: no lookup is needed for the key to stop working', async () => {
    const k = await createTestKey({ name: 'cached-expiry', settings: { expiresAt: Date.now() + 1_500 } });
    expect((await ask(k.key)).choices[0].message).toBeDefined();
    // Take the key out of D1 and KV: only the isolate's cached record still knows it. A lookup would
    // now find nothing (invalid_api_key); `key_expired` can only come from the cached record.
    await env.DB.prepare('DELETE FROM api_keys WHERE id = ?').bind(k.id).run();
    await env.KV.delete(`key:${await hashApiKey(k.key, 'test-pepper')}`);
    expect((await ask(k.key)).choices[0].message).toBeDefined();
    await sleep(1_600);
    const err = await apiRefusal(ask(k.key));
    expect(err.status).toBe(401);
    expect(err.code).toBe('key_expired');
  });

  it('accepts an ISO date or epoch milliseconds, and refuses epoch seconds and garbage with 400 naming the field', async () => {
    const iso = await createTestKey({ name: 'iso', settings: { expiresAt: '2099-05-01T12:00:00Z' } });
    const stored = (await (await admin(`/keys/${iso.id}`)).json()) as { settings: { expiresAt: number } };
    expect(stored.settings.expiresAt).toBe(Date.parse('2099-05-01T12:00:00Z'));
    expect((await ask(iso.key)).choices[0].message).toBeDefined();

    for (const bad of [1_900_000_000, 'next tuesday', true]) {
      const res = await admin('/keys', { body: { name: 'bad-expiry', settings: { expiresAt: bad } } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe('settings.expiresAt');
    }
  });

  it('an expired key can no longer sign in to the dashboard', async () => {
    const k = await createTestKey({ name: 'expired-viewer', team: 'exp-dash', scopes: ['api', 'dashboard'] });
    const feed = () => workerFetch(`${BASE}/dashboard/api/feed`, { headers: { authorization: `Bearer ${k.key}` } });
    expect((await feed()).status).toBe(200);
    await admin(`/keys/${k.id}`, { method: 'PATCH', body: { expiresAt: Date.now() - 1_000 } });
    expect((await feed()).status).toBe(401);
  });
});
