import type { GuardSubject } from './key-guard';
import { hasTeamLimits, type TeamRecord } from './team-settings';
import type { KeyRecord } from './types';
import type { Budgets } from './windows';

/**
 * What a request is held against: its key's limits and, when its team sets team-wide limits, the
 * team's. Each scope has its own KeyGuard (named by `id`) and its own lease in the isolate; a request
 * must fit every scope.
 */
export interface Scope {
  /** The KeyGuard's name: the key id, or `team:<id>`. */
  id: string;
  kind: 'key' | 'team';
  /** How messages name it: "this key", "team acme". */
  label: string;
  rpm: number | null;
  tpm: number | null;
  budgets: Budgets;
  /** Alert thresholds; empty when the team has no webhook. */
  thresholds: readonly number[];
  subject: GuardSubject;
}

function budgetsOf(s: { dailyBudgetUsd?: number | null; weeklyBudgetUsd?: number | null; monthlyBudgetUsd?: number | null }): Budgets {
  const out: Budgets = {};
  if (s.dailyBudgetUsd) out.daily = s.dailyBudgetUsd;
  if (s.weeklyBudgetUsd) out.weekly = s.weeklyBudgetUsd;
  if (s.monthlyBudgetUsd) out.monthly = s.monthlyBudgetUsd;
  return out;
}

const thresholdsOf = (team: TeamRecord | null) => (team?.alertWebhookUrl ? team.settings.alertThresholds : []);

/** The key's scope. Settings absent from a record (a KV copy older than the field) count as unset. */
export function keyScope(key: KeyRecord, team: TeamRecord | null): Scope {
  return {
    id: key.id,
    kind: 'key',
    label: 'this key',
    rpm: key.settings.requestsPerMinute,
    tpm: key.settings.tokensPerMinute ?? null,
    budgets: budgetsOf(key.settings),
    thresholds: thresholdsOf(team),
    subject: { teamId: key.teamId, keyId: key.id, keyPrefix: key.keyPrefix, keyName: key.name },
  };
}

/** The team's scope, or null when it sets no team-wide limit (nothing to hold, no guard to call). */
export function teamScope(team: TeamRecord | null): Scope | null {
  if (!team || !hasTeamLimits(team.settings)) return null;
  return {
    id: `team:${team.id}`,
    kind: 'team',
    label: `team ${team.id}`,
    rpm: team.settings.requestsPerMinute,
    tpm: team.settings.tokensPerMinute,
    budgets: budgetsOf(team.settings),
    thresholds: thresholdsOf(team),
    subject: { teamId: team.id },
  };
}

const memo = new WeakMap<KeyRecord, { team: TeamRecord | null; scopes: Scope[] }>();

/** The request's scopes, key first; rebuilt only when the cached key or team record changes. */
export function scopesOf(key: KeyRecord, team: TeamRecord | null): Scope[] {
  const hit = memo.get(key);
  if (hit && hit.team === team) return hit.scopes;
  const t = teamScope(team);
  const scopes = t ? [keyScope(key, team), t] : [keyScope(key, team)];
  memo.set(key, { team, scopes });
  return scopes;
}
