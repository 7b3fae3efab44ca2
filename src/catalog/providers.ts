import { PROCESSING_REGIONS } from './data/processing-regions';
import { TRUST_EVIDENCE } from './data/trust-evidence';
import type { CatalogProviderId, Provider } from './types';

/**
 * The 18 upstream providers, plus the free tiers of two of them (separate providers because their
 * data terms differ). Facts come from the provider reference compiled for the project
 * (providers_reference.md, late-2025 → mid-2026 sources).
 *
 * trustLevel is the level of the provider's DEFAULT API terms under the product's definitions
 * (src/catalog/trust.ts), derived from trustEvidence (data/trust-evidence.ts): any retention of
 * inputs (abuse monitoring included) or an unconfirmed certification stops at 1, training on
 * inputs is 0, and only hardware attestation reaches 3. Written out here so a change shows in
 * review; test/catalog/trust.test.ts checks each equals maxTrustFromEvidence(trustEvidence).
 * Agreements that improve the terms (ZDR, DPAs) are per deployment: TRUST_OVERRIDES.
 *
 * Regions: short codes ('us', 'ca', 'eu', 'apac'). 'global' means the serving region is not
 * documented (or not selectable), NOT that the provider serves everywhere. `processing` is stricter:
 * where the provider's own documentation says inference runs (data/processing-regions.ts), set only
 * with that source; strict residency relies on it alone.
 */
