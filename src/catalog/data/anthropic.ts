import { caps, rows, SOURCE_DATE } from './row';

// json = Anthropic native Structured Outputs (public beta since Nov 2025).
const TVJ = caps('tools', 'vision', 'json');
// Cache write = 5-minute write at 1.25× input; cache read = 0.1× input (platform.claude.com pricing).
const AN_P = 'platform.claude.com/docs/about-claude/pricing';

export const ANTHROPIC_ENDPOINTS = rows('anthropic', [
  { model: 'claude-opus-4-6', codename: 'claude-opus', input: 5, output: 25, cached: 0.5, cacheWrite: 6.25,
    asOf: SOURCE_DATE.MD, source: `${AN_P}; models.dev @f3fc692 (released 2026-02-05)`,
    contextWindow: 1_000_000, maxOutputTokens: 128_000, capabilities: TVJ },
  { model: 'claude-opus-4-5-20251101', codename: 'claude-opus', input: 5, output: 25, cached: 0.5, cacheWrite: 6.25,
    asOf: SOURCE_DATE.MD, source: `${AN_P}; models.dev @f3fc692; OpenRouter`,
    contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: TVJ },
  { model: 'claude-sonnet-4-6', codename: 'claude-sonnet', input: 3, output: 15, cached: 0.3, cacheWrite: 3.75,
    asOf: SOURCE_DATE.MD, source: `${AN_P}; models.dev @f3fc692 (released 2026-02-17)`,
    contextWindow: 1_000_000, maxOutputTokens: 64_000, capabilities: TVJ },
  { model: 'claude-haiku-4-5-20251001', codename: 'claude-haiku', input: 1, output: 5, cached: 0.1, cacheWrite: 1.25,
    asOf: SOURCE_DATE.READ, source: `${AN_P}; platform.claude.com haiku-4-5 overview (official pages, undated)`,
    contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: TVJ },
]);
