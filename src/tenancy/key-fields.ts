import { z } from 'zod';

/**
 * Settings fields that restrict what a key may reach and for how long: model allow/deny rules,
 * strict residency and the expiry time. Their meaning at request time lives in src/routing/access.ts
 * (rules, residency) and auth.ts (expiry).
 */

/** Rules per list; enough for any real policy, small enough to match per request without an index. */
export const MAX_MODEL_RULES = 200;

/**
 * A model rule: a model family, an upstream model id, a provider or an endpoint id, matched against
 * each of them; `family:`, `model:`, `provider:` or `endpoint:` in front restricts it to one.
 */
export const modelRuleList = z
  .array(z.string().trim().min(1, 'a rule must not be empty').max(200))
  .max(MAX_MODEL_RULES, `at most ${MAX_MODEL_RULES} rules`);

/** A region code as the catalog writes them ('eu', 'us', 'ca', 'apac'); 'global' guarantees nothing. */
export const residencyRegion = z
  .string()
  .regex(/^[a-z]{2,16}$/, 'a lowercase region code such as "eu"')
  .refine((r) => r !== 'global', "'global' is not a residency: name the region data must be processed in");

/** Epoch milliseconds below this are almost surely seconds (it is 2001-09-09 in milliseconds). */
const MIN_EPOCH_MS = 1e12;

/** An instant given as an ISO 8601 date-time or epoch milliseconds, stored as epoch milliseconds. */
export const instant = z
  .union(
    [
      z.number().int().min(MIN_EPOCH_MS, 'epoch milliseconds expected (this looks like seconds)'),
      z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time such as "2026-12-31T23:59:59Z", or epoch milliseconds' }),
    ],
    { error: 'an ISO 8601 date-time or epoch milliseconds' },
  )
  .transform((v) => (typeof v === 'number' ? v : Date.parse(v)));

/** Whether a key's expiry has passed; read from the record the caller already holds (no lookup). */
export function keyExpired(key: { settings: { expiresAt?: number | null } }, now = Date.now()): boolean {
  const at = key.settings.expiresAt;
  return at !== null && at !== undefined && at <= now;
}
