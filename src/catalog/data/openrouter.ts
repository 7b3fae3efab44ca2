import { caps, rows, SOURCE_DATE, UNKNOWN_MAX_OUTPUT } from './row';

// Prices are what OpenRouter shows for the slug (usually its cheapest/default route); OpenRouter
// adds no inference markup but charges a fee on credit purchases, not modelled per token.
const SRC = 'OpenRouter /api/v1/models dump mirrored in models.dev @f3fc692';
const TJ = caps('tools', 'json');
const TVJ = caps('tools', 'vision', 'json');
const base = { asOf: SOURCE_DATE.OR, source: SRC };

export const OPENROUTER_ENDPOINTS = rows('openrouter', [
  { ...base, model: 'openai/gpt-5', codename: 'gpt-5', input: 1.25, output: 10, cached: 0.125, contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: TVJ },
  { ...base, model: 'google/gemini-2.5-flash', codename: 'gemini-flash', input: 0.3, output: 2.5, cached: 0.03, contextWindow: 1_048_576, maxOutputTokens: 65_535, capabilities: TVJ },
  { ...base, model: 'x-ai/grok-4-fast', codename: 'grok-4-fast', input: 0.2, output: 0.5, cached: 0.05, contextWindow: 2_000_000, maxOutputTokens: 30_000, capabilities: TVJ },
  { ...base, model: 'inception/mercury-2', codename: 'mercury', input: 0.25, output: 0.75, cached: 0.025, contextWindow: 128_000, maxOutputTokens: 50_000, capabilities: TJ },
  { ...base, model: 'meta-llama/llama-3.3-70b-instruct', codename: 'llama-3.3-70b', input: 0.1, output: 0.32, contextWindow: 131_072, maxOutputTokens: 16_384, capabilities: TJ },
  { ...base, model: 'deepseek/deepseek-v3.2', codename: 'deepseek-v3', input: 0.252, output: 0.378, cached: 0.0252, contextWindow: 131_072, maxOutputTokens: 65_536, capabilities: TJ },
  { ...base, model: 'moonshotai/kimi-k2-0905', codename: 'kimi-k2', input: 0.6, output: 2.5, contextWindow: 262_144, maxOutputTokens: 262_144, capabilities: TJ },
  { ...base, model: 'qwen/qwen3-235b-a22b-2507', codename: 'qwen3-235b', input: 0.071, output: 0.1, contextWindow: 262_144, maxOutputTokens: 16_384, capabilities: TJ },
  { ...base, model: 'z-ai/glm-4.6', codename: 'glm-4.6', input: 0.43, output: 1.74, cached: 0.08, contextWindow: 202_752, maxOutputTokens: 131_072, capabilities: TJ },
  { ...base, model: 'openai/gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.039, output: 0.18,
    source: `${SRC} (max output not given: default)`, contextWindow: 131_072, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: TJ },
]);
