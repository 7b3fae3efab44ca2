/**
 * Is there a per-prompt signal to route on within a task, and how strong would it have to be?
 *
 *   npm run bench:routing-signal -- --train FILE... [--folds 5] [--train-complexity FILE.jsonl] [--no-classifier] [--json]
 *
 * routing-quality.ts measures the product's router; this measures the data. For each task of
 * the RouterBench CSVs (cross-validated by the same hashed folds, so no prompt is scored by a
 * predictor that saw its outcome):
 *
 * 1. Escalation. The strong model is the task's most accurate; the cheap one is the vertex before it
 *    on the single models' cost–quality hull (what the Zero router mixes it with). The figure the
 *    targets ask for is the cost, as a share of the strong model's, of reaching 95 % of its accuracy
 *    by escalating prompts from cheap to strong in the order of a predictor's score. "needed" is the
 *    weakest synthetic predictor (score = noise + d·gain) that gets there for half the cost, with its
 *    AUC; the measured predictors' AUCs (gain = 1 against the rest, out of fold) say how far each is.
 * 2. AIQ. Per-model out-of-fold predictions of each prompt's 0/1 outcome, routed by
 *    argmax p_m − λ·log2(c_m / c_min) over a λ sweep (the balanced objective without the eval gate
 *    and without latency), against the Zero router: a predictor-level ceiling for the router.
 *
 * Predictors: `constant` (train pass rate: the per-class router), `complexity` (the shipped
 * classifier's complexity, cross-fitted with --train-complexity as in routing-quality.ts), `length`
 * (characters of the question), `ngram` (logistic regression on hashed word 1–2-grams of the
 * question) and `knn` (25 nearest questions by n-gram cosine). Results: README.md (this folder).
 */
import { readFileSync } from 'node:fs';
import { argList, argValue } from './args';
import { complexityRater, loadClassifier } from './complexity-source';
import { foldOf, lastQuestion, parseRouterBench, type BenchRow } from './data';
import { aiq, nonDecreasingHull, type Point } from './metrics';
import {
  escalationCostShare,
  fitLogistic,
  nearest,
  ngramVector,
  NGRAM_DIMENSIONS,
  requiredSignal,
  rocAuc,
  syntheticPredictor,
  type EscalationPrompt,
  type SparseVector,
} from './signal';

const NGRAM_L2 = 1e-3;
const NEIGHBOURS = 25;
/** λ sweep: 0, then geometric from 0.0024 to ~100 (quality a doubling of cost must buy). */
const LAMBDAS = [0, ...Array.from({ length: 60 }, (_, i) => 0.002 * 1.2 ** (i + 1))];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const log = (msg: string) => console.error(msg);

interface PredictorFigures {
  gainAuc: number | null;
  costShareAt95: number | null;
  aiq: number | null;
}

interface TaskSignal {
  task: string;
  n: number;
  strong: string;
  cheap: string | null;
  strongAccuracy: number;
  needed: { separation: number; auc: number; costShare: number } | null;
  oracleCostShare: number | null;
  randomCostShare: number | null;
  zeroAiq: number;
  predictors: Record<string, PredictorFigures>;
}

/** The task's strong model and the hull vertex before it, from every prompt's outcome (as the Zero router is). */
function escalationPair(rows: BenchRow[], models: string[]): { strong: string; cheap: string | null; points: Point[] } {
  const points = models.map((m) => ({ label: m, cost: mean(rows.map((r) => r.costs[m])), quality: mean(rows.map((r) => r.scores[m])) }));
  const hull = nonDecreasingHull(points);
  const strong = hull[hull.length - 1].label!;
  return { strong, cheap: hull.length > 1 ? hull[hull.length - 2].label! : null, points };
}

/** Out-of-fold predictions: fit(train rows) is called once per fold and scores that fold's rows. */
function outOfFold<T>(rows: BenchRow[], folds: number, fit: (train: number[]) => (i: number) => T): T[] {
  const out = new Array<T>(rows.length);
  for (let f = 0; f < folds; f++) {
    const train = rows.map((_, i) => i).filter((i) => foldOf(rows[i].id, folds) !== f);
    const predict = fit(train);
    rows.forEach((r, i) => {
      if (foldOf(r.id, folds) === f) out[i] = predict(i);
    });
  }
  return out;
}

/** Each row's view of the models' mean costs: the router knows them from its train folds only. */
function trainMeanCosts(rows: BenchRow[], models: string[], folds: number): number[][] {
  return outOfFold(rows, folds, (train) => {
    const costs = models.map((m) => mean(train.map((i) => rows[i].costs[m])));
    return () => costs;
  });
}

