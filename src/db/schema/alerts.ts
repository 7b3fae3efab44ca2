import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Spend alerts waiting to be delivered, or delivered (src/alerts). A row is written before the first
 * attempt, so an alert whose isolate died mid-delivery is found and retried by the cron. The payload is
 * metadata only (team, key id and prefix, window, amounts), never a key or any request text.
 */
export const alertOutbox = sqliteTable(
  'alert_outbox',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id').notNull(),
    /** Whose budget: a key id, or `team:<id>`. */
    scopeId: text('scope_id').notNull(),
    /** `daily:2026-12-07`, `weekly:2026-12-07`, `monthly:2026-12`. */
    windowId: text('window_id').notNull(),
    threshold: real('threshold').notNull(),
    /** The JSON body sent, byte for byte, on every attempt. */
    payload: text('payload').notNull(),
    createdAt: integer('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** A delivery under way holds the row until then, so the cron and an in-process retry never both send it. */
    lockedUntil: integer('locked_until'),
    deliveredAt: integer('delivered_at'),
    /** `HTTP 500`, `timeout`, `no webhook configured`: never the receiver's response body. */
    lastError: text('last_error'),
  },
  (t) => [
    // Each threshold fires once per window, even if two writers raced.
    uniqueIndex('alert_outbox_once').on(t.scopeId, t.windowId, t.threshold),
    index('alert_outbox_due').on(t.deliveredAt, t.nextAttemptAt),
    index('alert_outbox_team').on(t.teamId, t.createdAt),
  ],
);
