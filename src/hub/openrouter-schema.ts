import { z } from 'zod';

/**
 * OpenRouter's routing fields, accepted on the chat body so its users can switch gateways without
 * changing requests. Cailos reads them itself (src/routing/provider-prefs.ts) and never forwards them.
 * Every field OpenRouter documents is accepted, with or without a Cailos meaning; the router says in
 * the decision trace what it made of each. `null` means unset, as OpenRouter's SDKs send it.
 */

const slug = z.string().min(1).max(100);
const slugs = z.array(slug).max(100);

/** OpenRouter sends prices as numbers or as decimal strings. USD. */
const price = z
  .union([z.number().min(0), z.string().regex(/^\s*\d+(\.\d+)?\s*$/, 'a price in USD, e.g. 0.5 or "0.5"')])
  .transform((v) => Number(v));

/** A throughput or latency threshold: one number, or one per percentile. */
const percentiles = z.union([
  z.number().min(0),
  z
    .object({ p50: z.number().min(0), p75: z.number().min(0), p90: z.number().min(0), p99: z.number().min(0) })
    .partial()
    .strict(),
]);

export const PROVIDER_SORTS = ['price', 'throughput', 'latency'] as const;
export type ProviderSort = (typeof PROVIDER_SORTS)[number];

export const providerPreferences = z
  .object({
    order: slugs,
    only: slugs,
    ignore: slugs,
    allow_fallbacks: z.boolean(),
    require_parameters: z.boolean(),
    data_collection: z.enum(['allow', 'deny']),
    zdr: z.boolean(),
    enforce_distillable_text: z.boolean(),
    quantizations: z.array(z.string().min(1).max(32)).max(20),
    sort: z.union([
      z.enum(PROVIDER_SORTS),
      z.object({ by: z.enum(PROVIDER_SORTS), partition: z.enum(['model', 'none']).nullable().optional() }).strict(),
    ]),
    max_price: z.object({ prompt: price, completion: price, request: price, image: price, audio: price }).partial().strict(),
    preferred_min_throughput: percentiles,
    preferred_max_latency: percentiles,
  })
  .partial()
  .strict();

/** The whole `provider` object: each field may also be null (unset). */
export const providerPreferencesField = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)) : v),
  providerPreferences,
);

export type ProviderPreferences = z.infer<typeof providerPreferences>;

/** `models`: fallback models after `model`, in order. At most 10, as many as a chain can hold. */
export const fallbackModels = z.array(z.string().min(1, 'model names are non-empty').max(200)).min(1).max(10);

/**
 * A body schema that also takes OpenRouter's documented form with `models` alone: its first entry is
 * the model, the rest the fallbacks. Without `model`, `model` becomes `models[0]` before validation
 * (`models` stays whole: the router skips the primary in it). An invalid `models` is reported as
 * such, so the error names the entry at fault; with neither field the error names `model`.
 */
export function withModelFromModels<T extends z.ZodType>(schema: T) {
  return z.preprocess((body, ctx) => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    const b = body as Record<string, unknown>;
    if (b.model != null || b.models == null) return body;
    const models = fallbackModels.safeParse(b.models);
    if (models.success) return { ...b, model: models.data[0] };
    for (const issue of models.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['models', ...issue.path], input: b.models });
    return body;
  }, schema);
}

/** `route`: OpenRouter's only value is "fallback" (try `models` in order), which is what Cailos does. */
export const modelRoute = z.enum(['fallback']);

/** Body fields of this dialect; Cailos consumes them and never forwards them. */
export const OPENROUTER_FIELDS = ['models', 'route', 'provider'] as const;
