import type { AssistantMessage, FinishReason, ToolCall, Usage } from '../../hub';
import { type NormalizedResponse, UpstreamError } from '../types';

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
  eos: 'stop',
  end_turn: 'stop',
};

export function mapOpenAIFinish(reason: unknown, hasToolCalls: boolean): FinishReason {
  if (typeof reason === 'string' && Object.hasOwn(FINISH, reason)) return FINISH[reason];
  return hasToolCalls ? 'tool_calls' : 'stop';
}

export function malformed(message: string): UpstreamError {
  return new UpstreamError({ kind: 'malformed', retryable: true, status: 200, message });
}

export function normalizeOpenAIUsage(raw: unknown): Usage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const u = raw as Record<string, unknown>;
  const prompt = Number(u.prompt_tokens ?? 0);
  const completion = Number(u.completion_tokens ?? 0);
  if (!Number.isFinite(prompt) || !Number.isFinite(completion)) return undefined;
  const usage: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  const details = u.prompt_tokens_details as Record<string, unknown> | undefined;
  const cached = Number(details?.cached_tokens ?? 0);
  if (cached > 0) usage.prompt_tokens_details = { cached_tokens: cached };
  return usage;
}

function toolCallsOf(raw: unknown): ToolCall[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  return raw.map((tc, i) => {
    const fn = (tc?.function ?? {}) as Record<string, unknown>;
    if (typeof fn.name !== 'string') throw malformed('tool call without a function name');
    const args = typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {});
    return { id: typeof tc.id === 'string' ? tc.id : `call_${i}`, type: 'function' as const, function: { name: fn.name, arguments: args } };
  });
}

export function parseOpenAIResponse(body: unknown): NormalizedResponse {
  if (!body || typeof body !== 'object') throw malformed('upstream body is not a JSON object');
  const b = body as Record<string, unknown>;
  if (b.error) throw malformed('upstream returned an error object with a 2xx status');
  const choice = Array.isArray(b.choices) ? (b.choices[0] as Record<string, unknown> | undefined) : undefined;
  const msg = choice?.message as Record<string, unknown> | undefined;
  if (!choice || !msg) throw malformed('upstream response has no choices[0].message');
  const toolCalls = toolCallsOf(msg.tool_calls);
  const content = typeof msg.content === 'string' ? msg.content : null;
  const message: AssistantMessage = { role: 'assistant', content };
  if (toolCalls) message.tool_calls = toolCalls;
  if (typeof msg.refusal === 'string') message.refusal = msg.refusal;
  const usage = normalizeOpenAIUsage(b.usage) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  return {
    message,
    finishReason: mapOpenAIFinish(choice.finish_reason, !!toolCalls),
    usage,
    upstreamModel: typeof b.model === 'string' ? b.model : undefined,
  };
}
