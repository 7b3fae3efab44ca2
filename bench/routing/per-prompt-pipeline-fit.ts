/**
 * The per-prompt shrink weight fitted through the product's own pipeline: on inner folds of the training
 * prompts, a router is learned the way routing-quality.ts learns one (evals + feedback into a snapshot of the
 * benchmark catalog), the per-prompt factors are fitted without the held-out prompts, and every held-out prompt
 * is routed by runPipeline — stage 12's blend, the eval gate, the balanced objective — for each grid weight
 * and cost weight. The weight per task is the one whose mean AIQ gain over the inner folds minus two standard errors is largest, so the
 * weight reflects what the shift does in the product, not in a simplified router.
 * The prompts' classification is neutral here (no classifier in the loop): complexity 0.5, no band.
 */
import type { BenchRow } from './data';
import { hash32 } from './data';
import { dominanceReport } from './dominance';
import { benchCatalog, benchSnapshot, learn, routeOne } from './harness';
import { artefactOf, DEFAULT_FIT, fitFactors, lowerBoundChoice, type FitOptions, type OutcomeRow, type WeightFit } from './per-prompt-mf';
import { loadPerPromptModel } from '../../src/routing/per-prompt/model';

export const PIPELINE_GRID = [0, 0.2, 0.4, 0.6, 0.8, 1];
/** The routing-quality sweep's cost weights, thinned (every other one, and both ends). */
export const PIPELINE_LAMBDAS = [0, 0.004, 0.008, 0.0125, 0.0175, 0.025, 0.035, 0.05, 0.07, 0.1, 0.15, 0.3, 1, 100];

/** `rows[i]` and `outcome[i]` describe the same prompt (OutcomeRow: the text and task the fit uses). */
export function fitWeightsThroughPipeline(
  rows: BenchRow[],
  outcome: OutcomeRow[],
  models: string[],
  opts: FitOptions = DEFAULT_FIT,
): WeightFit {
  const tasks = [...new Set(outcome.map((r) => r.taskClass))].sort();
  // gains[task][k][f]
  const gains = new Map(tasks.map((t) => [t, PIPELINE_GRID.map(() => [] as number[])]));
  for (let f = 0; f < opts.innerFolds; f++) {
    const foldOf = (i: number) => hash32(`per-prompt-inner|${opts.seed}|${rows[i].id}`) % opts.innerFolds;
    const innerIdx = rows.map((_, i) => i).filter((i) => foldOf(i) !== f);
    const heldIdx = rows.map((_, i) => i).filter((i) => foldOf(i) === f);
    if (!innerIdx.length || !heldIdx.length) continue;
    const innerRows = innerIdx.map((i) => rows[i]);
    const factors = fitFactors(
      innerIdx.map((i) => outcome[i]),
      models.length,
      opts,
    );
    const snapshot = benchSnapshot(benchCatalog(models, innerRows));
    learn(snapshot, models, innerRows, 'both');
    const aiqByTask = PIPELINE_GRID.map((w) => {
      snapshot.perPrompt = loadPerPromptModel(
        artefactOf(factors, models, Object.fromEntries(tasks.map((t) => [t, w])), { version: 'inner', source: 'inner fold' }, opts),
      );
      const choices = PIPELINE_LAMBDAS.map((lambda) =>
        heldIdx.map((i, k) => {
          const chosen = routeOne(
            snapshot,
            rows[i],
            k,
            { taskClass: outcome[i].taskClass, complexity: 0.5, source: 'neutral' },
            {
              balancedCostWeight: lambda,
            },
          );
          return chosen === null ? -1 : models.indexOf(chosen);
        }),
      );
      return new Map(
        tasks.map((t) => {
          const sel = heldIdx.map((i, k) => (outcome[i].taskClass === t ? k : -1)).filter((k) => k >= 0);
          const run = {
            scores: sel.map((k) => outcome[heldIdx[k]].outcomes.map((y) => y ?? 0)),
            costs: sel.map((k) => outcome[heldIdx[k]].costs),
            choices: choices.map((c) => sel.map((k) => c[k])),
          };
          return [t, sel.length ? dominanceReport(run, { resamples: 0 }).routerAiq : 0];
        }),
      );
    });
    for (const t of tasks) PIPELINE_GRID.forEach((_, k) => gains.get(t)![k].push(aiqByTask[k].get(t)! - aiqByTask[0].get(t)!));
  }
  return Object.fromEntries(tasks.map((t) => [t, lowerBoundChoice(gains.get(t)!, PIPELINE_GRID)]));
}
