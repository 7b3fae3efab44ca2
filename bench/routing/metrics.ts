/**
 * Router quality metrics (RouterBench, RouteLLM), pure. A router is a set of (cost, quality) points,
 * one per setting of its cost/quality trade-off; cost is the mean USD per prompt, quality the mean score.
 *
 * R̃(c), the non-decreasing convex hull: the best quality reachable by mixing the router's settings
 * while spending at most c per prompt (the upper concave envelope of the points, flat after its
 * best point, 0 below its cheapest point since nothing can be spent less than that).
 * AIQ = (1 / (hi − lo)) ∫_lo^hi R̃(c) dc over a common cost range [lo, hi] — here the range of the
 *       single models on the same prompts, so every router on a task is integrated over the same range.
 * PGR(c) = (R̃(c) − q_weak) / (q_strong − q_weak).
 * APGR = mean of PGR over costs between the weak and the strong model (for a router choosing only
 *        between the two this equals RouteLLM's average over the share of calls to the strong model).
 * CPT(x) = the cost at which PGR first reaches x, reported as a share of the way from the weak
 *          model's cost to the strong model's (RouteLLM's "% calls to strong" for a binary router).
 */

export interface Point {
  cost: number;
  quality: number;
  label?: string;
}

/** Vertices of R̃, cheapest first, quality strictly increasing. */
export function nonDecreasingHull(points: Point[]): Point[] {
  const sorted = points
    .filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.quality))
    .slice()
    .sort((a, b) => a.cost - b.cost || b.quality - a.quality);
  const hull: Point[] = [];
  for (const p of sorted) {
    // Dominated: not better than something at most as expensive.
    if (hull.length && p.quality <= hull[hull.length - 1].quality) continue;
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      // Drop b when it lies on or below the segment a→p (keeps the envelope concave).
      const cross = (b.cost - a.cost) * (p.quality - a.quality) - (b.quality - a.quality) * (p.cost - a.cost);
      if (cross >= 0) hull.pop();
      else break;
    }
    hull.push(p);
  }
  return hull;
}

/** R̃(c) for hull vertices from nonDecreasingHull. */
export function hullValue(hull: Point[], c: number): number {
  if (hull.length === 0 || c < hull[0].cost) return 0;
  for (let i = 1; i < hull.length; i++) {
    const a = hull[i - 1];
    const b = hull[i];
    if (c <= b.cost) return a.quality + ((b.quality - a.quality) * (c - a.cost)) / (b.cost - a.cost);
  }
  return hull[hull.length - 1].quality;
}

/** Mean of R̃ over [lo, hi] (exact: R̃ is piecewise linear between breakpoints). */
export function meanOverRange(hull: Point[], lo: number, hi: number): number {
  if (!(hi > lo)) return hullValue(hull, lo);
  const xs = [lo, hi, ...hull.map((p) => p.cost).filter((c) => c > lo && c < hi)].sort((a, b) => a - b);
  let area = 0;
  for (let i = 1; i < xs.length; i++) {
    const x0 = xs[i - 1];
    const x1 = xs[i];
    if (x1 <= x0) continue;
    // Below the cheapest vertex R̃ is 0; the vertex itself is a breakpoint, so each piece is linear.
    const mid = (x0 + x1) / 2;
    if (hull.length === 0 || mid < hull[0].cost) continue;
    area += ((hullValue(hull, x0) + hullValue(hull, x1)) / 2) * (x1 - x0);
  }
  return area / (hi - lo);
}

export function aiq(points: Point[], range: { lo: number; hi: number }): number {
  return meanOverRange(nonDecreasingHull(points), range.lo, range.hi);
}

/** Cheapest cost at which R̃ reaches `target` (null when it never does). */
export function costToReach(hull: Point[], target: number): number | null {
  if (hull.length === 0) return null;
  if (hull[0].quality >= target) return hull[0].cost;
  for (let i = 1; i < hull.length; i++) {
    const a = hull[i - 1];
    const b = hull[i];
    if (b.quality >= target) return a.cost + ((target - a.quality) * (b.cost - a.cost)) / (b.quality - a.quality);
  }
  return null;
}

export interface PairMetrics {
  apgr: number;
  /** Share (0–1) of the weak→strong cost gap needed for 50% / 80% of the quality gap; null if never. */
  cpt50: number | null;
  cpt80: number | null;
}

export function pairMetrics(points: Point[], weak: Point, strong: Point): PairMetrics {
  const hull = nonDecreasingHull(points);
  const gap = strong.quality - weak.quality;
  const span = strong.cost - weak.cost;
  const apgr = gap === 0 ? 0 : (meanOverRange(hull, weak.cost, strong.cost) - weak.quality) / gap;
  const cpt = (x: number) => {
    const c = costToReach(hull, weak.quality + x * gap);
    return c === null ? null : (c - weak.cost) / span;
  };
  return { apgr, cpt50: cpt(0.5), cpt80: cpt(0.8) };
}
