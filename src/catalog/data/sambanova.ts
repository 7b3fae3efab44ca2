import { caps, rows, SOURCE_DATE, UNKNOWN_CONTEXT, UNKNOWN_MAX_OUTPUT } from './row';

const LL = 'LiteLLM @8442b93 citing cloud.sambanova.ai/plans/pricing; lava.so sambanova';
const LAVA = 'lava.so gateway SambaNova price list (undated; context/max output not given: defaults)';
const ll = { asOf: SOURCE_DATE.LL, source: `${LL} (max output not given: default)`, maxOutputTokens: UNKNOWN_MAX_OUTPUT };
const lava = { asOf: SOURCE_DATE.READ, source: LAVA, contextWindow: UNKNOWN_CONTEXT, maxOutputTokens: UNKNOWN_MAX_OUTPUT };

export const SAMBANOVA_ENDPOINTS = rows('sambanova', [
  { ...ll, model: 'Meta-Llama-3.3-70B-Instruct', codename: 'llama-3.3-70b', input: 0.6, output: 1.2,
    source: `${LL}; usagepricing.com`, contextWindow: 131_072, maxOutputTokens: 131_072, capabilities: caps('tools', 'json') },
  { ...ll, model: 'DeepSeek-V3.1', codename: 'deepseek-v3', input: 3, output: 4.5, contextWindow: 131_072, capabilities: caps('tools') },
  { ...ll, model: 'DeepSeek-V3-0324', codename: 'deepseek-v3', input: 3, output: 4.5, contextWindow: 32_768, capabilities: caps('tools') },
  { ...lava, model: 'DeepSeek-R1-0528', codename: 'deepseek-r1', input: 5, output: 7, capabilities: caps() },
  { ...ll, model: 'gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.22, output: 0.59, contextWindow: 131_072, capabilities: caps('tools') },
  { ...ll, model: 'Llama-4-Maverick-17B-128E-Instruct', codename: 'llama-4-maverick', input: 0.63, output: 1.8,
    source: `${LL} (preview model; max output not given: default)`, contextWindow: 131_072, capabilities: caps('tools', 'vision', 'json') },
  { ...ll, model: 'Qwen3-32B', codename: 'qwen3-32b', input: 0.4, output: 0.8, contextWindow: 8_192, capabilities: caps('tools') },
  { ...ll, model: 'Meta-Llama-3.1-8B-Instruct', codename: 'llama-3.1-8b', input: 0.1, output: 0.2, contextWindow: 16_384, capabilities: caps('tools', 'json') },
  { ...lava, model: 'MiniMax-M2.5', codename: 'minimax-m2', input: 0.3, output: 1.2, capabilities: caps() },
]);
