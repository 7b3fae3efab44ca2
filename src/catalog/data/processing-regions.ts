import type { CatalogProviderId, ProcessingRegion } from '../types';

/**
 * Where inference runs, per provider, for the API the catalog calls (its base URL, default terms),
 * as the provider's own documentation states it. Strict residency admits only endpoints listed here
 * with that region, so a provider is listed only when a first-party page says so; a third-party
 * summary, a data-center announcement or "routed to the nearest region" is not enough.
 *
 * Read and left out (processing region unknown for the catalog's base URL):
 * - OpenAI: regional processing needs a data-residency project and a regional host
 *   (https://developers.openai.com/api/docs/guides/data-residency); api.openai.com is global.
 * - Anthropic: `inference_geo` defaults to "global"; "us" is a per-request option at a premium
 *   (https://platform.claude.com/docs/en/manage-claude/data-residency), not sent by the adapter.
 * - Together AI: only us-api / ca-api hosts keep processing in one country; "requests to
 *   api.together.ai do not guarantee either geography"
 *   (https://docs.together.ai/docs/serverless/geo-specific-inference).
 * - xAI: api.x.ai forwards to us-east-1 first but may send a request "to other regions"; only a
 *   regional host (us-east-1.api.x.ai, eu-west-1.api.x.ai) pins it (https://docs.x.ai/developers/regions).
 * - Google Gemini API: paid-tier data "may be stored transiently or cached in any country"
 *   (ai.google.dev/gemini-api/docs/usage-policies); Vertex AI's regional guarantees do not apply.
 * - Cerebras: its US/Canada data centers are known only from press and third-party pages.
 * - Everyone else: no statement found.
 */
export const PROCESSING_REGIONS: Readonly<Partial<Record<CatalogProviderId, ProcessingRegion>>> = {
  scaleway: {
    region: 'eu',
    source: 'https://www.scaleway.com/en/docs/generative-apis/faq/',
    quote:
      'Generative APIs provide serverless endpoints "hosted in European data centers"; the privacy page adds that Scaleway hosts the models "on its infrastructure in Europe without interaction with third-party services" (www.scaleway.com/en/docs/generative-apis/reference-content/data-privacy/).',
    asOf: '2026-12-07',
  },
  byteplus: {
    region: 'apac',
    source: 'https://docs.byteplus.com/en/docs/ModelArk/BytePlus_ModelArk_Data_Processing',
    // The catalog calls the ap-southeast host (PROVIDERS.byteplus.baseUrl), not the eu-west-1 one.
    quote:
      "ModelArk's data centers where models are deployed and Customer Data processing are located in Johor, Malaysia, and/or Jakarta, Indonesia.",
    asOf: '2026-12-07',
  },
};
