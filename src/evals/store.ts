import type { Env } from '../env';
import type { ScoredItem } from './complexity';
import type { EvalItem } from './types';
import type { EvalCursor, EvalResult } from './runner';
import { wilsonInterval } from '../lib';

/**
 * D1/KV edge of the continuous evals. D1 holds runs (cursor per sweep), graded results and the
 * per-(endpoint, suite version, category, task class) scores (and per complexity band, eval_band_scores); KV
 * holds two small records: the compact per-(endpoint, task class) and per-band cells the router loads, and the
 * observed model versions.
 * Bulk writes go through json_each(?) so a slice costs a handful of queries whatever its size
 * (D1 allows 100 bound parameters per query and 50 queries per invocation on the free plan).
 */

export const EVAL_CELLS_KEY = 'evals:cells';
export const EVAL_MODELS_KEY = 'evals:models';

// ---- runs ---------------------------------------------------------------------------------

export type RunKind = 'sweep' | 'recheck' | 'probe';

export interface RunRow {
  id: string;
  suiteVersion: string;
  startedAt: number;
  finishedAt: number | null;
  cursor: EvalCursor;
}

/** Run ids carry their kind (and, for rechecks, the endpoint) so no extra columns are needed. */
export const sweepRunId = (suiteVersion: string, n: number) => `${suiteVersion}:sweep:${n}`;
export const recheckRunId = (suiteVersion: string, endpointId: string, since: number) => `${suiteVersion}:recheck:${since}:${endpointId}`;
export const probeRunId = (suiteVersion: string) => `${suiteVersion}:probe`;

export function runKind(id: string): RunKind {
  const kind = id.split(':')[1];
  return kind === 'recheck' || kind === 'probe' ? kind : 'sweep';
}

interface RawRun {
  id: string;
  suite_version: string;
  started_at: number;
  finished_at: number | null;
  cursor_position: number;
  cursor_cycle: number;
}

const toRun = (r: RawRun): RunRow => ({
  id: r.id,
  suiteVersion: r.suite_version,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  cursor: { suiteVersion: r.suite_version, position: r.cursor_position, cycle: r.cursor_cycle },
});

export async function getRun(env: Env, id: string): Promise<RunRow | null> {
  const row = await env.DB.prepare('SELECT * FROM eval_runs WHERE id = ?').bind(id).first<RawRun>();
  return row ? toRun(row) : null;
}

/** Sweeps of a suite version, newest first. */
export async function listSweeps(env: Env, suiteVersion: string): Promise<RunRow[]> {
  const { results } = await env.DB.prepare(
    'SELECT * FROM eval_runs WHERE suite_version = ? AND id LIKE ? ORDER BY started_at DESC, id DESC',
  )
    .bind(suiteVersion, `${suiteVersion}:sweep:%`)
    .all<RawRun>();
  return results.map(toRun);
}

/** Creates the run unless it exists (two overlapping ticks agree on the id, so only one row). */
export async function ensureRun(env: Env, id: string, suiteVersion: string, now: number): Promise<RunRow> {
  await env.DB.prepare(
    'INSERT OR IGNORE INTO eval_runs (id, suite_version, started_at, cursor_position, cursor_cycle, updated_at) VALUES (?, ?, ?, 0, 0, ?)',
  )
    .bind(id, suiteVersion, now, now)
    .run();
  return (await getRun(env, id))!;
}

/**
 * Claims a slice by moving the run's cursor from `from` to `to` atomically. A tick that lost the
 * race (another tick moved the cursor first) gets false and does not evaluate the same pairs twice.
 */
export async function claimSlice(env: Env, run: RunRow, to: EvalCursor, finished: boolean, now: number): Promise<boolean> {
  const res = await env.DB.prepare(
    'UPDATE eval_runs SET cursor_position = ?, cursor_cycle = ?, finished_at = ?, updated_at = ? WHERE id = ? AND cursor_position = ? AND cursor_cycle = ? AND finished_at IS NULL',
  )
    .bind(to.position, to.cycle, finished ? now : null, now, run.id, run.cursor.position, run.cursor.cycle)
    .run();
  return (res.meta.changes ?? 0) === 1;
}

// ---- results and scores -------------------------------------------------------------------

/** Stores graded results only: provider errors and unjudged answers are not quality data. */
export async function insertResults(env: Env, runId: string, results: EvalResult[], now: number): Promise<number> {
  const graded = results.filter((r) => r.status === 'graded');
  if (graded.length === 0) return 0;
  const rows = graded.map((r) => ({ e: r.endpointId, i: r.itemId, p: r.pass ? 1 : 0, s: r.score, l: r.latencyMs }));
  await env.DB.prepare(
    `INSERT INTO eval_results (run_id, endpoint_id, item_id, pass, score, latency_ms, created_at)
     SELECT ?1, json_extract(value, '$.e'), json_extract(value, '$.i'), json_extract(value, '$.p'), json_extract(value, '$.s'), json_extract(value, '$.l'), ?2
     FROM json_each(?3)`,
  )
    .bind(runId, now, JSON.stringify(rows))
    .run();
  return graded.length;
}

