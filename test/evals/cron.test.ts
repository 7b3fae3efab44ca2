import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/hub';
import { runEvalTick } from '../../src/evals/cron';
import { observeModelVersions } from '../../src/evals/model-versions';
import { itemSkill } from '../../src/sim/skill';
import { EVAL_MODELS_KEY, EVAL_CELLS_KEY, type EvalCellsRecord, type ModelVersions } from '../../src/evals/store';
import { loadSuite } from '../../src/evals';
import worker from '../../src/index';
import { decide, refreshSignalsNow, routingSnapshot, type ClassificationSignal } from '../../src/routing';
import { STAGES } from '../../src/routing/pipeline';
import { type KeyRecord, keySettingsSchema } from '../../src/tenancy/types';
import { admin, workerFetch, BASE } from '../helpers/gateway';

/**
 * Continuous evals inside workerd: the cron handler sweeps the simulated fleet slice by slice into
 * D1, scores reach routing through the signal source, and the eval gate filters per task class.
 */

const suite = loadSuite();
const key: KeyRecord = {
  id: 'key-evals',
  teamId: 'team-evals',
  name: 'evals',
  keyPrefix: 'cai_x',
  scopes: ['api'],
  settings: keySettingsSchema.parse({}),
  createdAt: 0,
  revokedAt: null,
};
const request = { model: 'auto', messages: [{ role: 'user', content: 'Write a query listing customers by revenue.' }] } as ChatRequest;
const cls = (taskClass: string): ClassificationSignal => ({ taskClass, complexity: 0.5, source: 'model' });

