import { env, runInDurableObject } from 'cloudflare:test';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { writeCachedAnswer } from '../../src/cache';
import { ERASURE_PLAN, eraseRecords } from '../../src/db/erasure';
import { flushRequestLog } from '../../src/db/request-log';
import { decayWeight } from '../../src/routing';
import type { KeyGuard } from '../../src/tenancy';
import { createChildKey } from '../../src/tenancy/key-store';
import { admin, BASE, chat, createTestKey, type TestKey, workerFetch } from '../helpers/gateway';
import { storedD1Text, storedKvText } from '../helpers/stored-text';

/**
 * Export and erasure of a team's or a key's metadata (/admin/teams/:team/…, /admin/keys/:id/…). The
 * proofs read everything: every D1 table, every KV name, value and metadata, and the Durable Object
 * storage of the rate and budget guards.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const uid = () => crypto.randomUUID().slice(0, 8);

const guard = (name: string) => env.KEY_GUARD.get(env.KEY_GUARD.idFromName(name)) as DurableObjectStub<KeyGuard>;
const guardStorage = (name: string) => runInDurableObject(guard(name), async (_o, state) => [...(await state.storage.list()).keys()]);

const globalPosterior = (endpointId: string, taskClass: string) =>
  env.DB.prepare(
    "SELECT up_scaled AS up, down_scaled AS down FROM feedback_posteriors WHERE scope = '*' AND endpoint_id = ? AND task_class = ?",
  )
    .bind(endpointId, taskClass)
    .first<{ up: number; down: number }>();

interface Tenant {
  team: string;
  a: TestKey;
  b: TestKey;
  childId: string;
  other: TestKey;
  marker: string;
  rated: { endpointId: string; taskClass: string; ratedAt: number };
}

/**
 * A team with two keys (and a key minted by the first) that made requests, rated one, learned a classifier
 * head, spent, has cached answers and alerts; and a second team that must come through untouched.
 */
async function tenant(): Promise<Tenant> {
  const team = `team-erase-${uid()}`;
  const a = await createTestKey({ name: 'erase-a', team });
  const b = await createTestKey({ name: 'erase-b', team });
  const other = await createTestKey({ name: 'erase-other', team: `team-keep-${uid()}` });
  const child = await createChildKey(env, a.id, { name: 'minted-by-a', teamId: team });
  const marker = `ERASE-MARKER-${uid()}`;
  const decisions: Record<string, string> = {};
  for (const k of [a, b, other]) {
    // `auto:cost` names a strategy: the key's classifier head learns from it and is saved to KV.
    const res = await chat(k.key, { model: 'auto:cost', messages: [{ role: 'user', content: `Summarize ${marker} in a sentence.` }] });
    expect(res.status).toBe(200);
    decisions[k.id] = res.headers.get('x-cailos-decision-id')!;
  }
  await flushRequestLog();
  const rate = await workerFetch(`${BASE}/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: `chatcmpl-${decisions[a.id]}`, rating: 'up' }),
  });
  expect(rate.status).toBe(200);
  const rated = (await env.DB.prepare(
    'SELECT endpoint_id AS endpointId, task_class AS taskClass, rated_at AS ratedAt FROM feedback WHERE decision_id = ?',
  )
    .bind(decisions[a.id])
    .first<Tenant['rated']>())!;
  // Another team's rating (likely of the same cell) must keep counting after the erasure.
  const rateOther = await workerFetch(`${BASE}/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${other.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: `chatcmpl-${decisions[other.id]}`, rating: 'down' }),
  });
  expect(rateOther.status).toBe(200);
  for (const k of [a, b, other]) {
    await writeCachedAnswer(
      env,
      k.teamId,
      k.id,
      `rc:v1:${encodeURIComponent(k.teamId)}:entry-${k.id}`,
      {
        message: { role: 'assistant', content: 'cached' },
        finishReason: 'stop',
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        model: 'm',
        endpointId: 'sim/m',
        provider: 'sim',
        simulated: true,
        strategy: 'cost',
        taskClass: null,
        decisionId: decisions[k.id]!,
      },
      600,
    );
  }
  const alert = env.DB.prepare(
    `INSERT INTO alert_outbox (id, team_id, scope_id, window_id, threshold, payload, created_at, next_attempt_at)
     VALUES (?, ?, ?, 'monthly:2026-05', 0.8, ?, ?, ?)`,
  );
  for (const [scopeId, teamId] of [
    [a.id, team],
    [`team:${team}`, team],
    [other.id, other.teamId],
  ] as const)
    await alert.bind(`alert-${uid()}`, teamId, scopeId, JSON.stringify({ team: teamId, scope: scopeId }), Date.now(), Date.now()).run();
  // The team's own guard (team-wide limits) holds counters too.
  await runInDurableObject(guard(`team:${team}`), (_o, state) =>
    state.storage.put('bucket', { tokens: 3, updatedAt: Date.now(), rpm: 60 }),
  );
  // Spend reaches each key's guard about a second after its request.
  for (const k of [a, b]) {
    const deadline = Date.now() + 5_000;
    while ((await guard(k.id).status()).spentUsd <= 0 && Date.now() < deadline) await sleep(50);
    expect((await guard(k.id).status()).spentUsd).toBeGreaterThan(0);
  }
  await sleep(1_200); // nothing of the keys' spend left unsent in this isolate
  const d1 = await storedD1Text();
  const kv = await storedKvText();
  for (const id of [team, a.id, b.id]) {
    expect(d1).toContain(id);
    expect(kv).toContain(id);
  }
  return { team, a, b, childId: child!.record.id, other, marker, rated };
}

