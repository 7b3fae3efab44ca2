import type { Usage } from '../hub';
import type { Endpoint } from './types';

/**
 * Cost from the usage the provider reported. Cached prompt tokens are billed at the cached price
 * where the catalog has one; cache writes at the cache-write price where billed separately, the part
 * written with a 1-hour TTL at the 1-hour price where the catalog has one.
 */
export function costOfUsage(endpoint: Endpoint, usage: Usage): number {
  const p = endpoint.pricing;
  const cached = Math.min(usage.prompt_tokens_details?.cached_tokens ?? 0, usage.prompt_tokens);
  const written = Math.min(usage.prompt_tokens_details?.cache_creation_tokens ?? 0, usage.prompt_tokens - cached);
  const written1h = Math.min(usage.prompt_tokens_details?.cache_creation_1h_tokens ?? 0, written);
  const writePrice = p.cacheWritePerMTok ?? p.inputPerMTok;
  const fresh = usage.prompt_tokens - cached - written;
  const usd =
    fresh * p.inputPerMTok +
    cached * (p.cachedInputPerMTok ?? p.inputPerMTok) +
    (written - written1h) * writePrice +
    written1h * (p.cacheWrite1hPerMTok ?? writePrice) +
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

/**
 * Output tokens a request without `max_tokens`/`max_completion_tokens` is assumed to produce when its
 * worst-case cost is reserved against a budget. Providers do not cap such answers below the model's own
 * limit, which would make a reservation of tens of dollars; this is a typical long answer, so an answer
 * longer than it can cost more than was reserved.
 */
export const DEFAULT_RESERVED_OUTPUT_TOKENS = 4_096;

/**
 * The most a request may cost on any of `endpoints` (its fallback chain: any of them may end up
 * answering): input at the highest of the plain and the cache-write prices, output at `outputTokens`
 * capped by what the endpoint can generate.
 */
export function worstCaseCost(endpoints: readonly Endpoint[], inputTokens: number, outputTokens: number): number {
  let worst = 0;
  for (const e of endpoints) {
    const p = e.pricing;
    const input = inputTokens * Math.max(p.inputPerMTok, p.cacheWritePerMTok ?? 0, p.cacheWrite1hPerMTok ?? 0);
    const output = Math.min(outputTokens, e.maxOutputTokens) * p.outputPerMTok;
    worst = Math.max(worst, (input + output) / 1_000_000);
  }
  return worst;
}
