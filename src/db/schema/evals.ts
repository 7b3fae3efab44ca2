import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Continuous-eval tables. Privacy rule: no prompt or response text is stored — the items live in the
 * versioned suite (evals/), results keep only ids, verdicts and timings.
 */

/** One continuous sweep of the suite over the fleet; cursor columns let each cron tick resume it. */
export const evalRuns = sqliteTable(
  'eval_runs',
  {
    id: text('id').primaryKey(),
    suiteVersion: text('suite_version').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    /** Next pair index in the (item × endpoint) sweep (src/evals/runner.ts EvalCursor.position). */
    cursorPosition: integer('cursor_position').notNull().default(0),
    /** Completed sweeps (EvalCursor.cycle). */
    cursorCycle: integer('cursor_cycle').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('eval_runs_suite_idx').on(t.suiteVersion, t.startedAt)],
);

/** The columns of one eval aggregate (a group's pass counts with a Wilson 95% interval); shared by eval_band_scores. */
export const scoreAggregateColumns = () => ({
  passed: integer('passed').notNull(),
  total: integer('total').notNull(),
  scoreSum: real('score_sum').notNull(),
  ciLow: real('ci_low').notNull(),
  ciHigh: real('ci_high').notNull(),
  /** Upstream model version/fingerprint when known; scores from another version are stale. */
  modelVersion: text('model_version'),
  updatedAt: integer('updated_at').notNull(),
});

/** Aggregates per (endpoint, suite version, category, task class) with a Wilson 95% interval. */
export const evalScores = sqliteTable(
  'eval_scores',
  {
    endpointId: text('endpoint_id').notNull(),
    suiteVersion: text('suite_version').notNull(),
    category: text('category').notNull(),
    taskClass: text('task_class').notNull(),
    ...scoreAggregateColumns(),
  },
  (t) => [
    uniqueIndex('eval_scores_key_uq').on(t.endpointId, t.suiteVersion, t.category, t.taskClass),
    index('eval_scores_class_idx').on(t.suiteVersion, t.taskClass),
  ],
);

/** One graded (endpoint, item) call. */
export const evalResults = sqliteTable(
  'eval_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: text('run_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    itemId: text('item_id').notNull(),
    /** 0/1; errors and ungraded results are not stored as results (they are not quality data). */
    pass: integer('pass', { mode: 'boolean' }).notNull(),
    score: real('score').notNull(),
    latencyMs: integer('latency_ms'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('eval_results_endpoint_item_idx').on(t.endpointId, t.itemId, t.createdAt), index('eval_results_run_idx').on(t.runId)],
);

export type EvalRunRow = typeof evalRuns.$inferSelect;
export type EvalScoreRow = typeof evalScores.$inferSelect;
export type EvalResultRow = typeof evalResults.$inferSelect;
