/**
 * Routing quality benchmark: does the real pipeline, learning only from train outcomes, buy more
 * accuracy per dollar than fixed model choices?
 *
 *   npm run bench:routing -- --train FILE... [--test FILE...] [--split 0.2] [--holdout-list FILE.jsonl]
 *        [--folds K] [--signal both|evals|feedback] [--no-classifier] [--no-bands] [--train-complexity FILE.jsonl]
 *        [--eval-gate LB] [--class-prices] [--fixed-output] [--per-prompt [--per-prompt-seed N] [--per-prompt-simple-fit]]
 *        [--svg bench/routing/routing-quality.svg] [--json]
 *
 * Input: RouterBench CSVs (see data.ts). Without --test, each train file is split
 * deterministically (hash of sample_id; --split is the held-out share, default 0.2). --holdout-list
 * instead holds out exactly the prompts listed in a JSONL of {"text"} (e.g. the classifier's own
 * held-out RouterBench prompts, so classifier-included results are not measured on its training data).
 * --folds K cross-validates instead: every prompt of the train files is routed once, by a router trained on
 * the other K-1 folds (hash of sample_id), and the metrics are computed over all of them; with
 * --train-complexity each prompt's complexity comes from a classifier that never saw its outcome.
 * The classifier's complexity of each train prompt goes with its eval item, so quality is also learned per
 * (task class, complexity band); --no-bands learns per task class only (the router before bands).
 * Each task also gets a dominance report (dominance.ts): the router's AIQ minus the Zero router's with a
 * paired bootstrap 95 % interval, the same interval for a router that is exactly the Zero hull's vertices (its floor:
 * what matching the best fixed mix gets), the router against those vertices (no re-choice per resample), and the
 * sweep points surely below the Zero hull at their own cost.
 * --eval-gate LB sets the eval gate's minimum Wilson lower bound of the pass rate (the EVAL_THRESHOLDS setting,
 * default 0.5; 0 turns the gate off), which decides how far toward the cheapest models the router may go.
 * --class-prices (diagnostic) routes each task over a catalog priced from that task's own train prompts: what the
 * router would do if it knew each model's cost on this kind of prompt (a model's answers are longer on some tasks).
 * Each model's output tokens per task are learned from the train prompts' costs through the Worker's own
 * estimator (src/routing/output-tokens.ts, harness.ts learnOutputTokens), so stages 10–14 price each model by
 * what it writes for that task; --fixed-output skips that (every model 512 output tokens: the router before it).
 * --per-prompt fits the per-prompt quality model on each fold's train prompts (bench/routing/per-prompt-mf.ts, the
 * generator's code, its shrink weight per task fitted on inner folds of those prompts routed through the
 * pipeline, per-prompt-pipeline-fit.ts; --per-prompt-simple-fit: through the simplified router instead) and
 * puts it in the snapshot, so stage 12 blends it in exactly as the Worker does with the shipped artefact.
 * Metrics and baselines: metrics.ts; results: README.md (this folder).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bandShrinkageFor } from '../../src/routing/band-shrinkage';
import { DEFAULT_EVAL_THRESHOLDS, type ClassificationSignal } from '../../src/routing';
import { argList, argValue } from './args';
import { complexityRater, loadClassifier } from './complexity-source';
import { foldOf, isHeldOut, lastQuestion, parseRouterBench, type BenchRow } from './data';
import { dominanceReport, type DominanceReport } from './dominance';
import { benchCatalog, benchSnapshot, learn, learnOutputTokens, routeOne, type SignalPath } from './harness';
import { DEFAULT_FIT, trainArtefact } from './per-prompt-mf';
import { fitWeightsThroughPipeline } from './per-prompt-pipeline-fit';
import { outcomeRows } from '../../training/routing/outcome-rows';
import { loadPerPromptModel } from '../../src/routing/per-prompt/model';
import { aiq, costToReach, nonDecreasingHull, pairMetrics, type PairMetrics, type Point } from './metrics';
import { renderSvg, type Panel } from './plot';

const STRONG = 'gpt-4-1106-preview';
const WEAK = 'mistralai/mixtral-8x7b-chat';
/** λc sweep: quality a doubling of cost must buy (0 = best quality regardless of cost). */
/** Prompt resamples for the dominance report's intervals. */
const BOOTSTRAP_RESAMPLES = 200;
const LAMBDAS = [
  0, 0.002, 0.004, 0.006, 0.008, 0.01, 0.0125, 0.015, 0.0175, 0.02, 0.025, 0.03, 0.035, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.125, 0.15, 0.2,
  0.3, 0.5, 1, 100,
];