async function scheduledTick(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;

async function classRow(endpointId: string, taskClass: string) {
  return env.DB.prepare(
    'SELECT sum(passed) AS passed, sum(total) AS total FROM eval_scores WHERE endpoint_id = ? AND task_class = ? AND suite_version = ?',
  )
    .bind(endpointId, taskClass, suite.version)
    .first<{ passed: number | null; total: number | null }>();
}

/** Mean simulated skill over a class's items (the simulator's ground truth, used to pick endpoints). */
const classSkill = (endpointId: string, taskClass: string) => {
  const items = suite.items.filter((i) => i.taskClasses.includes(taskClass as never) && i.category === 'intelligence');
  return items.reduce((s, i) => s + itemSkill(i, endpointId), 0) / items.length;
};

describe('eval cron', () => {
  it('the scheduled handler runs slices that store results, scores with CIs and the routing cells', async () => {
    await scheduledTick();
    const results1 = await count('SELECT count(*) AS n FROM eval_results');
    expect(results1).toBeGreaterThan(50);
    const run = await env.DB.prepare("SELECT * FROM eval_runs WHERE id LIKE '%:sweep:%' ORDER BY started_at DESC").first<{
      suite_version: string;
      cursor_position: number;
    }>();
    expect(run!.suite_version).toBe(suite.version);
    expect(run!.cursor_position).toBeGreaterThan(0);

    const scores = await env.DB.prepare('SELECT * FROM eval_scores WHERE suite_version = ?')
      .bind(suite.version)
      .all<{ passed: number; total: number; ci_low: number; ci_high: number }>();
    expect(scores.results.length).toBeGreaterThan(10);
    for (const s of scores.results) {
      expect(s.total).toBeGreaterThan(0);
      expect(s.ci_low).toBeLessThanOrEqual(s.passed / s.total);
      expect(s.ci_high).toBeGreaterThanOrEqual(s.passed / s.total);
    }
    const cells = await env.KV.get<EvalCellsRecord>(EVAL_CELLS_KEY, 'json');
    expect(cells!.suiteVersion).toBe(suite.version);
    expect(cells!.cells.length).toBeGreaterThan(0);

    // The next tick continues from the cursor: new pairs, never the same (endpoint, item) twice.
    await scheduledTick();
    const results2 = await count('SELECT count(*) AS n FROM eval_results');
    expect(results2).toBeGreaterThan(results1);
    expect(await count('SELECT count(*) AS n FROM (SELECT DISTINCT endpoint_id, item_id FROM eval_results)')).toBe(results2);
  });

  it('an endpoint failing the SQL items is not routed SQL prompts but still serves other classes; the admin API shows why', async () => {
    // Endpoints that reach the eval gate for this key and request (earlier stages may drop some).
    const beforeGate = new Set(
      STAGES.slice(
        0,
        STAGES.findIndex((s) => s.name === 'eval_gate'),
      ).map((s) => s.name),
    );
    const probe = decide(env, { request, key, classification: cls('sql') });
    const reaching = routingSnapshot(env)
      .endpoints.map((m) => m.endpoint.id)
      .filter((id) => !probe.dropped.some((d) => d.id === id && beforeGate.has(d.stage)));
    // Weak at SQL yet good at math (per the simulator's ground truth), and the best SQL endpoint.
    const contenders = reaching
      .filter((id) => classSkill(id, 'sql') < 0.7)
      .sort((a, b) => classSkill(b, 'math') - classSkill(b, 'sql') - (classSkill(a, 'math') - classSkill(a, 'sql')))
      .slice(0, 3);
    const strong = [...reaching].sort((a, b) => classSkill(b, 'sql') - classSkill(a, 'sql'))[0];
    expect(contenders.length).toBeGreaterThan(0);

    // Intelligence items apply to every endpoint (the structured-output SQL item needs json_schema).
    const sqlItems = suite.items.filter((i) => i.taskClasses.includes('sql') && i.category === 'intelligence').length;
    const evaluated = [...contenders, strong];
    const covered = async () =>
      (await Promise.all(contenders.map(async (id) => (await classRow(id, 'sql'))?.total ?? 0))).every((n) => n >= sqlItems);
    for (let tick = 0; tick < 4 && !(await covered()); tick++) {
      await runEvalTick(env, { endpointIds: evaluated, budget: 2000, rerunIntervalMs: 0 });
    }
    // The measured verdicts (not the simulator's truth) decide: SQL filtered, math eligible.
    await refreshSignalsNow(env);
    const weak = contenders.find((id) => {
      const sqlGate = decide(env, { request, key, classification: cls('sql') }).dropped.some((d) => d.id === id && d.stage === 'eval_gate');
      const mathOk = decide(env, { request, key, classification: cls('math') }).candidates.some(
        (c) => c.endpoint.id === id && c.evalStatus === 'eligible',
      );
      return sqlGate && mathOk;
    })!;
    expect(weak).toBeDefined();
    const weakSql = (await classRow(weak, 'sql'))!;
    expect(weakSql.total).toBeGreaterThanOrEqual(sqlItems);
    expect(weakSql.passed! / weakSql.total!).toBeLessThan(0.8);

    const sql = decide(env, { request, key, classification: cls('sql') });
    expect(sql.dropped.find((d) => d.id === weak)).toMatchObject({ stage: 'eval_gate' });
    expect(sql.dropped.find((d) => d.id === weak)!.reason).toContain('sql');
    expect(sql.candidates.map((c) => c.endpoint.id)).toContain(strong);
    expect(sql.candidates.every((c) => c.evalStatus === 'eligible')).toBe(true);

    const math = decide(env, { request, key, classification: cls('math') });
    expect(math.candidates.find((c) => c.endpoint.id === weak)?.evalStatus).toBe('eligible');

    const list = await admin('/evals');
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      suiteVersion: string;
      data: { endpoint: string; simulated: boolean; filteredFor: string[]; eligibleFor: string[] }[];
    };
    expect(body.suiteVersion).toBe(suite.version);
    const weakRow = body.data.find((d) => d.endpoint === weak)!;
    expect(weakRow).toMatchObject({ simulated: true });
    expect(weakRow.filteredFor).toContain('sql');
    expect(weakRow.eligibleFor).toContain('math');

    const detail = (await (await admin(`/evals/${weak}`)).json()) as {
      taskClasses: Record<string, { status: string; total: number }>;
      history: unknown[];
    };
    expect(detail.taskClasses.sql).toMatchObject({ status: 'filtered', total: weakSql.total });
    expect(detail.history.length).toBe(1);
    expect((await admin('/evals/no-such/endpoint')).status).toBe(404);
    expect((await workerFetch(`${BASE}/admin/evals`)).status).toBe(401);
  });

  it('a changed upstream model version restarts the endpoint’s scores and queues a recheck run', async () => {
    const target = routingSnapshot(env).endpoints.find((m) => m.endpoint.id.startsWith('openai/'))!.endpoint;
    await runEvalTick(env, { endpointIds: [target.id], budget: 20 });
    const versions = (await env.KV.get<ModelVersions>(EVAL_MODELS_KEY, 'json'))!;
    // The simulated fleet reports the model it was asked for, as real providers report theirs.
    expect(versions[target.id].model).toBe(target.model);

    // Pretend the provider used to serve an older snapshot under this endpoint.
    await env.KV.put(
      EVAL_MODELS_KEY,
      JSON.stringify({ ...versions, [target.id]: { model: `${target.model}-2025-01-01`, since: 0, checkedAt: 0 } }),
    );
    const now = Date.now() + 60_000;
    const changed = await runEvalTick(env, { endpointIds: [target.id], budget: 20, now });
    expect(changed.modelChanges).toEqual([target.id]);
    const after = (await env.KV.get<ModelVersions>(EVAL_MODELS_KEY, 'json'))![target.id];
    expect(after).toMatchObject({ model: target.model, since: now });
    expect(after.recheck).toContain(':recheck:');

    // Scores now count only results from the new version (older results stay stored as history).
    const before = await count('SELECT count(*) AS n FROM eval_results WHERE endpoint_id = ? AND created_at < ?', target.id, now);
    const fresh = await env.DB.prepare('SELECT DISTINCT item_id AS id FROM eval_results WHERE endpoint_id = ? AND created_at >= ?')
      .bind(target.id, now)
      .all<{ id: string }>();
    const expected = fresh.results.reduce((s, r) => s + suite.byId.get(r.id)!.taskClasses.length, 0);
    const stored = await count(
      'SELECT sum(total) AS n FROM eval_scores WHERE endpoint_id = ? AND suite_version = ?',
      target.id,
      suite.version,
    );
    expect(before).toBeGreaterThan(0);
    expect(fresh.results.length).toBeGreaterThan(0);
    expect(stored).toBe(expected);

    // The next tick spends its budget on the recheck first.
    const next = await runEvalTick(env, { endpointIds: [target.id], budget: 20, now: now + 60_000 });
    expect(next.runs[0]).toMatchObject({ id: after.recheck, kind: 'recheck' });
    expect(next.runs[0].pairs).toBeGreaterThan(0);
  });

  it('between scheduled sweeps, endpoints not called for hours get a one-item probe', async () => {
    const target = routingSnapshot(env).endpoints.find((m) => m.endpoint.id.startsWith('google/'))!.endpoint.id;
    const quiet = { endpointIds: [target], budget: 2000, rerunIntervalMs: 1e12 };
    // Finish whatever sweep is active (for this one-endpoint fleet, one tick does it).
    let t = Date.now() + 3_600_000;
    for (let i = 0; i < 3 && !(await runEvalTick(env, { ...quiet, now: t })).runs.some((r) => r.kind === 'sweep' && r.finished); i++)
      t += 60_000;
    const idle = await runEvalTick(env, { ...quiet, now: t + 60_000 });
    expect(idle.runs).toEqual([]);
    const later = await runEvalTick(env, { ...quiet, now: t + 7 * 3_600_000 });
    expect(later.runs).toEqual([expect.objectContaining({ kind: 'probe', pairs: 1 })]);
    expect(later.graded).toBe(1);
  });

  it('the gate applies per-class thresholds and falls back to unevaluated endpoints only when no evaluated one qualifies', () => {
    const snapshot = routingSnapshot(env);
    const saved = snapshot.evals;
    try {
      const probe = decide(env, { request, key, classification: cls('chat') });
      const [a, b] = probe.candidates.map((c) => c.endpoint.id);
      const cell = (passed: number, total: number) => ({ passRate: passed / total, ciLow: 0, samples: total });
      // 7/10: Wilson low bound ≈ 0.40 — enough for creative writing (0.35), not for SQL (0.5).
      snapshot.evals = new Map([
        [`${a}|creative_writing`, cell(7, 10)],
        [`${a}|sql`, cell(7, 10)],
        [`${b}|sql`, cell(10, 10)],
      ]);
      const creative = decide(env, { request, key, classification: cls('creative_writing') });
      expect(creative.candidates.map((c) => c.endpoint.id)).toEqual([a]);
      expect(creative.dropped.find((d) => d.id === b)?.reason).toBe('unevaluated while evaluated endpoints qualify');
      const sql = decide(env, { request, key, classification: cls('sql') });
      expect(sql.candidates.map((c) => c.endpoint.id)).toEqual([b]);
      expect(sql.dropped.find((d) => d.id === a)).toMatchObject({ stage: 'eval_gate' });
      // Nothing evaluated qualifies for SQL: unevaluated endpoints serve, and the trace says so.
      snapshot.evals = new Map([
        [`${a}|sql`, cell(2, 10)],
        [`${b}|chat`, cell(10, 10)],
      ]);
      const fallback = decide(env, { request, key, classification: cls('sql') });
      expect(fallback.candidates.every((c) => c.evalStatus === 'unevaluated' && c.endpoint.id !== a)).toBe(true);
      expect(fallback.candidates.length).toBeGreaterThan(1);
      expect(fallback.trace.find((t) => t.stage === 'eval_gate')!.note).toContain('no evaluated endpoint qualifies for sql');
      // Too few samples is not a verdict yet (default: 5).
      snapshot.evals = new Map([
        [`${a}|sql`, cell(0, 2)],
        [`${b}|sql`, cell(10, 10)],
      ]);
      expect(decide(env, { request, key, classification: cls('sql') }).dropped.find((d) => d.id === a)?.reason).toBe(
        'unevaluated while evaluated endpoints qualify',
      );
    } finally {
      snapshot.evals = saved;
    }
  });

  it('model versions: a first sighting keeps history, a change restarts it', () => {
    const first = observeModelVersions(
      {},
      new Map([
        ['p/m', 'm-1'],
        ['p/silent', undefined],
      ]),
      100,
    );
    expect(first.changed).toEqual([]);
    expect(first.versions['p/m']).toEqual({ model: 'm-1', since: 0, checkedAt: 100 });
    expect(first.versions['p/silent'].model).toBeNull();
    const same = observeModelVersions(
      first.versions,
      new Map([
        ['p/m', 'm-1'],
        ['p/silent', 'x-1'],
      ]),
      200,
    );
    expect(same.changed).toEqual([]);
    expect(same.versions['p/silent']).toMatchObject({ model: 'x-1', since: 0 });
    const changed = observeModelVersions(same.versions, new Map([['p/m', 'm-2']]), 300);
    expect(changed.changed).toEqual(['p/m']);
    expect(changed.versions['p/m']).toEqual({ model: 'm-2', since: 300, checkedAt: 300 });
  });
});