export interface EndpointScope {
  endpointId: string;
  /** Only results from this time on count (the current model version's first observation). */
  since: number;
  modelVersion: string | null;
}

/**
 * Recomputes eval_scores of the given endpoints for a suite version from the latest result per
 * (endpoint, item) since each endpoint's model version began, then replaces their rows in one batch.
 * The item → (category, task class, complexity band) map comes from the suite, passed as JSON. Results of
 * items with a band are also counted per band into eval_band_scores, replaced in the same batch so the two
 * tables never disagree; eval_scores rows are the sums over bands (and band-less items), as before.
 */
export async function recomputeScores(
  env: Env,
  suiteVersion: string,
  items: ScoredItem[],
  scopes: EndpointScope[],
  now: number,
): Promise<number> {
  if (scopes.length === 0) return 0;
  const itemClasses = items.flatMap((i) => i.taskClasses.map((t) => [i.id, i.category, t, i.band ?? null]));
  const { results } = await env.DB.prepare(
    `WITH items AS (SELECT json_extract(value, '$[0]') AS item_id, json_extract(value, '$[1]') AS category, json_extract(value, '$[2]') AS task_class,
                           json_extract(value, '$[3]') AS band FROM json_each(?2)),
          eps AS (SELECT json_extract(value, '$[0]') AS endpoint_id, json_extract(value, '$[1]') AS since FROM json_each(?3)),
          latest AS (
            SELECT r.endpoint_id, r.item_id, r.pass, r.score, max(r.created_at) AS created_at
            FROM eval_results r JOIN eval_runs u ON u.id = r.run_id JOIN eps ON eps.endpoint_id = r.endpoint_id
            WHERE u.suite_version = ?1 AND r.created_at >= eps.since
            GROUP BY r.endpoint_id, r.item_id)
     SELECT l.endpoint_id AS endpointId, i.category AS category, i.task_class AS taskClass, i.band AS band,
            sum(l.pass) AS passed, count(*) AS total, sum(l.score) AS scoreSum
     FROM latest l JOIN items i ON i.item_id = l.item_id
     GROUP BY l.endpoint_id, i.category, i.task_class, i.band`,
  )
    .bind(suiteVersion, JSON.stringify(itemClasses), JSON.stringify(scopes.map((s) => [s.endpointId, s.since])))
    .all<{
      endpointId: string;
      category: string;
      taskClass: string;
      band: string | null;
      passed: number;
      total: number;
      scoreSum: number;
    }>();
  const versionOf = new Map(scopes.map((s) => [s.endpointId, s.modelVersion]));
  // Class rows pool the band groups (and the band-less one) of each (endpoint, category, task class).
  const classTotals = new Map<string, { e: string; c: string; t: string; p: number; n: number; s: number }>();
  for (const r of results) {
    const key = `${r.endpointId}\u0000${r.category}\u0000${r.taskClass}`;
    const row = classTotals.get(key) ?? { e: r.endpointId, c: r.category, t: r.taskClass, p: 0, n: 0, s: 0 };
    row.p += r.passed;
    row.n += r.total;
    row.s += r.scoreSum;
    classTotals.set(key, row);
  }
  const withCi = <T extends { e: string; p: number; n: number }>(r: T) => {
    const ci = wilsonInterval(r.p, r.n);
    return { ...r, lo: ci.low, hi: ci.high, m: versionOf.get(r.e) ?? null };
  };
  const rows = [...classTotals.values()].map(withCi);
  const bandRows = results
    .filter((r) => r.band !== null)
    .map((r) => withCi({ e: r.endpointId, c: r.category, t: r.taskClass, b: r.band, p: r.passed, n: r.total, s: r.scoreSum }));
  const endpointIds = JSON.stringify(scopes.map((s) => s.endpointId));
  await env.DB.batch([
    env.DB.prepare('DELETE FROM eval_scores WHERE suite_version = ? AND endpoint_id IN (SELECT value FROM json_each(?))').bind(
      suiteVersion,
      endpointIds,
    ),
    env.DB.prepare(
      `INSERT INTO eval_scores (endpoint_id, suite_version, category, task_class, passed, total, score_sum, ci_low, ci_high, model_version, updated_at)
       SELECT json_extract(value, '$.e'), ?1, json_extract(value, '$.c'), json_extract(value, '$.t'), json_extract(value, '$.p'), json_extract(value, '$.n'),
              json_extract(value, '$.s'), json_extract(value, '$.lo'), json_extract(value, '$.hi'), json_extract(value, '$.m'), ?2
       FROM json_each(?3)`,
    ).bind(suiteVersion, now, JSON.stringify(rows)),
    env.DB.prepare('DELETE FROM eval_band_scores WHERE suite_version = ? AND endpoint_id IN (SELECT value FROM json_each(?))').bind(
      suiteVersion,
      endpointIds,
    ),
    env.DB.prepare(
      `INSERT INTO eval_band_scores (endpoint_id, suite_version, category, task_class, band, passed, total, score_sum, ci_low, ci_high, model_version, updated_at)
       SELECT json_extract(value, '$.e'), ?1, json_extract(value, '$.c'), json_extract(value, '$.t'), json_extract(value, '$.b'), json_extract(value, '$.p'),
              json_extract(value, '$.n'), json_extract(value, '$.s'), json_extract(value, '$.lo'), json_extract(value, '$.hi'), json_extract(value, '$.m'), ?2
       FROM json_each(?3)`,
    ).bind(suiteVersion, now, JSON.stringify(bandRows)),
  ]);
  return rows.length;
}

