/**
 * Budget windows, all in UTC: a day, a week starting Monday 00:00, a calendar month. A window is named
 * by its first day (`2026-12-07`; months `2026-12`, as the monthly spend always was), so the name
 * alone tells which spend record belongs to the window that is current now.
 */

export const BUDGET_WINDOWS = ['daily', 'weekly', 'monthly'] as const;
export type BudgetWindow = (typeof BUDGET_WINDOWS)[number];

/** A budget per window; a window without a budget is absent. */
export type Budgets = Partial<Record<BudgetWindow, number>>;

const DAY_MS = 86_400_000;

/** When the window holding `ts` began (ms). */
export function windowStart(window: BudgetWindow, ts: number): number {
  const d = new Date(ts);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (window === 'daily') return midnight;
  if (window === 'weekly') return midnight - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** When the window holding `ts` ends, i.e. when its budget starts afresh (ms). */
export function windowEnd(window: BudgetWindow, ts: number): number {
  const start = windowStart(window, ts);
  if (window === 'daily') return start + DAY_MS;
  if (window === 'weekly') return start + 7 * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The name of the window holding `ts`. */
export function windowId(window: BudgetWindow, ts: number): string {
  const iso = new Date(windowStart(window, ts)).toISOString();
  return window === 'monthly' ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** "today", "this week", "this month": how messages name the current window. */
export function windowPhrase(window: BudgetWindow): string {
  return window === 'daily' ? 'today' : window === 'weekly' ? 'this week' : 'this month';
}
