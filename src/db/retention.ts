import type { Env } from '../env';

/**
 * Retention of request metadata, enforced by the cron handler (src/index.ts): request_log rows (with
 * their decision traces) older than REQUEST_LOG_RETENTION_DAYS, and feedback rows whose rated
 * response is older than FEEDBACK_RETENTION_DAYS, are deleted.
 *
 * Deletes go in batches of `batchRows` rows picked through the time indexes (migration 0007), at most
 * `maxBatches` per table per run: one statement stays far below D1's per-query time limit and a run
 * stays within an invocation's query budget, whatever the backlog; the next tick continues where this
 * one stopped. Each tick that finds nothing old costs one index probe per table.
 */

export const DEFAULT_REQUEST_LOG_RETENTION_DAYS = 30;
/**
 * How long a rating can be replaced (src/api/feedback.ts FEEDBACK_WINDOW_MS, counted from the response).
 * A replacement subtracts the old rating's weight from the posteriors, read from its feedback row; so a
 * row is kept as long as its response can be re-rated: that window, or the request log's own retention
 * if shorter (no request_log row, no rating).
 */
const RATING_WINDOW_DAYS = 30;
export const RETENTION_BATCH_ROWS = 2_000;
export const RETENTION_MAX_BATCHES = 10;

const DAY_MS = 24 * 3600_000;

export interface RetentionPolicy {
  requestLogDays: number;
  feedbackDays: number;
}

/** Whole positive days, else undefined (the default applies: a typo never deletes everything). */
function days(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function retentionPolicy(env: Env): RetentionPolicy {
  const requestLogDays = days(env.REQUEST_LOG_RETENTION_DAYS) ?? DEFAULT_REQUEST_LOG_RETENTION_DAYS;
  const feedbackDays = Math.max(days(env.FEEDBACK_RETENTION_DAYS) ?? requestLogDays, Math.min(RATING_WINDOW_DAYS, requestLogDays));
  return { requestLogDays, feedbackDays };
}

export interface RetentionRun {
  policy: RetentionPolicy;
  /** Rows deleted this run. */
  requestLog: number;
  feedback: number;
  /** False when a table still holds rows past retention (the next run goes on). */
  complete: boolean;
}

/** Deletes up to maxBatches × batchRows rows older than `before` from one table; done when a batch came back short. */
async function deleteOlder(
  d1: D1Database,
  table: 'request_log' | 'feedback',
  column: 'created_at' | 'response_at',
  before: number,
  batchRows: number,
  maxBatches: number,
): Promise<{ deleted: number; done: boolean }> {
  const statement = d1.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${column} < ?1 LIMIT ?2)`);
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const { meta } = await statement.bind(before, batchRows).run();
    deleted += meta.changes;
    if (meta.changes < batchRows) return { deleted, done: true };
  }
  return { deleted, done: false };
}

export async function enforceRetention(
  env: Env,
  now = Date.now(),
  opts: { batchRows?: number; maxBatches?: number } = {},
): Promise<RetentionRun> {
  const policy = retentionPolicy(env);
  const batchRows = opts.batchRows ?? RETENTION_BATCH_ROWS;
  const maxBatches = opts.maxBatches ?? RETENTION_MAX_BATCHES;
  // The request log first: a response whose row is gone can no longer be rated, so its feedback row can go.
  const log = await deleteOlder(env.DB, 'request_log', 'created_at', now - policy.requestLogDays * DAY_MS, batchRows, maxBatches);
  const fb = await deleteOlder(env.DB, 'feedback', 'response_at', now - policy.feedbackDays * DAY_MS, batchRows, maxBatches);
  return { policy, requestLog: log.deleted, feedback: fb.deleted, complete: log.done && fb.done };
}
