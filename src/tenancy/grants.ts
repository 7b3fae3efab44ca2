import { ENTITY_TYPES } from '../shield';
import { canViewDashboard, type KeyScope, type KeySettings } from './types';

/**
 * What a key that manages others may hand out: never more than it holds. Every limit is compared
 * with the granting key's own value, so the same rule stops minting a stronger key and raising one's
 * own limits (a key editing itself is compared with itself). The operator's admin secret bypasses
 * all of this.
 */

export interface GrantProblem {
  field: keyof KeySettings | 'scopes';
  message: string;
}

type Check<F extends keyof KeySettings> = (own: KeySettings[F], wanted: KeySettings[F]) => string | null;

const within = (wanted: readonly string[], own: readonly string[]) => wanted.every((x) => own.includes(x));
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

/** A budget no larger than the granting key's own; "none" only when it has none itself. */
function capAtOwn(own: number | null | undefined, wanted: number | null | undefined, what: string): string | null {
  if (own === null || own === undefined) return null;
  if (wanted === null || wanted === undefined) return `no ${what} (its own is $${own})`;
  return wanted > own ? `a ${what} above its own $${own}` : null;
}

const CHECKS: { [F in keyof KeySettings]?: Check<F> } = {
  requestsPerMinute: (own, wanted) => (wanted > own ? `a rate limit above its own ${own} requests per minute` : null),
  monthlyBudgetUsd: (own, wanted) => {
    if (own === null) return null;
    if (wanted === null) return `no monthly budget (its own is $${own})`;
    return wanted > own ? `a monthly budget above its own $${own}` : null;
  },
  dailyBudgetUsd: (own, wanted) => capAtOwn(own, wanted, 'daily budget'),
  weeklyBudgetUsd: (own, wanted) => capAtOwn(own, wanted, 'weekly budget'),
  // No token limit means unlimited: only a key without one may grant none.
  tokensPerMinute: (own, wanted) => {
    if (own === null || own === undefined) return null;
    if (wanted === null || wanted === undefined) return `no token rate limit (its own is ${own} tokens per minute)`;
    return wanted > own ? `a token rate limit above its own ${own} tokens per minute` : null;
  },
  tier: (own, wanted) => (own === 'free' && wanted !== 'free' ? "the 'paid' tier (its own is 'free')" : null),
  minTrustLevel: (own, wanted) => (wanted < own ? `a minimum trust level below its own ${own}` : null),
  // No allow list means every provider; an empty one means none.
  allowProviders: (own, wanted) => {
    if (!own) return null;
    return wanted && within(wanted, own) ? null : `providers outside its own allow list (${list(own)})`;
  },
  denyProviders: (own, wanted) =>
    !own?.length || within(own, wanted ?? []) ? null : `a deny list without its own denied providers (${list(own)})`,
  // No region list, or an empty one, means every region.
  regions: (own, wanted) => {
    if (!own?.length) return null;
    return wanted?.length && within(wanted, own) ? null : `regions outside its own (${list(own)})`;
  },
  // Model rules: a narrower allow list (rule for rule) and a deny list that keeps every own rule.
  allowModels: (own, wanted) => {
    if (!own) return null;
    return wanted && within(wanted, own) ? null : `models outside its own allow list (${list(own)})`;
  },
  denyModels: (own, wanted) =>
    !own?.length || within(own, wanted ?? []) ? null : `a model deny list without its own denied rules (${list(own)})`,
  residency: (own, wanted) => (own && wanted !== own ? `a residency other than its own '${own}'` : null),
  // An expiry is a limit: no later one, and none at all only when its own has none.
  expiresAt: (own, wanted) => {
    if (own === null || own === undefined) return null;
    if (wanted === null || wanted === undefined) return `no expiry (its own key expires ${new Date(own).toISOString()})`;
    return wanted > own ? `an expiry after its own (${new Date(own).toISOString()})` : null;
  },
  shield: (own, wanted) => {
    if (own.mode === 'off') return null;
    if (wanted.mode === 'off') return 'the shield turned off (its own is on)';
    const covered = wanted.entities ?? ENTITY_TYPES;
    return within(own.entities ?? ENTITY_TYPES, covered) ? null : 'a shield that detects fewer entity types than its own';
  },
};

/** The fields of `wanted` that exceed `own`; fields absent from `wanted` are not checked. */
export function settingsProblems(own: KeySettings, wanted: Partial<KeySettings>): GrantProblem[] {
  const problems: GrantProblem[] = [];
  for (const field of Object.keys(CHECKS) as (keyof KeySettings)[]) {
    if (!(field in wanted)) continue;
    const check = CHECKS[field] as Check<typeof field>;
    const message = check(own[field], wanted[field] as KeySettings[typeof field]);
    if (message) problems.push({ field, message });
  }
  return problems;
}

/** A key may grant only scopes it holds; `keys:manage` counts as holding `dashboard`. */
export function scopeProblem(own: readonly KeyScope[], wanted: readonly KeyScope[]): GrantProblem | null {
  const missing = wanted.filter((s) => !(own.includes(s) || (s === 'dashboard' && canViewDashboard(own))));
  return missing.length ? { field: 'scopes', message: `scope ${missing.map((s) => `'${s}'`).join(', ')} it does not hold` } : null;
}

/** The limit fields a new key takes from the key creating it when the request leaves them unset. */
const INHERITED = [
  'tier',
  'minTrustLevel',
  'monthlyBudgetUsd',
  'dailyBudgetUsd',
  'weeklyBudgetUsd',
  'requestsPerMinute',
  'tokensPerMinute',
  'shield',
  'allowProviders',
  'denyProviders',
  'regions',
  'allowModels',
  'denyModels',
  'residency',
  'expiresAt',
] as const;

/** A new key's settings: what was asked for, and the creator's own limits for the rest. */
export function inheritLimits(own: KeySettings, wanted: Partial<KeySettings>): Partial<KeySettings> {
  const out: Partial<KeySettings> = { ...wanted };
  for (const field of INHERITED) {
    if (!(field in out) && own[field] !== undefined) (out as Record<string, unknown>)[field] = structuredClone(own[field]);
  }
  return out;
}

/** The fields of a patch whose value differs from what the key has now (unchanged values grant nothing). */
export function changedFields(current: KeySettings, patch: Partial<KeySettings>): Partial<KeySettings> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (JSON.stringify(value) !== JSON.stringify(current[field as keyof KeySettings])) out[field] = value;
  }
  return out as Partial<KeySettings>;
}
