import type { CatalogProviderId, TrustEvidence } from '../types';
import { SOURCE_DATE } from './dates';

/**
 * Each provider's data policy on its DEFAULT API terms, from the per-provider data lines of
 * providers_reference.md (section 1) and the sources they cite; quotes are short excerpts or close
 * paraphrases. Certifications count only when a first-party source states them (the reference
 * confirms SOC 2 Type 2 for xAI and GDPR for Scaleway; every other claim is third-party).
 * src/catalog/trust.ts turns these fields into the level; the catalog test checks they agree.
 */
export const TRUST_EVIDENCE: Readonly<Record<CatalogProviderId, TrustEvidence>> = {
  openai: {
    policyFound: true, retentionDays: 30, trainsOnInputs: false, compliance: [], zdrAvailable: true,
    quote: 'API data is not used to train models unless you opt in; abuse-monitoring logs kept up to 30 days; Zero Data Retention by prior approval.',
    source: 'developers.openai.com/api/docs/guides/your-data (archive.fo/xXsg7)', asOf: '2025-11-25',
  },
  anthropic: {
    policyFound: true, retentionDays: 30, trainsOnInputs: false, compliance: [], zdrAvailable: true,
    quote: 'Commercial Terms: Anthropic may not train on Customer Content; API logs retained 30 days; ZDR for approved organisations.',
    source: 'Anthropic Commercial Terms (eff. 2025-06-17); privacy.claude.com ZDR article; 30-day retention per aihackers.net (third-party)',
    asOf: '2025-06-17',
  },
  google: {
    policyFound: true, retentionDays: 55, trainsOnInputs: false, compliance: [],
    quote: 'Paid services: prompts not used to improve products, logged for a limited period for abuse detection (55 days), may be stored transiently in any country.',
    source: 'ai.google.dev/gemini-api/docs/usage-policies; Gemini API Additional Terms', asOf: SOURCE_DATE.READ,
  },
  cohere: {
    policyFound: true, retentionDays: 30, trainsOnInputs: true, compliance: [],
    quote: 'API data may be used for training by default (org admins can opt out in Data Controls); logged prompts deleted after 30 days.',
    source: 'cohere.com/data-usage-policy; cohere.com/enterprise-data-commitments', asOf: SOURCE_DATE.READ,
  },
  groq: {
    policyFound: true, retentionDays: 30, trainsOnInputs: null, compliance: [], zdrAvailable: true,
    quote: 'Inference requests not retained by default, but inputs/outputs may be logged up to 30 days for reliability and abuse; ZDR self-serve in Data Controls.',
    source: 'console.groq.com/docs/your-data', asOf: SOURCE_DATE.READ,
  },
  together: {
    policyFound: true, retentionDays: 0, trainsOnInputs: false, compliance: [],
    quote: 'Together does not store inputs or outputs by default; sharing data for training is opt-in.',
    source: 'docs.together.ai/docs/privacy-and-security; together.ai/privacy', asOf: '2025-12-17',
  },
  deepinfra: {
    policyFound: true, retentionDays: 0, trainsOnInputs: false, compliance: [],
    quote: 'Inputs and outputs are held in memory only, never written to disk or used for training; metadata-only logs.',
    source: 'docs.deepinfra.com/account/data-privacy', asOf: SOURCE_DATE.READ,
  },
  scaleway: {
    policyFound: true, retentionDays: null, trainsOnInputs: false, compliance: ['GDPR'],
    quote: 'Does not collect, read or reuse prompt/output content, except temporary capture of full requests when traffic errors or looks malicious (no period stated).',
    source: 'scaleway.com/en/docs/ai-data/managed-inference/reference-content/data-privacy-security-scaleway-ai-services', asOf: SOURCE_DATE.READ,
  },
  cerebras: {
    policyFound: true, retentionDays: 0, trainsOnInputs: null, compliance: [],
    quote: 'Does not retain prompts, requests, responses or chat logs; prompt caches in memory with a TTL.',
    source: 'support.cerebras.net "Does Cerebras retain my data?"', asOf: '2025-07-11',
  },
  ncompass: {
    policyFound: false, retentionDays: null, trainsOnInputs: null, compliance: [],
    quote: 'No data-handling or retention policy found.', source: 'docs.ncompass.tech; docs.continue.dev ncompass page', asOf: SOURCE_DATE.READ,
  },
  nscale: {
    policyFound: false, retentionDays: null, trainsOnInputs: null, compliance: [],
    quote: 'No serverless prompt-retention or training statement found.', source: 'docs.nscale.com/docs/inference/chat', asOf: SOURCE_DATE.READ,
  },
  inception: {
    policyFound: false, retentionDays: null, trainsOnInputs: null, compliance: [],
    quote: 'No data policy found.', source: 'docs.litellm.ai/docs/providers/inception', asOf: SOURCE_DATE.READ,
  },
  openrouter: {
    policyFound: true, retentionDays: null, trainsOnInputs: null, compliance: [], zdrAvailable: true,
    quote: 'OpenRouter stores no prompts unless logging is opted in, but routes to downstream providers with their own retention and training terms unless the account filters them.',
    source: 'openrouter.ai/docs/guides/privacy/data-collection; openrouter.ai/docs/guides/privacy/logging', asOf: SOURCE_DATE.READ,
  },
  novita: {
    policyFound: false, retentionDays: null, trainsOnInputs: null, compliance: [],
    quote: 'The privacy policy excludes API content (governed by customer agreements); no no-training or retention statement found.',
    source: 'novita.ai/legal/privacy-policy', asOf: '2024-05-20',
  },
  sambanova: {
    policyFound: true, retentionDays: 0, trainsOnInputs: false, compliance: [],
    quote: 'By default prompts are not stored or archived and not used for training (staff reply citing the SambaNova Cloud ToS).',
    source: 'community.sambanova.ai/t/data-handling-and-retention/1314', asOf: SOURCE_DATE.READ,
  },
  tinfoil: {
    policyFound: true, retentionDays: 0, trainsOnInputs: false, compliance: [], enclave: true,
    quote: 'Requests terminate in AMD SEV-SNP + NVIDIA confidential-computing enclaves running attested open-source code; the operator cannot see plaintext.',
    source: 'docs.tinfoil.sh/verification/attestation-architecture', asOf: SOURCE_DATE.READ,
  },
  xai: {
    policyFound: true, retentionDays: 30, trainsOnInputs: false, compliance: ['SOC 2 Type 2'], zdrAvailable: true,
    quote: 'Never trains on API inputs or outputs without explicit permission; requests kept 30 days for abuse audit; ZDR enterprise-only.',
    source: 'docs.x.ai/developers/faq/security; x.ai/legal/enterprise/faq', asOf: SOURCE_DATE.READ,
  },
  byteplus: {
    policyFound: true, retentionDays: null, trainsOnInputs: null, compliance: [],
    quote: 'Customer data is not transferred to third parties without authorization; no retention period or no-training statement found.',
    source: 'docs.byteplus.com/en/docs/modelark/BytePlus_ModelArk_Data_Processing', asOf: SOURCE_DATE.READ,
  },
  'google-free': {
    policyFound: true, retentionDays: null, trainsOnInputs: true, compliance: [],
    quote: 'Unpaid services (free quota, AI Studio): Google uses prompts and responses to improve products; human reviewers may read them.',
    source: 'Gemini API Additional Terms (unpaid services); ai.google.dev/gemini-api/docs/pricing', asOf: SOURCE_DATE.READ,
  },
  'openrouter-free': {
    policyFound: true, retentionDays: null, trainsOnInputs: true, compliance: [],
    quote: 'Free variants are served by providers that may train on prompts per their own policies; the account has a separate training setting for free models.',
    source: 'openrouter.ai/docs/guides/privacy/logging; openrouter.ai/docs/guides/routing/model-variants/free', asOf: SOURCE_DATE.FREE_TIERS,
  },
};
