import { caps, rows, SOURCE_DATE } from './row';

const base = { asOf: SOURCE_DATE.MD, source: 'models.dev @f3fc692; LiteLLM' };
const TJ = caps('tools', 'json');

export const NOVITA_ENDPOINTS = rows('novita', [
  { ...base, model: 'deepseek/deepseek-v3.2', codename: 'deepseek-v3', input: 0.269, output: 0.4, cached: 0.1345, contextWindow: 163_840, maxOutputTokens: 65_536, capabilities: TJ },
  { ...base, model: 'deepseek/deepseek-r1-0528', codename: 'deepseek-r1', input: 0.7, output: 2.5, cached: 0.35, contextWindow: 163_840, maxOutputTokens: 32_768, capabilities: TJ },
  { ...base, model: 'meta-llama/llama-3.3-70b-instruct', codename: 'llama-3.3-70b', input: 0.135, output: 0.4, contextWindow: 131_072, maxOutputTokens: 120_000, capabilities: caps('tools') },
  { ...base, model: 'moonshotai/kimi-k2-0905', codename: 'kimi-k2', input: 0.6, output: 2.5, contextWindow: 262_144, maxOutputTokens: 262_144, capabilities: TJ },
  { ...base, model: 'zai-org/glm-4.6', codename: 'glm-4.6', input: 0.55, output: 2.2, cached: 0.11, contextWindow: 204_800, maxOutputTokens: 131_072, capabilities: TJ },
  // Catalogs mark image input, but gpt-oss-120b is a text-only model: vision false.
  { ...base, model: 'openai/gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.05, output: 0.25, contextWindow: 131_072, maxOutputTokens: 32_768, capabilities: TJ },
  { ...base, model: 'qwen/qwen3-235b-a22b-instruct-2507', codename: 'qwen3-235b', input: 0.09, output: 0.58, contextWindow: 131_072, maxOutputTokens: 16_384, capabilities: TJ },
  { ...base, model: 'meta-llama/llama-4-maverick-17b-128e-instruct-fp8', codename: 'llama-4-maverick', input: 0.27, output: 0.85, contextWindow: 1_048_576, maxOutputTokens: 8_192, capabilities: caps('vision') },
  { ...base, model: 'minimax/minimax-m2', codename: 'minimax-m2', input: 0.3, output: 1.2, cached: 0.03, contextWindow: 204_800, maxOutputTokens: 131_072, capabilities: caps('tools') },
]);
