import type { FinishReason, ThinkingBlock, ToolCall, Usage } from '../../hub';
import { UpstreamError, type NormalizedResponse } from '../types';
import { JSON_TOOL_PREFIX } from './request';

/** Anthropic Messages response → hub response. Pure. */

export function isJsonAnswerTool(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith(JSON_TOOL_PREFIX);
}

const STOP_REASONS: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  // A server-tool loop paused; the turn is over from the client's point of view.
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

/**
 * Stop reason in hub terms. A stop caused only by the JSON-answer tool is a normal stop: the
 * client asked for structured output, not for a tool call.
 */
export function mapStopReason(reason: unknown, hasClientToolCalls: boolean, hasJsonAnswer: boolean): FinishReason {
  if (reason === 'tool_use' && hasJsonAnswer && !hasClientToolCalls) return 'stop';
  if (typeof reason === 'string' && Object.hasOwn(STOP_REASONS, reason)) return STOP_REASONS[reason];
  return 'stop';
}

export interface AnthropicUsageCounts {
  input: number;
  output: number;
  cacheRead: number;
  cacheCreation: number;
  /** The part of cacheCreation written with a 1-hour TTL, when the upstream reports the split. */
  cacheCreation1h?: number;
}

/** Anthropic's input_tokens excludes cached tokens; OpenAI's prompt_tokens includes them. */
export function toHubUsage(u: AnthropicUsageCounts): Usage {
  const prompt = u.input + u.cacheRead + u.cacheCreation;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.output,
    total_tokens: prompt + u.output,
    prompt_tokens_details: {
      cached_tokens: u.cacheRead,
      cache_creation_tokens: u.cacheCreation,
      ...(u.cacheCreation1h !== undefined ? { cache_creation_1h_tokens: u.cacheCreation1h } : {}),
    },
  };
}

/** Reads the counts present in a native usage object onto `into` (absent or null fields keep their value). */
export function readUsageCounts(raw: unknown, into: AnthropicUsageCounts): AnthropicUsageCounts {
  if (!isRecord(raw)) return into;
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  const split = isRecord(raw.cache_creation) ? raw.cache_creation.ephemeral_1h_input_tokens : undefined;
  const cacheCreation1h = typeof split === 'number' && Number.isFinite(split) ? split : into.cacheCreation1h;
  return {
    input: num(raw.input_tokens, into.input),
    output: num(raw.output_tokens, into.output),
    cacheRead: num(raw.cache_read_input_tokens, into.cacheRead),
    cacheCreation: num(raw.cache_creation_input_tokens, into.cacheCreation),
    ...(cacheCreation1h !== undefined ? { cacheCreation1h } : {}),
  };
}

export const ZERO_USAGE: AnthropicUsageCounts = { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };

export function parseAnthropicResponse(body: unknown): NormalizedResponse {
  if (!isRecord(body) || !Array.isArray(body.content)) throw malformed('response has no content array');
  let text = '';
  let jsonAnswer: string | undefined;
  const toolCalls: ToolCall[] = [];
  const thinking: ThinkingBlock[] = [];
  for (const block of body.content) {
    if (!isRecord(block) || typeof block.type !== 'string') throw malformed('content block without a type');
    if (block.type === 'text') {
      if (typeof block.text !== 'string') throw malformed('text block without text');
      text += block.text;
    } else if (block.type === 'tool_use') {
      if (typeof block.id !== 'string' || typeof block.name !== 'string') throw malformed('tool_use block without id or name');
      const args = JSON.stringify(block.input ?? {});
      if (isJsonAnswerTool(block.name)) jsonAnswer = args;
      else toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: args } });
    } else if (block.type === 'thinking') {
      if (typeof block.thinking !== 'string' || typeof block.signature !== 'string')
        throw malformed('thinking block without text or signature');
      thinking.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    } else if (block.type === 'redacted_thinking') {
      if (typeof block.data !== 'string') throw malformed('redacted_thinking block without data');
      thinking.push({ type: 'redacted_thinking', data: block.data });
    }
    // Other block types (server tool results, citations…) have no hub equivalent and are dropped.
  }

  // Structured output replaces any preamble text: the client expects the content to parse as JSON.
  const content = jsonAnswer ?? (text.length > 0 || toolCalls.length === 0 ? text : null);
  const message: NormalizedResponse['message'] = { role: 'assistant', content };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  // Kept verbatim: the client sends them back, and Anthropic checks the signature.
  if (thinking.length > 0) message.thinking_blocks = thinking;
  const result: NormalizedResponse = {
    message,
    finishReason: mapStopReason(body.stop_reason, toolCalls.length > 0, jsonAnswer !== undefined),
    usage: toHubUsage(readUsageCounts(body.usage, ZERO_USAGE)),
  };
  if (typeof body.model === 'string') result.upstreamModel = body.model;
  return result;
}

function malformed(detail: string): UpstreamError {
  return new UpstreamError({ kind: 'malformed', retryable: true, status: 200, message: `malformed Anthropic response: ${detail}` });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
