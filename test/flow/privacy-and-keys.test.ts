import { describe, expect, it } from 'vitest';
import { flushRequestLog } from '../../src/db/request-log';
import { hashApiKey, looksLikeApiKey, generateApiKey } from '../../src/tenancy/keys';
import { parseKeyCreateArgs } from '../../scripts/lib/key-args';
import { admin, ADMIN_SECRET, BASE, chat, createTestKey, env, workerFetch } from '../helpers/gateway';
import { storedD1Text, storedKvText } from '../helpers/stored-text';

describe('privacy: prompt and response text is never stored', () => {
  it('a unique marker sent in a prompt (and echoed in the answer) appears in no D1 row and no KV value', async () => {
    const { key } = await createTestKey({ name: 'privacy' });
    const marker = `MARKER-${crypto.randomUUID()}`;
    const plain = await chat(key, {
      model: 'auto',
      messages: [
        { role: 'system', content: `sys ${marker}` },
        { role: 'user', content: `Please repeat ${marker}` },
      ],
    });
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain(marker); // the simulated model echoes it back: it did travel
    const streamed = await chat(key, { model: 'auto', stream: true, messages: [{ role: 'user', content: `stream ${marker}` }] });
    expect(await streamed.text()).toContain(marker);
    const tool = await chat(key, {
      model: 'auto',
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
      messages: [{ role: 'user', content: `lookup ${marker}` }],
    });
    expect(tool.status).toBe(200);
    await new Promise((r) => setTimeout(r, 10));
    await flushRequestLog(); // rows are written behind, in per-isolate batches
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM request_log').first<{ n: number }>();
    expect(rows!.n).toBeGreaterThanOrEqual(3);
    expect(await storedD1Text()).not.toContain(marker);
    expect(await storedKvText()).not.toContain(marker);
  });
});

describe('keys', () => {
  it('are cai_ + 40 base62 characters, random, and stored only as a peppered hash', async () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).toMatch(/^cai_[0-9A-Za-z]{40}$/);
    expect(a).not.toBe(b);
    expect(looksLikeApiKey(a)).toBe(true);
    expect(looksLikeApiKey('cai_short')).toBe(false);
    const h1 = await hashApiKey(a, 'pepper-1');
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashApiKey(a, 'pepper-2')).not.toBe(h1);

    const created = await createTestKey({ name: 'hash-check' });
    const row = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?').bind(created.id).first<Record<string, string>>();
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(row!.key_hash).toBe(await hashApiKey(created.key, 'test-pepper'));
    expect(row!.key_prefix).toBe(created.key.slice(0, 8));
  });

  it('the key is shown once: listing and reading never return it', async () => {
    const created = await createTestKey({ name: 'shown-once' });
    const list = await (await admin('/keys')).text();
    expect(list).not.toContain(created.key);
    expect(list).toContain(created.id);
    const one = await (await admin(`/keys/${created.id}`)).text();
    expect(one).not.toContain(created.key);
    expect(one).not.toContain('keyHash');
  });

  it('revocation takes effect immediately on the isolate that served it', async () => {
    const created = await createTestKey({ name: 'revoke-now' });
    expect((await chat(created.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    await admin(`/keys/${created.id}/revoke`, { method: 'POST' });
    expect((await chat(created.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(401);
    expect((await admin(`/keys/${created.id}/revoke`, { method: 'POST' })).status).toBe(404);
  });

  it('settings changes apply: default strategy and minimum trust level', async () => {
    const created = await createTestKey({ name: 'settings', settings: { defaultStrategy: 'cost', minTrustLevel: 3 } });
    const res = await chat(created.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-strategy')).toBe('cost');
    expect(res.headers.get('x-cailos-provider')).toBe('tinfoil');
    const patched = await admin(`/keys/${created.id}`, { method: 'PATCH', body: { defaultStrategy: 'speed', minTrustLevel: 0 } });
    expect(patched.status).toBe(200);
    const after = await chat(created.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] });
    expect(after.headers.get('x-cailos-strategy')).toBe('speed');
  });

  it('free-tier keys are forced to the cost strategy', async () => {
    const created = await createTestKey({ name: 'free', settings: { tier: 'free' } });
    const res = await chat(created.key, { model: 'auto:quality', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.headers.get('x-cailos-strategy')).toBe('cost');
  });

  it('the admin API and `npm run key:create` make API-only keys unless told otherwise', async () => {
    const res = await admin('/keys', { body: { name: 'default-scopes', team: 'team-test' } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { scopes: string[] }).scopes).toEqual(['api']);
    expect(parseKeyCreateArgs(['--name', 'me'])).toEqual({ name: 'me', team: 'default', scopes: ['api'] });
    expect(parseKeyCreateArgs(['--name', 'ops', '--team', 't1', '--scopes', 'api, dashboard,keys:manage'])).toEqual({
      name: 'ops',
      team: 't1',
      scopes: ['api', 'dashboard', 'keys:manage'],
    });
    expect(() => parseKeyCreateArgs(['--name', 'x', '--scopes', 'api,admin'])).toThrow(/admin/);
    expect(() => parseKeyCreateArgs(['--name', 'x', '--scopes', ''])).toThrow(/scope/);
    expect(() => parseKeyCreateArgs([])).toThrow(/--name/);
  });

  it('the admin secret is accepted only as a Bearer token', async () => {
    const viaHeader = await workerFetch(`${BASE}/admin/keys`, { headers: { 'x-admin-secret': ADMIN_SECRET } });
    expect(viaHeader.status).toBe(401);
    expect(((await viaHeader.json()) as { error: { code: string } }).error.code).toBe('invalid_admin_secret');
    for (const headers of [{ 'x-api-key': ADMIN_SECRET }, { authorization: ADMIN_SECRET }] as Record<string, string>[])
      expect((await workerFetch(`${BASE}/admin/keys`, { headers })).status).toBe(401);
    expect((await workerFetch(`${BASE}/admin/keys`, { headers: { authorization: `Bearer ${ADMIN_SECRET}` } })).status).toBe(200);
  });
});
