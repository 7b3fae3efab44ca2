import { caps, rows, SOURCE_DATE, UNKNOWN_MAX_OUTPUT } from './row';

const LL = 'LiteLLM @8442b93 citing docs.x.ai/docs/models';
const TVJ = caps('tools', 'vision', 'json');
const ll = { asOf: SOURCE_DATE.LL, source: `${LL} (max output not given: default)`, maxOutputTokens: UNKNOWN_MAX_OUTPUT };

export const XAI_ENDPOINTS = rows('xai', [
  { ...ll, model: 'grok-4-0709', codename: 'grok-4', input: 3, output: 15, cached: 0.75,
    source: `${LL}; cached price and json_schema from OpenRouter (max output not given: default)`, contextWindow: 256_000, capabilities: TVJ },
  { ...ll, model: 'grok-4-fast-reasoning', codename: 'grok-4-fast', input: 0.2, output: 0.5, cached: 0.05,
    source: `${LL}; max output and json_schema from OpenRouter`, contextWindow: 2_000_000, maxOutputTokens: 30_000, capabilities: TVJ },
  { ...ll, model: 'grok-4-1-fast-reasoning', codename: 'grok-4.1-fast', input: 0.2, output: 0.5, cached: 0.05, contextWindow: 2_000_000, capabilities: TVJ },
  { ...ll, model: 'grok-code-fast-1', codename: 'grok-code-fast', input: 0.2, output: 1.5, cached: 0.02, contextWindow: 256_000, capabilities: caps('tools') },
  { ...ll, model: 'grok-3', codename: 'grok-3', input: 3, output: 15, cached: 0.75, contextWindow: 131_072, capabilities: caps('tools') },
  { ...ll, model: 'grok-3-mini', codename: 'grok-3-mini', input: 0.3, output: 0.5, cached: 0.075, contextWindow: 131_072, capabilities: caps('tools') },
  { model: 'grok-4.3', codename: 'grok-4.3', input: 1.25, output: 2.5, cached: 0.2, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; LiteLLM (2026)', contextWindow: 1_000_000, maxOutputTokens: 30_000, capabilities: TVJ },
]);
