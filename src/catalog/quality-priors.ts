/**
 * General answer-quality prior per model family (codename), in [0,1], used before evals and
 * feedback exist. One number per family, never per endpoint: the same weights score the same on
 * every host (quantisation differences are left to evals).
 *
 * Tiering rule (a judgement from public model generations and sizes, not a benchmark result):
 *   0.90–0.95  frontier flagships (current-generation top model of a frontier lab)
 *   0.80–0.89  strong mid models: previous-gen flagships, frontier "mini/flash" tiers,
 *              large open-weight MoE models (DeepSeek V3/R1, Kimi K2, GLM 4.6+, Qwen3-235B)
 *   0.70–0.79  capable mid-size models (70B-class dense, ~30B, fast/code variants)
 *   0.55–0.69  small / cheapest tiers (≤ 27B dense, nano/lite, 8B)
 */
export const QUALITY_PRIORS = {
  // frontier flagships
  'claude-opus': 0.95,
  'gpt-5': 0.93,
  'claude-sonnet': 0.92,
  'gemini-pro': 0.92,
  'grok-4': 0.92,
  'grok-4.3': 0.91,
  'glm-5': 0.89,
  // strong mid
  'kimi-k2': 0.87,
  'deepseek-r1': 0.87,
  'deepseek-v3': 0.86,
  'glm-4.7': 0.86,
  'gpt-5-mini': 0.86,
  'grok-4.1-fast': 0.86,
  'gemini-flash': 0.85,
  'gpt-4.1': 0.85,
  'qwen3-235b': 0.84,
  'glm-4.6': 0.84,
  'grok-4-fast': 0.84,
  'seed-1.8': 0.84,
  'minimax-m2': 0.83,
  'gpt-oss-120b': 0.82,
  'gpt-4o': 0.82,
  'grok-3': 0.82,
  'claude-haiku': 0.81,
  'command-a': 0.8,
  'mistral-medium': 0.8,
  'seed-1.6': 0.8,
  // capable mid-size
  'grok-code-fast': 0.76,
  'command-a-vision': 0.75,
  'llama-3.3-70b': 0.75,
  'llama-4-maverick': 0.75,
  'gemma-4-31b': 0.74,
  'qwen3-32b': 0.74,
  'qwq-32b': 0.74,
  'gpt-oss-20b': 0.72,
  'grok-3-mini': 0.72,
  mercury: 0.72,
  'command-r-plus': 0.72,
  'qwen3-coder': 0.72,
  'deepseek-r1-distill': 0.72,
  'gpt-5-nano': 0.7,
  // small / cheapest
  'llama-4-scout': 0.68,
  'gpt-4o-mini': 0.68,
  'gemini-flash-lite': 0.68,
  'mistral-small': 0.68,
  'qwen2.5-coder': 0.66,
  'gemma-3-27b': 0.65,
  'command-r': 0.65,
  'llama-3.1-8b': 0.57,
  'command-r7b': 0.55,
} as const satisfies Record<string, number>;

export type Codename = keyof typeof QUALITY_PRIORS;
