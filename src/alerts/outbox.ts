import { and, asc, desc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import { alertOutbox, db, teams } from '../db';
import type { Env } from '../env';
import type { BudgetAlert } from './types';

/** Delivery attempts before an alert is given up (≈ 17 min of backoff in all). */
export const MAX_ATTEMPTS = 10;
/** How long a delivery holds its row: longer than one attempt can take. */
const LOCK_MS = 30_000;

export type OutboxRow = typeof alertOutbox.$inferSelect;

/** Backoff after the `attempts`-th failure: 1 s, 2 s, 4 s … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** The JSON body the receiver gets (snake_case, as webhook payloads usually are). */
export function payloadOf(id: string, alert: BudgetAlert): string {
  return JSON.stringify({
    id,
    type: 'budget.threshold',
    team: alert.teamId,
    scope: alert.scope,
    key: alert.key,
    window: alert.window,
    window_id: alert.windowId,
    window_start: new Date(alert.windowStart).toISOString(),
    spent_usd: alert.spentUsd,
    limit_usd: alert.limitUsd,
    threshold: alert.threshold,
    timestamp: new Date(alert.at).toISOString(),
  });
}

/**
 * Writes the alert to the outbox, due now. Null when this threshold of this window was already
 * written (the unique index makes the write idempotent).
 */
export async function insertAlert(env: Env, alert: BudgetAlert): Promise<string | null> {
  const id = `alrt_${crypto.randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const scopeId = alert.scope === 'team' ? `team:${alert.teamId}` : alert.key!.id;
  const inserted = await db(env.DB)
    .insert(alertOutbox)
    .values({
      id,
      teamId: alert.teamId,
      scopeId,
      windowId: `${alert.window}:${alert.windowId}`,
      threshold: alert.threshold,
      payload: payloadOf(id, alert),
      createdAt: alert.at,
      nextAttemptAt: alert.at,
    })
    .onConflictDoNothing()
    .returning({ id: alertOutbox.id })
    .all();
  return inserted.length ? id : null;
}

/** Takes a due, undelivered row for one attempt, or null when it is not due, done, or held by another delivery. */
export async function claimAlert(env: Env, id: string, now: number): Promise<OutboxRow | null> {
  const row = await db(env.DB)
    .update(alertOutbox)
    .set({ lockedUntil: now + LOCK_MS })
    .where(
      and(
        eq(alertOutbox.id, id),
        isNull(alertOutbox.deliveredAt),
        lt(alertOutbox.attempts, MAX_ATTEMPTS),
        lte(alertOutbox.nextAttemptAt, now),
        or(isNull(alertOutbox.lockedUntil), lt(alertOutbox.lockedUntil, now)),
      ),
    )
    .returning()
    .get();
  return row ?? null;
}

/** Records an attempt's outcome and releases the row. */
export async function recordAttempt(env: Env, row: OutboxRow, error: string | null, now: number): Promise<number> {
  const attempts = row.attempts + 1;
  const nextAttemptAt = now + retryDelayMs(attempts);
  await db(env.DB)
    .update(alertOutbox)
    .set(
      error === null
        ? { attempts, deliveredAt: now, lockedUntil: null, lastError: null }
        : { attempts, nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 100) },
    )
    .where(eq(alertOutbox.id, row.id))
    .run();
  return attempts;
}

/** The team's webhook, read fresh at each attempt so a changed URL or secret applies to pending alerts too. */
export async function webhookOf(env: Env, teamId: string): Promise<{ url: string; secret: string } | null> {
  const row = await db(env.DB)
    .select({ url: teams.alertWebhookUrl, secret: teams.alertWebhookSecret })
    .from(teams)
    .where(eq(teams.id, teamId))
    .get();
  return row?.url && row.secret ? { url: row.url, secret: row.secret } : null;
}

/** Undelivered rows whose next attempt is due, oldest first. */
export async function dueAlertIds(env: Env, now: number, limit: number): Promise<string[]> {
  const rows = await db(env.DB)
    .select({ id: alertOutbox.id })
    .from(alertOutbox)
    .where(and(isNull(alertOutbox.deliveredAt), lt(alertOutbox.attempts, MAX_ATTEMPTS), lte(alertOutbox.nextAttemptAt, now)))
    .orderBy(asc(alertOutbox.nextAttemptAt))
    .limit(limit)
    .all();
  return rows.map((r) => r.id);
}

/** A team's alerts, newest first (admin API). */
export async function teamAlerts(env: Env, teamId: string, limit = 100): Promise<Omit<OutboxRow, 'lockedUntil'>[]> {
  const rows = await db(env.DB)
    .select()
    .from(alertOutbox)
    .where(eq(alertOutbox.teamId, teamId))
    .orderBy(desc(alertOutbox.createdAt))
    .limit(limit)
    .all();
  return rows.map(({ lockedUntil: _l, ...rest }) => rest);
}
