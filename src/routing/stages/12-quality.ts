import { cellKey, keyCellKey } from '../feedback-posterior';
import { isExplorationDecision, preferenceOf, thompsonQuality } from '../feedback-preference';
import { bandShrinkageFor, DEFAULT_BAND_SHRINKAGE_SAMPLES } from '../band-shrinkage';
import { complexityBand, evalBandCellKey, evalCellKey, type ComplexityBand } from '../complexity-band';
import { promptText } from '../per-prompt/features';
import { promptShift, promptVector, vectorFor } from '../per-prompt/model';
import { isWorking, traceLine, withCandidates } from '../filter';
import type { Candidate, RoutingContext, Scores } from '../types';
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
  // Empty signal maps (no evals or ratings landed yet) are not looked up: no cell key strings per candidate.
  const evidence = snapshot.satisfactionEvidence?.size ? snapshot.satisfactionEvidence : undefined;
  const keyEvidence = snapshot.keySatisfaction?.size ? snapshot.keySatisfaction : undefined;
  const evals = snapshot.evals.size > 0 ? snapshot.evals : undefined;
  const bare = snapshot.satisfaction.size > 0 ? snapshot.satisfaction : undefined;
  const prefs =
    evidence || keyEvidence
      ? ctx.candidates.map((c) =>
          preferenceOf(
            evidence?.get(cellKey(c.endpoint.id, taskClass)),
            keyEvidence?.get(keyCellKey(ctx.key.id, c.endpoint.id, taskClass)),
          ),
        )
      : undefined;
  const classCount = prefs ? prefs.reduce((n, p) => n + (p?.globalCount ?? 0), 0) : 0;
  const explore = classCount > 0 && isExplorationDecision(ctx.key.id, ctx.now);
  const bandK = band ? bandShrinkageFor(snapshot.evals, taskClass) : DEFAULT_BAND_SHRINKAGE_SAMPLES;
  // The prompt vector is computed once per decision, and only for a class whose weight earned trust.
  const perPrompt = snapshot.perPrompt;
  const promptWeight = perPrompt?.weights.get(taskClass) ?? 0;
  const u = perPrompt && promptWeight > 0 ? promptVector(perPrompt, promptText(ctx.request)) : undefined;
  const own = isWorking(ctx);
  const candidates = ctx.candidates.map((c, i): Candidate => {
    const prior = c.endpoint.qualityPrior;
    const cell = evals?.get(evalCellKey(c.endpoint.id, taskClass));
    const bandCell = band && cell ? snapshot.evals.get(evalBandCellKey(c.endpoint.id, taskClass, band)) : undefined;
    const pref = prefs?.[i];
    const evalWeight = cell?.samples ?? 0;
    const prefWeight = pref?.weight ?? 0;
    const blend = blend3(prior, cell?.passRate ?? 0, evalWeight, pref?.mean ?? 0, prefWeight);
    const shift = bandShift(cell, bandCell, bandK);
    const classMean = shift === 0 ? blend : Math.max(0, Math.min(1, blend + shift));
    const modelVector = u ? vectorFor(perPrompt!, c.endpoint) : null;
    const pShift = modelVector ? promptShift(u!, modelVector, classMean, promptWeight) : 0;
    const mean = pShift === 0 ? classMean : Math.max(0, Math.min(1, classMean + pShift));
    // Exploration decision: a seeded Thompson draw around the blend, as wide as its evidence is thin.
    const base = explore
      ? thompsonQuality(mean, 0 + EVAL_PRIOR_SAMPLES + evalWeight + prefWeight, `${ctx.key.id}|${ctx.now}|${c.endpoint.id}`)
      : mean;
    // A satisfaction value published without counts (another source) can only nudge.
    const bareSat = pref ? undefined : bare?.get(`${c.endpoint.id}|${taskClass}`);
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
    // Every field from the start, in nextScores' order (filter.ts): later stages update it without changing its shape.
    const scores: Scores = {
      quality,
      latencyMs: 0,
      ttftMs: 0,
      costUsd: 0,
      objective: 0,
      tier: undefined,
      liveSamples: undefined,
      errorRate: undefined,
      outputTokens: undefined,
      outputSamples: undefined,
      terms,
    };
    if (!own) return { ...c, scores };
    c.scores = scores;
    return c;
  });
  const note = `class ${taskClass}, complexity ${complexity.toFixed(2)}${band ? ` (${band})` : ''}${u ? `, per-prompt w ${promptWeight}` : ''}${classCount > 0 ? `, ${round(classCount, 1)} ratings in class${explore ? ', exploration decision' : ''}` : ''}`;
  return withCandidates(ctx, candidates, ctx.dropped, traceLine('quality', candidates.length, undefined, note));
}

/**
 * blendQuality (feedback-preference.ts) over (catalog prior, eval pass rate, feedback), without building the parts per candidate:
 * the same terms added in the same order, so the same floating-point result.
 */
function blend3(prior: number, evalRate: number, evalWeight: number, prefMean: number, prefWeight: number): number {
  let sum = 0;
  let weight = 0;
  if (EVAL_PRIOR_SAMPLES > 0) {
    sum += prior * EVAL_PRIOR_SAMPLES;
    weight += EVAL_PRIOR_SAMPLES;
  }
  if (!(evalWeight <= 0)) {
    sum += evalRate * evalWeight;
    weight += evalWeight;
  }
  if (!(prefWeight <= 0)) {
    sum += prefMean * prefWeight;
    weight += prefWeight;
  }
  return weight > 0 ? sum / weight : 0;
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
