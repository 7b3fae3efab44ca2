import { PROVIDERS } from '../providers';
import { EXTRA_PARAMS } from './extra-params';
import { latencyPrior } from '../latency-priors';
import { QUALITY_PRIORS, type Codename } from '../quality-priors';
import type { Capabilities, CatalogProviderId, Endpoint, FreeTierLimits } from '../types';

export { SOURCE_DATE } from './dates';

/** Scaleway bills in EUR. Fixed conversion rate, as of 2026-07 (ECB-level), used for every Scaleway price. */
export const EUR_TO_USD = 1.08;

export function eurToUsd(eur: number): number {
  return Math.round(eur * EUR_TO_USD * 1e6) / 1e6;
}

/**
 * When the reference gives no context window / max output, assume these small, widely supported
 * values: routing then never sends a long prompt to an endpoint whose limit is unknown.
 */
export const UNKNOWN_CONTEXT = 32_768;
export const UNKNOWN_MAX_OUTPUT = 4_096;

type Cap = 'tools' | 'vision' | 'json' | 'reasoning' | 'adaptiveThinking';

/**
 * Capabilities a source confirmed (Y). Anything unconfirmed ('?') stays false. Streaming is true
 * everywhere: documented for every provider except nCompass and Tinfoil, whose OpenAI-compatible
 * APIs were not confirmed to stream (kept true; the reliability layer handles a failed stream).
 */
export function caps(...confirmed: Cap[]): Capabilities {
  return {
    tools: confirmed.includes('tools'),
    vision: confirmed.includes('vision'),
    jsonSchema: confirmed.includes('json'),
    streaming: true,
    // Only when confirmed, so rows without them keep the four-field shape.
    ...(confirmed.includes('reasoning') ? { reasoning: true } : {}),
    ...(confirmed.includes('adaptiveThinking') ? { adaptiveThinking: true } : {}),
  };
}

export interface RowSpec {
  model: string;
  codename: Codename;
  /** USD per million tokens (already converted when the source was in EUR). */
  input: number;
  output: number;
  cached?: number;
  cacheWrite?: number;
  /** Cache write with a 1-hour TTL (Anthropic), when priced apart from the default one. */
  cacheWrite1h?: number;
  asOf: string;
  source: string;
  contextWindow: number;
  maxOutputTokens: number;
  capabilities: Capabilities;
  /** Free-tier rows (price 0) record the provider's published rate limits. */
  freeTier?: FreeTierLimits;
}

/** Fills the provider-derived and prior fields so data files hold only sourced facts. */
export function row(provider: CatalogProviderId, spec: RowSpec): Endpoint {
  const p = PROVIDERS[provider];
  return {
    id: `${provider}/${spec.model}`,
    provider,
    model: spec.model,
    codename: spec.codename,
    wireFormat: p.wireFormat,
    pricing: {
      inputPerMTok: spec.input,
      outputPerMTok: spec.output,
      ...(spec.cached !== undefined ? { cachedInputPerMTok: spec.cached } : {}),
      ...(spec.cacheWrite !== undefined ? { cacheWritePerMTok: spec.cacheWrite } : {}),
      ...(spec.cacheWrite1h !== undefined ? { cacheWrite1hPerMTok: spec.cacheWrite1h } : {}),
      asOf: spec.asOf,
      source: spec.source,
    },
    contextWindow: spec.contextWindow,
    maxOutputTokens: spec.maxOutputTokens,
    capabilities: spec.capabilities,
    // An endpoint is exactly as trustworthy as the provider's terms; no row overrides it.
    trustLevel: p.trustLevel,
    trustEvidence: p.trustEvidence,
    regions: [...p.regions],
    ...(p.processing ? { processing: p.processing } : {}),
    latency: latencyPrior(provider, spec.model, spec.codename),
    qualityPrior: QUALITY_PRIORS[spec.codename],
    ...(spec.freeTier ? { freeTier: spec.freeTier } : {}),
    ...(p.outputLimitField ? { outputLimitField: p.outputLimitField } : {}),
    ...(EXTRA_PARAMS[provider] ? { extraParams: EXTRA_PARAMS[provider].params } : {}),
  };
}

/** Shorthand for a provider's rows. */
export function rows(provider: CatalogProviderId, specs: RowSpec[]): Endpoint[] {
  return specs.map((s) => row(provider, s));
}
