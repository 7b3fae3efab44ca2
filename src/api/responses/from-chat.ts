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
/**
 * The plain form of those item ids: what a stream's events name an item by, and what an item too large
 * to seal keeps. The route replaces it by the sealed id (item-ids.ts) wherever the whole item is known.
 */
export const PLAIN_ITEM_ID = /^(?:msg|fc)_[A-Za-z0-9]{8,64}_\d+$/;

export function toResponsesUsage(u: Usage): ResponsesUsage {
  const usage: ResponsesUsage = {
    input_tokens: u.prompt_tokens,
    input_tokens_details: {
      cached_tokens: u.prompt_tokens_details?.cached_tokens ?? 0,
      cache_write_tokens: u.prompt_tokens_details?.cache_creation_tokens ?? 0,
    },
    output_tokens: u.completion_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: u.total_tokens,
  };
  if (u.cost !== undefined) usage.cost = u.cost;
  return usage;
}

/**
 * The request's tools as the response object echoes them. OpenAI's schema requires a function tool's
 * `parameters` and `strict` (both nullable): null says the client set none, so none was enforced.
 */
export function echoTools(tools: ResponsesRequest['tools']): unknown[] {
  return (tools ?? []).map((tool) => {
    if (tool.type !== 'function') return tool;
    const fn = tool as { parameters?: unknown; strict?: boolean | null };
    return { ...tool, parameters: fn.parameters ?? null, strict: fn.strict ?? null };
  });
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
    tools: echoTools(req.tools),
    top_p: req.top_p ?? null,
    truncation: 'disabled',
    // OpenAI's schema types `usage` and `user` as non-null: absent until known or when not sent.
    ...(req.user ? { user: req.user } : {}),
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
