/** Binomial pass rates with Wilson 95% intervals (eval scores, eligibility). */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion. Preferred over the normal approximation because
 * it stays inside [0,1] and behaves at small n and at 0% / 100% pass rates, which are common here.
 */
export function wilsonInterval(passed: number, total: number, z = Z95): { low: number; high: number } {
  if (total <= 0) return { low: 0, high: 1 };
  const p = passed / total;
  const z2 = z * z;
  const denom = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function ciOf(passed: number, total: number): { ciLow: number; ciHigh: number } {
  const { low, high } = wilsonInterval(passed, total);
  return { ciLow: low, ciHigh: high };
}

/** Pool rows (e.g. one task class across categories) into one count with its interval. */
export function poolRows(rows: { passed: number; total: number; scoreSum: number }[]): {
  passed: number;
  total: number;
  scoreSum: number;
  meanScore: number;
  ciLow: number;
  ciHigh: number;
} {
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const total = rows.reduce((n, r) => n + r.total, 0);
  const scoreSum = rows.reduce((n, r) => n + r.scoreSum, 0);
  return { passed, total, scoreSum, meanScore: total ? scoreSum / total : 0, ...ciOf(passed, total) };
}
