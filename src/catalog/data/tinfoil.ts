import { caps, rows, SOURCE_DATE } from './row';

// Served inside attested enclaves (trust 3). Streaming not confirmed in the pages read.
const base = { asOf: SOURCE_DATE.MD, source: 'models.dev @f3fc692 (enclave-served)' };

export const TINFOIL_ENDPOINTS = rows('tinfoil', [
  { ...base, model: 'gpt-oss-120b', codename: 'gpt-oss-120b', input: 0.15, output: 0.6, contextWindow: 131_000, maxOutputTokens: 32_768, capabilities: caps('tools', 'json') },
  { ...base, model: 'llama3-3-70b', codename: 'llama-3.3-70b', input: 1.75, output: 2.75, contextWindow: 128_000, maxOutputTokens: 4_096, capabilities: caps('tools') },
  // Source lists max output 262,144 above the 256,000 context; capped at the context window.
  { ...base, model: 'kimi-k2-6', codename: 'kimi-k2', input: 1.5, output: 5.25, contextWindow: 256_000, maxOutputTokens: 256_000, capabilities: caps('tools', 'vision', 'json') },
  { ...base, model: 'glm-5-2', codename: 'glm-5', input: 1.5, output: 5.25, contextWindow: 384_000, maxOutputTokens: 131_072, capabilities: caps('tools', 'json') },
  { ...base, model: 'gemma4-31b', codename: 'gemma-4-31b', input: 0.4, output: 1, contextWindow: 256_000, maxOutputTokens: 32_768, capabilities: caps('tools', 'vision', 'json') },
]);
