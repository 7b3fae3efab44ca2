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
    region: text('region'),
    /** JSON decision trace: stages, candidates with reasons, scores, chain, attempts. */
    trace: text('trace').notNull(),
    /** JSON array of short hashed keyphrases (feedback linkage), never prompt text. */
    keyphrases: text('keyphrases').notNull().default('[]'),
  },
  (t) => [index('request_log_team_time').on(t.teamId, t.createdAt), index('request_log_key_time').on(t.keyId, t.createdAt)],
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
