import type { ChatCompletion, FinishReason, Usage } from '../../hub';
import type { ResponsesRequest } from './schema';
import type { FunctionCallOutputItem, MessageOutputItem, OutputItem, ResponseObject, ResponseStatus, ResponsesUsage } from './types';

/** Hub ChatCompletion → Responses API `response` object. Pure. */

export interface ResponseContext {
  /** The gateway decision id; response and item ids derive from it. */
  decisionId: string;
  createdAt: number;
  request: ResponsesRequest;
}

export const responseId = (decisionId: string) => `resp_${decisionId}`;
export const messageItemId = (decisionId: string, outputIndex: number) => `msg_${decisionId}_${outputIndex}`;
export const functionCallItemId = (decisionId: string, outputIndex: number) => `fc_${decisionId}_${outputIndex}`;

export function toResponsesUsage(u: Usage): ResponsesUsage {
  return {
    input_tokens: u.prompt_tokens,
    input_tokens_details: { cached_tokens: u.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: u.completion_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: u.total_tokens,
  };
}

export function statusFor(finish: FinishReason | null): Pick<ResponseObject, 'status' | 'incomplete_details'> {
  if (finish === 'length') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (finish === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

/** The response object with request echoes filled in; output, usage and status set by the caller. */
export function responseShell(ctx: ResponseContext, model: string, status: ResponseStatus): ResponseObject {
  const req = ctx.request;
  return {
    id: responseId(ctx.decisionId),
    object: 'response',
    created_at: ctx.createdAt,
    status,
    error: null,
    incomplete_details: null,
    instructions: req.instructions ?? null,
    max_output_tokens: req.max_output_tokens ?? null,
    model,
    output: [],
    parallel_tool_calls: req.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: req.temperature ?? null,
    text: { format: (req.text?.format as Record<string, unknown> | undefined) ?? { type: 'text' } },
    tool_choice: req.tool_choice ?? 'auto',
    tools: req.tools ?? [],
    top_p: req.top_p ?? null,
    truncation: 'disabled',
    usage: null,
    user: req.user ?? null,
    metadata: req.metadata ?? {},
  };
}

export function completionToResponse(completion: ChatCompletion, ctx: ResponseContext): ResponseObject {
  const choice = completion.choices[0];
  const message = choice.message;
  const output: OutputItem[] = [];
  const itemStatus = choice.finish_reason === 'length' ? 'incomplete' : 'completed';
  if (message.content || message.refusal) {
    const item: MessageOutputItem = {
      type: 'message',
      id: messageItemId(ctx.decisionId, output.length),
      status: itemStatus,
      role: 'assistant',
      content: [],
    };
    if (message.content) item.content.push({ type: 'output_text', text: message.content, annotations: [], logprobs: [] });
    if (message.refusal) item.content.push({ type: 'refusal', refusal: message.refusal });
    output.push(item);
  }
  for (const call of message.tool_calls ?? []) {
    const item: FunctionCallOutputItem = {
      type: 'function_call',
      id: functionCallItemId(ctx.decisionId, output.length),
      call_id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
      status: 'completed',
    };
    output.push(item);
  }
  return {
    ...responseShell(ctx, completion.model, 'completed'),
    ...statusFor(choice.finish_reason),
    output,
    usage: toResponsesUsage(completion.usage),
  };
}
