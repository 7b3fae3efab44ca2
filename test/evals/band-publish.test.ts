import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { complexity as SUITE_COMPLEXITY } from '../../evals/suite/complexity.generated';
import { cellsToMap } from '../../src/evals/signal';
import { evalCellsOf, latestPerItem, type GradedResult } from '../../src/evals/stats';
import { EVAL_CELLS_KEY, publishCells, recomputeScores, type EvalCellsRecord } from '../../src/evals/store';
import { withBands } from '../../src/evals/complexity';
import { loadSuite } from '../../src/evals';
import worker from '../../src/index';
import { wilsonInterval } from '../../src/lib';

/**
 * Production evals feed the router's complexity-band cells: results are filed into the band of their item's
 * precomputed complexity (eval_band_scores), published in the KV cells record, and loaded by the signal.
 */
const suite = loadSuite();

async function scheduledTick(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Every stored result, as the pure aggregation sees it, with the item's complexity from `table`. */
async function storedResults(table: Record<string, number>): Promise<GradedResult[]> {
  const { results } = await env.DB.prepare(
    'SELECT endpoint_id AS e, item_id AS i, pass AS p, score AS s, created_at AS t FROM eval_results',
  ).all<{ e: string; i: string; p: number; s: number; t: number }>();
  return results.map((r) => {
    const item = suite.byId.get(r.i)!;
    return {
      endpointId: r.e,
      itemId: r.i,
      category: item.category,
      taskClasses: item.taskClasses,
      pass: r.p === 1,
      score: r.s,
      createdAt: r.t,
      ...(Object.hasOwn(table, r.i) ? { complexity: table[r.i] } : {}),
    };
  });
}

const sortedEntries = (m: Map<string, unknown>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
const isBandKey = (key: string) => key.split('|').length === 3;

describe('eval cells record → snapshot map', () => {
  const base: EvalCellsRecord = {
    suiteVersion: 'v-test',
    updatedAt: 0,
    cells: [
      ['p/a', 'math', 7, 10],
      ['p/a', 'sql', 0, 0],
    ],
  };

  it('loads a record written before bands existed (no bandCells): class cells only', () => {
    const map = cellsToMap(base, 'v-test');
    expect([...map.keys()]).toEqual(['p/a|math']);
    expect(map.get('p/a|math')).toEqual({ passRate: 0.7, ciLow: wilsonInterval(7, 10).low, samples: 10 });
  });

  it('loads band cells under `${endpoint}|${class}|${band}`, skipping empty cells and unknown bands', () => {
    const map = cellsToMap(
      {
        ...base,
        bandCells: [
          ['p/a', 'math', 'low', 5, 5],
          ['p/a', 'math', 'high', 2, 5],
          ['p/a', 'math', 'mid', 0, 0],
          ['p/a', 'math', 'extreme', 1, 1],
        ],
      },
      'v-test',
    );
    expect(map.get('p/a|math|low')).toEqual({ passRate: 1, ciLow: wilsonInterval(5, 5).low, samples: 5 });
    expect(map.get('p/a|math|high')).toEqual({ passRate: 0.4, ciLow: wilsonInterval(2, 5).low, samples: 5 });
    expect([...map.keys()].sort()).toEqual(['p/a|math', 'p/a|math|high', 'p/a|math|low']);
    // Another suite version measured other items: nothing loads, bands included.
    expect(cellsToMap({ ...base, bandCells: [['p/a', 'math', 'low', 5, 5]] }, 'v-other').size).toBe(0);
  });
});

describe('eval cron → band cells', () => {
  it('a scheduled tick publishes band cells that match the stored results and the items’ complexity', async () => {
    await scheduledTick();
    const record = (await env.KV.get<EvalCellsRecord>(EVAL_CELLS_KEY, 'json'))!;
    expect(record.suiteVersion).toBe(suite.version);
    expect(record.bandCells!.length).toBeGreaterThan(0);

    const loaded = cellsToMap(record);
    const expected = evalCellsOf(latestPerItem(await storedResults(SUITE_COMPLEXITY)));
    // The D1 path (eval_scores + eval_band_scores → KV → signal) agrees with the pure aggregation, class and band cells.
    expect(sortedEntries(loaded)).toEqual(sortedEntries(expected));
    expect([...loaded.keys()].some(isBandKey)).toBe(true);

    // Per (endpoint, class), the band cells partition the class cell (every suite item has a complexity).
    const bandTotals = new Map<string, number>();
    for (const [e, t, , , n] of record.bandCells!) bandTotals.set(`${e}|${t}`, (bandTotals.get(`${e}|${t}`) ?? 0) + n);
    for (const [e, t, , n] of record.cells) expect(bandTotals.get(`${e}|${t}`)).toBe(n);

    // eval_scores keeps its shape: one row per (endpoint, suite version, category, task class).
    const dupes = await env.DB.prepare(
      'SELECT count(*) AS n FROM (SELECT 1 FROM eval_scores GROUP BY endpoint_id, suite_version, category, task_class HAVING count(*) > 1)',
    ).first<{ n: number }>();
    expect(dupes!.n).toBe(0);
  });

  it('items without a complexity count in the class cells only', async () => {
    if ((await env.DB.prepare('SELECT count(*) AS n FROM eval_results').first<{ n: number }>())!.n === 0) await scheduledTick();
    const { results: eps } = await env.DB.prepare('SELECT DISTINCT endpoint_id AS e FROM eval_results').all<{ e: string }>();
    // Every other evaluated item keeps its complexity; the rest are as if missing from the generated table.
    const { results: evaluated } = await env.DB.prepare('SELECT DISTINCT item_id AS i FROM eval_results ORDER BY item_id').all<{
      i: string;
    }>();
    const kept = evaluated.filter((_, n) => n % 2 === 0).map((r) => r.i);
    const partial = Object.fromEntries(kept.map((id) => [id, SUITE_COMPLEXITY[id]]));
    const now = Date.now();
    await recomputeScores(
      env,
      suite.version,
      withBands(suite.items, partial),
      eps.map((r) => ({ endpointId: r.e, since: 0, modelVersion: null })),
      now,
    );
    const record = await publishCells(env, suite.version, now);

    const expected = evalCellsOf(latestPerItem(await storedResults(partial)));
    expect(sortedEntries(cellsToMap(record))).toEqual(sortedEntries(expected));
    // Class cells still count every graded item, banded or not.
    const classTotal = record.cells.reduce((n, c) => n + c[3], 0);
    const bandTotal = record.bandCells!.reduce((n, c) => n + c[4], 0);
    expect(bandTotal).toBeGreaterThan(0);
    expect(bandTotal).toBeLessThan(classTotal);
  });
});