interface RouterResult {
  aiq: number;
  pair: PairMetrics;
  points: Point[];
}

interface TaskReport {
  task: string;
  n: number;
  range: { lo: number; hi: number };
  models: Record<string, { cost: number; quality: number }>;
  best: { model: string; cost: number; quality: number };
  router: RouterResult & { at95: { cost: number | null; shareOfBestCost: number | null }; strongShare: number[] };
  zero: RouterResult;
  random: RouterResult;
  randomUniform: { cost: number; quality: number };
  oracle: RouterResult & { cost: number; quality: number };
  single: Record<string, { aiq: number; apgr: number }>;
  dominance: DominanceReport;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function evaluateTask(
  task: string,
  rows: BenchRow[],
  models: string[],
  choices: (string | null)[][],
  rowIndex: Map<BenchRow, number>,
): TaskReport {
  const singles: Point[] = models.map((m) => ({
    label: m,
    cost: mean(rows.map((r) => r.costs[m])),
    quality: mean(rows.map((r) => r.scores[m])),
  }));
  const byModel = Object.fromEntries(singles.map((p) => [p.label!, { cost: p.cost, quality: p.quality }]));
  const range = { lo: Math.min(...singles.map((p) => p.cost)), hi: Math.max(...singles.map((p) => p.cost)) };
  const weak = singles.find((p) => p.label === WEAK)!;
  const strong = singles.find((p) => p.label === STRONG)!;
  const best = singles.reduce((a, b) => (b.quality > a.quality || (b.quality === a.quality && b.cost < a.cost) ? b : a));

  // A prompt the pipeline could not route (no endpoint qualified) scores 0 at no cost.
  const routerPoints: Point[] = choices.map((perRow, k) => {
    const picked = rows.map((r) => perRow[rowIndex.get(r)!]);
    return {
      label: `λ=${LAMBDAS[k]}`,
      cost: mean(rows.map((r, i) => (picked[i] ? r.costs[picked[i]!] : 0))),
      quality: mean(rows.map((r, i) => (picked[i] ? r.scores[picked[i]!] : 0))),
    };
  });
  const strongShare = choices.map((perRow) => mean(rows.map((r) => (perRow[rowIndex.get(r)!] === STRONG ? 1 : 0))));
  const randomPoints: Point[] = Array.from({ length: 21 }, (_, i) => i / 20).map((p) => ({
    cost: (1 - p) * weak.cost + p * strong.cost,
    quality: (1 - p) * weak.quality + p * strong.quality,
  }));
  const oracleRow = rows.map((r) => {
    const correct = models.filter((m) => r.scores[m] >= 0.5);
    const pool = correct.length ? correct : models;
    const m = pool.reduce((a, b) => (r.costs[b] < r.costs[a] ? b : a));
    return { cost: r.costs[m], quality: r.scores[m] };
  });
  const oracle = { cost: mean(oracleRow.map((o) => o.cost)), quality: mean(oracleRow.map((o) => o.quality)) };
  const result = (points: Point[]): RouterResult => ({ aiq: aiq(points, range), pair: pairMetrics(points, weak, strong), points });
  const routerHull = nonDecreasingHull(routerPoints);
  const c95 = costToReach(routerHull, 0.95 * best.quality);
  return {
    task,
    n: rows.length,
    range,
    models: byModel,
    best: { model: best.label!, cost: best.cost, quality: best.quality },
    router: { ...result(routerPoints), at95: { cost: c95, shareOfBestCost: c95 === null ? null : c95 / best.cost }, strongShare },
    zero: result(singles),
    random: result(randomPoints),
    randomUniform: { cost: mean(singles.map((p) => p.cost)), quality: mean(singles.map((p) => p.quality)) },
    oracle: { ...result([oracle]), ...oracle },
    single: Object.fromEntries(singles.map((p) => [p.label!, { aiq: aiq([p], range), apgr: pairMetrics([p], weak, strong).apgr }])),
    dominance: dominanceReport(
      {
        scores: rows.map((r) => models.map((m) => r.scores[m])),
        costs: rows.map((r) => models.map((m) => r.costs[m])),
        choices: choices.map((perRow) =>
          rows.map((r) => {
            const picked = perRow[rowIndex.get(r)!];
            return picked ? models.indexOf(picked) : -1;
          }),
        ),
      },
      { resamples: BOOTSTRAP_RESAMPLES },
    ),
  };
}

const f = (x: number | null, d = 3) => (x === null ? '—' : x.toFixed(d));
const pct = (x: number | null) => (x === null ? 'never' : `${(100 * x).toFixed(1)}%`);

async function main() {
  const args = process.argv.slice(2);
  const trainFiles = argList(args, '--train');
  const testFiles = argList(args, '--test');
  const json = args.includes('--json');
  const split = Number(argValue(args, '--split') ?? 0.2);
  const holdoutList = argValue(args, '--holdout-list');
  const signal = (argValue(args, '--signal') ?? 'both') as SignalPath;
  const svgPath = argValue(args, '--svg') ?? join(dirname(fileURLToPath(import.meta.url)), 'routing-quality.svg');
  if (!trainFiles.length) {
    console.error(
      'usage: npm run bench:routing -- --train FILE... [--test FILE...] [--split 0.2] [--holdout-list FILE.jsonl] [--folds K] [--signal both|evals|feedback] [--no-classifier] [--no-bands] [--train-complexity FILE.jsonl] [--eval-gate LB] [--class-prices] [--fixed-output] [--per-prompt [--per-prompt-seed N] [--per-prompt-simple-fit]] [--svg PATH] [--json]',
    );
    process.exit(2);
  }
  const log = (s: string) => (json ? console.error(s) : console.log(s));

  let models: string[] = [];
  const load = (file: string) => {
    const parsed = parseRouterBench(readFileSync(file, 'utf8'));
    if (models.length && parsed.models.join() !== models.join()) throw new Error(`${file}: model columns differ from the other files`);
    models = parsed.models;
    if (parsed.skipped) log(`${file}: ${parsed.skipped} rows skipped (missing outcome or cost)`);
    return parsed.rows;
  };
  const folds = Number(argValue(args, '--folds') ?? 0);
  const evalGate = argValue(args, '--eval-gate') === undefined ? undefined : Number(argValue(args, '--eval-gate'));
  // Each split is a (train, test) pair; the folds of --folds K are K of them, whose test rows together are every prompt.
  const splits: { train: BenchRow[]; test: BenchRow[] }[] = [];
  let splitNote: string;
  if (testFiles.length) {
    splits.push({ train: trainFiles.flatMap(load), test: testFiles.flatMap(load) });
    splitNote = `test files: ${testFiles.join(', ')}`;
  } else if (folds >= 2) {
    const all = trainFiles.flatMap(load);
    for (let k = 0; k < folds; k++)
      splits.push({ train: all.filter((r) => foldOf(r.id, folds) !== k), test: all.filter((r) => foldOf(r.id, folds) === k) });
    splitNote = `${folds}-fold cross-validation over every prompt`;
  } else if (holdoutList) {
    const held = new Set(
      readFileSync(holdoutList, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text),
    );
    const all = trainFiles.flatMap(load);
    splits.push({ train: all.filter((r) => !held.has(lastQuestion(r.prompt))), test: all.filter((r) => held.has(lastQuestion(r.prompt))) });
    splitNote = `held out: prompts listed in ${holdoutList}`;
  } else {
    const all = trainFiles.flatMap(load);
    splits.push({ train: all.filter((r) => !isHeldOut(r.id, split)), test: all.filter((r) => isHeldOut(r.id, split)) });
    splitNote = `deterministic ${Math.round(split * 100)}% hash split of each file`;
  }
  const test = splits.flatMap((s) => s.test);
  log(
    `${splits.length === 1 ? `train ${splits[0].train.length} prompts, ` : ''}test ${test.length} prompts (${splitNote}); ${models.length} models`,
  );

  const learnOutput = !args.includes('--fixed-output');
  const classifier = args.includes('--no-classifier') ? null : await loadClassifier();
  const bands = !!classifier && !args.includes('--no-bands');
  // A prompt's complexity must come from a classifier that never saw its outcome (complexity-source.ts).
  const crossFitFile = argValue(args, '--train-complexity');
  const rater = classifier ? complexityRater(classifier, crossFitFile) : null;
  const complexityOf = (row: BenchRow) => rater!.complexityOf(row);
  const classifierMs = rater?.classifierMs ?? [];

  // choices[λ][test row] = the model the pipeline picked (null: nothing qualified).
  const choices: (string | null)[][] = LAMBDAS.map(() => []);
  let routeMs = 0;
  for (const { train, test: rows } of splits) {
    const trainComplexity = new Map<BenchRow, number>();
    if (bands) for (const row of train) trainComplexity.set(row, await complexityOf(row));
    const snapshotFor = (priceRows: BenchRow[]) => {
      const s = benchSnapshot(benchCatalog(models, priceRows));
      if (evalGate !== undefined)
        s.evalThresholds = { default: { ...DEFAULT_EVAL_THRESHOLDS.default, minPassLowerBound: evalGate }, classes: {} };
      return s;
    };
    const snapshot = snapshotFor(train);
    const learned = learn(snapshot, models, train, signal, bands ? (row) => trainComplexity.get(row) : undefined);
    if (learnOutput) {
      const o = learnOutputTokens(snapshot, train);
      log(`output tokens learned from ${o.answers} train answers (${o.clamped} priced below their input estimate: 0 output tokens)`);
    }
    // --class-prices (diagnostic): each task is routed over a catalog priced from its own train prompts, i.e. a
    // router that knew each model's cost on this kind of prompt (output lengths differ by model and task).
    const byTask = new Map<string, typeof snapshot>();
    if (args.includes('--class-prices'))
      for (const t of new Set(train.map((r) => r.evalName))) {
        const s = snapshotFor(train.filter((r) => r.evalName === t));
        learn(s, models, train, signal, bands ? (row) => trainComplexity.get(row) : undefined);
        byTask.set(t, s);
      }
    if (args.includes('--per-prompt')) {
      const seed = Number(argValue(args, '--per-prompt-seed') ?? DEFAULT_FIT.seed);
      const opts = { ...DEFAULT_FIT, seed };
      const simple = args.includes('--per-prompt-simple-fit');
      const { artefact, innerAiq } = trainArtefact(
        outcomeRows(train, models, (e) => e),
        models,
        { version: 'bench-fold', source: 'this fold' },
        opts,
        simple ? undefined : (rows) => fitWeightsThroughPipeline(train, rows, models, opts),
      );
      snapshot.perPrompt = loadPerPromptModel(artefact);
      log(
        `per-prompt model fitted on the fold's train prompts; shrink weight per task: ${JSON.stringify(artefact.weights)}; inner AIQ gain per grid weight: ${JSON.stringify(Object.fromEntries(Object.entries(innerAiq).map(([t, g]) => [t, g.map((x) => Number(x.toFixed(4)))])))}`,
      );
    }
    for (const s of byTask.values()) s.perPrompt = snapshot.perPrompt;
    log(
      `learned from ${train.length} train prompts through ${signal}: ${learned.evalResults} graded eval results (${learned.cells} cells, ${learned.bandCells} per complexity band), ${learned.ratings} feedback ratings`,
    );
    if (bands) {
      const taskClasses = [...new Set(train.map((row) => row.evalName))];
      log(
        `band shrinkage K per task class (stage 12, estimated from the eval cells): ${taskClasses.map((tc) => `${tc} ${bandShrinkageFor(snapshot.evals, tc).toFixed(1)}`).join(', ')}`,
      );
    }
    const classifications: ClassificationSignal[] = [];
    for (const row of rows) {
      // The task class the router learned is the benchmark's eval_name, which no classifier can know.
      classifications.push(
        classifier
          ? { taskClass: row.evalName, complexity: await complexityOf(row), source: 'model' }
          : { taskClass: row.evalName, complexity: 0.5, source: 'neutral' },
      );
    }
    const routeStart = performance.now();
    LAMBDAS.forEach((lambda, k) =>
      rows.forEach((row, i) =>
        choices[k].push(routeOne(byTask.get(row.evalName) ?? snapshot, row, i, classifications[i], { balancedCostWeight: lambda })),
      ),
    );
    routeMs += performance.now() - routeStart;
  }
  if (crossFitFile && rater)
    log(
      `complexity: ${rater.crossFittedCount()} prompts cross-fitted (${crossFitFile}), ${rater.ratedCount()} rated by the shipped classifier (never trained on them)`,
    );
  routeMs /= LAMBDAS.length * test.length;
  const unrouted = choices.flat().filter((c) => c === null).length;

  const rowIndex = new Map(test.map((r, i) => [r, i]));
  const tasks = [...new Set(test.map((r) => r.evalName))].sort();
  const reports = tasks.map((t) =>
    evaluateTask(
      t,
      test.filter((r) => r.evalName === t),
      models,
      choices,
      rowIndex,
    ),
  );
  const pooled = evaluateTask('all (pooled)', test, models, choices, rowIndex);

  for (const r of [...reports, pooled]) {
    log(`\n## ${r.task} (${r.n} test prompts; cost range $${r.range.lo.toExponential(2)}–$${r.range.hi.toExponential(2)})`);
    log(
      `router  AIQ ${f(r.router.aiq)}  APGR ${f(r.router.pair.apgr)}  CPT50 ${pct(r.router.pair.cpt50)}  CPT80 ${pct(r.router.pair.cpt80)}  95% of best (${r.best.model} ${f(r.best.quality)}) at ${pct(r.router.at95.shareOfBestCost)} of its cost`,
    );
    log(`zero    AIQ ${f(r.zero.aiq)}  APGR ${f(r.zero.pair.apgr)}  CPT50 ${pct(r.zero.pair.cpt50)}  CPT80 ${pct(r.zero.pair.cpt80)}`);
    log(
      `random  AIQ ${f(r.random.aiq)}  APGR ${f(r.random.pair.apgr)}  CPT50 ${pct(r.random.pair.cpt50)}  CPT80 ${pct(r.random.pair.cpt80)}   (uniform over all models: $${r.randomUniform.cost.toExponential(2)}, ${f(r.randomUniform.quality)})`,
    );
    log(
      `oracle  AIQ ${f(r.oracle.aiq)}  APGR ${f(r.oracle.pair.apgr)}  accuracy ${f(r.oracle.quality)} at $${r.oracle.cost.toExponential(2)}`,
    );
    for (const [m, s] of Object.entries(r.models))
      log(`  ${m.padEnd(34)} acc ${f(s.quality)}  $${s.cost.toExponential(2)}  AIQ ${f(r.single[m].aiq)}  APGR ${f(r.single[m].apgr)}`);
    const d = r.dominance;
    log(
      `dominance: router − Zero AIQ ${d.difference.value >= 0 ? '+' : ''}${d.difference.value.toFixed(4)} (bootstrap 95% ${d.difference.lo.toFixed(4)} to ${d.difference.hi.toFixed(4)}; a router that is exactly the Zero hull's vertices: ${d.floor.lo.toFixed(4)} to ${d.floor.hi.toFixed(4)}; router − those vertices: ${d.versusVertices.lo.toFixed(4)} to ${d.versusVertices.hi.toFixed(4)}); ${d.dominated} of ${d.points.length} sweep points below the Zero hull beyond noise; worst margin ${Math.min(...d.points.map((p) => p.margin.value)).toFixed(4)}${d.dominated ? ` (dominated at ${d.points.flatMap((p, k) => (p.margin.hi < 0 ? [`λ=${LAMBDAS[k]} ${p.margin.value.toFixed(4)}`] : [])).join(', ')})` : ''}`,
    );
    log(
      `  sweep: ${r.router.points.map((p, k) => `${p.label} $${p.cost.toExponential(1)} ${f(p.quality)} (gpt-4 ${Math.round(100 * r.router.strongShare[k])}%)`).join(' | ')}`,
    );
  }
  const meanAiq = {
    router: mean(reports.map((r) => r.router.aiq)),
    zero: mean(reports.map((r) => r.zero.aiq)),
    random: mean(reports.map((r) => r.random.aiq)),
    oracle: mean(reports.map((r) => r.oracle.aiq)),
  };
  const meanApgr = {
    router: mean(reports.map((r) => r.router.pair.apgr)),
    zero: mean(reports.map((r) => r.zero.pair.apgr)),
    random: mean(reports.map((r) => r.random.pair.apgr)),
  };
  const targets = {
    aiqAboveZeroEveryTask: reports.every((r) => r.router.aiq > r.zero.aiq),
    aiqAboveZeroOnAverage: meanAiq.router > meanAiq.zero,
    apgrAtLeast06: meanApgr.router >= 0.6,
    halfCostAt95: reports.every((r) => r.router.at95.shareOfBestCost !== null && r.router.at95.shareOfBestCost <= 0.5),
  };
  log(
    `\nmean over tasks: AIQ router ${f(meanAiq.router)} vs zero ${f(meanAiq.zero)} (random ${f(meanAiq.random)}, oracle ${f(meanAiq.oracle)}); APGR router ${f(meanApgr.router)} (zero ${f(meanApgr.zero)}, random ${f(meanApgr.random)})`,
  );
  log(`targets: ${JSON.stringify(targets)}`);
  log(
    `pipeline: ${routeMs.toFixed(3)} ms per decision in Node (${LAMBDAS.length}×${test.length} decisions, ${unrouted} unrouted)${classifierMs.length ? `; classifier ${mean(classifierMs).toFixed(2)} ms mean` : '; classifier off'}`,
  );

  const panels: Panel[] = [...reports, pooled].map((r) => ({
    title: `${r.task} (n=${r.n})`,
    models: Object.entries(r.models).map(([label, s]) => ({ label, ...s })),
    router: r.router.points,
    random: r.random.points,
    oracle: { cost: r.oracle.cost, quality: r.oracle.quality },
  }));
  writeFileSync(
    svgPath,
    renderSvg(
      panels,
      `RouterBench held-out prompts (${splitNote}); learning signal: ${signal}; classifier ${classifier ? 'on' : 'off'}${evalGate !== undefined ? `; eval gate at ${evalGate}` : ''}; quality per ${bands ? 'task class and complexity band' : 'task class'}.`,
    ),
  );
  log(`plot: ${svgPath}`);

  if (json) {
    const slim = (r: TaskReport) => ({
      task: r.task,
      n: r.n,
      best: r.best,
      router: {
        aiq: r.router.aiq,
        ...r.router.pair,
        at95ShareOfBestCost: r.router.at95.shareOfBestCost,
        points: r.router.points.map((p) => [p.cost, p.quality]),
      },
      zero: { aiq: r.zero.aiq, ...r.zero.pair },
      random: { aiq: r.random.aiq, ...r.random.pair },
      oracle: { aiq: r.oracle.aiq, cost: r.oracle.cost, quality: r.oracle.quality },
      models: Object.fromEntries(Object.entries(r.models).map(([m, s]) => [m, { ...s, ...r.single[m] }])),
      dominance: {
        difference: r.dominance.difference,
        floor: r.dominance.floor,
        versusVertices: r.dominance.versusVertices,
        dominated: r.dominance.dominated,
        sweepPoints: r.dominance.points.length,
      },
    });
    console.log(
      JSON.stringify({
        split: splitNote,
        evalGate: evalGate ?? DEFAULT_EVAL_THRESHOLDS.default.minPassLowerBound,
        signal,
        classifier: !!classifier,
        bands,
        outputTokens: learnOutput ? 'learned' : 'fixed',
        train: splits.length === 1 ? splits[0].train.length : null,
        folds: splits.length,
        test: test.length,
        tasks: reports.map(slim),
        pooled: slim(pooled),
        meanAiq,
        meanApgr,
        targets,
        msPerDecision: routeMs,
        unrouted,
      }),
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
