import type { AssistantMessage, ToolCall } from '../../hub';
import type { NormalizedResponse } from '../types';
import { isRecord, mapFinishReason, mapUsage, upstreamError } from './common';

/**
 * Cohere v2 non-streaming response → hub response.
 * Only `text` content items become answer text; `thinking` items (reasoning models) and
 * `tool_plan` are the model's working notes, not its answer, and are dropped. Citations are dropped.
 * Cohere does not echo the model id, so `upstreamModel` stays absent.
 */

const malformed = (why: string) => upstreamError('malformed', `Cohere response is malformed: ${why}`);

function parseToolCalls(raw: unknown): ToolCall[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw malformed('message.tool_calls is not an array');
  return raw.map((call) => {
    if (!isRecord(call) || typeof call.id !== 'string' || !isRecord(call.function)) {
      throw malformed('tool call without id or function');
    }
    const { name, arguments: args } = call.function;
    if (typeof name !== 'string') throw malformed('tool call without a function name');
    return {
      id: call.id,
      type: 'function',
      // Cohere sends "{}"-style JSON text; an absent value means no arguments.
      function: { name, arguments: typeof args === 'string' ? args : args === undefined ? '{}' : JSON.stringify(args) },
    };
  });
}

function parseText(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw;
  if (!Array.isArray(raw)) throw malformed('message.content is not an array');
  let text = '';
  for (const item of raw) {
    if (!isRecord(item)) throw malformed('content item is not an object');
    if (item.type === 'text') {
      if (typeof item.text !== 'string') throw malformed('text content without text');
      text += item.text;
    }
  }
  return text;
}

export function parseCohereResponse(body: unknown): NormalizedResponse {
  if (!isRecord(body)) throw malformed('body is not an object');
  if (!isRecord(body.message)) throw malformed('no message');
  if (typeof body.finish_reason !== 'string') throw malformed('no finish_reason');
  const finishReason = mapFinishReason(body.finish_reason, { error: 'server', timeout: 'timeout' });
  const text = parseText(body.message.content);
  const toolCalls = parseToolCalls(body.message.tool_calls);
  const message: AssistantMessage = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  const usage = mapUsage(body.usage) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  return { message, finishReason, usage };
}
