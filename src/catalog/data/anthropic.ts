import { caps, rows, SOURCE_DATE } from './row';

// json = Anthropic native Structured Outputs (public beta since Nov 2025).
// reasoning = extended thinking with budget_tokens (every Claude 4.x model); adaptiveThinking = thinking
// {type: "adaptive"}, introduced with the 4.6 models (platform.claude.com/docs/en/build-with-claude/extended-thinking
// and /adaptive-thinking; OpenRouter's Claude 4.6 migration guide).
const TVJ = caps('tools', 'vision', 'json', 'reasoning');
const TVJ_ADAPTIVE = caps('tools', 'vision', 'json', 'reasoning', 'adaptiveThinking');
// Cache write = 5-minute write at 1.25× input, 1-hour write (ttl "1h") at 2× input; cache read = 0.1× input
// (platform.claude.com pricing, prompt caching section).
const AN_P = 'platform.claude.com/docs/about-claude/pricing';

export const ANTHROPIC_ENDPOINTS = rows('anthropic', [
  { model: 'claude-opus-4-6', codename: 'claude-opus', input: 5, output: 25, cached: 0.5, cacheWrite: 6.25, cacheWrite1h: 10,
    asOf: SOURCE_DATE.MD, source: `${AN_P}; models.dev @f3fc692 (released 2026-02-05)`,
    contextWindow: 1_000_000, maxOutputTokens: 128_000, capabilities: TVJ_ADAPTIVE },
  { model: 'claude-opus-4-5-20251101', codename: 'claude-opus', input: 5, output: 25, cached: 0.5, cacheWrite: 6.25, cacheWrite1h: 10,
    asOf: SOURCE_DATE.MD, source: `${AN_P}; models.dev @f3fc692; OpenRouter`,
    contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: TVJ },
  { model: 'claude-sonnet-4-6', codename: 'claude-sonnet', input: 3, output: 15, cached: 0.3, cacheWrite: 3.75, cacheWrite1h: 6,
    asOf: SOURCE_DATE.MD, source: `${AN_P}; models.dev @f3fc692 (released 2026-02-17)`,
    contextWindow: 1_000_000, maxOutputTokens: 64_000, capabilities: TVJ_ADAPTIVE },
  { model: 'claude-haiku-4-5-20251001', codename: 'claude-haiku', input: 1, output: 5, cached: 0.1, cacheWrite: 1.25, cacheWrite1h: 2,
    asOf: SOURCE_DATE.READ, source: `${AN_P}; platform.claude.com haiku-4-5 overview (official pages, undated)`,
    contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: TVJ },
]);
