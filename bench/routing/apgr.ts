/**
 * Strong/weak pair routing, RouteLLM-style: APGR and CPT(50 %) / CPT(80 %) of binary routers from a threshold
 * sweep (pair-curve.ts), held out, over several seeds.
 *
 *   npm run bench:routing-apgr -- --data DIR [--only heldout|loto|alpaca] [--seeds 5] [--calibration 100 300] [--json FILE]
 *
 * DIR holds routerdc_split2_model7/ (RouterDC's per-task train outcomes of 7 open 7–8B models),
 * routerbench_*_train.csv and alpacaeval_outcomes.csv. Three evaluations:
 *   heldout  GSM8K and MMLU (RouterDC): each seed splits every task's prompts into halves by a hash of the
 *            prompt; routers learn on the train halves only (the MF on every task's train half, the pair
 *            routers on the task's own) and are scored on the test half. Pairs: the strongest and the weakest
 *            model by accuracy over the task's file, and the strongest against the model nearest the midpoint (closer).
 *   loto     leave one RouterDC task out: routers learn on the other five tasks, are scored on all of the
 *            sixth; the pair is that task's strongest and weakest model. Seeds vary the MF's initialisation.
 *   alpaca   RouterBench + RouterDC → AlpacaEval 2 (no row and no judge in common). The MF learns on every
 *            source row; "mf" routes zero-shot with the vectors of the same models in RouterBench (gpt-4-1106
 *            vs mixtral-8x7b-chat / llama-2-70b-chat, claude-v2 vs gpt-3.5-turbo-1106); "head" keeps its prompt representation (the shipped
 *            int8 form) and fits only a pair head on a calibration slice of AlpacaEval; "logistic"/"knn"
 *            learn from the calibration slice alone; "logistic-src" is the n-gram pair model learned on the
 *            RouterBench pair and applied as is. Test = AlpacaEval minus the slice (hash of id and seed).
 * Baselines: random (APGR 0.5 exactly), length (longer prompt → strong), oracle (the outcomes themselves).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argList, argValue } from './args';
import { hash32 } from './data';
import { uniformStream } from './dominance';
import { thresholdPairMetrics, type ThresholdPairMetrics } from './pair-curve';
import { gainOf, headScorer, knnScorer, lengthScorer, logisticScorer, mfScorer, scored, type Pair, type PairScorer } from './pair-routers';
import { artefactOf, DEFAULT_FIT, fitFactors, type OutcomeRow } from './per-prompt-mf';
import { loadPerPromptModel, promptVector } from '../../src/routing/per-prompt/model';
import { loadAlpacaEval, loadRouterBenchDir, loadRouterDcDir, outcomeRows } from '../../training/routing/outcome-rows';

interface Result extends ThresholdPairMetrics {
  section: string;
  target: string;
  pair: string;
  router: string;
  seed: number;
  n: number;
  /** Accuracy of the weak and the strong model on the scored prompts (the gap PGR divides by). */
  weakAccuracy: number;
  strongAccuracy: number;
  /** 95 % bootstrap interval of APGR over the test prompts (resampled with their scores): the test set's own noise. */
  apgrLo: number;
  apgrHi: number;
}

const RESAMPLES = 200;

function bootstrapApgr(score: number[], yWeak: number[], yStrong: number[], seed: number): [number, number] {
  const draw = uniformStream(seed);
  const n = score.length;
  const xs: number[] = [];
  for (let b = 0; b < RESAMPLES; b++) {
    const idx = score.map(() => Math.floor(draw() * n));
    const a = thresholdPairMetrics(
      idx.map((i) => score[i]),
      idx.map((i) => yWeak[i]),
      idx.map((i) => yStrong[i]),
    ).apgr;
    if (Number.isFinite(a)) xs.push(a);
  }
  xs.sort((a, b) => a - b);
  return [xs[Math.floor(0.025 * (xs.length - 1))], xs[Math.ceil(0.975 * (xs.length - 1))]];
}

