import { caps, rows, SOURCE_DATE, UNKNOWN_MAX_OUTPUT } from './row';

export const CEREBRAS_ENDPOINTS = rows('cerebras', [
  { model: 'gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.35, output: 0.75, asOf: SOURCE_DATE.READ,
    source: 'Cerebras public model list api.cerebras.ai/public/v1/models (official, undated)',
    contextWindow: 131_072, maxOutputTokens: 40_960, capabilities: caps('tools', 'json') },
  { model: 'qwen-3-32b', codename: 'qwen3-32b', input: 0.4, output: 0.8, asOf: SOURCE_DATE.READ,
    source: 'inference-docs.cerebras.ai/models/qwen-3-32b (official, undated; 128K context on paid tiers; max output not given: default)',
    contextWindow: 128_000, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools', 'json') },
  { model: 'zai-glm-4.7', codename: 'glm-4.7', input: 2.25, output: 2.75, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM citing cerebras.ai/pricing', contextWindow: 131_072, maxOutputTokens: 40_960, capabilities: caps('tools', 'json') },
  { model: 'zai-glm-4.6', codename: 'glm-4.6', input: 2.25, output: 2.75, asOf: SOURCE_DATE.LL,
    source: 'LiteLLM @8442b93 citing cerebras.ai/pricing (max output not given: default)', contextWindow: 128_000, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('tools') },
]);
