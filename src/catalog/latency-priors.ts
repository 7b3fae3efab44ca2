import type { CatalogProviderId, LatencyPrior } from './types';
import type { Codename } from './quality-priors';

/**
 * Latency priors (time to first token, output tokens/s) before live measurements exist.
 *
 * Rule, in order:
 *  1. A published figure for that exact endpoint (table below). A measured figure (Artificial
 *     Analysis, Hugging Face) wins over a vendor claim, and the lower end of a range is used.
 *  2. Custom-silicon hosts (Groq LPU, Cerebras wafer, SambaNova RDU) without a per-model figure:
 *     the provider's LOWEST published figure, so an unmeasured model is never assumed faster
 *     than a measured one.
 *  3. Otherwise a default by provider class (guesses, flagged as such, to be replaced by
 *     measurements; a free tier is in its paid provider's class):
 *       frontier API (OpenAI, Anthropic, Google, xAI, Cohere)      600 ms /  70 tok/s
 *         … their small tiers (mini, nano, flash, haiku, fast)     450 ms / 120 tok/s
 *       commodity GPU hosts (Together, DeepInfra, Scaleway, Nscale,
 *         Novita, BytePlus, nCompass, Tinfoil)                     400 ms /  80 tok/s
 *       aggregator (OpenRouter): slowest class default + 100 ms
 *         for the extra routing hop                                700 ms /  70 tok/s
 */

type ProviderClass = 'frontier' | 'gpu' | 'silicon' | 'aggregator' | 'diffusion';

const PROVIDER_CLASS: Record<CatalogProviderId, ProviderClass> = {
  openai: 'frontier',
  anthropic: 'frontier',
  google: 'frontier',
  xai: 'frontier',
  cohere: 'frontier',
  'google-free': 'frontier',
  groq: 'silicon',
  cerebras: 'silicon',
  sambanova: 'silicon',
  together: 'gpu',
  deepinfra: 'gpu',
  scaleway: 'gpu',
  nscale: 'gpu',
  novita: 'gpu',
  byteplus: 'gpu',
  ncompass: 'gpu',
  tinfoil: 'gpu',
  openrouter: 'aggregator',
  'openrouter-free': 'aggregator',
  inception: 'diffusion',
};

const FRONTIER_SMALL_TIERS: ReadonlySet<Codename> = new Set<Codename>([
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-4o-mini',
  'gemini-flash',
  'gemini-flash-lite',
  'claude-haiku',
  'grok-4-fast',
  'grok-4.1-fast',
  'grok-3-mini',
  'grok-code-fast',
  'command-r7b',
]);

const CLASS_DEFAULT: Record<'frontier' | 'frontierSmall' | 'gpu' | 'aggregator', LatencyPrior> = {
  frontier: { ttftMs: 600, tokensPerSec: 70 },
  frontierSmall: { ttftMs: 450, tokensPerSec: 120 },
  gpu: { ttftMs: 400, tokensPerSec: 80 },
  aggregator: { ttftMs: 700, tokensPerSec: 70 },
};

/** Self-hosted endpoints that declare no latency: a commodity GPU host until measured. */
export const SELF_HOSTED_LATENCY: Readonly<LatencyPrior> = Object.freeze({ ...CLASS_DEFAULT.gpu });

/**
 * Custom-silicon and diffusion providers: TTFT and the lowest published per-model speed.
 * Cerebras TTFT: ~170 ms measured by AA on Llama 3.3 70B. Groq and SambaNova publish no TTFT;
 * 300 ms is a guess. SambaNova: 292 tok/s is the bottom of AA's 292–717 range for its lineup.
 * Inception: TTFT ~700 ms observed by ai.rs.
 */
const PROVIDER_FLOOR: Partial<Record<CatalogProviderId, LatencyPrior>> = {
  groq: { ttftMs: 300, tokensPerSec: 560 },
  cerebras: { ttftMs: 170, tokensPerSec: 1000 },
  sambanova: { ttftMs: 300, tokensPerSec: 292 },
  inception: { ttftMs: 700, tokensPerSec: 1009 },
};

/** Published per-endpoint output speeds (tok/s), keyed by endpoint id; source in the comment. */
const PUBLISHED_TOKENS_PER_SEC: Record<string, number> = {
  'groq/llama-3.3-70b-versatile': 560, // Groq pricing-page TPS (hivebook, May 2026)
  'groq/llama-3.1-8b-instant': 840, // Groq pricing-page TPS
  'groq/openai/gpt-oss-20b': 753, // HF Inference Providers measurement (vendor claims ~1,000)
  'cerebras/gpt-oss-120b': 1706, // AA measured 1,706–1,844 (vendor claims ~3,000)
  'cerebras/qwen-3-32b': 2600, // inference-docs.cerebras.ai/models/qwen-3-32b
  'cerebras/zai-glm-4.7': 1000, // hivebook Cerebras, May 2026
  'sambanova/gpt-oss-120b': 692, // AA 692–738
  'sambanova/DeepSeek-V3.1': 250, // sambanova.ai blog: DeepSeek >250 tok/s per user
  'sambanova/DeepSeek-V3-0324': 250,
  'sambanova/DeepSeek-R1-0528': 250,
  'inception/mercury-2': 1009, // awesomeagents.ai: 1,009 tok/s on Blackwell (1,196 claimed elsewhere)
};

const AGGREGATOR_HOP_MS = 100;

/** OpenRouter slugs whose upstream host is in the catalog with a published figure. */
const OPENROUTER_KNOWN_UPSTREAM: Record<string, [CatalogProviderId, string, Codename]> = {
  'inception/mercury-2': ['inception', 'mercury-2', 'mercury'],
};

export function latencyPrior(provider: CatalogProviderId, model: string, codename: Codename): LatencyPrior {
  const cls = PROVIDER_CLASS[provider];
  const published = PUBLISHED_TOKENS_PER_SEC[`${provider}/${model}`];
  if (cls === 'silicon' || cls === 'diffusion') {
    const floor = PROVIDER_FLOOR[provider]!;
    return { ttftMs: floor.ttftMs, tokensPerSec: published ?? floor.tokensPerSec };
  }
  if (cls === 'aggregator') {
    const upstream = OPENROUTER_KNOWN_UPSTREAM[model];
    if (upstream) {
      const direct = latencyPrior(...upstream);
      return { ttftMs: direct.ttftMs + AGGREGATOR_HOP_MS, tokensPerSec: direct.tokensPerSec };
    }
    return { ...CLASS_DEFAULT.aggregator };
  }
  if (cls === 'frontier') {
    return { ...(FRONTIER_SMALL_TIERS.has(codename) ? CLASS_DEFAULT.frontierSmall : CLASS_DEFAULT.frontier) };
  }
  return { ...CLASS_DEFAULT.gpu };
}
