import type { Usage } from '../api/openai-types';
import type { Endpoint } from './types';

/**
 * Cost from the usage the provider reported. Cached prompt tokens are billed at the cached price
 * where the catalog has one; cache writes at the cache-write price where billed separately.
 */
export function costOfUsage(endpoint: Endpoint, usage: Usage): number {
  const p = endpoint.pricing;
  const cached = Math.min(usage.prompt_tokens_details?.cached_tokens ?? 0, usage.prompt_tokens);
  const written = Math.min(usage.prompt_tokens_details?.cache_creation_tokens ?? 0, usage.prompt_tokens - cached);
  const fresh = usage.prompt_tokens - cached - written;
  const usd =
    fresh * p.inputPerMTok +
    cached * (p.cachedInputPerMTok ?? p.inputPerMTok) +
    written * (p.cacheWritePerMTok ?? p.inputPerMTok) +
    usage.completion_tokens * p.outputPerMTok;
  return usd / 1_000_000;
}

export function estimateCost(endpoint: Endpoint, inputTokens: number, outputTokens: number): number {
  return (inputTokens * endpoint.pricing.inputPerMTok + outputTokens * endpoint.pricing.outputPerMTok) / 1_000_000;
}

/** Token-weighted blend of input and output price for a request's expected mix, USD per M tokens. */
export function blendedPricePerMTok(endpoint: Endpoint, inputTokens: number, outputTokens: number): number {
  const total = inputTokens + outputTokens;
  if (total === 0) return endpoint.pricing.inputPerMTok;
  return (estimateCost(endpoint, inputTokens, outputTokens) * 1_000_000) / total;
}
