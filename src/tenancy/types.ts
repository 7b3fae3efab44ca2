import { z } from 'zod';
import { STRATEGIES } from '../api/chat-schema';
import { ENTITY_TYPES } from '../shield/types';

export const SHIELD_MODES = ['on', 'off', 'block'] as const;

/** Per-key settings, validated when set through the admin API. */
export const keySettingsSchema = z
  .object({
    tier: z.enum(['free', 'paid']).default('paid'),
    /** Strategy for a bare `auto`; null lets the classifier choose per request. */
    defaultStrategy: z.enum(STRATEGIES).nullable().default(null),
    minTrustLevel: z.number().int().min(0).max(3).default(0),
    monthlyBudgetUsd: z.number().positive().nullable().default(null),
    requestsPerMinute: z.number().int().min(1).max(100_000).default(600),
    shield: z
      .object({ mode: z.enum(SHIELD_MODES).default('on'), entities: z.array(z.enum(ENTITY_TYPES)).optional() })
      .default({ mode: 'on' }),
    /** Model whose price is the savings baseline. */
    baselineModel: z.string().default('gpt-4o'),
    allowProviders: z.array(z.string()).optional(),
    denyProviders: z.array(z.string()).optional(),
    regions: z.array(z.string()).optional(),
    storeFeedbackComments: z.boolean().default(false),
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
      Object.entries(keySettingsSchema.shape).map(([name, field]) => [name, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
    ),
  )
  .strict() as unknown as z.ZodType<Partial<KeySettings>>;

export type KeyScope = 'api' | 'dashboard';

export interface KeyRecord {
  id: string;
  teamId: string;
  name: string;
  keyPrefix: string;
  scopes: KeyScope[];
  settings: KeySettings;
  createdAt: number;
  revokedAt: number | null;
}
