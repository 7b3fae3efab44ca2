import { and, eq, gte, sql } from 'drizzle-orm';
import { db, requestLog } from '../db';
import type { Env } from '../env';

/**
 * What the request log says a key or a team spent since `since`: the starting point of a budget window
 * its KeyGuard never tracked (a team whose first team-wide limit is set mid-month, a key given its first
 * daily budget), so such a budget counts the window's spend so far, not only what follows.
 */
export async function loggedSpendSince(env: Env, who: { keyId?: string; teamId: string }, since: number): Promise<number> {
  const owner = who.keyId ? eq(requestLog.keyId, who.keyId) : eq(requestLog.teamId, who.teamId);
  const row = await db(env.DB)
    .select({ usd: sql<number>`coalesce(sum(${requestLog.costUsd}), 0)` })
    .from(requestLog)
    .where(and(owner, gte(requestLog.createdAt, since)))
    .get();
  return row?.usd ?? 0;
}