const results: Result[] = [];
const short = (m: string) => m.split('/').pop()!;

function record(
  meta: Omit<Result, keyof ThresholdPairMetrics | 'n' | 'weakAccuracy' | 'strongAccuracy' | 'apgrLo' | 'apgrHi'>,
  test: OutcomeRow[],
  pair: Pair,
  score: PairScorer | 'random' | 'oracle',
) {
  const rows = scored(test, pair);
  const s = rows.map((r) => (score === 'random' ? 0 : score === 'oracle' ? gainOf(r, pair) : score(r)));
  const yWeak = rows.map((r) => r.outcomes[pair.weak]!);
  const yStrong = rows.map((r) => r.outcomes[pair.strong]!);
  const accuracy = (ys: number[]) => ys.reduce((a, y) => a + y, 0) / ys.length;
  const [apgrLo, apgrHi] = bootstrapApgr(s, yWeak, yStrong, meta.seed + 1);
  results.push({
    ...meta,
    apgrLo,
    apgrHi,
    n: rows.length,
    weakAccuracy: accuracy(yWeak),
    strongAccuracy: accuracy(yStrong),
    ...thresholdPairMetrics(s, yWeak, yStrong),
  });
}

/** Each model's accuracy on `rows`. */
function accuracies(rows: OutcomeRow[], models: number): number[] {
  return Array.from({ length: models }, (_, m) => {
    const ys = rows.map((r) => r.outcomes[m]).filter((y) => y !== undefined);
    return ys.reduce((a, y) => a + y!, 0) / Math.max(1, ys.length);
  });
}

/**
 * The task's strongest and weakest model, and the strongest against the model nearest the midpoint of the two
 * accuracies (a closer pair; the two strongest are within a few points on MMLU, so their PGR divides by noise).
 */
function taskPairs(rows: OutcomeRow[], models: number): [string, Pair][] {
  const acc = accuracies(rows, models);
  const order = acc.map((_, m) => m).sort((a, b) => acc[b] - acc[a] || a - b);
  const strong = order[0];
  const weak = order[order.length - 1];
  const mid = (acc[strong] + acc[weak]) / 2;
  const middle = order.slice(1, -1).reduce((best, m) => (Math.abs(acc[m] - mid) < Math.abs(acc[best] - mid) ? m : best), order[1]);
  return [
    ['strongest vs weakest', { strong, weak }],
    ['strongest vs mid-strength', { strong, weak: middle }],
  ];
}

const baselines = { length: lengthScorer, random: 'random', oracle: 'oracle' } as const;

function heldOut(dc: { rows: OutcomeRow[]; models: string[] }, seeds: number[]) {
  const tasks = ['gsm8k', 'mmlu'];
  // Pairs by accuracy over the whole file (RouterDC's train split), the same in every seed.
  const pairsOf = new Map(
    tasks.map((t) => [
      t,
      taskPairs(
        dc.rows.filter((r) => r.taskClass === t),
        dc.models.length,
      ),
    ]),
  );
  for (const seed of seeds) {
    const isTest = (r: OutcomeRow) => hash32(`apgr-half|${seed}|${r.id}`) % 2 === 1;
    const train = dc.rows.filter((r) => !isTest(r));
    const factors = fitFactors(train, dc.models.length, { ...DEFAULT_FIT, seed });
    for (const task of tasks) {
      const tr = train.filter((r) => r.taskClass === task);
      const te = dc.rows.filter((r) => r.taskClass === task && isTest(r));
      for (const [kind, pair] of pairsOf.get(task)!) {
        const meta = (router: string) => ({
          section: 'heldout',
          target: task,
          pair: `${kind}: ${short(dc.models[pair.strong])} vs ${short(dc.models[pair.weak])}`,
          router,
          seed,
        });
        const routers: Record<string, PairScorer | 'random' | 'oracle'> = {
          mf: mfScorer(factors, DEFAULT_FIT.buckets, pair),
          logistic: logisticScorer(tr, pair),
          knn: knnScorer(tr, pair),
          ...baselines,
        };
        for (const [name, score] of Object.entries(routers)) record(meta(name), te, pair, score);
      }
    }
    console.error(`heldout seed ${seed} done`);
  }
}

