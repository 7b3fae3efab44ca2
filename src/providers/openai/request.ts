import { CAILOS_FIELDS, type ChatRequest } from '../../hub';
import type { BuildOptions, UpstreamHttpRequest, UpstreamTarget } from '../types';

const DROPPED = new Set<string>([...CAILOS_FIELDS, 'model', 'stream', 'stream_options']);

/**
 * OpenAI-compatible providers take the hub request almost as is: we swap in the upstream model id,
 * always ask for usage in streams (cost must be computed from what the provider reports), and pass
 * unknown fields through because many providers accept extensions (e.g. reasoning_effort).
 */
export function buildOpenAIRequest(req: ChatRequest, target: UpstreamTarget, opts: BuildOptions): UpstreamHttpRequest {
  const body: Record<string, unknown> = { model: target.endpoint.model };
  for (const [key, value] of Object.entries(req)) {
    if (value === undefined || DROPPED.has(key)) continue;
    body[key] = value;
  }
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
