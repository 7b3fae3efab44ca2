import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_LOG_RETENTION_DAYS, enforceRetention, retentionPolicy } from '../../src/db/retention';
import type { Env } from '../../src/env';
import worker from '../../src/index';

/** Retention of request metadata: the cron handler deletes request_log and feedback rows past their age, in bounded batches. */

const DAY = 24 * 3600_000;
const realEnv = env as unknown as Env;

async function logRow(team: string, id: string, ageDays: number, now = Date.now()): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO request_log (id, created_at, team_id, key_id, requested_model, strategy, status, trace)
     VALUES (?, ?, ?, ?, 'auto', 'balanced', 200, '{}')`,
  )
    .bind(id, now - ageDays * DAY, team, `${team}-key`)
    .run();
}

async function feedbackRow(team: string, id: string, ageDays: number, now = Date.now()): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO feedback (decision_id, key_id, team_id, endpoint_id, task_class, strategy, rating, response_at, rated_at, nonce)
     VALUES (?, ?, ?, 'sim/a', 'chat', 'balanced', 1, ?, ?, 'n')`,
  )
    .bind(id, `${team}-key`, team, now - ageDays * DAY, now - ageDays * DAY + 1000)
    .run();
}

const ids = async (table: 'request_log' | 'feedback', team: string) =>
  (
    await env.DB.prepare(`SELECT ${table === 'feedback' ? 'decision_id' : 'id'} AS id FROM ${table} WHERE team_id = ? ORDER BY 1`)
      .bind(team)
      .all<{ id: string }>()
  ).results.map((r) => r.id);

async function cronTick(withEnv: Env = realEnv): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }), withEnv, ctx);
  await waitOnExecutionContext(ctx);
}

describe('request_log and feedback retention', () => {
  it('the scheduled handler deletes rows older than the default 30 days and keeps younger ones', async () => {
    expect(DEFAULT_REQUEST_LOG_RETENTION_DAYS).toBe(30);
    const team = 'team-retention-default';
    await logRow(team, 'ret-old', 31);
    await logRow(team, 'ret-young', 29);
    await feedbackRow(team, 'ret-old', 31);
    await feedbackRow(team, 'ret-young', 29);
    await cronTick();
    expect(await ids('request_log', team)).toEqual(['ret-young']);
    expect(await ids('feedback', team)).toEqual(['ret-young']);
  });

  it('REQUEST_LOG_RETENTION_DAYS and FEEDBACK_RETENTION_DAYS set the ages', async () => {
    const team = 'team-retention-env';
    await logRow(team, 'env-8d', 8);
    await logRow(team, 'env-6d', 6);
    await feedbackRow(team, 'env-fb-40d', 40);
    await feedbackRow(team, 'env-fb-61d', 61);
    await cronTick({ ...realEnv, REQUEST_LOG_RETENTION_DAYS: '7', FEEDBACK_RETENTION_DAYS: '60' });
    expect(await ids('request_log', team)).toEqual(['env-6d']);
    expect(await ids('feedback', team)).toEqual(['env-fb-40d']);
  });

  it('feedback follows the request log by default and never goes before a rating can no longer be replaced', () => {
    const policy = (vars: Record<string, string>) => retentionPolicy({ ...realEnv, ...vars });
    expect(policy({})).toEqual({ requestLogDays: 30, feedbackDays: 30 });
    expect(policy({ REQUEST_LOG_RETENTION_DAYS: '90' })).toEqual({ requestLogDays: 90, feedbackDays: 90 });
    // A rating can be replaced for 30 days while its request_log row exists: its row stays that long.
    expect(policy({ FEEDBACK_RETENTION_DAYS: '3' })).toEqual({ requestLogDays: 30, feedbackDays: 30 });
    expect(policy({ REQUEST_LOG_RETENTION_DAYS: '7', FEEDBACK_RETENTION_DAYS: '3' })).toEqual({ requestLogDays: 7, feedbackDays: 7 });
    // Not a positive whole number of days: the default, never "delete everything".
    for (const bad of ['0', '-5', '1.5', 'forever', ''])
      expect(policy({ REQUEST_LOG_RETENTION_DAYS: bad })).toEqual({ requestLogDays: 30, feedbackDays: 30 });
  });

  it('a backlog larger than one run goes in bounded batches over several runs', async () => {
    const team = 'team-retention-backlog';
    const now = Date.now();
    for (let i = 0; i < 23; i++) await logRow(team, `backlog-${String(i).padStart(2, '0')}`, 40 + i, now);
    await logRow(team, 'backlog-keep', 1, now);
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const run = await enforceRetention(realEnv, now, { batchRows: 5, maxBatches: 2 });
      runs.push(run);
      if (run.complete) break;
    }
    expect(runs.map((r) => r.requestLog)).toEqual([10, 10, 3]);
    expect(runs.map((r) => r.complete)).toEqual([false, false, true]);
    expect(await ids('request_log', team)).toEqual(['backlog-keep']);
  });

  it('old rows are found through an index on their time, not a scan of the table', async () => {
    for (const [table, column] of [
      ['request_log', 'created_at'],
      ['feedback', 'response_at'],
    ]) {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM ${table} WHERE ${column} < ? LIMIT 10`)
        .bind(0)
        .all<{ detail: string }>();
      const details = plan.results.map((r) => r.detail).join('\n');
      // SEARCH: a range of an index on the time; SCAN (of the table or of another index) reads every row.
      expect(details).toMatch(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX \\w+ \\(${column}<\\?\\)`, 'm'));
      expect(details).not.toMatch(/^SCAN/m);
    }
  });
});
