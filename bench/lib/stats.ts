/**
 * Summary statistics shared by the benchmarks, so every results page means the same thing by "p99" and
 * "median". (src/dashboard/stats.ts keeps its own: the worker must not import bench/.)
 */

/**
 * Nearest-rank percentile (p in [0, 100]) of an unsorted sample: the smallest value with at least p % of the
 * sample at or below it. NaN when the sample is empty. The input is not modified.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * Median: the middle value, or the mean of the two middle values of an even-sized sample (so the median of
 * two A/B pairs is their mean, not the lower one). Equals percentile(values, 50) for an odd-sized sample.
 * NaN when empty.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
