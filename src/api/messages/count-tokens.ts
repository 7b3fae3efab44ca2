import { estimateInputTokens } from '../../routing';
import type { CountTokensRequest } from './schema';
import { messagesToChatRequest } from './to-chat';

/**
 * POST /v1/messages/count_tokens: the gateway's own estimate of the request's input tokens — the one
 * routing (context windows, prices) and the budget hold use for the same request — in Anthropic's
 * `{input_tokens}` shape. Free: no provider is called and nothing is billed. Pure.
 */
export function countInputTokens(body: CountTokensRequest): { input_tokens: number } {
  return { input_tokens: estimateInputTokens(messagesToChatRequest({ ...body, stream: false })) };
}
