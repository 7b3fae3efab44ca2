import { caps, rows, SOURCE_DATE, UNKNOWN_MAX_OUTPUT } from './row';

// Seed prices are tiered by prompt length: the ≤128K-token tier is listed (input 0.50, output
// 4.00 above). Cache hits also pay storage ($0.0083/M tokens/hour), not modelled here.
const TIER = 'price for prompts ≤128K tokens (0.50/4.00 above)';

export const BYTEPLUS_ENDPOINTS = rows('byteplus', [
  { model: 'seed-1-6-250915', codename: 'seed-1.6', input: 0.25, output: 2, cached: 0.05, asOf: SOURCE_DATE.READ,
    source: `docs.byteplus.com/docs/ModelArk/1099320 (official billing page, undated); ${TIER}; context implied by price tiers; max output not given: default`,
    contextWindow: 256_000, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('vision') },
  { model: 'seed-1-8-251228', codename: 'seed-1.8', input: 0.25, output: 2, cached: 0.05, asOf: SOURCE_DATE.READ,
    source: `docs.byteplus.com Large_model_billing and modelark/1330310 (official, undated); ${TIER}; max output includes reasoning`,
    contextWindow: 256_000, maxOutputTokens: 64_000, capabilities: caps('tools', 'vision', 'json') },
]);
