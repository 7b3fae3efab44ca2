import type { Env } from '../env';
import { type EvalScore, type SpendBucket, WINDOWS, type WindowName, fillBuckets, seriesByProvider } from './stats';

/**
 * D1 reads behind the dashboard. Every query is filtered by team_id: a viewer never reads another
 * team's rows. Columns are metadata only; `keyphrases` is never selected and there is no text column.
 */

export interface FeedItem {
  id: string;
  createdAt: number;
  keyId: string;
  api: string;
  requestedModel: string;
  endpointId: string | null;
  provider: string | null;
  model: string | null;
  strategy: string;
  taskClass: string | null;
  status: number;
  errorClass: string | null;
  stream: boolean;
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  ttftMs: number | null;
  costUsd: number;
  baselineCostUsd: number;
  simulated: boolean;
  /** Answered from the response cache: no provider called, cost 0. */
  cached: boolean;
}

const FEED_COLUMNS = `id, created_at AS createdAt, key_id AS keyId, api, requested_model AS requestedModel, endpoint_id AS endpointId,
  provider, model, strategy, task_class AS taskClass, status, error_class AS errorClass, stream, attempts,
  input_tokens AS inputTokens, output_tokens AS outputTokens, latency_ms AS latencyMs, ttft_ms AS ttftMs,
  cost_usd AS costUsd, baseline_cost_usd AS baselineCostUsd, simulated, cached`;

function toFeedItem(row: Record<string, unknown>): FeedItem {
  return { ...(row as unknown as FeedItem), stream: Boolean(row.stream), simulated: Boolean(row.simulated), cached: Boolean(row.cached) };
}

export const FEED_MAX = 200;

/**
 * Newest first. `since` returns rows at or after that time (the live feed polls with the newest
 * time it holds and drops ids it already shows); `before` pages back.
 */
export async function feed(env: Env, team: string, opts: { limit?: number; since?: number; before?: number } = {}): Promise<FeedItem[]> {
  const limit = Math.min(Math.max(1, opts.limit ?? 50), FEED_MAX);
  const { results } = await env.DB.prepare(
    `SELECT ${FEED_COLUMNS} FROM request_log WHERE team_id = ?1 AND created_at >= ?2 AND created_at < ?3 ORDER BY created_at DESC, id DESC LIMIT ?4`,
  )
    .bind(team, opts.since ?? 0, opts.before ?? Number.MAX_SAFE_INTEGER, limit)
    .all<Record<string, unknown>>();
  return results.map(toFeedItem);
}

export interface DecisionDetail extends FeedItem {
  region: string | null;
  cachedTokens: number;
  trace: unknown;
}

export async function decision(env: Env, team: string, id: string): Promise<DecisionDetail | null> {
  const row = await env.DB.prepare(
    `SELECT ${FEED_COLUMNS}, region, cached_tokens AS cachedTokens, trace FROM request_log WHERE id = ?1 AND team_id = ?2`,
  )
    .bind(id.replace(/^chatcmpl-/, ''), team)
    .first<Record<string, unknown>>();
  if (!row) return null;
  let trace: unknown = null;
  try {
    trace = JSON.parse(String(row.trace));
  } catch {
    trace = null;
  }
  return { ...toFeedItem(row), region: (row.region as string | null) ?? null, cachedTokens: Number(row.cachedTokens ?? 0), trace };
}

/** Decision traces of the team's recent requests, for per-endpoint attempt statistics. */
export async function recentTraces(env: Env, team: string, since: number, limit = 500): Promise<string[]> {
  const { results } = await env.DB.prepare(
    'SELECT trace FROM request_log WHERE team_id = ?1 AND created_at >= ?2 ORDER BY created_at DESC LIMIT ?3',
  )
    .bind(team, since, limit)
    .all<{ trace: string }>();
  return results.map((r) => r.trace);
}