function ndjson(text: string): Record<string, unknown>[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const rowsOf = (lines: Record<string, unknown>[], table: string) =>
  lines.filter((l) => l.type === 'row' && l.table === table).map((l) => l.data as Record<string, unknown>);

describe('admin export', () => {
  it("streams a team's metadata as NDJSON: keys without hashes, request rows with traces, feedback, alerts, usage", async () => {
    const t = await tenant();
    const res = await admin(`/teams/${t.team}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await res.text();
    const lines = ndjson(text);
    expect(lines[0]).toMatchObject({ type: 'export', subject: { team: t.team } });
    expect(lines.at(-1)).toMatchObject({ type: 'end' });
    expect(rowsOf(lines, 'teams').map((r) => r.id)).toEqual([t.team]);
    expect(
      rowsOf(lines, 'api_keys')
        .map((r) => r.id)
        .sort(),
    ).toEqual([t.a.id, t.b.id, t.childId].sort());
    const requests = rowsOf(lines, 'request_log');
    expect(requests).toHaveLength(2);
    for (const r of requests) {
      expect([t.a.id, t.b.id]).toContain(r.key_id);
      expect(typeof r.trace).toBe('string');
    }
    expect(rowsOf(lines, 'feedback')).toHaveLength(1);
    expect(rowsOf(lines, 'feedback_posteriors').map((r) => r.scope)).toEqual([t.a.id]);
    expect(rowsOf(lines, 'alert_outbox')).toHaveLength(2);
    const usage = lines.filter((l) => l.type === 'usage');
    expect(usage.map((u) => u.scope).sort()).toEqual([t.a.id, t.b.id, t.childId, `team:${t.team}`].sort());
    expect(usage.find((u) => u.scope === t.a.id)!.spentUsd).toBeGreaterThan(0);
    // No secret, no hash, no other tenant, no prompt text.
    expect(text).not.toContain('key_hash');
    expect(text).not.toContain('alert_webhook_secret');
    for (const secret of [t.a.key, t.b.key]) expect(text).not.toContain(secret);
    expect(text).not.toContain(t.other.id);
    expect(text).not.toContain(t.marker);
    expect(lines.at(-1)).toMatchObject({ counts: { request_log: 2, api_keys: 3, feedback: 1 } });
  });

  it("a key's export holds only that key's rows", async () => {
    const t = await tenant();
    const text = await (await admin(`/keys/${t.b.id}/export`)).text();
    const lines = ndjson(text);
    expect(lines[0]).toMatchObject({ type: 'export', subject: { key: t.b.id } });
    expect(rowsOf(lines, 'api_keys').map((r) => r.id)).toEqual([t.b.id]);
    expect(rowsOf(lines, 'request_log').map((r) => r.key_id)).toEqual([t.b.id]);
    expect(rowsOf(lines, 'feedback')).toEqual([]);
    expect(rowsOf(lines, 'teams')).toEqual([]);
    expect(lines.filter((l) => l.type === 'usage').map((u) => u.scope)).toEqual([t.b.id]);
    expect(text).not.toContain(t.a.id);
  });

  it('answers 404 for an unknown team or key, 401 without the admin secret', async () => {
    expect((await admin(`/teams/team-nobody-${uid()}/export`)).status).toBe(404);
    expect((await admin(`/keys/key-nobody-${uid()}/export`)).status).toBe(404);
    const t = await tenant();
    for (const [method, path] of [
      ['GET', `/admin/teams/${t.team}/export`],
      ['POST', `/admin/teams/${t.team}/erase`],
      ['GET', `/admin/keys/${t.a.id}/export`],
      ['POST', `/admin/keys/${t.a.id}/erase`],
    ]) {
      const res = await workerFetch(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${t.a.key}` } });
      expect(res.status).toBe(401);
    }
    expect(await storedD1Text()).toContain(t.a.id);
  });
});

