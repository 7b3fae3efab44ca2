import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Feedback tables (src/feedback). Privacy rule: no prompt or response text — a rating links to the
 * request_log row (endpoint, task class, strategy, hashed keyphrases); the optional comment is the
 * rater's own words, stored only when the key opted in (settings.storeFeedbackComments).
 */

/** One rating per response; a later rating replaces it (`nonce` guards concurrent replacements). */
export const feedback = sqliteTable(
  'feedback',
  {
    /** request_log.id (the completion id without `chatcmpl-`). */
    decisionId: text('decision_id').primaryKey(),
    keyId: text('key_id').notNull(),
    teamId: text('team_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    taskClass: text('task_class').notNull(),
    strategy: text('strategy').notNull(),
    /** 1 = thumbs up, −1 = thumbs down. */
    rating: integer('rating').notNull(),
    comment: text('comment'),
    /** Copied from request_log.keyphrases (JSON array of generic terms / salted hashes). */
    keyphrases: text('keyphrases').notNull().default('[]'),
    responseAt: integer('response_at').notNull(),
    ratedAt: integer('rated_at').notNull(),
    nonce: text('nonce').notNull(),
  },
  (t) => [
    index('feedback_key_time').on(t.keyId, t.ratedAt),
    // Retention deletes by the rated response's age; erasure by team (src/db/retention.ts, erasure.ts).
    index('feedback_response_time').on(t.responseAt),
    index('feedback_team').on(t.teamId),
  ],
);

/**
 * Beta posterior counts per (scope, endpoint, task class); scope '*' is global, else a key id.
 * Counts are decay-scaled (src/routing/feedback-posterior.ts): up_scaled = Σ 2^((t_i − epoch)/half-life).
 */
export const feedbackPosteriors = sqliteTable(
  'feedback_posteriors',
  {
    scope: text('scope').notNull(),
    endpointId: text('endpoint_id').notNull(),
    taskClass: text('task_class').notNull(),
    upScaled: real('up_scaled').notNull().default(0),
    downScaled: real('down_scaled').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.endpointId, t.taskClass] }), index('feedback_posteriors_time').on(t.updatedAt)],
);

export type FeedbackRow = typeof feedback.$inferSelect;
export type FeedbackPosteriorRow = typeof feedbackPosteriors.$inferSelect;
