import { caps, rows, SOURCE_DATE } from './row';

const CTX = 131_072;

export const GROQ_ENDPOINTS = rows('groq', [
  { model: 'llama-3.3-70b-versatile', codename: 'llama-3.3-70b', input: 0.59, output: 0.79, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM', contextWindow: CTX, maxOutputTokens: 32_768, capabilities: caps('tools') },
  { model: 'llama-3.1-8b-instant', codename: 'llama-3.1-8b', input: 0.05, output: 0.08, asOf: SOURCE_DATE.MD,
    // models.dev says 131,072 max output, LiteLLM 8,192: the lower one is kept.
    source: 'models.dev @f3fc692; LiteLLM', contextWindow: CTX, maxOutputTokens: 8_192, capabilities: caps('tools') },
  { model: 'openai/gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.15, output: 0.6, cached: 0.075, asOf: SOURCE_DATE.TOKENMIX,
    source: 'tokenmix.ai 2026-06-04 quoting the Groq pricing page; models.dev; LiteLLM',
    contextWindow: CTX, maxOutputTokens: 65_536, capabilities: caps('tools', 'json') },
  { model: 'openai/gpt-oss-20b', codename: 'gpt-oss-20b', input: 0.075, output: 0.3, cached: 0.0375, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; hivebook Groq May 2026 (cache −50%)', contextWindow: CTX, maxOutputTokens: 65_536, capabilities: caps('tools', 'json') },
  { model: 'qwen/qwen3-32b', codename: 'qwen3-32b', input: 0.29, output: 0.59, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692 (preview model); LiteLLM', contextWindow: CTX, maxOutputTokens: 40_960, capabilities: caps('tools') },
  { model: 'meta-llama/llama-4-scout-17b-16e-instruct', codename: 'llama-4-scout', input: 0.11, output: 0.34, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM', contextWindow: CTX, maxOutputTokens: 8_192, capabilities: caps('tools', 'vision', 'json') },
]);
