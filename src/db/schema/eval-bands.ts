import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { scoreAggregateColumns } from './evals';

/**
 * eval_scores refined by the complexity band of the items (src/routing/complexity-band.ts; an item's band comes
 * from its prompt's precomputed classifier complexity, src/evals/complexity.ts). A separate table so
 * eval_scores keeps one row per (endpoint, suite version, category, task class) for the admin views; items
 * without a complexity count only there. Written in the same batch as eval_scores (src/evals/store.ts).
 */
export const evalBandScores = sqliteTable(
  'eval_band_scores',
  {
    endpointId: text('endpoint_id').notNull(),
    suiteVersion: text('suite_version').notNull(),
    category: text('category').notNull(),
    taskClass: text('task_class').notNull(),
    /** low | mid | high */
    band: text('band').notNull(),
    ...scoreAggregateColumns(),
  },
  (t) => [
    uniqueIndex('eval_band_scores_key_uq').on(t.endpointId, t.suiteVersion, t.category, t.taskClass, t.band),
    index('eval_band_scores_suite_idx').on(t.suiteVersion, t.taskClass, t.band),
  ],
);

export type EvalBandScoreRow = typeof evalBandScores.$inferSelect;
