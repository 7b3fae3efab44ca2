import { caps, rows, SOURCE_DATE } from './row';

const TVJ = caps('tools', 'vision', 'json');
const CTX = 1_048_576;

export const GOOGLE_ENDPOINTS = rows('google', [
  { model: 'gemini-2.5-pro', codename: 'gemini-pro', input: 1.25, output: 10, cached: 0.125, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; deploybase.ai gemini-api-pricing-2026; price for prompts ≤200K tokens (2.50/15.00 above)',
    contextWindow: CTX, maxOutputTokens: 65_536, capabilities: TVJ },
  { model: 'gemini-2.5-flash', codename: 'gemini-flash', input: 0.3, output: 2.5, cached: 0.03, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; OpenRouter; deploybase.ai (cached 0.03 per both catalogs; artifact.chat lists an older 0.075)',
    contextWindow: CTX, maxOutputTokens: 65_536, capabilities: TVJ },
  { model: 'gemini-2.5-flash-lite', codename: 'gemini-flash-lite', input: 0.1, output: 0.4, cached: 0.01, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692; aifreeapi.com gemini-api-pricing-2026', contextWindow: CTX, maxOutputTokens: 65_536, capabilities: TVJ },
  { model: 'gemini-3-flash-preview', codename: 'gemini-flash', input: 0.5, output: 3, cached: 0.05, asOf: SOURCE_DATE.MD,
    source: 'models.dev @f3fc692 (released 2025-12-17)', contextWindow: CTX, maxOutputTokens: 65_536, capabilities: TVJ },
]);