function leaveOneTaskOut(dc: { rows: OutcomeRow[]; models: string[] }, seeds: number[]) {
  for (const task of [...new Set(dc.rows.map((r) => r.taskClass))].sort()) {
    const train = dc.rows.filter((r) => r.taskClass !== task);
    const test = dc.rows.filter((r) => r.taskClass === task);
    const pair = taskPairs(test, dc.models.length)[0][1];
    const meta = (router: string, seed: number) => ({
      section: 'loto',
      target: task,
      pair: `${short(dc.models[pair.strong])} vs ${short(dc.models[pair.weak])}`,
      router,
      seed,
    });
    const fixed: Record<string, PairScorer | 'random' | 'oracle'> = { logistic: logisticScorer(train, pair), ...baselines };
    for (const [name, score] of Object.entries(fixed)) record(meta(name, 0), test, pair, score);
    for (const seed of seeds)
      record(
        meta('mf', seed),
        test,
        pair,
        mfScorer(fitFactors(train, dc.models.length, { ...DEFAULT_FIT, seed }), DEFAULT_FIT.buckets, pair),
      );
    console.error(`loto ${task} done`);
  }
}

/**
 * AlpacaEval 2 pairs and the same models in RouterBench. The reference gpt4_1106_preview is always "as good as
 * itself", so against it the router only predicts where the weak answer matches gpt-4-turbo's.
 */
const ALPACA_PAIRS = [
  {
    strong: 'gpt4_1106_preview',
    weak: 'Mixtral-8x7B-Instruct-v0.1_concise',
    source: ['gpt-4-1106-preview', 'mistralai/mixtral-8x7b-chat'],
  },
  { strong: 'gpt4_1106_preview', weak: 'humpback-llama2-70b', source: ['gpt-4-1106-preview', 'meta/llama-2-70b-chat'] },
  // Both sides judged, and both models in RouterBench under these names.
  { strong: 'claude-2', weak: 'gpt-3.5-turbo-1106', source: ['claude-v2', 'gpt-3.5-turbo-1106'] },
];

