import { caps, eurToUsd, EUR_TO_USD, rows, SOURCE_DATE } from './row';

// Scaleway bills in EUR (Scaleway Generative APIs FAQ). The catalogs quoting these prices do not
// state a currency; they are read as EUR, like the one FAQ-confirmed price, and converted.
const FX = `EUR converted at ${EUR_TO_USD} USD/EUR (rate as of 2026-07)`;
const SRC = `models.dev @f3fc692; LiteLLM; ${FX}`;

export const SCALEWAY_ENDPOINTS = rows('scaleway', [
  { model: 'llama-3.3-70b-instruct', codename: 'llama-3.3-70b', input: eurToUsd(0.9), output: eurToUsd(0.9), asOf: SOURCE_DATE.MD,
    // Context: models.dev 100,000 vs LiteLLM 128,000 — the lower one is kept.
    source: `Scaleway Generative APIs FAQ (€0.90/M); ${SRC}`, contextWindow: 100_000, maxOutputTokens: 16_384, capabilities: caps('tools') },
  { model: 'gpt-oss-120b', codename: 'gpt-oss-120b', input: eurToUsd(0.15), output: eurToUsd(0.6), asOf: SOURCE_DATE.MD,
    source: SRC, contextWindow: 128_000, maxOutputTokens: 32_768, capabilities: caps('tools') },
  { model: 'qwen3-235b-a22b-instruct-2507', codename: 'qwen3-235b', input: eurToUsd(0.75), output: eurToUsd(2.25), asOf: SOURCE_DATE.MD,
    source: SRC, contextWindow: 256_000, maxOutputTokens: 16_384, capabilities: caps('tools') },
  { model: 'mistral-small-3.2-24b-instruct-2506', codename: 'mistral-small', input: eurToUsd(0.15), output: eurToUsd(0.35), asOf: SOURCE_DATE.MD,
    source: `${SRC}; FAQ shows mistral-small-3.1 at €0.15/€0.35`, contextWindow: 128_000, maxOutputTokens: 32_768, capabilities: caps('tools', 'vision') },
  { model: 'gemma-3-27b-it', codename: 'gemma-3-27b', input: eurToUsd(0.25), output: eurToUsd(0.5), asOf: SOURCE_DATE.MD,
    source: SRC, contextWindow: 40_000, maxOutputTokens: 8_192, capabilities: caps('tools', 'vision') },
  { model: 'qwen3-coder-30b-a3b-instruct', codename: 'qwen3-coder', input: eurToUsd(0.2), output: eurToUsd(0.8), asOf: SOURCE_DATE.MD,
    source: SRC, contextWindow: 128_000, maxOutputTokens: 32_768, capabilities: caps('tools') },
  { model: 'mistral-medium-3.5-128b', codename: 'mistral-medium', input: eurToUsd(1.5), output: eurToUsd(7.5), asOf: SOURCE_DATE.MD,
    source: `${SRC} (released 2026-04-29)`, contextWindow: 256_000, maxOutputTokens: 16_384, capabilities: caps('tools', 'vision', 'json') },
]);
