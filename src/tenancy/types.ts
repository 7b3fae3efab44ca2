import { z } from 'zod';
import { ENTITY_TYPES } from '../shield';
import { STRATEGIES } from '../hub';
import { DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS } from '../cache';
import { instant, modelRuleList, residencyRegion } from './key-fields';

export const SHIELD_MODES = ['on', 'off', 'block'] as const;

/** Minimum trust level of a key that does not set one (levels: src/catalog/trust.ts). */
export const DEFAULT_MIN_TRUST_LEVEL = 1;

/** Per-key settings, validated when set through the admin API. */
export const keySettingsSchema = z
  .object({
    tier: z.enum(['free', 'paid']).default('paid'),
    /** Strategy for a bare `auto`; null lets the classifier choose per request. */
    defaultStrategy: z.enum(STRATEGIES).nullable().default(null),
    /** 1 by default: level-0 endpoints (free tiers, terms that allow training) only for keys that opt in. */
    minTrustLevel: z.number().int().min(0).max(3).default(DEFAULT_MIN_TRUST_LEVEL),
    monthlyBudgetUsd: z.number().positive().nullable().default(null),
    /** Budgets over a UTC day and a week from Monday (windows.ts); null: none. A request must fit every budget set. */
    dailyBudgetUsd: z.number().positive().nullable().default(null),
    weeklyBudgetUsd: z.number().positive().nullable().default(null),
    requestsPerMinute: z.number().int().min(1).max(100_000).default(600),
    /** Tokens (estimated input + output cap, settled to real usage) per minute; null: no token limit. */
    tokensPerMinute: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
    shield: z
      .object({ mode: z.enum(SHIELD_MODES).default('on'), entities: z.array(z.enum(ENTITY_TYPES)).optional() })
      .default({ mode: 'on' }),
    /** Model whose price is the savings baseline. */
    baselineModel: z.string().default('gpt-4o'),
    allowProviders: z.array(z.string()).optional(),
    denyProviders: z.array(z.string()).optional(),
    regions: z.array(z.string()).optional(),
    storeFeedbackComments: z.boolean().default(false),
    /** Exact response cache (src/cache): `enabled` caches every qualifying request of the key; off by default. */
    responseCache: z
      .object({
        enabled: z.boolean().default(false),
        ttlSeconds: z.number().int().min(1).max(MAX_CACHE_TTL_SECONDS).default(DEFAULT_CACHE_TTL_SECONDS),
      })
      .strict()
      .default({ enabled: false, ttlSeconds: DEFAULT_CACHE_TTL_SECONDS }),
    /** Model rules (family, model id, provider or endpoint id; key-fields.ts): only these / never these. Deny wins. */
    allowModels: modelRuleList.nullable().optional(),
    denyModels: modelRuleList.nullable().optional(),
    /** Strict residency: only endpoints whose processing region is sourced to be this one; null = none. */
    residency: residencyRegion.nullable().optional(),
    /** Epoch ms from which the key is refused (401 key_expired); null = never. ISO 8601 accepted on input. */
    expiresAt: instant.nullable().default(null),
  })
  .strict();

export type KeySettings = z.infer<typeof keySettingsSchema>;

/**
 * A settings patch: every field optional and WITHOUT defaults (zod's .partial() keeps defaults,
 * which would silently reset the fields a patch does not mention).
 */
export const keySettingsPatch = z
  .object(
    Object.fromEntries(
      Object.entries(keySettingsSchema.shape).map(([name, field]) => [
        name,
        (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
      ]),
    ),
  )
  .strict() as unknown as z.ZodType<Partial<KeySettings>>;

/**
 * `api`: call /v1/*. `dashboard`: read-only dashboard (usage, logs, the key list).
 * `keys:manage`: create, edit and revoke the team's keys in the dashboard; it includes the view.
 */
export const KEY_SCOPES = ['api', 'dashboard', 'keys:manage'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export const keyScopesSchema = z.array(z.enum(KEY_SCOPES)).min(1);

/** Whether these scopes open the dashboard (managing keys implies seeing them). */
export function canViewDashboard(scopes: readonly string[]): boolean {
  return scopes.includes('dashboard') || scopes.includes('keys:manage');
}

export function canManageKeys(scopes: readonly string[]): boolean {
  return scopes.includes('keys:manage');
}

export interface KeyRecord {
  id: string;
  teamId: string;
  name: string;
  keyPrefix: string;
  scopes: KeyScope[];
  settings: KeySettings;
  /** The key that minted this one from the dashboard; null when the operator did. Absent in KV copies written before the column existed. */
  createdBy?: string | null;
  /** The key this one replaced (POST /admin/keys/:id/rotate); null otherwise. Absent in KV copies written before the column existed. */
  rotatedFrom?: string | null;
  createdAt: number;
  revokedAt: number | null;
}