function alpaca(dir: string, seeds: number[], calibrations: number[]) {
  const rb = loadRouterBenchDir(dir);
  const dc = loadRouterDcDir(join(dir, 'routerdc_split2_model7'));
  const models = [...rb.models, ...dc.models];
  const pad = (r: OutcomeRow, before: number, after: number): OutcomeRow => ({
    ...r,
    outcomes: [...new Array(before).fill(undefined), ...r.outcomes, ...new Array(after).fill(undefined)],
    costs: models.map(() => 1),
  });
  const rbRows = outcomeRows(rb.rows, rb.models, (e) => e);
  const sources = [...rbRows.map((r) => pad(r, 0, dc.models.length)), ...dc.rows.map((r) => pad(r, rb.models.length, 0))];
  const columns = [...new Set(ALPACA_PAIRS.flatMap((p) => [p.strong, p.weak]))];
  const target = loadAlpacaEval(join(dir, 'alpacaeval_outcomes.csv'), columns);
  const pairs = ALPACA_PAIRS.map((p) => ({
    label: `${p.strong} vs ${p.weak}`,
    pair: { strong: columns.indexOf(p.strong), weak: columns.indexOf(p.weak) },
    sourcePair: { strong: models.indexOf(p.source[0]), weak: models.indexOf(p.source[1]) },
    // The RouterBench pair's own gains, learned once: the pair model that transfers without any target label.
    sourceLogistic: logisticScorer(rbRows, { strong: rb.models.indexOf(p.source[0]), weak: rb.models.indexOf(p.source[1]) }),
  }));
  for (const seed of seeds) {
    const factors = fitFactors(sources, models.length, { ...DEFAULT_FIT, seed });
    const shipped = loadPerPromptModel(artefactOf(factors, models, {}, { version: 'apgr', source: 'bench' }, DEFAULT_FIT));
    const u = new Map(target.map((r) => [r.id, promptVector(shipped, r.text)]));
    const order = [...target].sort((a, b) => hash32(`apgr-cal|${seed}|${a.id}`) - hash32(`apgr-cal|${seed}|${b.id}`));
    for (const size of calibrations) {
      const cal = order.slice(0, size);
      const test = order.slice(size);
      for (const p of pairs) {
        const routers: Record<string, PairScorer | 'random' | 'oracle'> = {
          mf: mfScorer(factors, DEFAULT_FIT.buckets, p.sourcePair),
          'logistic-src': p.sourceLogistic,
          head: headScorer(cal, p.pair, (r) => u.get(r.id)!),
          logistic: logisticScorer(cal, p.pair),
          knn: knnScorer(cal, p.pair),
          ...baselines,
        };
        for (const [name, score] of Object.entries(routers))
          record({ section: 'alpaca', target: `alpacaeval (calibration ${size})`, pair: p.label, router: name, seed }, test, p.pair, score);
      }
    }
    console.error(`alpaca seed ${seed} done`);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sdOf = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
};
const pct = (x: number | null) => (x === null ? 'never' : `${(100 * x).toFixed(1)}%`);

function summary(): string[] {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = [r.section, r.target, r.pair, r.router].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const lines = [
    '| section | target | pair (strong vs weak) | router | seeds | n test | acc. strong / weak | APGR median [min, max] (sd) over seeds | test-set 95 % (median seed) | CPT(50%) | CPT(80%) | hull APGR |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const rs of groups.values()) {
    const a = rs.map((r) => r.apgr);
    const cpt = (f: (r: Result) => number | null) => {
      const xs = rs.map(f);
      return xs.some((x) => x === null)
        ? `${pct(median(xs.filter((x) => x !== null) as number[]))} (${xs.filter((x) => x === null).length} never)`
        : pct(median(xs as number[]));
    };
    const r0 = rs[0];
    lines.push(
      `| ${r0.section} | ${r0.target} | ${r0.pair} | ${r0.router} | ${rs.length} | ${median(rs.map((r) => r.n))} | ${median(rs.map((r) => r.strongAccuracy)).toFixed(3)} / ${median(rs.map((r) => r.weakAccuracy)).toFixed(3)} | ${median(a).toFixed(3)} [${Math.min(...a).toFixed(3)}, ${Math.max(...a).toFixed(3)}] (${sdOf(a).toFixed(3)}) | [${median(rs.map((r) => r.apgrLo)).toFixed(3)}, ${median(rs.map((r) => r.apgrHi)).toFixed(3)}] | ${cpt((r) => r.cpt50)} | ${cpt((r) => r.cpt80)} | ${median(rs.map((r) => r.hullApgr)).toFixed(3)} |`,
    );
  }
  return lines;
}

function main() {
  const args = process.argv.slice(2);
  const dir = argValue(args, '--data');
  if (!dir) {
    console.error(
      'usage: npm run bench:routing-apgr -- --data DIR [--only heldout|loto|alpaca] [--seeds 5] [--calibration 100 300] [--json FILE]',
    );
    process.exit(2);
  }
  const only = argValue(args, '--only');
  const seeds = Array.from({ length: Number(argValue(args, '--seeds') ?? 5) }, (_, i) => i + 1);
  const calibrations = argList(args, '--calibration').map(Number);
  const dc = () => loadRouterDcDir(join(dir, 'routerdc_split2_model7'));
  if (!only || only === 'heldout') heldOut(dc(), seeds);
  if (!only || only === 'loto') leaveOneTaskOut(dc(), seeds);
  if (!only || only === 'alpaca') alpaca(dir, seeds, calibrations.length ? calibrations : [100, 300]);
  const json = argValue(args, '--json');
  if (json) writeFileSync(json, JSON.stringify(results, null, 1));
  console.log(summary().join('\n'));
}

main();
