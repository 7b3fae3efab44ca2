import { caps, rows, SOURCE_DATE, UNKNOWN_CONTEXT, UNKNOWN_MAX_OUTPUT } from './row';

// No source gives Together's max output tokens: UNKNOWN_MAX_OUTPUT throughout.
export const TOGETHER_ENDPOINTS = rows('together', [
  { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', codename: 'llama-3.3-70b', input: 0.88, output: 0.88, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM', contextWindow: 131_072, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools', 'json') },
  { model: 'openai/gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.15, output: 0.6, asOf: SOURCE_DATE.LL,
    source: 'LiteLLM @8442b93 citing together.ai/models/gpt-oss-120b; models.dev', contextWindow: 131_072, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools', 'json') },
  { model: 'openai/gpt-oss-20b', codename: 'gpt-oss-20b', input: 0.05, output: 0.2, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM', contextWindow: 131_072, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools', 'json') },
  { model: 'moonshotai/Kimi-K2-Instruct-0905', codename: 'kimi-k2', input: 1, output: 3, asOf: SOURCE_DATE.LL,
    source: 'LiteLLM @8442b93 citing together.ai/models/kimi-k2-0905', contextWindow: 262_144, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools') },
  { model: 'Qwen/Qwen3-235B-A22B-Instruct-2507-tput', codename: 'qwen3-235b', input: 0.2, output: 0.6, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692 (LiteLLM shows output 6.0, taken as a typo)', contextWindow: 262_144, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools', 'json') },
  { model: 'zai-org/GLM-4.6', codename: 'glm-4.6', input: 0.6, output: 2.2, asOf: SOURCE_DATE.LL,
    source: 'LiteLLM @8442b93 citing together.ai/models/glm-4-6', contextWindow: 200_000, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools') },
  { model: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', codename: 'llama-4-maverick', input: 0.27, output: 0.85, asOf: SOURCE_DATE.LL,
    source: 'LiteLLM @8442b93 (context not given: 32,768 default)', contextWindow: UNKNOWN_CONTEXT, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools', 'vision', 'json') },
]);
