import { z } from 'zod';

/** Fractions of a budget at which a spend alert fires when the team has a webhook and sets none. */
export const DEFAULT_ALERT_THRESHOLDS = [0.5, 0.8, 1] as const;

/**
 * Team-wide limits, across all of the team's keys (each key keeps its own limits too; a request must
 * fit both). Null means no team-wide limit of that kind. Validated when set through the admin API.
 */
export const teamSettingsSchema = z
  .object({
    requestsPerMinute: z.number().int().min(1).max(1_000_000).nullable().default(null),
    tokensPerMinute: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
    dailyBudgetUsd: z.number().positive().nullable().default(null),
    weeklyBudgetUsd: z.number().positive().nullable().default(null),
    monthlyBudgetUsd: z.number().positive().nullable().default(null),
    /** Fractions of a budget window (the team's and each of its keys') at which the webhook is called; once each per window. */
    alertThresholds: z
      .array(z.number().positive().max(10))
      .max(10)
      .refine((xs) => new Set(xs).size === xs.length, 'thresholds must be distinct')
      .default([...DEFAULT_ALERT_THRESHOLDS]),
  })
  .strict();

export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** A team settings patch: every field optional and without defaults, so a patch resets nothing it does not name. */
export const teamSettingsPatch = z
  .object(
    Object.fromEntries(
      Object.entries(teamSettingsSchema.shape).map(([name, field]) => [
        name,
        (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
      ]),
    ),
  )
  .strict() as unknown as z.ZodType<Partial<TeamSettings>>;

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Where alerts go. HTTPS, except loopback addresses (local development and tests): the payload names
 * the team, its keys' prefixes and its spend, which should not cross a network in clear text.
 */
export const webhookUrlSchema = z
  .string()
  .max(2048)
  .url()
  .refine((raw) => {
    const u = parseUrl(raw);
    if (!u || u.username || u.password) return false;
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  }, 'webhook URLs must be https:// (http:// only for localhost), without credentials');

/** The shared secret the payload is signed with: long enough not to be guessed. */
export const webhookSecretSchema = z
  .string()
  .min(16)
  .max(256)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** A team as the request path needs it: limits and whether alerts are on, never the webhook secret. */
export interface TeamRecord {
  id: string;
  name: string;
  settings: TeamSettings;
  alertWebhookUrl: string | null;
  createdAt: number;
}

/** Whether the team sets any team-wide limit: only then does the request path track it. */
export function hasTeamLimits(s: TeamSettings): boolean {
  return (
    s.requestsPerMinute !== null ||
    s.tokensPerMinute !== null ||
    s.dailyBudgetUsd !== null ||
    s.weeklyBudgetUsd !== null ||
    s.monthlyBudgetUsd !== null
  );
}
