import { caps, rows, SOURCE_DATE, UNKNOWN_CONTEXT, UNKNOWN_MAX_OUTPUT } from './row';

// LiteLLM cites docs.nscale.com/docs/inference/serverless-models/current; no source gives
// context, max output or tool support for Nscale, so all use the conservative defaults.
const SRC = 'LiteLLM @8442b93 citing docs.nscale.com serverless-models/current (context/max output not given: defaults)';
const base = { asOf: SOURCE_DATE.LL, source: SRC, contextWindow: UNKNOWN_CONTEXT, maxOutputTokens: UNKNOWN_MAX_OUTPUT };

export const NSCALE_ENDPOINTS = rows('nscale', [
  { ...base, model: 'meta-llama/Llama-3.3-70B-Instruct', codename: 'llama-3.3-70b', input: 0.2, output: 0.2, capabilities: caps() },
  { ...base, model: 'meta-llama/Llama-3.1-8B-Instruct', codename: 'llama-3.1-8b', input: 0.03, output: 0.03, capabilities: caps() },
  { ...base, model: 'meta-llama/Llama-4-Scout-17B-16E-Instruct', codename: 'llama-4-scout', input: 0.09, output: 0.29, capabilities: caps('vision') },
  { ...base, model: 'Qwen/QwQ-32B', codename: 'qwq-32b', input: 0.18, output: 0.2, capabilities: caps() },
  { ...base, model: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B', codename: 'deepseek-r1-distill', input: 0.375, output: 0.375, capabilities: caps() },
  { ...base, model: 'Qwen/Qwen2.5-Coder-32B-Instruct', codename: 'qwen2.5-coder', input: 0.06, output: 0.2, capabilities: caps() },
]);
