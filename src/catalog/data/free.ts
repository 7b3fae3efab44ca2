import type { FreeTierLimits } from '../types';
import { caps, rows, SOURCE_DATE } from './row';

/**
 * Free tiers (price 0, trust 0: their terms let the provider or its hosts train on inputs). Routing
 * reaches them only when both the request's trust_level and the key's minTrustLevel allow 0, and
 * only on deployments that set their key bindings (GOOGLE_FREE_API_KEY, OPENROUTER_FREE_API_KEY).
 * Limits are the providers' published ones, recorded so operators know what a price of 0 buys;
 * a 429 past them fails over like any other.
 */

const OPENROUTER_LIMITS: FreeTierLimits = {
  requestsPerMinute: 20,
  requestsPerDay: 50,
  note: 'account-wide across all :free models; 1,000 requests/day once 10 credits were ever purchased',
  source: 'openrouter.ai/docs/guides/routing/model-variants/free (rate limits table)',
  asOf: SOURCE_DATE.FREE_TIERS,
};

const GEMINI_LIMITS: FreeTierLimits = {
  requestsPerMinute: null,
  requestsPerDay: null,
  note: 'per project and per model; Google no longer publishes the free-tier figures (shown in AI Studio); RPD resets at midnight Pacific',
  source: 'ai.google.dev/gemini-api/docs/rate-limits; cuihuan/awesome-ai-gateway data/free_tiers.json (2026-08-31)',
  asOf: SOURCE_DATE.FREE_TIERS,
};

const OR = 'OpenRouter /api/v1/models dump @f3fc692 (pricing 0/0)';
const OR_ROW = { asOf: SOURCE_DATE.OR, freeTier: OPENROUTER_LIMITS };

export const OPENROUTER_FREE_ENDPOINTS = rows('openrouter-free', [
  { ...OR_ROW, model: 'openai/gpt-oss-120b:free', codename: 'gpt-oss-120b', input: 0, output: 0, source: `${OR}; no response_format listed`,
    contextWindow: 131_072, maxOutputTokens: 131_072, capabilities: caps('tools') },
  { ...OR_ROW, model: 'openai/gpt-oss-20b:free', codename: 'gpt-oss-20b', input: 0, output: 0,
    source: `${OR}; max output 8,192 per OpenRouter (models.dev 32,768: the lower kept)`,
    contextWindow: 131_072, maxOutputTokens: 8_192, capabilities: caps('tools') },
  { ...OR_ROW, model: 'meta-llama/llama-3.3-70b-instruct:free', codename: 'llama-3.3-70b', input: 0, output: 0,
    source: `${OR}; max output not given by OpenRouter, models.dev's 131,072 capped at the context window`,
    contextWindow: 65_536, maxOutputTokens: 65_536, capabilities: caps('tools') },
  { ...OR_ROW, model: 'google/gemma-4-31b-it:free', codename: 'gemma-4-31b', input: 0, output: 0, source: OR,
    contextWindow: 262_144, maxOutputTokens: 32_768, capabilities: caps('tools', 'vision', 'json') },
  { ...OR_ROW, model: 'qwen/qwen3-coder:free', codename: 'qwen3-coder', input: 0, output: 0, source: OR,
    contextWindow: 262_000, maxOutputTokens: 262_000, capabilities: caps('tools') },
]);

const TVJ = caps('tools', 'vision', 'json');
const GEMINI = { asOf: SOURCE_DATE.FREE_TIERS, contextWindow: 1_048_576, maxOutputTokens: 65_536, capabilities: TVJ, freeTier: GEMINI_LIMITS };
const GEMINI_SRC = 'ai.google.dev/gemini-api/docs/pricing (free tier "free of charge"); limits as the paid rows';

export const GOOGLE_FREE_ENDPOINTS = rows('google-free', [
  { ...GEMINI, model: 'gemini-2.5-flash', codename: 'gemini-flash', input: 0, output: 0, source: GEMINI_SRC },
  { ...GEMINI, model: 'gemini-2.5-flash-lite', codename: 'gemini-flash-lite', input: 0, output: 0, source: GEMINI_SRC },
  { ...GEMINI, model: 'gemini-2.5-pro', codename: 'gemini-pro', input: 0, output: 0, source: GEMINI_SRC },
]);
