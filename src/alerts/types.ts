/** A budget window crossing one of its alert thresholds: what the webhook is told. */
export interface BudgetAlert {
  teamId: string;
  /** Whose budget: one key's, or the whole team's. */
  scope: 'key' | 'team';
  /** The key, by id, display prefix and name (never the key itself); null for a team budget. */
  key: { id: string; prefix: string; name: string } | null;
  window: 'daily' | 'weekly' | 'monthly';
  /** The window's name: `2026-12-07` (day, or the Monday of a week), `2026-12` (month). */
  windowId: string;
  windowStart: number;
  spentUsd: number;
  limitUsd: number;
  /** The fraction of the budget that was reached, e.g. 0.8. */
  threshold: number;
  /** When the crossing was seen (ms). */
  at: number;
}
