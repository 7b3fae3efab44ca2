import { evalCellKey, parseEvalBandCellKey } from './complexity-band';
import type { EvalCell } from '../hub';

/**
 * K in stage 12's band weight n_band / (n_band + K), estimated per task class from the eval cells themselves
 * (empirical Bayes, method of moments). A band cell's pass rate p_b differs from its class's p by a true band
 * effect (variance τ² across endpoints and bands) plus sampling noise of variance p(1−p)(1/n_b − 1/n), the band
 * being a subset of the class's items. So τ² ≈ mean over band cells of (p_b − p)² − p(1−p)(1/n_b − 1/n), and the
 * posterior weight of a band cell is τ² / (τ² + p(1−p)/n_b) = n_b / (n_b + K) with K = mean p(1−p) / τ².
 *
 * Why estimate it: how much the complexity bands differ depends on the class and on how well the classifier
 * separates easy from hard prompts there. A fixed K = 20 assumed τ ≈ 0.1 everywhere; on RouterBench the
 * bands of winogrande barely differ (the complexity head's AUC there is 0.54) and K = 20 let their noise move
 * the ranking (bench/routing/README.md). With no excess spread (τ² ≤ 0) K is infinite: bands are ignored for
 * that class. With too few band cells to estimate anything, the fixed default applies.
 */
export const DEFAULT_BAND_SHRINKAGE_SAMPLES = 20;
/** Band cells of a class needed before its spread is estimated rather than assumed. */
export const MIN_BAND_CELLS_FOR_ESTIMATE = 6;
/** Never trust a band cell more than this prior would (guards a τ² inflated by a few extreme cells). */
const MIN_SHRINKAGE_SAMPLES = 5;

export function estimateBandShrinkage(evals: Map<string, EvalCell>): Map<string, number> {
  const perClass = new Map<string, { excess: number; noiseScale: number; cells: number }>();
  for (const [key, bandCell] of evals) {
    const parsed = parseEvalBandCellKey(key);
    if (!parsed || bandCell.samples <= 0) continue;
    const classCell = evals.get(evalCellKey(parsed.endpointId, parsed.taskClass));
    if (!classCell || classCell.samples < bandCell.samples) continue;
    const p = classCell.passRate;
    const spread = p * (1 - p);
    const noise = spread * (1 / bandCell.samples - 1 / classCell.samples);
    const acc = perClass.get(parsed.taskClass) ?? { excess: 0, noiseScale: 0, cells: 0 };
    acc.excess += (bandCell.passRate - p) ** 2 - noise;
    acc.noiseScale += spread;
    acc.cells += 1;
    perClass.set(parsed.taskClass, acc);
  }
  const out = new Map<string, number>();
  for (const [taskClass, { excess, noiseScale, cells }] of perClass) {
    if (cells < MIN_BAND_CELLS_FOR_ESTIMATE) continue;
    const tau2 = excess / cells;
    out.set(taskClass, tau2 <= 0 ? Number.POSITIVE_INFINITY : Math.max(MIN_SHRINKAGE_SAMPLES, noiseScale / cells / tau2));
  }
  return out;
}

/**
 * One estimate per eval snapshot: the eval signal replaces the map on refresh. A map filled in place (tests,
 * benchmarks) is re-estimated when its size changes.
 */
const estimates = new WeakMap<Map<string, EvalCell>, { size: number; perClass: Map<string, number> }>();

export function bandShrinkageFor(evals: Map<string, EvalCell>, taskClass: string): number {
  let entry = estimates.get(evals);
  if (!entry || entry.size !== evals.size) {
    entry = { size: evals.size, perClass: estimateBandShrinkage(evals) };
    estimates.set(evals, entry);
  }
  return entry.perClass.get(taskClass) ?? DEFAULT_BAND_SHRINKAGE_SAMPLES;
}
