/**
 * A binary strong/weak router's threshold sweep (RouteLLM), pure. The router scores each prompt (higher: more
 * worth the strong model); a threshold sends the prompts above it to the strong model and the rest to the weak
 * one. Sweeping it gives quality against the share of calls to the strong model, from all-weak (0) to
 * all-strong (1). Prompts with the same score cannot be separated by a threshold, so a tie group enters at once
 * and the curve is straight across it (the expectation of breaking the tie at random); a constant score is
 * random routing, APGR 0.5.
 *
 * APGR = ∫₀¹ PGR(s) ds of the curve itself (RouteLLM: it may fall after its peak, when the strong model loses
 * the last prompts); CPT(x) = the first share of strong calls at which PGR reaches x. hullApgr is the project's
 * variant (metrics.ts pairMetrics: the non-decreasing hull, what mixing the sweep's settings could reach).
 */
import { costToReach, meanOverRange, pairMetrics, type Point } from './metrics';

/** Points (share of calls to strong, mean quality), one per distinct threshold, share ascending. */
export function strongShareCurve(score: number[], yWeak: number[], yStrong: number[]): Point[] {
  const n = score.length;
  const order = score.map((_, i) => i).sort((a, b) => score[b] - score[a]);
  let quality = yWeak.reduce((a, y) => a + y, 0);
  const curve: Point[] = [{ cost: 0, quality: quality / n }];
  for (let i = 0; i < n;) {
    let j = i;
    for (; j < n && score[order[j]] === score[order[i]]; j++) quality += yStrong[order[j]] - yWeak[order[j]];
    curve.push({ cost: j / n, quality: quality / n });
    i = j;
  }
  return curve;
}

export interface ThresholdPairMetrics {
  /** NaN when the strong and weak model score the same on these prompts (no gap to recover). */
  apgr: number;
  cpt50: number | null;
  cpt80: number | null;
  hullApgr: number;
}

export function thresholdPairMetrics(score: number[], yWeak: number[], yStrong: number[]): ThresholdPairMetrics {
  const curve = strongShareCurve(score, yWeak, yStrong);
  const weak = curve[0];
  const strong = curve[curve.length - 1];
  const gap = strong.quality - weak.quality;
  if (gap === 0) return { apgr: Number.NaN, cpt50: null, cpt80: null, hullApgr: Number.NaN };
  const cpt = (x: number) => costToReach(curve, weak.quality + x * gap);
  return {
    apgr: (meanOverRange(curve, 0, 1) - weak.quality) / gap,
    cpt50: cpt(0.5),
    cpt80: cpt(0.8),
    hullApgr: pairMetrics(curve, weak, strong).apgr,
  };
}
