/** Public surface of src/routing: what other modules import. Imports from outside the module go through this file. */
export { COMPLEXITY_BANDS, complexityBand, evalBandCellKey, evalCellKey } from './complexity-band';
export type { ComplexityBand } from './complexity-band';
export { decide, traceOf } from './decide';
export type { Decision } from './decide';
export { DEFAULT_EVAL_THRESHOLDS, evaluateEligibility, parseEvalThresholds } from './eligibility';
export type { Eligibility, EvalThresholds } from './eligibility';
export {
  betaMean,
  cellKey,
  decayWeight,
  EVIDENCE_HORIZON_MS,
  evidenceAt,
  GLOBAL_SCOPE,
  keyCellKey,
  posterior,
  scaledDelta,
} from './feedback-posterior';
export type { Evidence, PosteriorRow, Rating, RatingChange } from './feedback-posterior';
export { forgetErrorRates, recordLiveStats } from './live-stats';
export { timeoutOutputTokens } from './output-tokens';
export { refreshSignals, refreshSignalsNow, registerSignalSource } from './signals';
export type { SignalSource } from './signals';
export { routingSnapshot } from './snapshot';
export type { RoutingSnapshot } from './snapshot';
export { parseModelSpec } from './stages/01-parse-spec';
export { estimateInputTokens } from './stages/02-requirements';
export { clearCacheAffinity, recordCacheAffinity } from './cache-affinity';
export type { CacheAffinity } from './cache-affinity';
export type { Candidate, ClassificationSignal, RoutingContext } from './types';
// The filter stages embedding routing (src/flow/embed-route.ts) runs over its own candidates.
export { filterStage, traced } from './filter';
export { trustStage } from './stages/07-trust';
export { policyStage } from './stages/08-policy';
export { healthStage } from './stages/09-health';
// Key model rules and strict residency, for routes that build their own pipeline (embeddings).
export { accessStage } from './stages/04a-access';
export { modelPolicy, policyRejects } from './model-rules';
export { residencyStage } from './stages/04b-residency';
