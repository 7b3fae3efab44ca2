import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Core tables. Privacy rule: no column anywhere holds prompt or response text — only metadata and
 * the decision trace (which itself never contains message content).
 */

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  /** JSON TeamSettings (src/tenancy/team-settings.ts): team-wide rate, token and budget limits, alert thresholds. */
  settings: text('settings').notNull().default('{}'),
  /** Where spend alerts are POSTed (src/alerts); null: no alerts. */
  alertWebhookUrl: text('alert_webhook_url'),
  /** HMAC-SHA-256 key for the alerts' signature header. Never returned by any API. */
  alertWebhookSecret: text('alert_webhook_secret'),
});

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id').notNull(),
    name: text('name').notNull(),
    /** HMAC-SHA-256(pepper, key), hex. The key itself is never stored. */
    keyHash: text('key_hash').notNull().unique(),
    /** First characters of the key, for display ("cai_AbCd…"). */
    keyPrefix: text('key_prefix').notNull(),
    /** JSON array of KeyScope, e.g. ["api","dashboard"]. */
    scopes: text('scopes').notNull().default('["api"]'),
    /** JSON KeySettings. */
    settings: text('settings').notNull().default('{}'),
    /** The key that minted this one from the dashboard (null: the operator did). Revoking it revokes this one. */
    createdBy: text('created_by'),
    /** The key this one replaced (POST /admin/keys/:id/rotate); the old key expires after its grace period. */
    rotatedFrom: text('rotated_from'),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_team').on(t.teamId), index('api_keys_created_by').on(t.createdBy)],
);

export const requestLog = sqliteTable(
  'request_log',
  {
    /** The decision id; the completion id returned to the client is `chatcmpl-<id>`. */
    id: text('id').primaryKey(),
    createdAt: integer('created_at').notNull(),
    teamId: text('team_id').notNull(),
    keyId: text('key_id').notNull(),
    api: text('api').notNull().default('chat'),
    requestedModel: text('requested_model').notNull(),
    endpointId: text('endpoint_id'),
    provider: text('provider'),
    model: text('model'),
    strategy: text('strategy').notNull(),
    taskClass: text('task_class'),
    status: integer('status').notNull(),
    errorClass: text('error_class'),
    stream: integer('stream', { mode: 'boolean' }).notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedTokens: integer('cached_tokens').notNull().default(0),
    latencyMs: integer('latency_ms').notNull().default(0),
    ttftMs: integer('ttft_ms'),
    costUsd: real('cost_usd').notNull().default(0),
    baselineCostUsd: real('baseline_cost_usd').notNull().default(0),
    simulated: integer('simulated', { mode: 'boolean' }).notNull().default(false),
    /** Answered from the response cache (src/cache): no provider was called, cost 0. */
    cached: integer('cached', { mode: 'boolean' }).notNull().default(false),
    region: text('region'),
    /** JSON decision trace: stages, candidates with reasons, scores, chain, attempts. */
    trace: text('trace').notNull(),
    /** JSON array of short hashed keyphrases (feedback linkage), never prompt text. */
    keyphrases: text('keyphrases').notNull().default('[]'),
  },
  (t) => [
    index('request_log_team_time').on(t.teamId, t.createdAt),
    index('request_log_key_time').on(t.keyId, t.createdAt),
    // Retention deletes by age (src/db/retention.ts).
    index('request_log_time').on(t.createdAt),
  ],
);

export const catalogEndpoints = sqliteTable('catalog_endpoints', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  model: text('model').notNull(),
  codename: text('codename').notNull(),
  wireFormat: text('wire_format').notNull(),
  /** JSON Endpoint as in src/catalog. */
  data: text('data').notNull(),
  catalogVersion: text('catalog_version').notNull(),
  updatedAt: integer('updated_at')
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