function routerAiq(
  rows: BenchRow[],
  models: string[],
  meanCostOf: number[][],
  p: number[][],
  zeroRange: { lo: number; hi: number },
): number {
  const points: Point[] = LAMBDAS.map((lambda) => {
    let cost = 0;
    let quality = 0;
    rows.forEach((r, i) => {
      const c = meanCostOf[i];
      const minC = Math.min(...c);
      let best = 0;
      let bestObjective = -Infinity;
      models.forEach((_, m) => {
        const objective = p[i][m] - lambda * Math.log2(c[m] / minC);
        if (objective > bestObjective) {
          bestObjective = objective;
          best = m;
        }
      });
      cost += r.costs[models[best]];
      quality += r.scores[models[best]];
    });
    return { cost: cost / rows.length, quality: quality / rows.length };
  });
  return aiq(points, zeroRange);
}

async function main() {
  const args = process.argv.slice(2);
  const trainFiles = argList(args, '--train');
  if (trainFiles.length === 0) {
    console.error(
      'usage: npm run bench:routing-signal -- --train FILE... [--folds 5] [--train-complexity FILE.jsonl] [--no-classifier] [--json]',
    );
    console.error("RouterBench CSVs: see bench/routing/data.ts; ../shared/README.md says where this repository's copies come from.");
    process.exit(2);
  }
  const folds = Number(argValue(args, '--folds') ?? 5);
  let rows: BenchRow[] = [];
  let models: string[] = [];
  for (const file of trainFiles) {
    const parsed = parseRouterBench(readFileSync(file, 'utf8'));
    if (models.length && parsed.models.join() !== models.join()) throw new Error(`${file}: model columns differ from the other files`);
    models = parsed.models;
    rows = rows.concat(parsed.rows);
  }
  const classifier = args.includes('--no-classifier') ? null : await loadClassifier();
  const rater = classifier ? complexityRater(classifier, argValue(args, '--train-complexity')) : null;
  const complexity = new Map<BenchRow, number>();
  if (rater) for (const r of rows) complexity.set(r, await rater.complexityOf(r));
  if (rater) log(`complexity: ${rater.crossFittedCount()} cross-fitted, ${rater.ratedCount()} rated by the shipped classifier`);
  const vectors = new Map<BenchRow, SparseVector>(rows.map((r) => [r, ngramVector(lastQuestion(r.prompt))]));

  const reports: TaskSignal[] = [];
  for (const task of [...new Set(rows.map((r) => r.evalName))]) {
    const T = rows.filter((r) => r.evalName === task);
    const X = T.map((r) => vectors.get(r)!);
    const { strong, cheap, points } = escalationPair(T, models);
    const zeroRange = { lo: Math.min(...points.map((p) => p.cost)), hi: Math.max(...points.map((p) => p.cost)) };
    const report: TaskSignal = {
      task,
      n: T.length,
      strong,
      cheap,
      strongAccuracy: mean(T.map((r) => r.scores[strong])),
      needed: null,
      oracleCostShare: null,
      randomCostShare: null,
      zeroAiq: aiq(points, zeroRange),
      predictors: {},
    };
    log(`${task}: ${T.length} prompts, escalation ${cheap ?? '—'} → ${strong}`);

    const meanCosts = trainMeanCosts(T, models, folds);
    // Per-model outcome predictions, out of fold, for the AIQ ceiling.
    const perModel: Record<string, number[][]> = {};
    perModel.constant = outOfFold(T, folds, (train) => {
      const rates = models.map((m) => mean(train.map((i) => T[i].scores[m])));
      return () => rates;
    });
    if (rater) {
      const features = T.map(
        (r) =>
          new Map([
            [0, complexity.get(r)!],
            [1, complexity.get(r)! ** 2],
          ]),
      );
      perModel.complexity = outOfFold(T, folds, (train) => {
        const fits = models.map((m) =>
          fitLogistic(
            train.map((i) => features[i]),
            train.map((i) => T[i].scores[m]),
            { l2: NGRAM_L2, dimensions: 2, steps: 2000, rate: 4 },
          ),
        );
        return (i) => fits.map((f) => f(features[i]));
      });
    }
    perModel.ngram = outOfFold(T, folds, (train) => {
      const fits = models.map((m) =>
        fitLogistic(
          train.map((i) => X[i]),
          train.map((i) => T[i].scores[m]),
          { l2: NGRAM_L2, dimensions: NGRAM_DIMENSIONS },
        ),
      );
      return (i) => fits.map((f) => f(X[i]));
    });
    perModel.knn = outOfFold(T, folds, (train) => {
      const prior = models.map((m) => mean(train.map((i) => T[i].scores[m])));
      return (i) => {
        const near = nearest(
          train.map((j) => X[j]),
          X[i],
          NEIGHBOURS,
        ).map((k) => train[k]);
        // Shrunk toward the pass rate by 5 pseudo-prompts so that a lucky neighbourhood does not decide alone.
        return models.map((m, mi) => (near.reduce((a, j) => a + T[j].scores[m], 0) + 5 * prior[mi]) / (near.length + 5));
      };
    });

    // Gain scores, out of fold: which prompts to escalate.
    const gainScores: Record<string, number[]> = {};
    let prompts: EscalationPrompt[] = [];
    if (cheap) {
      prompts = T.map((r) => ({
        strong: r.scores[strong],
        cheap: r.scores[cheap],
        strongCost: r.costs[strong],
        cheapCost: r.costs[cheap],
      }));
      const wins = prompts.map((p) => (p.strong > p.cheap ? 1 : 0));
      const si = models.indexOf(strong);
      const ci = models.indexOf(cheap);
      gainScores.constant = T.map(() => 0);
      if (rater) gainScores.complexity = T.map((r) => complexity.get(r)!);
      gainScores.length = T.map((r) => lastQuestion(r.prompt).length);
      gainScores.ngram = outOfFold(T, folds, (train) => {
        const fit = fitLogistic(
          train.map((i) => X[i]),
          train.map((i) => wins[i]),
          { l2: NGRAM_L2, dimensions: NGRAM_DIMENSIONS },
        );
        return (i) => fit(X[i]);
      });
      gainScores.knn = perModel.knn.map((p) => p[si] - p[ci]);
      report.needed = requiredSignal(prompts, { budgetShare: 0.5 });
      report.oracleCostShare = escalationCostShare(
        prompts,
        prompts.map((p) => p.strong - p.cheap),
      );
      report.randomCostShare = syntheticPredictor(prompts, 0).costShare;
    }
    for (const name of new Set([...Object.keys(perModel), ...Object.keys(gainScores)])) {
      const gain = gainScores[name];
      const positive = prompts.map((p) => p.strong > p.cheap);
      report.predictors[name] = {
        gainAuc: gain && name !== 'constant' ? rocAuc(gain, positive) : null,
        costShareAt95: gain && name !== 'constant' ? escalationCostShare(prompts, gain) : null,
        aiq: perModel[name] ? routerAiq(T, models, meanCosts, perModel[name], zeroRange) : null,
      };
    }
    reports.push(report);
  }

  const f3 = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(3));
  const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(0)}%`);
  for (const r of reports) {
    console.log(`\n${r.task} (${r.n} prompts, ${folds}-fold): escalate ${r.cheap ?? '—'} → ${r.strong} (accuracy ${f3(r.strongAccuracy)})`);
    console.log(
      `  cost at 95% of ${r.strong}'s accuracy: random order ${pct(r.randomCostShare)}, perfect order ${pct(r.oracleCostShare)}; ${r.needed === null ? 'no ranking gets there for half the cost' : r.needed.separation === 0 ? 'random order is already within half the cost' : `half the cost needs gain AUC ≥ ${f3(r.needed.auc)} (separation ${r.needed.separation})`}`,
    );
    console.log(`  predictor    gain AUC   cost at 95%   AIQ (Zero ${f3(r.zeroAiq)})`);
    for (const [name, p] of Object.entries(r.predictors))
      console.log(
        `  ${name.padEnd(12)} ${f3(p.gainAuc).padStart(8)}   ${pct(p.costShareAt95).padStart(11)}   ${f3(p.aiq)}${p.aiq != null ? ` (${p.aiq >= r.zeroAiq ? '+' : ''}${(p.aiq - r.zeroAiq).toFixed(4)})` : ''}`,
      );
  }
  const names = Object.keys(reports[0]?.predictors ?? {});
  console.log(
    `\nmean AIQ over tasks: Zero ${f3(mean(reports.map((r) => r.zeroAiq)))}; ${names.map((n) => `${n} ${f3(mean(reports.map((r) => r.predictors[n]?.aiq ?? Number.NaN)))}`).join(', ')}`,
  );
  if (args.includes('--json')) console.log(JSON.stringify({ folds, tasks: reports }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