export const PROVIDERS: Record<CatalogProviderId, Provider> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    wireFormat: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.openai,
    regions: ['global'], // serving region not documented in the reference
    // max_tokens is deprecated there and refused by the gpt-5 / o-series reasoning models.
    outputLimitField: 'max_completion_tokens',
  },
  anthropic: {
    id: 'anthropic',
    name: 'Anthropic',
    wireFormat: 'anthropic',
    // The adapter appends /messages.
    baseUrl: 'https://api.anthropic.com/v1',
    apiKeyEnv: 'ANTHROPIC_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.anthropic,
    regions: ['global'], // an inference_geo option exists at a premium, not modelled here
  },
  google: {
    id: 'google',
    name: 'Google Gemini',
    wireFormat: 'gemini',
    // The adapter appends /models/{model}:generateContent (or :streamGenerateContent).
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    // A key of a project WITH Cloud Billing: paid-tier terms. Free-tier keys belong to 'google-free'.
    apiKeyEnv: 'GOOGLE_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.google,
    regions: ['global'], // not selectable: data "may be stored transiently or cached in any country"
  },
  cohere: {
    id: 'cohere',
    name: 'Cohere',
    wireFormat: 'cohere',
    // API root; the native adapter appends /v2/chat. The reference marks the api.cohere.com host as
    // unverified (rig-core uses api.cohere.ai); both serve the v2 API.
    baseUrl: 'https://api.cohere.com',
    apiKeyEnv: 'COHERE_API_KEY',
    trustLevel: 0,
    trustEvidence: TRUST_EVIDENCE.cohere,
    regions: ['global'], // not documented for the public API
  },
  groq: {
    id: 'groq',
    name: 'Groq',
    wireFormat: 'openai',
    baseUrl: 'https://api.groq.com/openai/v1',
    apiKeyEnv: 'GROQ_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.groq,
    regions: ['global'], // data-location section not in the excerpt read
  },
  together: {
    id: 'together',
    name: 'Together AI',
    wireFormat: 'openai',
    baseUrl: 'https://api.together.xyz/v1',
    apiKeyEnv: 'TOGETHER_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.together,
    regions: ['global'], // not documented; VPC deployments on request
  },
  deepinfra: {
    id: 'deepinfra',
    name: 'DeepInfra',
    wireFormat: 'openai',
    baseUrl: 'https://api.deepinfra.com/v1/openai',
    apiKeyEnv: 'DEEPINFRA_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.deepinfra,
    regions: ['global'], // not documented
  },
  scaleway: {
    id: 'scaleway',
    name: 'Scaleway',
    wireFormat: 'openai',
    baseUrl: 'https://api.scaleway.ai/v1',
    apiKeyEnv: 'SCALEWAY_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.scaleway,
    regions: ['eu'], // all Generative API models hosted in Paris (Scaleway Generative APIs FAQ)
    processing: PROCESSING_REGIONS.scaleway,
  },
  cerebras: {
    id: 'cerebras',
    name: 'Cerebras',
    wireFormat: 'openai',
    baseUrl: 'https://api.cerebras.ai/v1',
    apiKeyEnv: 'CEREBRAS_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.cerebras,
    regions: ['us', 'ca'], // inference data centers in the US and Canada (infercheck.eu)
  },
  ncompass: {
    id: 'ncompass',
    name: 'nCompass',
    wireFormat: 'openai',
    baseUrl: 'https://api.ncompass.tech/v1',
    apiKeyEnv: 'NCOMPASS_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.ncompass,
    regions: ['global'], // not documented
  },
  nscale: {
    id: 'nscale',
    name: 'Nscale',
    wireFormat: 'openai',
    baseUrl: 'https://inference.api.nscale.com/v1',
    apiKeyEnv: 'NSCALE_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.nscale,
    regions: ['global'], // infrastructure in Norway and the UK, but the serverless serving region is not stated
  },
  inception: {
    id: 'inception',
    name: 'Inception',
    wireFormat: 'openai',
    baseUrl: 'https://api.inceptionlabs.ai/v1',
    apiKeyEnv: 'INCEPTION_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.inception,
    regions: ['global'], // not documented
  },
  openrouter: {
    id: 'openrouter',
    name: 'OpenRouter',
    wireFormat: 'openai',
    baseUrl: 'https://openrouter.ai/api/v1',
    apiKeyEnv: 'OPENROUTER_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.openrouter,
    regions: ['global'], // EU in-region routing (eu.openrouter.ai) is enterprise-only, not this base URL
  },
  novita: {
    id: 'novita',
    name: 'Novita AI',
    wireFormat: 'openai',
    // Docs URL; models.dev lists https://api.novita.ai/openai instead.
    baseUrl: 'https://api.novita.ai/v3/openai',
    apiKeyEnv: 'NOVITA_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.novita,
    regions: ['global'], // not documented
  },
  sambanova: {
    id: 'sambanova',
    name: 'SambaNova',
    wireFormat: 'openai',
    baseUrl: 'https://api.sambanova.ai/v1',
    apiKeyEnv: 'SAMBANOVA_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.sambanova,
    regions: ['global'], // not documented
  },
  tinfoil: {
    id: 'tinfoil',
    name: 'Tinfoil',
    wireFormat: 'openai',
    baseUrl: 'https://inference.tinfoil.sh/v1',
    apiKeyEnv: 'TINFOIL_API_KEY',
    trustLevel: 3,
    trustEvidence: TRUST_EVIDENCE.tinfoil,
    regions: ['global'], // not documented
  },
  xai: {
    id: 'xai',
    name: 'xAI',
    wireFormat: 'openai',
    baseUrl: 'https://api.x.ai/v1',
    apiKeyEnv: 'XAI_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.xai,
    regions: ['us'], // us-east-1 documented; no EU-only option (infercheck.eu)
  },
  byteplus: {
    id: 'byteplus',
    name: 'BytePlus ModelArk',
    wireFormat: 'openai',
    // ap-southeast-1; the eu-west-1 host serves only seed-2-0 and seedream, which are not in the catalog.
    baseUrl: 'https://ark.ap-southeast.bytepluses.com/api/v3',
    apiKeyEnv: 'BYTEPLUS_API_KEY',
    trustLevel: 1,
    trustEvidence: TRUST_EVIDENCE.byteplus,
    regions: ['apac'], // Johor (MY) / Jakarta (ID) data centers behind the ap-southeast host
    processing: PROCESSING_REGIONS.byteplus,
  },
  'google-free': {
    id: 'google-free',
    name: 'Google Gemini (free tier)',
    wireFormat: 'gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    // A key of a Google Cloud project WITHOUT billing: that project gets the free tier's terms.
    apiKeyEnv: 'GOOGLE_FREE_API_KEY',
    trustLevel: 0,
    trustEvidence: TRUST_EVIDENCE['google-free'],
    regions: ['global'],
  },
  'openrouter-free': {
    id: 'openrouter-free',
    name: 'OpenRouter (free variants)',
    wireFormat: 'openai',
    baseUrl: 'https://openrouter.ai/api/v1',
    // May be the same value as OPENROUTER_API_KEY; a separate binding makes free, training-terms
    // traffic an explicit choice of the deployment.
    apiKeyEnv: 'OPENROUTER_FREE_API_KEY',
    trustLevel: 0,
    trustEvidence: TRUST_EVIDENCE['openrouter-free'],
    regions: ['global'],
  },
};

export const PROVIDER_IDS = Object.keys(PROVIDERS) as CatalogProviderId[];
