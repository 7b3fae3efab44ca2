import { ApiError, type ChatCompletion, type FinishReason, type ThinkingBlock, type Usage } from '../../hub';

/** Hub ChatCompletion → Anthropic Messages `message` object. Pure. */

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal';

export interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  /** Cache writes by TTL, when the upstream reported the split (Anthropic does). */
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  /** USD billed for the message (OpenRouter's name); the SDK's usage type tolerates the extra field. */
  cost?: number;
}

export type AnthropicOutputBlock =
  { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> } | ThinkingBlock;

export interface AnthropicMessageObject {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: AnthropicOutputBlock[];
  stop_reason: StopReason | null;
  stop_sequence: string | null;
  usage: AnthropicUsage;
}

export const messageId = (decisionId: string) => `msg_${decisionId}`;

/**
 * The hub reports "stop" for both a natural end and a matched stop sequence (which is not echoed),
 * so both become end_turn.
 */
export function stopReasonFor(finish: FinishReason | null): StopReason | null {
  switch (finish) {
    case 'stop':
      return 'end_turn';
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return null;
  }
}

/** OpenAI's prompt_tokens includes cached tokens; Anthropic's input_tokens excludes them. */
export function toAnthropicUsage(u: Usage): AnthropicUsage {
  const cacheRead = u.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheCreation = u.prompt_tokens_details?.cache_creation_tokens ?? 0;
  const cacheCreation1h = u.prompt_tokens_details?.cache_creation_1h_tokens;
  return {
    input_tokens: Math.max(0, u.prompt_tokens - cacheRead - cacheCreation),
    output_tokens: u.completion_tokens,
    cache_read_input_tokens: cacheRead,
    cache_creation_input_tokens: cacheCreation,
    ...(cacheCreation1h !== undefined
      ? { cache_creation: { ephemeral_5m_input_tokens: cacheCreation - cacheCreation1h, ephemeral_1h_input_tokens: cacheCreation1h } }
      : {}),
    ...(u.cost !== undefined ? { cost: u.cost } : {}),
  };
}

export function toolInput(name: string, args: string): Record<string, unknown> {
  if (args.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(args);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ApiError(502, {
    message: `The upstream model returned arguments for tool '${name}' that are not a JSON object.`,
    type: 'upstream_error',
    code: 'invalid_tool_arguments',
  });
}

export function completionToMessage(completion: ChatCompletion, decisionId: string): AnthropicMessageObject {
  const choice = completion.choices[0];
  // Thinking first, as Anthropic orders it, verbatim so the client can send it back.
  const content: AnthropicOutputBlock[] = [...(choice.message.thinking_blocks ?? [])];
  const text = choice.message.content ?? choice.message.refusal;
  if (text) content.push({ type: 'text', text });
  for (const call of choice.message.tool_calls ?? []) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: toolInput(call.function.name, call.function.arguments),
    });
  }
  return {
    id: messageId(decisionId),
    type: 'message',
    role: 'assistant',
    model: completion.model,
    content,
    stop_reason: stopReasonFor(choice.finish_reason),
    stop_sequence: null,
    usage: toAnthropicUsage(completion.usage),
  };
}
