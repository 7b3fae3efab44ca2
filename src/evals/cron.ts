import type { Env } from '../env';
import { routingSnapshot } from '../routing';
import { withBands } from './complexity';
import { makeInvokers } from './invoke';
import { observeModelVersions, probeDue } from './model-versions';
import {
  EVAL_CONCURRENCY,
  EVAL_SUBREQUESTS_PER_TICK,
  planSlice,
  runSlice,
  type EvalEndpoint,
  type EvalResult,
  type PlannedPair,
} from './runner';
import {
  claimSlice,
  ensureRun,
  insertResults,
  listSweeps,
  probeRunId,
  publishCells,
  readModelVersions,
  recheckRunId,
  recomputeScores,
  runKind,
  sweepRunId,
  writeModelVersions,
  type ModelVersions,
  type RunKind,
  type RunRow,
} from './store';
import { loadSuite } from './suite';
import type { EvalItem } from './types';

/**
 * The continuous-eval runner, driven by the cron trigger. A full sweep is ~200 items × ~100
 * endpoints ≈ 20k calls, far more than one invocation may make: Workers allow 50 subrequests per
 * invocation on the free plan (1000 paid) and 30 s of CPU by default. So each tick claims and runs
 * one slice (≤ 40 calls to real providers; more when every target is simulated, since simulated
 * calls are not subrequests and only cost CPU), stores its results and refreshes the scores, and the
 * next tick continues from the cursor stored in D1 (eval_runs). Claims move the cursor atomically,
 * so overlapping ticks (two crons in the same minute, a slow tick) never evaluate a pair twice.
 *
 * Work per tick, in order: rechecks of endpoints whose reported model version changed; the active
 * sweep (a new one starts when the last finished EVAL_RERUN_HOURS ago, or when the suite version
 * changes); otherwise a one-item probe of endpoints not called for a while, which is how a model
 * change is noticed between sweeps.
 */

/** Simulated calls per tick: CPU-bound (translation, grading), no subrequests. */
export const EVAL_SIM_CALLS_PER_TICK = 200;
export const EVAL_SIM_CONCURRENCY = 16;
export const DEFAULT_RERUN_INTERVAL_MS = 24 * 3600_000;
export const PROBE_INTERVAL_MS = 6 * 3600_000;

export interface TickOptions {
  now?: number;
  /** Calls (subrequests) this tick may make; defaults depend on whether any target is real. */
  budget?: number;
  /** Restrict the fleet (tests, `npm run evals -- --endpoint`). */
  endpointIds?: string[];
  concurrency?: number;
  rerunIntervalMs?: number;
}

export interface TickReport {
  suiteVersion: string;
  budget: number;
  runs: { id: string; kind: RunKind; pairs: number; finished: boolean }[];
  calls: number;
  graded: number;
  errors: number;
  ungraded: number;
  modelChanges: string[];
  scoreRows: number;
}

