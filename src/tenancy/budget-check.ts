import { ApiError } from '../hub';
import { type LocalQuota, type SpendHold, spentIn } from './quota-state';
import type { Scope } from './scopes';
import { BUDGET_WINDOWS, type BudgetWindow, windowEnd, windowPhrase } from './windows';

/**
 * Budget admission for one scope, over each window it has a budget for (see quota.ts for the rule).
 * No I/O: it reads the spend the leases brought and the holds of this isolate's requests in flight.
 */

/** A hold whose request never settled (lost mid-way) stops counting after this long. */
const HOLD_TTL_MS = 15 * 60_000;

/** Dollars with the digits a small budget needs ($0.0001 must not print as $0.00). */
export function usd(x: number): string {
  return x >= 0.01 || x === 0 ? `$${x.toFixed(2)}` : `$${x.toPrecision(2)}`;
}

export function releaseHold(q: LocalQuota, hold: SpendHold): void {
  if (!q.holds.delete(hold)) return;
  // Reset on empty so float rounding never leaves a phantom hold behind.
  q.reservedUsd = q.holds.size === 0 ? 0 : Math.max(0, q.reservedUsd - hold.usd);
}

function dropLapsedHolds(q: LocalQuota, now: number): void {
  for (const hold of q.holds) {
    if (now - hold.at < HOLD_TTL_MS) return;
    releaseHold(q, hold);
  }
}

const whose = (scope: Scope) => (scope.kind === 'key' ? "this key's" : `${scope.label}'s`);
const where = (scope: Scope) => (scope.kind === 'key' ? 'the key settings' : 'the team settings');

function exceeded(scope: Scope, window: BudgetWindow, budget: number, spent: number, now: number): ApiError {
  const resets = new Date(windowEnd(window, now)).toISOString();
  return new ApiError(429, {
    message: `You exceeded ${whose(scope)} ${window} budget of ${usd(budget)} (spent ${usd(spent)} ${windowPhrase(window)}; it starts afresh at ${resets}). Raise the budget in ${where(scope)}.`,
    type: 'insufficient_quota',
    code: 'insufficient_quota',
  });
}

function crowded(scope: Scope, q: LocalQuota, window: BudgetWindow, budget: number, spent: number, needUsd: number): ApiError {
  return new ApiError(429, {
    message: `${scope.kind === 'key' ? "This key's" : `The ${scope.label}'s`} requests in progress may cost up to ${usd(q.reservedUsd)} and ${usd(spent)} is spent ${windowPhrase(window)}: this request${needUsd > 0 ? ` (up to ${usd(needUsd)})` : ''} does not fit in the ${window} budget of ${usd(budget)}. Retry when they finish, lower max_tokens, or raise the budget.`,
    type: 'insufficient_quota',
    code: 'insufficient_quota',
  });
}

/**
 * Throws 429 insufficient_quota unless a request holding `needUsd` may run now under every budget of
 * `scope`: the window's spend is below its budget, and the hold fits beside the spend and the holds
 * in flight (or nothing of the scope is in flight in this isolate).
 */
export function checkBudgets(scope: Scope, q: LocalQuota, needUsd = 0): void {
  const now = Date.now();
  let dropped = false;
  for (const window of BUDGET_WINDOWS) {
    const budget = scope.budgets[window];
    if (budget === undefined) continue;
    if (!dropped) dropLapsedHolds(q, now);
    dropped = true;
    const spent = spentIn(q, window, now);
    if (spent >= budget) throw exceeded(scope, window, budget, spent, now);
    if (q.holds.size > 0 && spent + q.reservedUsd + needUsd > budget) throw crowded(scope, q, window, budget, spent, needUsd);
  }
}
