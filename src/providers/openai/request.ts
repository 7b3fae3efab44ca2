import type { Endpoint } from '../../catalog';
import { CAILOS_FIELDS, type ChatRequest } from '../../hub';
import { clientFields } from '../fields';
import type { BuildOptions, UpstreamHttpRequest, UpstreamTarget } from '../types';
import { adaptForeignFields, effortFor } from './foreign-fields';

/**
 * The top-level parameters of OpenAI's Chat Completions reference (POST /v1/chat/completions): the
 * fields this format sends to every provider. OpenAI answers 400 "Unrecognized request argument" to
 * any other, and OpenAI-compatible providers may too; a provider also gets the parameters its own
 * reference documents beyond these (Endpoint.extraParams, catalog data/extra-params.ts).
 */
export const OPENAI_CHAT_PARAMS: ReadonlySet<string> = new Set([
  'messages',
  'model',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
]);

/** Set by the adapter whatever the client sent, or never forwarded. */
const NOT_COPIED = new Set<string>([...CAILOS_FIELDS, 'model', 'stream', 'stream_options']);

/**
 * Whether this endpoint's API takes the parameter: OpenAI's reference, plus what its provider
 * documents beyond it (catalog data/extra-params.ts, e.g. Together's top_k).
 */
function takes(endpoint: Endpoint, key: string): boolean {
  return OPENAI_CHAT_PARAMS.has(key) || endpoint.extraParams?.includes(key) === true;
}

/**
 * OpenAI-compatible providers take the hub request almost as is: we swap in the upstream model id,
 * always ask for usage in streams (cost must be computed from what the provider reports), and send
 * only the parameters the provider's API defines (OpenAI's reference and the provider's documented
 * extras): other gateways' extensions would make a strict provider refuse the whole request.
 */
export function buildOpenAIRequest(req: ChatRequest, target: UpstreamTarget, opts: BuildOptions): UpstreamHttpRequest {
  const body: Record<string, unknown> = { model: target.endpoint.model };
  for (const [key, value] of Object.entries(req)) {
    if (value === undefined || NOT_COPIED.has(key) || !takes(target.endpoint, key)) continue;
    body[key] = value;
  }
  adaptForeignFields(body, req, target.endpoint);
  if (target.endpoint.outputLimitField === 'max_completion_tokens' && typeof body.max_tokens === 'number') {
    // The provider rejects max_tokens (OpenAI's reasoning models): the tighter of the two caps, in the field it reads.
    const asked = typeof body.max_completion_tokens === 'number' ? Math.min(body.max_completion_tokens, body.max_tokens) : body.max_tokens;
    body.max_completion_tokens = asked;
    delete body.max_tokens;
  }
  const maxOut = target.endpoint.maxOutputTokens;
  for (const field of ['max_tokens', 'max_completion_tokens'] as const) {
    const asked = body[field];
    if (typeof asked === 'number' && asked > maxOut) body[field] = maxOut;
  }
  if (opts.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return {
    url: `${target.baseUrl.replace(/\/$/, '')}/chat/completions`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: opts.stream ? 'text/event-stream' : 'application/json',
      // A self-hosted server without auth is registered without a key: send no credentials then.
      ...(target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {}),
    },
    body: JSON.stringify(body),
  };
}

/**
 * The client's fields this endpoint does not receive: those its API does not take (takes), except
 * `thinking` where adaptForeignFields turns it into reasoning_effort.
 */
export function openaiDroppedParams(req: ChatRequest, endpoint: Endpoint): string[] {
  const thinkingCarried =
    endpoint.capabilities.reasoning === true && effortFor(req.thinking) !== undefined && req.reasoning_effort === undefined;
  return clientFields(req).filter((k) => !takes(endpoint, k) && !(k === 'thinking' && thinkingCarried));
}
