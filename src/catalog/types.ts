/** Wire formats an upstream speaks. Most providers speak the OpenAI chat format. */
export type WireFormat = 'openai' | 'anthropic' | 'gemini' | 'cohere';

/** Providers the typed catalog ships with (src/catalog/providers.ts). */
export type CatalogProviderId =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'cohere'
  | 'groq'
  | 'together'
  | 'deepinfra'
  | 'scaleway'
  | 'cerebras'
  | 'ncompass'
  | 'nscale'
  | 'inception'
  | 'openrouter'
  | 'novita'
  | 'sambanova'
  | 'tinfoil'
  | 'xai'
  | 'byteplus'
  // Free tiers: the same companies on different (training) terms, so separate providers.
  | 'google-free'
  | 'openrouter-free';

/** The provider of every endpoint an operator registers in SELF_HOSTED_ENDPOINTS. */
export const SELF_HOSTED = 'self-hosted';

export type ProviderId = CatalogProviderId | typeof SELF_HOSTED;

/**
 * The product's trust levels (definitions in src/catalog/trust.ts, derived from evidence):
 * 3 = Maximum: hardware-attested enclave or on-premise (no third party sees plaintext);
 * 2 = High: SOC 2 Type II / GDPR, no training, inputs and outputs not stored beyond the request;
 * 1 = Standard: TLS and commercial terms, inputs may be retained (e.g. for abuse monitoring);
 * 0 = Low: inputs may be used for training, or no guarantees (free tiers).
 */
export type TrustLevel = 0 | 1 | 2 | 3;

/**
 * What a provider's documented data policy says, on its default API terms. The trust level is
 * derived from these fields by maxTrustFromEvidence (src/catalog/trust.ts), never asserted.
 */
export interface TrustEvidence {
  /** Whether any data-handling policy was found at all. */
  policyFound: boolean;
  /**
   * Longest time API inputs/outputs may be kept on default terms, in days: 0 = not stored beyond
   * the request; null = not documented (or only "temporarily", without a bound).
   */
  retentionDays: number | null;
  /** Default terms let the provider (or the hosts it routes to) train on inputs: true; forbid it: false; silent: null. */
  trainsOnInputs: boolean | null;
  /** SOC 2 Type II and/or GDPR commitments confirmed by a first-party source (third-party summaries do not count). */
  compliance: string[];
  /** Zero data retention can be arranged (self-serve or by approval); an operator then records it as an override. */
  zdrAvailable?: boolean;
  /** Requests terminate in a hardware-attested enclave the provider cannot read. */
  enclave?: boolean;
  /** The operator runs the endpoint on its own infrastructure. */
  onPremise?: boolean;
  /** Short quote or paraphrase of the policy. */
  quote: string;
  source: string;
  /** ISO date of the source (or the day it was read, for undated pages). */
  asOf: string;
}

/** An operator agreement (TRUST_OVERRIDES) that replaced a provider's default level. */
export interface TrustOverride {
  level: TrustLevel;
  defaultLevel: TrustLevel;
  /** The agreement reference the operator recorded, e.g. "ZDR addendum 2026-03, ref ABC-123". */
  agreement: string;
}

/**
 * Where a provider's own documentation says inference runs for the API the catalog calls (its base
 * URL and default terms). Set only with that source; absent means unknown, and strict residency
 * (routing `residency`) then never admits the endpoint. Unlike `regions` (where an endpoint is served,
 * 'global' when not documented), this is a guarantee the provider states.
 */
export interface ProcessingRegion {
  /** Region code as in `regions` ('eu', 'us', 'ca', 'apac', …); never 'global'. */
  region: string;
  /** URL of the provider's page that states it (for self-hosted endpoints, the operator's statement). */
  source: string;
  /** Short quote or close paraphrase of that page. */
  quote: string;
  /** ISO date the page was read. */
  asOf: string;
}

/** Request parameters a provider's OpenAI-format API documents beyond OpenAI's own reference. */
export interface ExtraParams {
  params: readonly string[];
  /** URL of the provider's API reference that lists them. */
  source: string;
  /** ISO date the reference was read. */
  asOf: string;
}

