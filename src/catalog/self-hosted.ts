import { z } from 'zod';
import { SELF_HOSTED_LATENCY } from './latency-priors';
import { PROVIDERS } from './providers';
import { QUALITY_PRIORS } from './quality-priors';
import { maxTrustFromEvidence } from './trust';
import type { Endpoint, TrustEvidence, TrustLevel } from './types';
import { SELF_HOSTED } from './types';

/**
 * SELF_HOSTED_ENDPOINTS (optional binding, JSON array): OpenAI-compatible endpoints the operator
 * runs, registered by configuration. They route like catalog endpoints (by id, by codename, by
 * upstream model id, and under `auto`) with provider 'self-hosted'. Trust 3 needs a declared
 * basis ('on-premise', or 'attested' for a hardware-attested enclave) with evidence; without one
 * an endpoint is rated 1, and the reason is reported. Invalid entries are ignored and reported.
 */

const FAMILY = /^[a-z0-9][a-z0-9._-]*$/i;

const specSchema = z
  .object({
    // `<prefix>/<model>`; the prefix must not be a catalog provider (ids stay unambiguous).
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*\/\S+$/, 'must look like "<prefix>/<model>"'),
    baseUrl: z.url({ protocol: /^https?$/ }),
    model: z.string().min(1),
    codename: z.string().regex(FAMILY, 'letters, digits, ".", "_", "-" only'),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*_API_KEY$/, 'a secret name ending in _API_KEY')
      .optional(),
    pricing: z.object({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) }).strict(),
    contextWindow: z.number().int().min(1024),
    maxOutputTokens: z.number().int().positive(),
    capabilities: z
      .object({
        tools: z.boolean().default(false),
        vision: z.boolean().default(false),
        jsonSchema: z.boolean().default(false),
        streaming: z.boolean().default(true),
      })
      .strict()
      .default({ tools: false, vision: false, jsonSchema: false, streaming: true }),
    regions: z.array(z.string().min(1)).min(1).default(['global']),
    // Where the operator states inference runs (strict residency admits only declared regions).
    processing: z
      .object({
        region: z
          .string()
          .regex(/^[a-z]{2,16}$/, 'a lowercase region code such as "eu"')
          .refine((r) => r !== 'global', "'global' is not a processing region"),
        source: z.string().trim().min(1).max(500),
      })
      .strict()
      .optional(),
    latency: z.object({ ttftMs: z.number().positive(), tokensPerSec: z.number().positive() }).strict().optional(),
    qualityPrior: z.number().min(0).max(1).optional(),
    trust: z
      .object({
        level: z.number().int().min(0).max(3),
        basis: z.enum(['on-premise', 'attested']).optional(),
        evidence: z.string().trim().min(1).max(500).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => s.maxOutputTokens <= s.contextWindow, { message: 'must not exceed contextWindow', path: ['maxOutputTokens'] })
  .refine((s) => !s.processing || s.regions.includes(s.processing.region), {
    message: "must be one of the endpoint's regions",
    path: ['processing', 'region'],
  });

type Spec = z.infer<typeof specSchema>;

export interface ParsedSelfHosted {
  endpoints: readonly Endpoint[];
  errors: readonly string[];
}

function evidenceOf(spec: Spec, asOf: string): TrustEvidence {
  const t = spec.trust;
  const declared = t?.basis !== undefined && t.evidence !== undefined;
  return {
    policyFound: declared,
    retentionDays: null,
    trainsOnInputs: null,
    compliance: [],
    ...(declared && t.basis === 'attested' ? { enclave: true } : {}),
    ...(declared && t.basis === 'on-premise' ? { onPremise: true } : {}),
    quote: declared ? t.evidence! : 'No basis declared (on-premise or attested) in SELF_HOSTED_ENDPOINTS.',
    source: 'SELF_HOSTED_ENDPOINTS (operator configuration)',
    asOf,
  };
}

/** The endpoint, or why it was refused; a trust level above what the evidence supports is lowered and reported. */
function toEndpoint(spec: Spec, asOf: string, warn: (msg: string) => void): Endpoint | string {
  const prefix = spec.id.slice(0, spec.id.indexOf('/'));
  if (Object.hasOwn(PROVIDERS, prefix) || prefix === 'auto') return `id prefix '${prefix}' is reserved for the catalog`;
  const knownPrior = Object.hasOwn(QUALITY_PRIORS, spec.codename)
    ? QUALITY_PRIORS[spec.codename as keyof typeof QUALITY_PRIORS]
    : undefined;
  const qualityPrior = spec.qualityPrior ?? knownPrior;
  if (qualityPrior === undefined) return `qualityPrior is required: the catalog has no prior for model family '${spec.codename}'`;
  const evidence = evidenceOf(spec, asOf);
  const supported = maxTrustFromEvidence(evidence);
  const wanted = (spec.trust?.level ?? supported) as TrustLevel;
  if (wanted > supported)
    warn(`${spec.id}: trust ${wanted} needs trust.basis "on-premise" or "attested" with trust.evidence; rated ${supported}`);
  return {
    id: spec.id,
    provider: SELF_HOSTED,
    model: spec.model,
    codename: spec.codename,
    wireFormat: 'openai',
    pricing: {
      inputPerMTok: spec.pricing.inputPerMTok,
      outputPerMTok: spec.pricing.outputPerMTok,
      asOf,
      source: 'SELF_HOSTED_ENDPOINTS (operator configuration)',
    },
    contextWindow: spec.contextWindow,
    maxOutputTokens: spec.maxOutputTokens,
    capabilities: spec.capabilities,
    trustLevel: Math.min(wanted, supported) as TrustLevel,
    trustEvidence: evidence,
    regions: spec.regions,
    ...(spec.processing ? { processing: { ...spec.processing, quote: 'Declared by the operator in SELF_HOSTED_ENDPOINTS.', asOf } } : {}),
    latency: spec.latency ?? { ...SELF_HOSTED_LATENCY },
    qualityPrior,
    upstream: { baseUrl: spec.baseUrl, ...(spec.apiKeyEnv ? { apiKeyEnv: spec.apiKeyEnv as `${string}_API_KEY` } : {}) },
  };
}

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
}

/** Pure parse of the binding's text; `asOf` dates the configured prices (the day it was read). */
export function parseSelfHosted(raw: string | undefined, asOf: string): ParsedSelfHosted {
  const endpoints: Endpoint[] = [];
  const errors: string[] = [];
  if (raw === undefined || raw.trim() === '') return { endpoints, errors };
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return { endpoints, errors: ['SELF_HOSTED_ENDPOINTS is not valid JSON; no self-hosted endpoint is registered'] };
  }
  if (!Array.isArray(list))
    return { endpoints, errors: ['SELF_HOSTED_ENDPOINTS must be a JSON array; no self-hosted endpoint is registered'] };
  const ids = new Set<string>();
  list.forEach((value, index) => {
    const parsed = specSchema.safeParse(value);
    const result = parsed.success
      ? toEndpoint(parsed.data, asOf, (msg) => errors.push(`SELF_HOSTED_ENDPOINTS[${index}] ${msg}`))
      : issues(parsed.error);
    if (typeof result === 'string') errors.push(`SELF_HOSTED_ENDPOINTS[${index}] ignored: ${result}`);
    else if (ids.has(result.id)) errors.push(`SELF_HOSTED_ENDPOINTS[${index}] ignored: duplicate id ${result.id}`);
    else {
      ids.add(result.id);
      endpoints.push(result);
    }
  });
  return { endpoints, errors };
}
