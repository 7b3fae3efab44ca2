import { caps, rows, SOURCE_DATE, UNKNOWN_CONTEXT, UNKNOWN_MAX_OUTPUT } from './row';

/**
 * nCompass publishes no prices. These two rows are the catalog's one exception to "sourced price
 * only", so that the provider is present: each price is the HIGHEST price among the other catalog
 * hosts of the same model, so the router never prefers nCompass on an unverified low price.
 * Context/max output are not published either (defaults). Streaming is not confirmed in its docs.
 */
const ESTIMATE = 'estimate, no published price';

export const NCOMPASS_ENDPOINTS = rows('ncompass', [
  { model: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', codename: 'llama-4-maverick', input: 0.63, output: 1.8, asOf: SOURCE_DATE.READ,
    source: `${ESTIMATE}: SambaNova's llama-4-maverick price (highest catalog host); image input per docs.ncompass.tech images_and_vision`,
    contextWindow: UNKNOWN_CONTEXT, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps('vision') },
  { model: 'google/gemma-3-27b-it', codename: 'gemma-3-27b', input: 0.27, output: 0.54, asOf: SOURCE_DATE.READ,
    source: `${ESTIMATE}: Scaleway's gemma-3-27b price in USD (only other host); model listed on docs.continue.dev ncompass page`,
    contextWindow: UNKNOWN_CONTEXT, maxOutputTokens: UNKNOWN_MAX_OUTPUT, capabilities: caps() },
]);
