/** Wire formats an upstream speaks. Most providers speak the OpenAI chat format. */
export type WireFormat = 'openai' | 'anthropic' | 'gemini' | 'cohere';

export type ProviderId =
  | 'openai' | 'anthropic' | 'google' | 'cohere' | 'groq' | 'together' | 'deepinfra' | 'scaleway'
  | 'cerebras' | 'ncompass' | 'nscale' | 'inception' | 'openrouter' | 'novita' | 'sambanova'
  | 'tinfoil' | 'xai' | 'byteplus';

/**
 * 3 = hardware-attested enclave (provider cannot see plaintext);
 * 2 = zero-retention / no-training enterprise terms;
 * 1 = standard commercial terms;
 * 0 = community hosting or may train on data.
 */
export type TrustLevel = 0 | 1 | 2 | 3;

export interface Provider {
  id: ProviderId;
  name: string;
  wireFormat: WireFormat;
  /** Base URL the adapter appends its path to, e.g. https://api.groq.com/openai/v1 */
  baseUrl: string;
  /** Name of the secret holding this provider's API key, e.g. GROQ_API_KEY. */
  apiKeyEnv: `${string}_API_KEY`;
  trustLevel: TrustLevel;
  /** Why this trust level: the data policy in one sentence, with its source. */
  trustReason: string;
  regions: string[];
}

export interface Pricing {
  /** USD per million input tokens (EUR prices converted at the documented rate in the source note). */
  inputPerMTok: number;
  outputPerMTok: number;
  /** USD per million cached input tokens (cache reads), when the provider discounts them. */
  cachedInputPerMTok?: number;
  /** USD per million cache-write tokens (Anthropic cache creation), when billed separately. */
  cacheWritePerMTok?: number;
  /** ISO date the price was read. */
  asOf: string;
  source: string;
}

export interface Capabilities {
  tools: boolean;
  vision: boolean;
  jsonSchema: boolean;
  streaming: boolean;
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
  trustLevel: TrustLevel;
  regions: string[];
  latency: LatencyPrior;
  /** Catalog prior for general answer quality in [0,1] before evals/feedback exist. */
  qualityPrior: number;
}
