import { and, eq, isNull } from 'drizzle-orm';
import type { Env } from '../env';
import { db } from '../db/client';
import { apiKeys, teams } from '../db/schema/core';
import { displayPrefix, generateApiKey, hashApiKey } from './keys';
import { type KeyRecord, type KeyScope, type KeySettings, keySettingsSchema } from './types';

/** D1 and KV access for keys. Only the request path's cache miss and the admin API come here. */

const KV_PREFIX = 'key:';
const KV_TTL_SECONDS = 300;

type KeyRow = typeof apiKeys.$inferSelect;

export function pepperOf(env: Env): string {
  if (!env.KEY_PEPPER) throw new Error('KEY_PEPPER is not configured (wrangler secret put KEY_PEPPER)');
  return env.KEY_PEPPER;
}

function toRecord(row: KeyRow): KeyRecord {
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    keyPrefix: row.keyPrefix,
    scopes: JSON.parse(row.scopes) as KeyScope[],
    settings: keySettingsSchema.parse(JSON.parse(row.settings)),
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

export async function createKey(
  env: Env,
  input: { name: string; teamId: string; scopes?: KeyScope[]; settings?: Partial<KeySettings> },
): Promise<CreatedKey> {
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
    createdAt: Date.now(),
    revokedAt: null,
  };
  await db(env.DB).insert(apiKeys).values(row);
  return { apiKey, record: toRecord(row) };
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

/** Marks the key revoked and drops its KV entry; returns the hash so the caller can evict caches. */
export async function revokeKey(env: Env, id: string, teamId?: string): Promise<string | null> {
  const where = teamId ? and(eq(apiKeys.id, id), eq(apiKeys.teamId, teamId)) : eq(apiKeys.id, id);
  const row = await db(env.DB).update(apiKeys).set({ revokedAt: Date.now() }).where(and(where, isNull(apiKeys.revokedAt))).returning().get();
  if (!row) return null;
  await env.KV.delete(KV_PREFIX + row.keyHash);
  return row.keyHash;
}

export async function updateKeySettings(env: Env, id: string, patch: Partial<KeySettings>, teamId?: string): Promise<KeyRecord | null> {
  const existing = await getKey(env, id);
  if (!existing || (teamId && existing.teamId !== teamId)) return null;
  const settings = keySettingsSchema.parse({ ...existing.settings, ...patch });
  const row = await db(env.DB).update(apiKeys).set({ settings: JSON.stringify(settings) }).where(eq(apiKeys.id, id)).returning().get();
  if (!row) return null;
  await env.KV.delete(KV_PREFIX + row.keyHash);
  return toRecord(row);
}
