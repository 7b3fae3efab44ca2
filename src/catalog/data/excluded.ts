/**
 * Rows of providers_reference.md deliberately left out of the catalog, with the reason. Kept as
 * data so the README table and the tests can show them; the catalog must contain none of them.
 */
export interface ExcludedRow {
  id: string;
  reason: string;
}

const NO_PRICE = 'no sourced price';
const BYTEPLUS_ID = 'upstream model id not confirmed (ModelArk ids are dated, e.g. seed-1-6-250915)';

export const EXCLUDED: readonly ExcludedRow[] = [
  { id: 'nscale/openai/gpt-oss-120b', reason: NO_PRICE },
  { id: 'cerebras/qwen-3-235b-a22b-instruct-2507', reason: NO_PRICE },
  { id: 'tinfoil/deepseek-r1-70b', reason: `${NO_PRICE}; older per-model host, may be retired` },
  { id: 'byteplus/seed-2-0-lite-260228', reason: NO_PRICE },
  { id: 'byteplus/glm-4-7-251222', reason: NO_PRICE },
  { id: 'inception/mercury-coder', reason: 'price only "approx, unverified" (from memory, not a source)' },
  { id: 'inception/mercury-edit-2', reason: 'next-edit model served on /fim/completions, not chat completions' },
  { id: 'anthropic/claude-opus-4-1-20250805', reason: 'retired on the first-party API by 2026 (Anthropic pricing page)' },
  { id: 'anthropic/claude-sonnet-4-5-20250929', reason: 'deprecated, retires 2026-11-30 (Anthropic model page)' },
  { id: 'openrouter/anthropic/claude-sonnet-4.5', reason: 'upstream model retires 2026-11-30' },
  { id: 'google/gemini-2.0-flash', reason: 'shut down 2026-06-01 (apimap.dev)' },
  { id: 'google/gemini-3-pro-preview', reason: 'preview superseded by gemini-3.1-pro-preview (models.dev)' },
  { id: 'groq/meta-llama/llama-4-maverick-17b-128e-instruct', reason: 'absent from the July-2026 Groq list (models.dev); may be retired' },
  { id: 'groq/moonshotai/kimi-k2-instruct-0905', reason: 'absent from the July-2026 Groq list (models.dev)' },
  { id: 'together/deepseek-ai/DeepSeek-V3.1', reason: 'marked deprecated in 2026 (models.dev)' },
  { id: 'together/deepseek-ai/DeepSeek-R1', reason: 'marked deprecated by 2026 (models.dev)' },
  { id: 'scaleway/devstral-2-123b-instruct-2512', reason: 'marked deprecated in 2026 (models.dev)' },
  { id: 'cerebras/llama3.1-8b', reason: 'deprecated 2026-05-27 (hivebook Cerebras)' },
  { id: 'cerebras/llama-3.3-70b', reason: 'not in the May-2026 Cerebras model list' },
  { id: 'byteplus/seed-1-6-flash', reason: BYTEPLUS_ID },
  { id: 'byteplus/gpt-oss-120b', reason: BYTEPLUS_ID },
  { id: 'byteplus/Kimi-K2', reason: BYTEPLUS_ID },
  { id: 'byteplus/Deepseek-V3.1', reason: BYTEPLUS_ID },
  { id: 'byteplus/Deepseek-R1', reason: BYTEPLUS_ID },
  { id: 'byteplus/skylark-pro', reason: BYTEPLUS_ID },
];
