import { cellKey, keyCellKey } from '../feedback-posterior';
import { blendQuality, isExplorationDecision, preferenceOf, thompsonQuality } from '../feedback-preference';
import { bandShrinkageFor, DEFAULT_BAND_SHRINKAGE_SAMPLES } from '../band-shrinkage';
import { complexityBand, evalBandCellKey, evalCellKey, type ComplexityBand } from '../complexity-band';
import { promptText } from '../per-prompt/features';
import { promptShift, promptVector, vectorFor } from '../per-prompt/model';
import type { RoutingContext } from '../types';
import type { EvalCell } from '../../hub';

/** Weight of eval evidence against the catalog prior grows with its sample count. */
const EVAL_PRIOR_SAMPLES = 10;
/** A satisfaction value without rating counts (no evidence) nudges quality by up to ±SATISFACTION_WEIGHT/2. */
const SATISFACTION_WEIGHT = 0.2;
/**
 * How far this band's evals put the endpoint above (+) or below (−) its class pass rate, shrunk toward 0:
 * w·(p_band − p_class), w = n_band / (n_band + K), K estimated per class from how much its bands really
 * differ (src/routing/band-shrinkage.ts; infinite K = bands ignored). 0 without a band cell (or its class cell).
 */
export function bandShift(
  classCell: EvalCell | undefined,
  bandCell: EvalCell | undefined,
  shrinkageSamples = DEFAULT_BAND_SHRINKAGE_SAMPLES,
): number {
  if (!classCell || !bandCell || bandCell.samples <= 0 || !Number.isFinite(shrinkageSamples)) return 0;
  const weight = bandCell.samples / (bandCell.samples + shrinkageSamples);
  return weight * (bandCell.passRate - classCell.passRate);
}

/**
 * quality = evidence-weighted blend of (catalog prior, eval pass rate for the task class, feedback
 * satisfaction for this key — see src/routing/feedback-preference.ts), shifted by how the endpoint's evals in
 * this prompt's complexity band differ from its class pass rate (bandShift) and by what the per-prompt model
 * (src/routing/per-prompt) expects of this endpoint on this very prompt, shrunk by the class's out-of-fold
 * weight (promptShift; 0 for a class without one or an endpoint without a model vector), then harder prompts
 * (complexity → 1) widen the gap between strong and weak endpoints; on the key's exploration decisions
 * the blend is replaced by a Thompson draw so endpoints with little evidence get tried.
 * Formula: src/routing/README.md.
 */
export function qualityStage(ctx: RoutingContext): RoutingContext {
  const taskClass = ctx.classification?.taskClass ?? 'chat';
  const complexity = ctx.classification?.complexity ?? 0.5;
  // A neutral classification carries no per-prompt complexity: no band, quality is learned per class only.
  const band: ComplexityBand | undefined =
    ctx.classification && ctx.classification.source !== 'neutral' ? complexityBand(complexity) : undefined;
  const { snapshot } = ctx;
  const prefs = ctx.candidates.map((c) =>
    preferenceOf(
      snapshot.satisfactionEvidence?.get(cellKey(c.endpoint.id, taskClass)),
      snapshot.keySatisfaction?.get(keyCellKey(ctx.key.id, c.endpoint.id, taskClass)),
    ),
  );
  const classCount = prefs.reduce((n, p) => n + (p?.globalCount ?? 0), 0);
  const explore = classCount > 0 && isExplorationDecision(ctx.key.id, ctx.now);
  const bandK = band ? bandShrinkageFor(snapshot.evals, taskClass) : DEFAULT_BAND_SHRINKAGE_SAMPLES;
  // The prompt vector is computed once per decision, and only for a class whose weight earned trust.
  const perPrompt = snapshot.perPrompt;
  const promptWeight = perPrompt?.weights.get(taskClass) ?? 0;
  const u = perPrompt && promptWeight > 0 ? promptVector(perPrompt, promptText(ctx.request)) : undefined;
  const candidates = ctx.candidates.map((c, i) => {
    const prior = c.endpoint.qualityPrior;
    const cell = snapshot.evals.get(evalCellKey(c.endpoint.id, taskClass));
    const bandCell = band && cell ? snapshot.evals.get(evalBandCellKey(c.endpoint.id, taskClass, band)) : undefined;
    const pref = prefs[i];
    const parts = [
      { value: prior, weight: EVAL_PRIOR_SAMPLES },
      { value: cell?.passRate ?? 0, weight: cell?.samples ?? 0 },
      { value: pref?.mean ?? 0, weight: pref?.weight ?? 0 },
    ];
    const shift = bandShift(cell, bandCell, bandK);
    const classMean = shift === 0 ? blendQuality(parts) : Math.max(0, Math.min(1, blendQuality(parts) + shift));
    const modelVector = u ? vectorFor(perPrompt!, c.endpoint) : null;
    const pShift = modelVector ? promptShift(u!, modelVector, classMean, promptWeight) : 0;
    const mean = pShift === 0 ? classMean : Math.max(0, Math.min(1, classMean + pShift));
    // Exploration decision: a seeded Thompson draw around the blend, as wide as its evidence is thin.
    const evidence = parts.reduce((n, p) => n + p.weight, 0);
    const base = explore ? thompsonQuality(mean, evidence, `${ctx.key.id}|${ctx.now}|${c.endpoint.id}`) : mean;
    // A satisfaction value published without counts (another source) can only nudge.
    const bareSat = pref ? undefined : snapshot.satisfaction.get(`${c.endpoint.id}|${taskClass}`);
    const satTerm = bareSat === undefined ? 0 : (bareSat - 0.5) * SATISFACTION_WEIGHT;
    // Complexity stretches quality around 0.75: easy prompts make endpoints look alike.
    const stretched = 0.75 + (base + satTerm - 0.75) * (0.5 + complexity);
    const quality = Math.max(0, Math.min(1, stretched));
    const terms: Record<string, number | string> = { prior, quality: round(quality) };
    if (cell) terms.eval = round(cell.passRate);
    if (band) terms.band = band;
    if (bandCell) {
      terms.eval_band = round(bandCell.passRate);
      terms.eval_band_n = bandCell.samples;
      terms.band_shift = round(shift);
      terms.band_k = Number.isFinite(bandK) ? round(bandK, 1) : 'inf';
    }
    if (modelVector) terms.prompt_shift = round(pShift);
    if (pref) {
      terms.satisfaction = round(pref.mean);
      terms.satisfaction_n = round(pref.weight, 2);
      if (pref.keyMean !== undefined) terms.satisfaction_key = round(pref.keyMean);
    } else if (bareSat !== undefined) terms.satisfaction = round(bareSat);
    if (explore) terms.exploration = round(base - mean);
    return { ...c, scores: { quality, latencyMs: 0, ttftMs: 0, costUsd: 0, objective: 0, terms } };
  });
  const note = `class ${taskClass}, complexity ${complexity.toFixed(2)}${band ? ` (${band})` : ''}${u ? `, per-prompt w ${promptWeight}` : ''}${classCount > 0 ? `, ${round(classCount, 1)} ratings in class${explore ? ', exploration decision' : ''}` : ''}`;
  return { ...ctx, candidates, trace: [...ctx.trace, { stage: 'quality', kept: candidates.length, note }] };
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
