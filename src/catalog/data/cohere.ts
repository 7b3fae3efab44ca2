import { caps, rows, SOURCE_DATE } from './row';

// Structured output: native v2 API supports JSON schema (the compatibility API only json_object);
// Cailos talks to the native API.
export const COHERE_ENDPOINTS = rows('cohere', [
  { model: 'command-a-03-2025', codename: 'command-a', input: 2.5, output: 10, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM; lava.so cohere', contextWindow: 256_000, maxOutputTokens: 8_000, capabilities: caps('tools', 'json') },
  { model: 'command-a-reasoning-08-2025', codename: 'command-a', input: 2.5, output: 10, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692', contextWindow: 256_000, maxOutputTokens: 32_000, capabilities: caps('tools') },
  { model: 'command-a-vision-07-2025', codename: 'command-a-vision', input: 2.5, output: 10, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692', contextWindow: 128_000, maxOutputTokens: 8_000, capabilities: caps('vision') },
  { model: 'command-r-plus-08-2024', codename: 'command-r-plus', input: 2.5, output: 10, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM; lava.so cohere', contextWindow: 128_000, maxOutputTokens: 4_000, capabilities: caps('tools') },
  { model: 'command-r-08-2024', codename: 'command-r', input: 0.15, output: 0.6, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM (official price; lava.so lists 0.30/1.20 — conflict, official kept)',
    contextWindow: 128_000, maxOutputTokens: 4_000, capabilities: caps('tools') },
  { model: 'command-r7b-12-2024', codename: 'command-r7b', input: 0.0375, output: 0.15, asOf: SOURCE_DATE.LL,
    source: 'LiteLLM price file @8442b93 citing docs.cohere.com/v2/docs/command-r7b; models.dev',
    contextWindow: 128_000, maxOutputTokens: 4_000, capabilities: caps('tools') },
]);
