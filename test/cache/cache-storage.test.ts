import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKvPrefix, eraseCachedAnswers } from '../../src/cache';
import { admin, chat, createTestKey } from '../helpers/gateway';

/** How cached answers are kept in KV: encrypted per team, erasable per team and per key. */

const USE = { 'x-cailos-cache': 'use' };

afterEach(async () => {
  await admin('/sim/scripts', { method: 'DELETE' });
});

const team = (label: string) => `store-${label}-${crypto.randomUUID().slice(0, 8)}`;

async function names(teamId: string): Promise<KVNamespaceListKey<unknown>[]> {
  return (await env.KV.list({ prefix: cacheKvPrefix(teamId) })).keys;
}

async function stored(teamId: string, n = 1): Promise<KVNamespaceListKey<unknown>[]> {
  for (let waited = 0; waited < 3_000; waited += 20) {
    const keys = await names(teamId);
    if (keys.length >= n) return keys;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`team ${teamId} holds ${(await names(teamId)).length} cache entries, expected ${n}`);
}

async function cacheHeader(key: string, content: string): Promise<string | null> {
  const res = await chat(key, { model: 'auto:cost', messages: [{ role: 'user', content }] }, USE);
  expect(res.status).toBe(200);
  await res.text();
  return res.headers.get('x-cailos-cache');
}

describe('cached answers at rest', () => {
  it('are encrypted: neither the answer nor the prompt is in the raw KV value, its name or its metadata', async () => {
    const teamId = team('enc');
    const { key } = await createTestKey({ name: 'enc', team: teamId });
    const answer = `ANSWER-MARKER-${crypto.randomUUID()}`;
    const question = `PROMPT-MARKER-${crypto.randomUUID()}`;
    await admin('/sim/scripts', { body: { target: '*', text: `${answer} ${answer}` } });
    expect(await cacheHeader(key, question)).toBe('miss');
    const [entry] = await stored(teamId);
    const raw = new Uint8Array((await env.KV.get(entry.name, 'arrayBuffer'))!);
    const asText = new TextDecoder('latin1').decode(raw) + new TextDecoder().decode(raw);
    expect(raw.byteLength).toBeGreaterThan(answer.length);
    for (const marker of [answer, question, 'ANSWER-MARKER', 'PROMPT-MARKER', 'assistant', 'content']) {
      expect(asText).not.toContain(marker);
      expect(entry.name).not.toContain(marker);
      expect(JSON.stringify(entry.metadata)).not.toContain(marker);
    }
    // The cached answer itself still comes back.
    expect(await cacheHeader(key, question)).toBe('hit');
  });

  it("are bound to their team: another team's ciphertext under this team's name does not decrypt (a miss)", async () => {
    const [t1, t2] = [team('bind1'), team('bind2')];
    const a = await createTestKey({ name: 'bind-a', team: t1 });
    const b = await createTestKey({ name: 'bind-b', team: t2 });
    const question = `Same question ${crypto.randomUUID()}`;
    await admin('/sim/scripts', { body: { target: '*', text: 'secret of team one' } });
    await cacheHeader(a.key, question);
    await admin('/sim/scripts', { body: { target: '*', text: 'answer of team two' } });
    await cacheHeader(b.key, question);
    const [[ea], [eb]] = [await stored(t1), await stored(t2)];
    await env.KV.put(eb.name, (await env.KV.get(ea.name, 'arrayBuffer'))!, { metadata: eb.metadata });
    await admin('/sim/scripts', { body: { target: '*', text: 'fresh answer' } });
    const res = await chat(b.key, { model: 'auto:cost', messages: [{ role: 'user', content: question }] }, USE);
    expect(res.headers.get('x-cailos-cache')).toBe('miss');
    expect(((await res.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content).toBe('fresh answer');
  });
});

describe('eraseCachedAnswers', () => {
  it("removes every entry of a team and no other team's", async () => {
    const [t1, t2] = [team('erase1'), team('erase2')];
    const a = await createTestKey({ name: 'erase-a', team: t1 });
    const b = await createTestKey({ name: 'erase-b', team: t2 });
    for (const q of ['one', 'two', 'three']) await cacheHeader(a.key, `erase team ${q} ${t1}`);
    await cacheHeader(b.key, `erase team other ${t2}`);
    await stored(t1, 3);
    await stored(t2, 1);
    expect(await eraseCachedAnswers(env, { teamId: t1 })).toEqual({ deleted: 3, complete: true });
    expect(await names(t1)).toHaveLength(0);
    expect(await names(t2)).toHaveLength(1);
    expect(await cacheHeader(a.key, `erase team one ${t1}`)).toBe('miss');
    expect(await cacheHeader(b.key, `erase team other ${t2}`)).toBe('hit');
  });

  it('removes the entries one key wrote and leaves its teammates’', async () => {
    const t = team('erasekey');
    const a = await createTestKey({ name: 'erase-key-a', team: t });
    const b = await createTestKey({ name: 'erase-key-b', team: t });
    await cacheHeader(a.key, `written by a ${t}`);
    await cacheHeader(a.key, `also by a ${t}`);
    await cacheHeader(b.key, `written by b ${t}`);
    await stored(t, 3);
    expect(await eraseCachedAnswers(env, { teamId: t, keyId: a.id })).toEqual({ deleted: 2, complete: true });
    expect(await names(t)).toHaveLength(1);
    expect(await cacheHeader(b.key, `written by a ${t}`)).toBe('miss');
    expect(await cacheHeader(a.key, `written by b ${t}`)).toBe('hit');
  });

  it('stops after maxDeletes and says so; a second call finishes', async () => {
    const t = team('erasebudget');
    const a = await createTestKey({ name: 'erase-budget', team: t });
    for (const q of ['1', '2', '3']) await cacheHeader(a.key, `budget ${q} ${t}`);
    await stored(t, 3);
    expect(await eraseCachedAnswers(env, { teamId: t }, { maxDeletes: 2 })).toEqual({ deleted: 2, complete: false });
    expect(await eraseCachedAnswers(env, { teamId: t }, { maxDeletes: 2 })).toEqual({ deleted: 1, complete: true });
    expect(await names(t)).toHaveLength(0);
  });
});