function envNumber(env: Env, name: string): number | undefined {
  const raw = (env as unknown as Record<string, unknown>)[name];
  const n = typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

interface Claimed {
  run: RunRow;
  pairs: PlannedPair[];
  finished: boolean;
}

/** Items a probe may use: single-call, objectively graded intelligence items. */
function probeItems(items: EvalItem[]): EvalItem[] {
  return items.filter((i) => i.category === 'intelligence' && i.grading.kind === 'answer').sort((a, b) => a.id.localeCompare(b.id));
}

export async function runEvalTick(env: Env, opts: TickOptions = {}): Promise<TickReport> {
  const now = opts.now ?? Date.now();
  const { version, items } = loadSuite();
  const fleet = routingSnapshot(env).endpoints.filter((m) => !opts.endpointIds || opts.endpointIds.includes(m.endpoint.id));
  const allSimulated = fleet.every((m) => m.simulated);
  const budget =
    opts.budget ?? envNumber(env, 'EVAL_CALLS_PER_TICK') ?? (allSimulated ? EVAL_SIM_CALLS_PER_TICK : EVAL_SUBREQUESTS_PER_TICK);
  const report: TickReport = {
    suiteVersion: version,
    budget,
    runs: [],
    calls: 0,
    graded: 0,
    errors: 0,
    ungraded: 0,
    modelChanges: [],
    scoreRows: 0,
  };
  if (fleet.length === 0) return report;

  const evalEndpoints: EvalEndpoint[] = fleet.map((m) => ({ id: m.endpoint.id, capabilities: m.endpoint.capabilities }));
  const fleetIds = new Set(evalEndpoints.map((e) => e.id));
  let versions: ModelVersions = await readModelVersions(env);
  let left = budget;
  const claimed: Claimed[] = [];

  const claim = async (run: RunRow, eps: EvalEndpoint[]) => {
    const plan = planSlice(eps, items, run.cursor, left, { suiteVersion: version });
    if (plan.pairs.length === 0 && !plan.cycleCompleted) return null;
    if (!(await claimSlice(env, run, plan.nextCursor, plan.cycleCompleted, now))) return null;
    left -= plan.subrequests;
    const c = { run, pairs: plan.pairs, finished: plan.cycleCompleted };
    claimed.push(c);
    return c;
  };

  // 1. Endpoints whose model changed are re-evaluated first.
  for (const [endpointId, state] of Object.entries(versions)) {
    if (!state.recheck || !fleetIds.has(endpointId) || left <= 0) continue;
    const run = await ensureRun(env, state.recheck, version, now);
    const done =
      run.finishedAt !== null ||
      run.suiteVersion !== version ||
      (
        await claim(
          run,
          evalEndpoints.filter((e) => e.id === endpointId),
        )
      )?.finished;
    if (done) versions = { ...versions, [endpointId]: { ...state, recheck: undefined } };
  }

  // 2. The sweep: continue the active one, or start the next when it is due.
  let sweepActive = false;
  if (left > 0) {
    const sweeps = await listSweeps(env, version);
    let run = sweeps.find((r) => r.finishedAt === null) ?? null;
    const last = sweeps[0];
    const hours = envNumber(env, 'EVAL_RERUN_HOURS');
    const rerun = opts.rerunIntervalMs ?? (hours !== undefined ? hours * 3600_000 : DEFAULT_RERUN_INTERVAL_MS);
    if (!run && (!last || now - (last.finishedAt ?? now) >= rerun)) {
      run = await ensureRun(env, sweepRunId(version, sweeps.length + 1), version, now);
    }
    if (run && run.finishedAt === null) {
      sweepActive = true;
      await claim(run, evalEndpoints);
    }
  }

  // 3. Between sweeps: one cheap item per endpoint not called for a while (notices model changes).
  if (!sweepActive && left > 0) {
    const due = probeDue(versions, [...fleetIds], now, PROBE_INTERVAL_MS).slice(0, left);
    const pool = probeItems(items);
    if (due.length > 0 && pool.length > 0) {
      const run = await ensureRun(env, probeRunId(version), version, now);
      const item = pool[run.cursor.cycle % pool.length];
      const next = { ...run.cursor, cycle: run.cursor.cycle + 1 };
      // The probe run never finishes; its cycle counts probe ticks and rotates the item.
      if (await claimSlice(env, run, next, false, now)) {
        left -= due.length;
        claimed.push({ run, pairs: due.map((endpointId) => ({ endpointId, item, subrequests: 1 })), finished: false });
      }
    }
  }

  const pairs = claimed.flatMap((c) => c.pairs);
  const invokers = makeInvokers(env, fleet);
  const results = pairs.length
    ? await runSlice(pairs, invokers.invoke, invokers.judgeInvoke, {
        concurrency: opts.concurrency ?? (allSimulated ? EVAL_SIM_CONCURRENCY : EVAL_CONCURRENCY),
        modelFor: invokers.modelFor,
      })
    : [];

  // Results in pair order; split them back per run.
  let offset = 0;
  const byRun: { run: RunRow; results: EvalResult[] }[] = [];
  for (const c of claimed) {
    byRun.push({ run: c.run, results: results.slice(offset, offset + c.pairs.length) });
    offset += c.pairs.length;
    report.runs.push({ id: c.run.id, kind: runKind(c.run.id), pairs: c.pairs.length, finished: c.finished });
  }
  for (const { run, results: rs } of byRun) await insertResults(env, run.id, rs, now);
  report.calls = results.length;
  for (const r of results) report[r.status === 'graded' ? 'graded' : r.status === 'error' ? 'errors' : 'ungraded']++;

  // Model versions: a changed upstream model restarts that endpoint's scores and queues a recheck.
  const update = observeModelVersions(versions, invokers.observed, now);
  versions = update.versions;
  for (const endpointId of update.changed) {
    const id = recheckRunId(version, endpointId, now);
    await ensureRun(env, id, version, now);
    versions[endpointId] = { ...versions[endpointId], recheck: id };
  }
  report.modelChanges = update.changed;
  if (claimed.length > 0 || update.changed.length > 0) await writeModelVersions(env, versions);

  const touched = new Set([...results.filter((r) => r.status === 'graded').map((r) => r.endpointId), ...update.changed]);
  if (touched.size > 0) {
    const scopes = [...touched].map((endpointId) => ({
      endpointId,
      since: versions[endpointId]?.since ?? 0,
      modelVersion: versions[endpointId]?.model ?? null,
    }));
    // Results also count in their item's complexity band (precomputed per item: src/evals/complexity.ts).
    report.scoreRows = await recomputeScores(env, version, withBands(items), scopes, now);
    await publishCells(env, version, now);
  }
  // Counts only: never prompt or response text.
  console.log('eval tick', JSON.stringify({ ...report, runs: report.runs.map((r) => `${r.kind}:${r.pairs}${r.finished ? ':done' : ''}`) }));
  return report;
}

/** The cron entry (src/index.ts). Failures are logged, never thrown into the other cron work. */
export async function scheduledEvals(_controller: ScheduledController, env: Env): Promise<TickReport | null> {
  try {
    return await runEvalTick(env);
  } catch (err) {
    console.error('eval tick failed', err instanceof Error ? err.message : String(err));
    return null;
  }
}
