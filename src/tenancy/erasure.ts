import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, db } from '../db';
import type { Env } from '../env';
import { evictKey } from './key-cache';
import type { KeyGuard } from './key-guard';
import { KV_PREFIX as KEY_KV_PREFIX, revokeKey } from './key-store';
import { evictTeam } from './team-cache';
import { KV_PREFIX as TEAM_KV_PREFIX } from './team-store';

/**
 * Tenancy's part in exporting and erasing a team's or a key's metadata (src/api/admin/privacy.ts): the
 * rate and budget guards' counters, and the cached copies of key and team records.
 */

/** The guards of a subject: one per key (named by its id) and, for a team, the team's (`team:<id>`, src/tenancy/scopes.ts). */
export function guardNames(keyIds: readonly string[], teamId?: string): string[] {
  return teamId === undefined ? [...keyIds] : [...keyIds, `team:${teamId}`];
}

const guard = (env: Env, name: string) => env.KEY_GUARD.get(env.KEY_GUARD.idFromName(name)) as DurableObjectStub<KeyGuard>;

/** What a guard has counted in its current windows (read only: an unused guard stays empty). */
export async function guardUsage(env: Env, name: string) {
  const { spentUsd, month, spend } = await guard(env, name).status();
  return { spentUsd, month, spend };
}

/** Deletes every counter the guards hold: request and token buckets, spend per window, fired alerts. */
export async function eraseGuards(env: Env, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => guard(env, name).erase()));
}

/**
 * Makes the subject's keys unusable before their rows go: a key is revoked as revoking does it (with
 * the keys it minted), a team's keys all at once; then every cached copy of their records goes,
 * revoked ones included (KV holds those too).
 */
export async function revokeForErasure(env: Env, subject: { keyId: string } | { teamId: string }): Promise<void> {
  const keys = db(env.DB);
  // revokeKey deletes the KV copies of the keys it revokes; this isolate's copies go here.
  if ('keyId' in subject) for (const h of (await revokeKey(env, subject.keyId)) ?? []) evictKey(h);
  else
    await keys
      .update(apiKeys)
      .set({ revokedAt: Date.now() })
      .where(and(eq(apiKeys.teamId, subject.teamId), isNull(apiKeys.revokedAt)))
      .run();
  const where = 'keyId' in subject ? eq(apiKeys.id, subject.keyId) : eq(apiKeys.teamId, subject.teamId);
  const hashes = (await keys.select({ keyHash: apiKeys.keyHash }).from(apiKeys).where(where).all()).map((r) => r.keyHash);
  await Promise.all(hashes.map((h) => env.KV.delete(KEY_KV_PREFIX + h)));
  for (const h of hashes) evictKey(h);
}

/** Forgets the team record's cached copies: KV's and this isolate's. */
export async function forgetTeamRecord(env: Env, teamId: string): Promise<void> {
  await env.KV.delete(TEAM_KV_PREFIX + teamId);
  evictTeam(teamId);
}
