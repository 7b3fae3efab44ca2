import type { CatalogProviderId, ExtraParams } from '../types';

/**
 * Request parameters an OpenAI-format provider's own API reference documents for POST
 * /chat/completions beyond OpenAI's Chat Completions reference (src/providers/openai/request.ts,
 * OPENAI_CHAT_PARAMS). The OpenAI adapter sends these to that provider, and only to it; elsewhere
 * they are dropped and reported (x-cailos-dropped-params). A parameter is listed only when the
 * provider's reference (or the SDK it generates from its OpenAPI spec) names it.
 *
 * Read and left out:
 * - xAI (https://docs.x.ai/developers/rest-api-reference/inference/chat-completions): `deferred`
 *   answers with a request id instead of the completion, which the adapter cannot parse;
 *   `search_parameters` is deprecated there.
 * - Scaleway, Nscale, nCompass, Inception, Tinfoil, BytePlus: no parameter beyond OpenAI's found.
 * - OpenAI's own API refuses any other field ("Unrecognized request argument supplied").
 */
export const EXTRA_PARAMS: Readonly<Partial<Record<CatalogProviderId, ExtraParams>>> = {
  together: {
    params: [
      'top_k',
      'min_p',
      'repetition_penalty',
      'echo',
      'context_length_exceeded_behavior',
      'safety_model',
      'chat_template_kwargs',
      'reasoning',
      'compliance',
    ],
    source:
      'https://docs.together.ai/reference/chat-completions-1 (as generated into togethercomputer/together-typescript src/resources/chat/completions.ts @5d7f323)',
    asOf: '2026-12-07',
  },
  deepinfra: {
    params: ['top_k', 'min_p', 'repetition_penalty', 'reasoning', 'chat_template_kwargs'],
    source: 'https://docs.deepinfra.com/api-reference/openai-chat-completions-1',
    asOf: '2026-12-07',
  },
  groq: {
    params: [
      'reasoning_format',
      'include_reasoning',
      'search_settings',
      'documents',
      'citation_options',
      'compound_custom',
      'disable_tool_validation',
      'include_domains',
      'exclude_domains',
    ],
    source:
      'https://console.groq.com/docs/api-reference (as generated into groq/groq-typescript src/resources/chat/completions.ts @709b1ab)',
    asOf: '2026-12-07',
  },
  cerebras: {
    params: ['reasoning_format', 'disable_reasoning', 'clear_thinking', 'min_tokens', 'min_completion_tokens', 'model_parameters'],
    source:
      'https://inference-docs.cerebras.ai/api-reference/chat-completions (as generated into Cerebras/cerebras-cloud-sdk-node src/resources/chat/completions.ts @eb228a8)',
    asOf: '2026-12-07',
  },
  novita: {
    params: ['top_k', 'min_p', 'repetition_penalty', 'separate_reasoning', 'enable_thinking'],
    source: 'https://novita.ai/docs/api-reference/model-apis-llm-create-chat-completion',
    asOf: '2026-12-07',
  },
  sambanova: {
    params: ['top_k', 'do_sample', 'chat_template_kwargs'],
    source:
      'https://docs.sambanova.ai/docs/api-reference/chat-completions/create-chat-based-completion (as generated into sambanova/sambanova-typescript src/resources/chat/completions.ts @2ac8b03)',
    asOf: '2026-12-07',
  },
  openrouter: {
    params: ['top_k', 'min_p', 'top_a', 'repetition_penalty', 'structured_outputs', 'include_reasoning', 'reasoning'],
    source: 'https://openrouter.ai/docs/api_reference/parameters',
    asOf: '2026-12-07',
  },
  // The same API (openrouter.ai/api/v1) under free-tier terms.
  'openrouter-free': {
    params: ['top_k', 'min_p', 'top_a', 'repetition_penalty', 'structured_outputs', 'include_reasoning', 'reasoning'],
    source: 'https://openrouter.ai/docs/api_reference/parameters',
    asOf: '2026-12-07',
  },
};
