import { caps, rows, SOURCE_DATE } from './row';

export const INCEPTION_ENDPOINTS = rows('inception', [
  { model: 'mercury-2', codename: 'mercury', input: 0.25, output: 0.75, cached: 0.025, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM; lava.so inception; docs.litellm.ai (tools + structured outputs)',
    contextWindow: 128_000, maxOutputTokens: 50_000, capabilities: caps('tools', 'json') },
]);
