import { and, eq, gte, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { db, requestLog } from '../db';
import type { AppEnv } from '../env';
import { ApiError } from '../hub';
import { limitsView } from '../tenancy';

const DAY_MS = 86_400_000;
export const MAX_USAGE_DAYS = 366;

/** Savings in USD and as a share of the baseline; the share is null when nothing had a baseline cost. */
export function savingsOf(costUsd: number, baselineCostUsd: number): { savingsUsd: number; savingsPct: number | null } {
  const savingsUsd = baselineCostUsd - costUsd;
  return { savingsUsd, savingsPct: baselineCostUsd > 0 ? (savingsUsd / baselineCostUsd) * 100 : null };
}

export function parseDays(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 30;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > MAX_USAGE_DAYS) {
    throw new ApiError(400, {
      message: `days must be an integer from 1 to ${MAX_USAGE_DAYS} (got '${raw.slice(0, 20)}').`,
      param: 'days',
      code: 'invalid_days',
    });
  }
  return days;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * GET /v1/usage?days=30 — this key's totals for the period: what it spent next to what its baseline
 * model (key setting `baselineModel`) would have cost for the same tokens. Read from D1, never on the
 * request path of a completion.
 */
export async function getUsage(c: Context<AppEnv>): Promise<Response> {
  const key = c.get('key');
  const days = parseDays(c.req.query('days'));
  const now = Date.now();
  const since = now - days * DAY_MS;
  const row = await db(c.env.DB)
    .select({
      requests: sql<number>`count(*)`,
      succeeded: sql<number>`coalesce(sum(case when ${requestLog.status} = 200 then 1 else 0 end), 0)`,
      cached: sql<number>`coalesce(sum(${requestLog.cached}), 0)`,
      inputTokens: sql<number>`coalesce(sum(${requestLog.inputTokens}), 0)`,
      outputTokens: sql<number>`coalesce(sum(${requestLog.outputTokens}), 0)`,
      costUsd: sql<number>`coalesce(sum(${requestLog.costUsd}), 0)`,
      baselineCostUsd: sql<number>`coalesce(sum(${requestLog.baselineCostUsd}), 0)`,
    })
    .from(requestLog)
    .where(and(eq(requestLog.keyId, key.id), gte(requestLog.createdAt, since)))
    .get();
  const totals = row ?? { requests: 0, succeeded: 0, cached: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, baselineCostUsd: 0 };
  const { savingsUsd, savingsPct } = savingsOf(totals.costUsd, totals.baselineCostUsd);
  return c.json({
    object: 'usage',
    key_id: key.id,
    baseline_model: key.settings.baselineModel,
    period: { days, start: new Date(since).toISOString(), end: new Date(now).toISOString() },
    requests: totals.requests,
    succeeded: totals.succeeded,
    // Answered from the response cache, at cost 0.
    cached_requests: totals.cached,
    input_tokens: totals.inputTokens,
    output_tokens: totals.outputTokens,
    total_tokens: totals.inputTokens + totals.outputTokens,
    cost_usd: round(totals.costUsd, 8),
    baseline_cost_usd: round(totals.baselineCostUsd, 8),
    savings_usd: round(savingsUsd, 8),
    savings_pct: savingsPct === null ? null : round(savingsPct, 2),
    // Rates and budgets (the key's, its team's), with each budget window's spend so far.
    limits: await limitsView(c.env, key, (p) => c.executionCtx.waitUntil(p)),
  });
}
