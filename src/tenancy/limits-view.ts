import type { Env } from '../env';
import { guard, peekQuota } from './quota-state';
import { keyScope, type Scope, scopesOf, teamScope } from './scopes';
import { resolveTeam } from './team-cache';
import type { TeamRecord } from './team-settings';
import type { KeyRecord } from './types';
import { BUDGET_WINDOWS, windowEnd } from './windows';

/**
 * A key's limits as it may see them itself (GET /v1/usage): its rates, its budgets with the spend of
 * each window so far, and its team's team-wide limits. Spend is the guard's total plus what this
 * isolate has not sent yet. Not on the completion path: it asks the guards.
 */

export interface BudgetView {
  window: string;
  limit_usd: number;
  spent_usd: number;
  resets_at: string;
}

export interface ScopeView {
  requests_per_minute: number | null;
  tokens_per_minute: number | null;
  budgets: BudgetView[];
}

async function scopeView(env: Env, scope: Scope, now: number): Promise<ScopeView> {
  const windows = BUDGET_WINDOWS.filter((w) => scope.budgets[w] !== undefined);
  const status = windows.length ? await guard(env, scope.id).status() : null;
  const q = peekQuota(scope.id);
  const unsent = q ? q.unsentUsd + q.sendingUsd : 0;
  return {
    requests_per_minute: scope.rpm,
    tokens_per_minute: scope.tpm,
    budgets: windows.map((w) => ({
      window: w,
      limit_usd: scope.budgets[w]!,
      spent_usd: (status?.spend[w].usd ?? 0) + unsent,
      resets_at: new Date(windowEnd(w, now)).toISOString(),
    })),
  };
}

export async function limitsView(
  env: Env,
  key: KeyRecord,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<ScopeView & { alert_thresholds: readonly number[]; team: (ScopeView & { id: string }) | null }> {
  const team = await resolveTeam(env, key.teamId, waitUntil);
  const [own, teamWide] = scopesOf(key, team);
  const now = Date.now();
  const [mine, theirs] = await Promise.all([scopeView(env, own, now), teamWide ? scopeView(env, teamWide, now) : null]);
  return { ...mine, alert_thresholds: own.thresholds, team: theirs && team ? { id: team.id, ...theirs } : null };
}

/**
 * The dashboard's view of a team: each key's own limits and the team-wide ones (null when it sets
 * none), every guard asked once. `team` is the record as read from D1, so a change shows at once.
 */
export async function teamLimitsView(
  env: Env,
  team: TeamRecord | null,
  keys: readonly KeyRecord[],
): Promise<{ team: ScopeView | null; keys: Map<string, ScopeView> }> {
  const now = Date.now();
  const teamWide = teamScope(team);
  const [teamView, ...keyViews] = await Promise.all([
    teamWide ? scopeView(env, teamWide, now) : null,
    ...keys.map((k) => scopeView(env, keyScope(k, team), now)),
  ]);
  return { team: teamView, keys: new Map(keys.map((k, i) => [k.id, keyViews[i] as ScopeView])) };
}