export interface StoredScore {
  endpointId: string;
  suiteVersion: string;
  category: string;
  taskClass: string;
  passed: number;
  total: number;
  scoreSum: number;
  ciLow: number;
  ciHigh: number;
  modelVersion: string | null;
  updatedAt: number;
}

const SCORE_COLUMNS = `endpoint_id AS endpointId, suite_version AS suiteVersion, category, task_class AS taskClass, passed, total,
  score_sum AS scoreSum, ci_low AS ciLow, ci_high AS ciHigh, model_version AS modelVersion, updated_at AS updatedAt`;

export async function scoresForSuite(env: Env, suiteVersion: string): Promise<StoredScore[]> {
  const { results } = await env.DB.prepare(
    `SELECT ${SCORE_COLUMNS} FROM eval_scores WHERE suite_version = ? ORDER BY endpoint_id, category, task_class`,
  )
    .bind(suiteVersion)
    .all<StoredScore>();
  return results;
}

/** Every suite version's scores of one endpoint (history is kept per suite version). */
export async function scoresForEndpoint(env: Env, endpointId: string): Promise<StoredScore[]> {
  const { results } = await env.DB.prepare(
    `SELECT ${SCORE_COLUMNS} FROM eval_scores WHERE endpoint_id = ? ORDER BY suite_version, category, task_class`,
  )
    .bind(endpointId)
    .all<StoredScore>();
  return results;
}

// ---- KV records ---------------------------------------------------------------------------

/** What the router loads: pass counts pooled over categories per (endpoint, task class). */
export interface EvalCellsRecord {
  suiteVersion: string;
  updatedAt: number;
  /** [endpointId, taskClass, passed, total] */
  cells: [string, string, number, number][];
  /**
   * The same per complexity band, from items with a band (eval_band_scores). Optional: records written before
   * bands existed lack it and still load (class cells only).
   */
  bandCells?: [string, string, string, number, number][];
}

export async function publishCells(env: Env, suiteVersion: string, now: number): Promise<EvalCellsRecord> {
  const [classes, bands] = await env.DB.batch<{ e: string; t: string; b?: string; p: number; n: number }>([
    env.DB.prepare(
      'SELECT endpoint_id AS e, task_class AS t, sum(passed) AS p, sum(total) AS n FROM eval_scores WHERE suite_version = ? GROUP BY endpoint_id, task_class',
    ).bind(suiteVersion),
    env.DB.prepare(
      'SELECT endpoint_id AS e, task_class AS t, band AS b, sum(passed) AS p, sum(total) AS n FROM eval_band_scores WHERE suite_version = ? GROUP BY endpoint_id, task_class, band',
    ).bind(suiteVersion),
  ]);
  const record: EvalCellsRecord = {
    suiteVersion,
    updatedAt: now,
    cells: classes.results.map((r) => [r.e, r.t, r.p, r.n]),
    bandCells: bands.results.map((r) => [r.e, r.t, r.b!, r.p, r.n]),
  };
  await env.KV.put(EVAL_CELLS_KEY, JSON.stringify(record));
  return record;
}

export async function readCells(env: Env): Promise<EvalCellsRecord | null> {
  return env.KV.get<EvalCellsRecord>(EVAL_CELLS_KEY, 'json');
}

/** Per endpoint: the upstream model id last reported in eval responses, and since when. */
export interface ModelVersionState {
  /** null while the provider has not reported a model id. */
  model: string | null;
  /** First observation of this version (0 for the first version ever seen: all results count). */
  since: number;
  checkedAt: number;
  /** Id of the recheck run re-evaluating this endpoint after a version change, until it completes. */
  recheck?: string;
}

export type ModelVersions = Record<string, ModelVersionState>;

export async function readModelVersions(env: Env): Promise<ModelVersions> {
  return (await env.KV.get<ModelVersions>(EVAL_MODELS_KEY, 'json')) ?? {};
}

export async function writeModelVersions(env: Env, versions: ModelVersions): Promise<void> {
  await env.KV.put(EVAL_MODELS_KEY, JSON.stringify(versions));
}