/** Eval aggregates of the most recent suite version, grouped by endpoint (fleet-wide quality data). */
export async function latestEvalScores(env: Env): Promise<{ suiteVersion: string | null; byEndpoint: Map<string, EvalScore[]> }> {
  const { results } = await env.DB.prepare(
    `SELECT endpoint_id AS endpointId, suite_version AS suiteVersion, category, task_class AS taskClass, passed, total, ci_low AS ciLow, ci_high AS ciHigh
     FROM eval_scores WHERE suite_version = (SELECT suite_version FROM eval_scores ORDER BY updated_at DESC LIMIT 1)
     ORDER BY endpoint_id, category, task_class`,
  ).all<{
    endpointId: string;
    suiteVersion: string;
    category: string;
    taskClass: string;
    passed: number;
    total: number;
    ciLow: number;
    ciHigh: number;
  }>();
  const byEndpoint = new Map<string, EvalScore[]>();
  for (const r of results) {
    const list = byEndpoint.get(r.endpointId) ?? [];
    list.push({
      category: r.category,
      taskClass: r.taskClass,
      passed: r.passed,
      total: r.total,
      passRate: r.total ? r.passed / r.total : 0,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
    });
    byEndpoint.set(r.endpointId, list);
  }
  return { suiteVersion: results[0]?.suiteVersion ?? null, byEndpoint };
}

export interface ModelSpend {
  provider: string;
  model: string;
  requests: number;
  /** Of `requests`, answered from the response cache. */
  cachedRequests: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  baselineCostUsd: number;
}

export interface SpendReport {
  window: WindowName;
  from: number;
  to: number;
  bucketMs: number;
  buckets: SpendBucket[];
  /** Cost per provider, aligned with `buckets`. */
  costByProvider: Record<string, number[]>;
  byModel: ModelSpend[];
  totals: {
    requests: number;
    errors: number;
    /** Requests answered from the response cache (cost 0). */
    cachedRequests: number;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
    baselineCostUsd: number;
    savingsUsd: number;
  };
}

export async function spend(env: Env, team: string, window: WindowName, now = Date.now()): Promise<SpendReport> {
  const { ms, bucketMs } = WINDOWS[window];
  const from = Math.floor((now - ms) / bucketMs) * bucketMs;
  // A client that hung up (499) is neither the gateway's error nor a provider's.
  const [timeline, providers, models] = await env.DB.batch([
    env.DB.prepare(
      `SELECT CAST(created_at / ?3 AS INTEGER) * ?3 AS t, COUNT(*) AS requests, SUM(CASE WHEN status IN (200, 499) THEN 0 ELSE 1 END) AS errors,
        SUM(cached) AS cachedRequests, SUM(input_tokens) AS inputTokens, SUM(output_tokens) AS outputTokens, SUM(cost_usd) AS costUsd, SUM(baseline_cost_usd) AS baselineCostUsd
       FROM request_log WHERE team_id = ?1 AND created_at >= ?2 GROUP BY t ORDER BY t`,
    ).bind(team, from, bucketMs),
    env.DB.prepare(
      `SELECT CAST(created_at / ?3 AS INTEGER) * ?3 AS t, provider, SUM(cost_usd) AS costUsd
       FROM request_log WHERE team_id = ?1 AND created_at >= ?2 AND provider IS NOT NULL GROUP BY t, provider`,
    ).bind(team, from, bucketMs),
    env.DB.prepare(
      `SELECT provider, model, COUNT(*) AS requests, SUM(cached) AS cachedRequests, SUM(input_tokens) AS inputTokens, SUM(output_tokens) AS outputTokens,
        SUM(cost_usd) AS costUsd, SUM(baseline_cost_usd) AS baselineCostUsd
       FROM request_log WHERE team_id = ?1 AND created_at >= ?2 AND provider IS NOT NULL GROUP BY provider, model ORDER BY costUsd DESC, requests DESC`,
    ).bind(team, from),
  ]);
  const buckets = fillBuckets(timeline.results as unknown as SpendBucket[], from, now, bucketMs);
  const byModel = models.results as unknown as ModelSpend[];
  const totals = buckets.reduce(
    (acc, b) => ({
      requests: acc.requests + b.requests,
      errors: acc.errors + b.errors,
      cachedRequests: acc.cachedRequests + b.cachedRequests,
      inputTokens: acc.inputTokens + b.inputTokens,
      outputTokens: acc.outputTokens + b.outputTokens,
      costUsd: acc.costUsd + b.costUsd,
      baselineCostUsd: acc.baselineCostUsd + b.baselineCostUsd,
    }),
    { requests: 0, errors: 0, cachedRequests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, baselineCostUsd: 0 },
  );
  return {
    window,
    from,
    to: now,
    bucketMs,
    buckets,
    costByProvider: seriesByProvider(buckets, providers.results as unknown as { t: number; provider: string; costUsd: number }[]),
    byModel,
    totals: { ...totals, savingsUsd: totals.baselineCostUsd - totals.costUsd },
  };
}