describe('admin erasure', () => {
  it("erasing a key leaves nothing of it in D1, KV or its guard, and leaves the team's other keys alone", async () => {
    const t = await tenant();
    const before = (await globalPosterior(t.rated.endpointId, t.rated.taskClass))!;
    const res = await admin(`/keys/${t.a.id}/erase`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { complete: boolean; erased: Record<string, number> };
    expect(body.complete).toBe(true);
    expect(body.erased).toMatchObject({ request_log: 1, feedback: 1, feedback_posteriors: 1, alert_outbox: 1, api_keys: 1 });

    expect(await storedD1Text()).not.toContain(t.a.id);
    expect(await storedKvText()).not.toContain(t.a.id);
    expect(await guardStorage(t.a.id)).toEqual([]);
    // Its rating no longer counts in the global posterior; the other team's rating still does.
    const after = (await globalPosterior(t.rated.endpointId, t.rated.taskClass))!;
    expect(after.up).toBeCloseTo(before.up - decayWeight(t.rated.ratedAt), 9);
    expect(after.down).toBeCloseTo(before.down, 9);
    // The key is gone; the key it minted is revoked, as revoking would have done; its teammate works.
    expect((await chat(t.a.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(401);
    const child = await env.DB.prepare('SELECT revoked_at AS revokedAt, created_by AS createdBy FROM api_keys WHERE id = ?')
      .bind(t.childId)
      .first<{ revokedAt: number | null; createdBy: string | null }>();
    expect(child).toMatchObject({ createdBy: null, revokedAt: expect.any(Number) });
    expect((await chat(t.b.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    const teamRow = await env.DB.prepare('SELECT id FROM teams WHERE id = ?').bind(t.team).first();
    expect(teamRow).not.toBeNull();
    expect(await guardStorage(t.b.id)).not.toEqual([]);
  });

  it("erasing a team leaves nothing of it or its keys anywhere; another team's data stays", async () => {
    const t = await tenant();
    const otherBefore = (await env.DB.prepare('SELECT count(*) AS n FROM request_log WHERE team_id = ?')
      .bind(t.other.teamId)
      .first<{ n: number }>())!.n;
    const res = await admin(`/teams/${t.team}/erase`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { complete: boolean; erased: Record<string, number> };
    expect(body).toMatchObject({ complete: true, erased: { request_log: 2, api_keys: 3, teams: 1, alert_outbox: 2 } });
    expect(body.erased.cached_answers).toBe(2);

    const d1 = await storedD1Text();
    const kv = await storedKvText();
    for (const id of [t.team, t.a.id, t.b.id, t.childId]) {
      expect(d1).not.toContain(id);
      expect(kv).not.toContain(id);
    }
    for (const name of [t.a.id, t.b.id, t.childId, `team:${t.team}`]) expect(await guardStorage(name)).toEqual([]);
    expect(d1).not.toContain(t.marker);
    // The other team: rows, cache entry, alert and a working key.
    expect(d1).toContain(t.other.id);
    expect(kv).toContain(`entry-${t.other.id}`);
    expect(
      (await env.DB.prepare('SELECT count(*) AS n FROM request_log WHERE team_id = ?').bind(t.other.teamId).first<{ n: number }>())!.n,
    ).toBe(otherBefore);
    expect((await chat(t.other.key, { model: 'auto', messages: [{ role: 'user', content: 'still here' }] })).status).toBe(200);
    // Nothing left to erase: 404.
    expect((await admin(`/teams/${t.team}/erase`, { method: 'POST' })).status).toBe(404);
  });

  it('a team too big for one call is erased over several, each within its statement budget (never below one round of the plan)', async () => {
    const team = `team-erase-big-${uid()}`;
    const k = await createTestKey({ name: 'big', team });
    const insert = env.DB.prepare(
      `INSERT INTO request_log (id, created_at, team_id, key_id, requested_model, strategy, status, trace) VALUES (?, ?, ?, ?, 'auto', 'cost', 200, '{}')`,
    );
    await env.DB.batch(Array.from({ length: 60 }, (_, i) => insert.bind(`big-${team}-${i}`, Date.now(), team, k.id)));
    const calls = [];
    for (let i = 0; i < 10; i++) {
      const run = await eraseRecords(env.DB, { kind: 'team', teamId: team }, decayWeight, { batchRows: 4, maxStatements: 3 });
      calls.push(run);
      if (run.complete) break;
    }
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.slice(0, -1).every((c) => !c.complete)).toBe(true);
    expect(calls.at(-1)!.complete).toBe(true);
    expect(calls.reduce((n, c) => n + (c.erased.request_log ?? 0), 0)).toBe(60);
    expect(await storedD1Text()).not.toContain(team);
  });
});

describe('erasure plan coverage', () => {
  /** A column that names a team or a key: team_id, key_id, scope(_id), created_by, rotated_from, and *_team_id / *_key_id. */
  const IDENTIFYING = /(^|_)(team|key)_id$|^scope(_id)?$|^created_by$|^rotated_from$/;
  const covered = (table: string) => {
    const plan = ERASURE_PLAN.find((p) => p.table === table);
    return new Set([plan?.team, plan?.key, ...(plan?.keyRefs ?? [])].filter(Boolean));
  };

  it('every table of the drizzle schema (src/db/schema) with a team or key column is in the erasure plan', () => {
    const modules = import.meta.glob<Record<string, unknown>>('../../src/db/schema/*.ts', { eager: true });
    const tables = Object.values(modules)
      .flatMap((m) => Object.values(m))
      .filter((v): v is SQLiteTable => is(v, SQLiteTable));
    expect(tables.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const table of tables) {
      const { name, columns } = getTableConfig(table);
      const have = covered(name);
      if (name === 'teams' && !have.has('id')) missing.push('teams.id');
      if (name === 'api_keys' && !have.has('id')) missing.push('api_keys.id');
      for (const c of columns) if (IDENTIFYING.test(c.name) && !have.has(c.name)) missing.push(`${name}.${c.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('so is every table of the migrated D1 database', async () => {
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
    ).all<{ name: string }>();
    const missing: string[] = [];
    for (const { name } of tables.results) {
      const columns = await env.DB.prepare('SELECT name FROM pragma_table_info(?)').bind(name).all<{ name: string }>();
      const have = covered(name);
      for (const c of columns.results) if (IDENTIFYING.test(c.name) && !have.has(c.name)) missing.push(`${name}.${c.name}`);
    }
    expect(missing).toEqual([]);
  });
});
