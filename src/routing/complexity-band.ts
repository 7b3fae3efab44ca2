/**
 * Complexity bands: the coarse buckets of the classifier's calibrated complexity (src/classifier/complexity.ts,
 * in [0,1]) that quality is learned per, next to the task class (stage 12, `${endpointId}|${taskClass}|${band}`
 * eval cells).
 *
 * Cut points: the classifier's calibrated complexity is concentrated well below 0.5. With the shipped checkpoint
 * (2026-11-26 08:15) the tertiles are 0.160 / 0.325 on the 1,661 RouterBench prompts it was trained on and
 * 0.166 / 0.296 on the 551 it held out, so `low` < 0.17 ≤ `mid` < 0.31 ≤ `high` gives three bands of roughly
 * equal evidence on both; equal-mass bands keep every band cell about as well measured as the others. The same
 * cut points separate the hand-set priors of the classes the complexity head was not supervised on: routine text
 * work (chat, summarization, translation, extraction, classification: 0.10–0.15) lands in `low`, and SQL,
 * debugging, math and tool use (0.35–0.40) in `high`. Three bands, not more: a band cell needs tens of graded
 * items per (endpoint, task class) before it moves the estimate (see BAND_SHRINKAGE_SAMPLES in stage 12).
 */
export const COMPLEXITY_BANDS = ['low', 'mid', 'high'] as const;
export type ComplexityBand = (typeof COMPLEXITY_BANDS)[number];

/** Lower bounds of `mid` and `high` on the calibrated complexity. */
export const BAND_CUTS = Object.freeze({ mid: 0.17, high: 0.31 });

export function complexityBand(complexity: number): ComplexityBand {
  if (complexity >= BAND_CUTS.high) return 'high';
  if (complexity >= BAND_CUTS.mid) return 'mid';
  return 'low';
}

/** Snapshot key of an (endpoint, task class) eval cell, and of its per-band refinement. */
export const evalCellKey = (endpointId: string, taskClass: string) => `${endpointId}|${taskClass}`;
export const evalBandCellKey = (endpointId: string, taskClass: string, band: ComplexityBand) => `${endpointId}|${taskClass}|${band}`;

/** The parts of a band cell key, or null for any other key (class cells, unknown bands). Endpoint ids have no "|". */
export function parseEvalBandCellKey(key: string): { endpointId: string; taskClass: string; band: ComplexityBand } | null {
  const last = key.lastIndexOf('|');
  const band = key.slice(last + 1) as ComplexityBand;
  if (last < 0 || !COMPLEXITY_BANDS.includes(band)) return null;
  const mid = key.lastIndexOf('|', last - 1);
  if (mid < 0) return null;
  return { endpointId: key.slice(0, mid), taskClass: key.slice(mid + 1, last), band };
}
