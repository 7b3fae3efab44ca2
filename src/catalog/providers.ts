import type { Provider, ProviderId } from './types';

/**
 * The 18 upstream providers. Facts come from the provider reference compiled for the project
 * (providers_reference.md, late-2025 → mid-2026 sources); each trustReason names its source.
 *
 * Trust rubric (src/catalog/types.ts): 3 hardware-attested enclave · 2 no training + limited or
 * zero retention · 1 standard commercial terms · 0 may train. Providers for which no data policy
 * was found (nCompass, Nscale, Inception) get 1 and say so, never 2.
 *
 * Regions: short codes ('us', 'ca', 'eu', 'apac'). 'global' means the serving region is not
 * documented (or not selectable), NOT that the provider serves everywhere.
 */
export const PROVIDERS: Record<ProviderId, Provider> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    wireFormat: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
    trustLevel: 2,
    trustReason:
      'API data is not used for training unless opted in; abuse logs kept up to 30 days; ZDR by approval (developers.openai.com/api/docs/guides/your-data, archived 2025-11-25).',
    regions: ['global'], // serving region not documented in the reference
  },
  anthropic: {
    id: 'anthropic',
    name: 'Anthropic',
    wireFormat: 'anthropic',
    // The adapter appends /messages.
    baseUrl: 'https://api.anthropic.com/v1',
    apiKeyEnv: 'ANTHROPIC_API_KEY',
    trustLevel: 2,
    trustReason:
      'Commercial Terms forbid training on customer content; API logs retained 30 days; ZDR for approved orgs (Anthropic Commercial Terms 2025-06-17; privacy.claude.com ZDR article).',
    regions: ['global'], // an inference_geo option exists at a premium, not modelled here
  },
  google: {
    id: 'google',
    name: 'Google Gemini',
    wireFormat: 'gemini',
    // The adapter appends /models/{model}:generateContent (or :streamGenerateContent).
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    apiKeyEnv: 'GOOGLE_API_KEY',
    trustLevel: 2,
    trustReason:
      'Paid tier (Cloud Billing) data is not used to improve products and is kept 55 days for abuse monitoring; the free tier (trust 0) must not be used with this key (Gemini API Additional Terms; ai.google.dev/gemini-api/docs/usage-policies).',
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
    trustLevel: 1,
    trustReason:
      'API data may be used for training by default (org admins can opt out); logs deleted after 30 days (cohere.com/data-usage-policy; cohere.com/enterprise-data-commitments).',
    regions: ['global'], // not documented for the public API
  },
  groq: {
    id: 'groq',
    name: 'Groq',
    wireFormat: 'openai',
    baseUrl: 'https://api.groq.com/openai/v1',
    apiKeyEnv: 'GROQ_API_KEY',
    trustLevel: 2,
    trustReason:
      'Inference requests are not retained by default (reliability/abuse logs up to 30 days) and zero data retention is self-serve (console.groq.com/docs/your-data).',
    regions: ['global'], // data-location section not in the excerpt read
  },
  together: {
    id: 'together',
    name: 'Together AI',
    wireFormat: 'openai',
    baseUrl: 'https://api.together.xyz/v1',
    apiKeyEnv: 'TOGETHER_API_KEY',
    trustLevel: 2,
    trustReason:
      'Inputs and outputs are not stored by default and training-data sharing is opt-in (docs.together.ai/docs/privacy-and-security; together.ai/privacy 2025-12-17).',
    regions: ['global'], // not documented; VPC deployments on request
  },
  deepinfra: {
    id: 'deepinfra',
    name: 'DeepInfra',
    wireFormat: 'openai',
    baseUrl: 'https://api.deepinfra.com/v1/openai',
    apiKeyEnv: 'DEEPINFRA_API_KEY',
    trustLevel: 2,
    trustReason:
      'Inputs and outputs are held in memory only, never written to disk or used for training; metadata-only logs (docs.deepinfra.com/account/data-privacy).',
    regions: ['global'], // not documented
  },
  scaleway: {
    id: 'scaleway',
    name: 'Scaleway',
    wireFormat: 'openai',
    baseUrl: 'https://api.scaleway.ai/v1',
    apiKeyEnv: 'SCALEWAY_API_KEY',
    trustLevel: 2,
    trustReason:
      'Does not collect, read or reuse prompt/output content (only metadata and token counts); GDPR; EU company outside the US CLOUD Act (scaleway.com/en/docs/ai-data/.../data-privacy-security-scaleway-ai-services).',
    regions: ['eu'], // all Generative API models hosted in Paris (Scaleway Generative APIs FAQ)
  },
  cerebras: {
    id: 'cerebras',
    name: 'Cerebras',
    wireFormat: 'openai',
    baseUrl: 'https://api.cerebras.ai/v1',
    apiKeyEnv: 'CEREBRAS_API_KEY',
    trustLevel: 2,
    trustReason:
      'Does not retain prompts, requests, responses or chat logs; prompt caches are in-memory with a TTL (support.cerebras.net "Does Cerebras retain my data?" 2025-07-11).',
    regions: ['us', 'ca'], // inference data centers in the US and Canada (infercheck.eu)
  },
  ncompass: {
    id: 'ncompass',
    name: 'nCompass',
    wireFormat: 'openai',
    baseUrl: 'https://api.ncompass.tech/v1',
    apiKeyEnv: 'NCOMPASS_API_KEY',
    trustLevel: 1,
    trustReason:
      'No data-handling or retention policy was found, so standard commercial terms are assumed and no more (docs.ncompass.tech; docs.continue.dev ncompass page).',
    regions: ['global'], // not documented
  },
  nscale: {
    id: 'nscale',
    name: 'Nscale',
    wireFormat: 'openai',
    baseUrl: 'https://inference.api.nscale.com/v1',
    apiKeyEnv: 'NSCALE_API_KEY',
    trustLevel: 1,
    trustReason:
      'No serverless prompt-retention or training statement was found, so standard commercial terms are assumed and no more (docs.nscale.com/docs/inference/chat).',
    regions: ['global'], // infrastructure in Norway and the UK, but the serverless serving region is not stated
  },
  inception: {
    id: 'inception',
    name: 'Inception',
    wireFormat: 'openai',
    baseUrl: 'https://api.inceptionlabs.ai/v1',
    apiKeyEnv: 'INCEPTION_API_KEY',
    trustLevel: 1,
    trustReason:
      'No data policy was found, so standard commercial terms are assumed and no more (docs.litellm.ai/docs/providers/inception).',
    regions: ['global'], // not documented
  },
  openrouter: {
    id: 'openrouter',
    name: 'OpenRouter',
    wireFormat: 'openai',
    baseUrl: 'https://openrouter.ai/api/v1',
    apiKeyEnv: 'OPENROUTER_API_KEY',
    trustLevel: 1,
    trustReason:
      'OpenRouter stores no prompts unless logging is opted in, but default routing may reach downstream providers with weaker terms (openrouter.ai/docs/guides/privacy/data-collection).',
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
    trustReason:
      'API content is governed by customer agreements with no explicit no-training or retention statement found (novita.ai/legal/privacy-policy 2024-05-20).',
    regions: ['global'], // not documented
  },
  sambanova: {
    id: 'sambanova',
    name: 'SambaNova',
    wireFormat: 'openai',
    baseUrl: 'https://api.sambanova.ai/v1',
    apiKeyEnv: 'SAMBANOVA_API_KEY',
    trustLevel: 2,
    trustReason:
      'By default prompts are not stored or archived and not used for training, per SambaNova Cloud ToS as described by staff (community.sambanova.ai/t/data-handling-and-retention/1314).',
    regions: ['global'], // not documented
  },
  tinfoil: {
    id: 'tinfoil',
    name: 'Tinfoil',
    wireFormat: 'openai',
    baseUrl: 'https://inference.tinfoil.sh/v1',
    apiKeyEnv: 'TINFOIL_API_KEY',
    trustLevel: 3,
    trustReason:
      'Requests terminate in AMD SEV-SNP + NVIDIA confidential-computing enclaves running attested open-source code, so the operator cannot see plaintext (docs.tinfoil.sh/verification/attestation-architecture).',
    regions: ['global'], // not documented
  },
  xai: {
    id: 'xai',
    name: 'xAI',
    wireFormat: 'openai',
    baseUrl: 'https://api.x.ai/v1',
    apiKeyEnv: 'XAI_API_KEY',
    trustLevel: 2,
    trustReason:
      'Never trains on API inputs/outputs without explicit permission; requests kept 30 days for abuse audit; SOC 2 Type 2 (docs.x.ai/developers/faq/security; x.ai/legal/enterprise/faq).',
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
    trustReason:
      'Customer data is not transferred to third parties without authorization, but no explicit no-training or retention period was found (docs.byteplus.com/en/docs/modelark/BytePlus_ModelArk_Data_Processing).',
    regions: ['apac'], // Johor (MY) / Jakarta (ID) data centers behind the ap-southeast host
  },
};

export const PROVIDER_IDS = Object.keys(PROVIDERS) as ProviderId[];
