import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Env } from '../env';
import { db, apiKeys, teams } from '../db';
import { displayPrefix, generateApiKey, hashApiKey } from './keys';
import { type KeyRecord, type KeyScope, type KeySettings, keySettingsSchema } from './types';

/** D1 and KV access for keys. Only the request path's cache miss and the admin API come here. */

export const KV_PREFIX = 'key:';
const KV_TTL_SECONDS = 300;

type KeyRow = typeof apiKeys.$inferSelect;

export function pepperOf(env: Env): string {
  if (!env.KEY_PEPPER) throw new Error('KEY_PEPPER is not configured (wrangler secret put KEY_PEPPER)');
  return env.KEY_PEPPER;
}

export function toRecord(row: KeyRow): KeyRecord {
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    keyPrefix: row.keyPrefix,
    scopes: JSON.parse(row.scopes) as KeyScope[],
    settings: keySettingsSchema.parse(JSON.parse(row.settings)),
    createdBy: row.createdBy ?? null,
    rotatedFrom: row.rotatedFrom ?? null,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt ?? null,
  };
}

/** KV first (edge-cached), D1 on a KV miss; revoked keys resolve to null. */
export async function loadKeyByHash(env: Env, keyHash: string): Promise<KeyRecord | null> {
  const cached = await env.KV.get<KeyRecord>(KV_PREFIX + keyHash, { type: 'json', cacheTtl: 60 });
  if (cached) return cached.revokedAt ? null : cached;
  const row = await db(env.DB).select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).get();
  if (!row) return null;
  const record = toRecord(row);
  await env.KV.put(KV_PREFIX + keyHash, JSON.stringify(record), { expirationTtl: KV_TTL_SECONDS });
  return record.revokedAt ? null : record;
}

export async function ensureTeam(env: Env, teamId: string, name = teamId): Promise<void> {
  await db(env.DB).insert(teams).values({ id: teamId, name, createdAt: Date.now() }).onConflictDoNothing();
}

export interface CreatedKey {
  apiKey: string;
  record: KeyRecord;
}

export interface NewKey {
  name: string;
  teamId: string;
  scopes?: KeyScope[];
  settings?: Partial<KeySettings>;
}

export async function newRow(env: Env, input: NewKey, createdBy: string | null): Promise<{ apiKey: string; row: KeyRow }> {
  const apiKey = generateApiKey();
  const settings = keySettingsSchema.parse(input.settings ?? {});
  await ensureTeam(env, input.teamId);
  const row: KeyRow = {
    id: `key_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`,
    teamId: input.teamId,
    name: input.name,
    keyHash: await hashApiKey(apiKey, pepperOf(env)),
    keyPrefix: displayPrefix(apiKey),
    scopes: JSON.stringify(input.scopes ?? ['api']),
    settings: JSON.stringify(settings),
    createdBy,
    rotatedFrom: null,
    createdAt: Date.now(),
    revokedAt: null,
  };
  return { apiKey, row };
}

/** A key made by the operator (admin API, or the dashboard signed in with the admin secret). */
export async function createKey(env: Env, input: NewKey): Promise<CreatedKey> {
  const { apiKey, row } = await newRow(env, input, null);
  await db(env.DB).insert(apiKeys).values(row);
  return { apiKey, record: toRecord(row) };
}

/**
 * A key minted by another key of the same team. The insert happens only while the parent is still
 * active, in one statement, so a parent revoked mid-request cannot leave a child behind (null then).
 */
export async function createChildKey(env: Env, parentId: string, input: NewKey): Promise<CreatedKey | null> {
  const { apiKey, row } = await newRow(env, input, parentId);
  const inserted = await env.DB.prepare(
    `INSERT INTO api_keys (id, team_id, name, key_hash, key_prefix, scopes, settings, created_by, created_at)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM api_keys WHERE id = ? AND team_id = ? AND revoked_at IS NULL)`,
  )
    .bind(row.id, row.teamId, row.name, row.keyHash, row.keyPrefix, row.scopes, row.settings, parentId, row.createdAt, parentId, row.teamId)
    .run();
  return inserted.meta.changes === 1 ? { apiKey, record: toRecord(row) } : null;
}

export async function listKeys(env: Env, teamId?: string): Promise<KeyRecord[]> {
  const q = db(env.DB).select().from(apiKeys);
  const rows = teamId ? await q.where(eq(apiKeys.teamId, teamId)).all() : await q.all();
  return rows.map(toRecord);
}

export async function getKey(env: Env, id: string): Promise<(KeyRecord & { keyHash: string }) | null> {
  const row = await db(env.DB).select().from(apiKeys).where(eq(apiKeys.id, id)).get();
  return row ? { ...toRecord(row), keyHash: row.keyHash } : null;
}

/** D1 caps bound parameters per statement at 100. */
const IN_CHUNK = 90;

/**
 * Marks the key revoked, then every active key it minted, and theirs (a minted key must not outlive
 * its maker); drops their KV entries. Returns the hashes so the caller can evict caches, or null when
 * no active key has this id.
 */
export async function revokeKey(env: Env, id: string, teamId?: string): Promise<string[] | null> {
  const now = Date.now();
  const where = teamId ? and(eq(apiKeys.id, id), eq(apiKeys.teamId, teamId)) : eq(apiKeys.id, id);
  const row = await db(env.DB)
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(where, isNull(apiKeys.revokedAt)))
    .returning()
    .get();
  if (!row) return null;
  const hashes = [row.keyHash];
  let parents = [row.id];
  while (parents.length) {
    const next: string[] = [];
    for (let i = 0; i < parents.length; i += IN_CHUNK) {
      const children = await db(env.DB)
        .update(apiKeys)
        .set({ revokedAt: now })
        .where(and(inArray(apiKeys.createdBy, parents.slice(i, i + IN_CHUNK)), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id, keyHash: apiKeys.keyHash })
        .all();
      for (const c of children) {
        next.push(c.id);
        hashes.push(c.keyHash);
      }
    }
    parents = next;
  }
  await Promise.all(hashes.map((h) => env.KV.delete(KV_PREFIX + h)));
  return hashes;
}

export async function updateKeySettings(env: Env, id: string, patch: Partial<KeySettings>, teamId?: string): Promise<KeyRecord | null> {
  const existing = await getKey(env, id);
  if (!existing || (teamId && existing.teamId !== teamId)) return null;
  const settings = keySettingsSchema.parse({ ...existing.settings, ...patch });
  const row = await db(env.DB)
    .update(apiKeys)
    .set({ settings: JSON.stringify(settings) })
    .where(eq(apiKeys.id, id))
    .returning()
    .get();
  if (!row) return null;
  await env.KV.delete(KV_PREFIX + row.keyHash);
  return toRecord(row);
}