/** Published limits of a free tier, so operators know what a price of 0 buys. null = not published. */
export interface FreeTierLimits {
  requestsPerMinute: number | null;
  requestsPerDay: number | null;
  note: string;
  source: string;
  asOf: string;
}

export interface Provider {
  id: ProviderId;
  name: string;
  wireFormat: WireFormat;
  /** Base URL the adapter appends its path to, e.g. https://api.groq.com/openai/v1 */
  baseUrl: string;
  /** Name of the secret holding this provider's API key, e.g. GROQ_API_KEY. */
  apiKeyEnv: `${string}_API_KEY`;
  /** Default level on the provider's standard API terms; equals maxTrustFromEvidence(trustEvidence). */
  trustLevel: TrustLevel;
  trustEvidence: TrustEvidence;
  regions: string[];
  /** Sourced processing region of the provider's API (see ProcessingRegion); absent = unknown. */
  processing?: ProcessingRegion;
  /**
   * The request field that caps output, when the provider's OpenAI-format API wants
   * `max_completion_tokens` instead of `max_tokens` (OpenAI's own API rejects `max_tokens` for its
   * reasoning models). The adapter moves the client's `max_tokens` there.
   */
  outputLimitField?: 'max_completion_tokens';
}

export interface Pricing {
  /** USD per million input tokens (EUR prices converted at the documented rate in the source note). */
  inputPerMTok: number;
  outputPerMTok: number;
  /** USD per million cached input tokens (cache reads), when the provider discounts them. */
  cachedInputPerMTok?: number;
  /** USD per million cache-write tokens (Anthropic cache creation), when billed separately. */
  cacheWritePerMTok?: number;
  /** USD per million cache-write tokens with Anthropic's 1-hour TTL (`cache_control.ttl: "1h"`), when priced apart. */
  cacheWrite1hPerMTok?: number;
  /** ISO date the price was read. */
  asOf: string;
  source: string;
}

export interface Capabilities {
  tools: boolean;
  vision: boolean;
  jsonSchema: boolean;
  streaming: boolean;
  /**
   * Accepts a reasoning control in its format: Anthropic `thinking` with `budget_tokens`, OpenAI
   * `reasoning_effort`. Set only where confirmed.
   */
  reasoning?: boolean;
  /** Anthropic `thinking: {type: "adaptive"}` (the model decides how much to think). */
  adaptiveThinking?: boolean;
}

export interface LatencyPrior {
  /** Typical time to first token, ms. */
  ttftMs: number;
  /** Typical output tokens per second. */
  tokensPerSec: number;
}

export interface Endpoint {
  /** Stable id `${provider}/${model}`. */
  id: string;
  provider: ProviderId;
  /** The model id sent upstream. */
  model: string;
  /** Model family shared across providers, e.g. "llama-3.3-70b"; clients may ask for it by name. */
  codename: string;
  wireFormat: WireFormat;
  pricing: Pricing;
  contextWindow: number;
  maxOutputTokens: number;
  capabilities: Capabilities;
  /** The level routing enforces: the provider's default, or an operator override. */
  trustLevel: TrustLevel;
  /** Where the default level comes from (every catalog and self-hosted endpoint carries it). */
  trustEvidence?: TrustEvidence;
  /** Set when TRUST_OVERRIDES replaced the default level for this endpoint's provider. */
  trustOverride?: TrustOverride;
  regions: string[];
  /** Sourced processing region (strict residency admits only these); absent = unknown. */
  processing?: ProcessingRegion;
  latency: LatencyPrior;
  /** Catalog prior for general answer quality in [0,1] before evals/feedback exist. */
  qualityPrior: number;
  /** Free-tier endpoints (price 0): the provider's published rate limits. */
  freeTier?: FreeTierLimits;
  /** See Provider.outputLimitField. */
  outputLimitField?: 'max_completion_tokens';
  /** Parameters beyond OpenAI's reference that the provider documents and the adapter sends (data/extra-params.ts). */
  extraParams?: readonly string[];
  /** Self-hosted endpoints only: where to send requests; catalog endpoints use their provider's. */
  upstream?: { baseUrl: string; apiKeyEnv?: `${string}_API_KEY` };
}
