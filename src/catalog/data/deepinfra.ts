import { caps, rows, SOURCE_DATE, UNKNOWN_CONTEXT, UNKNOWN_MAX_OUTPUT } from './row';

const MD = 'models.dev @f3fc692';
const LAVA = 'lava.so gateway DeepInfra price list (undated); context/max output not given: defaults';

export const DEEPINFRA_ENDPOINTS = rows('deepinfra', [
  { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', codename: 'llama-3.3-70b', input: 0.1, output: 0.32, asOf: SOURCE_DATE.MD,
    source: `${MD}; HF dataset hundredthrun/gpu-cloud-prices (deepinfra.com/pricing)`, contextWindow: 131_072, maxOutputTokens: 16_384, capabilities: caps('tools') },
  { model: 'meta-llama/Llama-3.3-70B-Instruct', codename: 'llama-3.3-70b', input: 0.23, output: 0.4, asOf: SOURCE_DATE.READ,
    source: LAVA, contextWindow: UNKNOWN_CONTEXT, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps() },
  { model: 'openai/gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.039, output: 0.19, asOf: SOURCE_DATE.MD,
    source: `${MD} (OpenRouter's DeepInfra route shows 0.039/0.18; the higher output kept)`, contextWindow: 131_072, maxOutputTokens: 16_384, capabilities: caps('tools') },
  { model: 'openai/gpt-oss-20b', codename: 'gpt-oss-20b', input: 0.03, output: 0.14, asOf: SOURCE_DATE.MD,
    source: MD, contextWindow: 131_072, maxOutputTokens: 16_384, capabilities: caps('tools') },
  { model: 'deepseek-ai/DeepSeek-V3.2', codename: 'deepseek-v3', input: 0.26, output: 0.38, cached: 0.13, asOf: SOURCE_DATE.MD,
    source: MD, contextWindow: 163_840, maxOutputTokens: 64_000, capabilities: caps('tools') },
  { model: 'deepseek-ai/DeepSeek-R1-0528', codename: 'deepseek-r1', input: 0.5, output: 2.15, cached: 0.35, asOf: SOURCE_DATE.MD,
    source: `${MD}; lava.so`, contextWindow: 163_840, maxOutputTokens: 64_000, capabilities: caps('tools') },
  { model: 'moonshotai/Kimi-K2.5', codename: 'kimi-k2', input: 0.45, output: 2.25, cached: 0.07, asOf: SOURCE_DATE.MD,
    source: `${MD} (released 2026-01-27)`, contextWindow: 262_144, maxOutputTokens: 32_768, capabilities: caps('tools', 'vision', 'json') },
  { model: 'zai-org/GLM-4.6', codename: 'glm-4.6', input: 0.43, output: 1.74, cached: 0.08, asOf: SOURCE_DATE.MD,
    source: MD, contextWindow: 202_752, maxOutputTokens: 131_072, capabilities: caps('tools') },
  { model: 'Qwen/Qwen3-235B-A22B', codename: 'qwen3-235b', input: 0.13, output: 0.6, asOf: SOURCE_DATE.READ,
    source: LAVA, contextWindow: UNKNOWN_CONTEXT, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps() },
  { model: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', codename: 'llama-4-maverick', input: 0.15, output: 0.6, asOf: SOURCE_DATE.MD,
    source: `${MD}; lava.so (models.dev: no tool calling)`, contextWindow: 1_048_576, maxOutputTokens: 16_384, capabilities: caps('vision') },
]);
