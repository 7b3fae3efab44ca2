import { caps, rows, SOURCE_DATE } from './row';

const TVJ = caps('tools', 'vision', 'json');
// The gpt-5 family takes reasoning_effort (low, medium and high on every one of them; OpenAI API reference,
// ReasoningEffort, as mirrored in learn.microsoft.com @azure/ai-projects ReasoningEffort).
const TVJR = caps('tools', 'vision', 'json', 'reasoning');
const SRC = 'models.dev @f3fc692 (2026-07-02); OpenRouter models API';

export const OPENAI_ENDPOINTS = rows('openai', [
  { model: 'gpt-5', codename: 'gpt-5', input: 1.25, output: 10, cached: 0.125, asOf: SOURCE_DATE.MD,
    source: `${SRC}; api-evangelist OpenAI pricing 2026-11-06 (cached = 10% of input; one page's 0.625 rejected)`,
    contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: TVJR },
  { model: 'gpt-5-mini', codename: 'gpt-5-mini', input: 0.25, output: 2, cached: 0.025, asOf: SOURCE_DATE.MD,
    source: `${SRC}; nicolalazzari.ai OpenAI pricing 2026`, contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: TVJR },
  { model: 'gpt-5-nano', codename: 'gpt-5-nano', input: 0.05, output: 0.4, cached: 0.005, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; deploybase.ai openai-api-pricing-2026', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: TVJR },
  { model: 'gpt-5.1', codename: 'gpt-5', input: 1.25, output: 10, cached: 0.125, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692 (released 2025-11-13)', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: TVJR },
  { model: 'gpt-5.2', codename: 'gpt-5', input: 1.75, output: 14, cached: 0.175, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; nicolalazzari.ai (released 2025-12-11)', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: TVJR },
  { model: 'gpt-4.1', codename: 'gpt-4.1', input: 2, output: 8, cached: 0.5, asOf: SOURCE_DATE.MD,
    source: `${SRC}; Sraleik PRICING.md 2026-05-07`, contextWindow: 1_047_576, maxOutputTokens: 32_768, capabilities: TVJ },
  { model: 'gpt-4o', codename: 'gpt-4o', input: 2.5, output: 10, cached: 1.25, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; CommitBrief wiki citing openai.com/api/pricing', contextWindow: 128_000, maxOutputTokens: 16_384, capabilities: TVJ },
  { model: 'gpt-4o-mini', codename: 'gpt-4o-mini', input: 0.15, output: 0.6, cached: 0.075, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; CommitBrief wiki citing openai.com/api/pricing', contextWindow: 128_000, maxOutputTokens: 16_384, capabilities: TVJ },
]);
