import { toChatRequest, type ChatMessage, type ChatRequest, type ContentPart, ApiError, badRequest, type ToolCall, echo } from '../../hub';
import type { ResponsesContentPart, ResponsesInputItem, ResponsesRequest } from './schema';

/**
 * Responses API request → hub ChatRequest. Pure.
 *
 * Cailos never stores prompt or response text, so everything that needs server-side state is
 * refused with a 400 that says so: previous_response_id, conversation, store:true, background.
 * `store` omitted or false is accepted (nothing is stored either way). item_reference items are
 * resolved before translation from their self-contained ids (item-references.ts); one left here is refused.
 */

const NO_STATE =
  'Cailos never stores prompt or response text, so it cannot keep responses between requests. Send the whole conversation in `input` (the OpenAI Agents SDK does this by default).';

function refuse(message: string, param: string, code: string): ApiError {
  return new ApiError(400, { message, param, code });
}

function refuseStatefulFields(body: ResponsesRequest): void {
  if (body.previous_response_id)
    throw refuse(`previous_response_id is not supported. ${NO_STATE}`, 'previous_response_id', 'previous_response_id_unsupported');
  if (body.conversation !== undefined && body.conversation !== null)
    throw refuse(`conversation is not supported. ${NO_STATE}`, 'conversation', 'conversation_unsupported');
  if (body.store === true)
    throw refuse(`store: true is not supported; send store: false or omit it. ${NO_STATE}`, 'store', 'store_unsupported');
  if (body.background === true)
    throw refuse(
      `background: true is not supported: background responses must be stored. ${NO_STATE}`,
      'background',
      'background_unsupported',
    );
  if (body.prompt !== undefined && body.prompt !== null)
    throw refuse(
      'prompt templates are stored on OpenAI and are not supported: send instructions and input instead.',
      'prompt',
      'prompt_unsupported',
    );
}

function contentPart(part: ResponsesContentPart, param: string): ContentPart {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    case 'refusal':
      return { type: 'text', text: part.refusal };
    case 'input_image':
      if (!part.image_url)
        throw badRequest(
          'input_image needs image_url (an https URL or a base64 data URL); file_id refers to OpenAI file storage and is not supported.',
          param,
          'unsupported_content',
        );
      return { type: 'image_url', image_url: { url: part.image_url, ...(part.detail ? { detail: part.detail } : {}) } };
    case 'input_file':
      throw badRequest('input_file is not supported: send the file text as input_text.', param, 'unsupported_content');
  }
}

function contentOf(content: string | ResponsesContentPart[], param: string): string | ContentPart[] {
  if (typeof content === 'string') return content;
  return content.map((p, i) => contentPart(p, `${param}[${i}]`));
}

/** Assistant history becomes plain text: the hub's assistant messages carry text and tool calls. */
function assistantText(content: string | ResponsesContentPart[], param: string): { text: string | null; refusal?: string } {
  if (typeof content === 'string') return { text: content };
  const texts: string[] = [];
  const refusals: string[] = [];
  content.forEach((p, i) => {
    if (p.type === 'output_text' || p.type === 'input_text') texts.push(p.text);
    else if (p.type === 'refusal') refusals.push(p.refusal);
    else
      throw badRequest(
        `assistant messages may contain only output_text and refusal parts, got ${p.type}`,
        `${param}[${i}]`,
        'unsupported_content',
      );
  });
  return { text: texts.length ? texts.join('') : null, ...(refusals.length ? { refusal: refusals.join('') } : {}) };
}

function inputMessages(input: ResponsesRequest['input']): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const messages: ChatMessage[] = [];
  input.forEach((item: ResponsesInputItem, i) => {
    const param = `input[${i}]`;
    if ('role' in item && (item.type === undefined || item.type === 'message')) {
      const msg = item as Extract<ResponsesInputItem, { role: string }>;
      if (msg.role === 'assistant') {
        const { text, refusal } = assistantText(msg.content, `${param}.content`);
        messages.push({ role: 'assistant', content: text, ...(refusal ? { refusal } : {}) });
      } else {
        messages.push({ role: msg.role, content: contentOf(msg.content, `${param}.content`) });
      }
      return;
    }
    switch (item.type) {
      case 'function_call': {
        const call = item as Extract<ResponsesInputItem, { type: 'function_call' }>;
        const toolCall: ToolCall = { id: call.call_id, type: 'function', function: { name: call.name, arguments: call.arguments } };
        // Parallel calls arrive as consecutive items; the hub format groups them on one assistant turn.
        const last = messages[messages.length - 1];
        if (last?.role === 'assistant') last.tool_calls = [...(last.tool_calls ?? []), toolCall];
        else messages.push({ role: 'assistant', content: null, tool_calls: [toolCall] });
        return;
      }
      case 'function_call_output': {
        const out = item as Extract<ResponsesInputItem, { type: 'function_call_output' }>;
        messages.push({ role: 'tool', tool_call_id: out.call_id, content: contentOf(out.output, `${param}.output`) });
        return;
      }
      case 'reasoning':
        // Provider-specific and often encrypted: it cannot be replayed to another provider.
        return;
      case 'item_reference':
        throw refuse(`item_reference is not supported. ${NO_STATE}`, param, 'item_reference_unsupported');
      default:
        throw badRequest(
          `input item type '${echo(item.type)}' is not supported: Cailos accepts messages, function_call and function_call_output items (built-in OpenAI tools are not available through the gateway).`,
          param,
          'unsupported_input_item',
        );
    }
  });
  return messages;
}

function tools(body: ResponsesRequest): ChatRequest['tools'] {
  if (!body.tools?.length) return undefined;
  return body.tools.map((t, i) => {
    if (t.type !== 'function') {
      throw badRequest(
        `tool type '${echo(t.type)}' is not supported: only function tools work through the gateway.`,
        `tools[${i}]`,
        'unsupported_tool',
      );
    }
    const fn = t as { name: string; description?: string | null; parameters?: Record<string, unknown> | null; strict?: boolean | null };
    return {
      type: 'function' as const,
      function: {
        name: fn.name,
        ...(fn.description ? { description: fn.description } : {}),
        ...(fn.parameters ? { parameters: fn.parameters } : {}),
        ...(fn.strict !== undefined && fn.strict !== null ? { strict: fn.strict } : {}),
      },
    };
  });
}

function toolChoice(choice: ResponsesRequest['tool_choice']): ChatRequest['tool_choice'] {
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === 'string') return choice;
  if (choice.type === 'function' && typeof choice.name === 'string') return { type: 'function', function: { name: choice.name } };
  throw badRequest(
    `tool_choice of type '${echo(choice.type)}' is not supported: use none, auto, required or {type: "function", name}.`,
    'tool_choice',
    'unsupported_tool_choice',
  );
}

function responseFormat(body: ResponsesRequest): ChatRequest['response_format'] {
  const format = body.text?.format;
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json_object' };
  const f = format as { name: string; schema: Record<string, unknown>; description?: string | null; strict?: boolean | null };
  return {
    type: 'json_schema',
    json_schema: {
      name: f.name,
      schema: f.schema,
      ...(f.description ? { description: f.description } : {}),
      ...(f.strict !== undefined && f.strict !== null ? { strict: f.strict } : {}),
    },
  };
}

export function responsesToChatRequest(body: ResponsesRequest): ChatRequest {
  refuseStatefulFields(body);
  const messages: ChatMessage[] = [];
  if (body.instructions) messages.push({ role: 'system', content: body.instructions });
  messages.push(...inputMessages(body.input));
  if (messages.length === 0) throw badRequest('input must contain at least one message or item.', 'input', 'empty_input');

  const candidate: Record<string, unknown> = {
    model: body.model,
    messages,
    tools: tools(body),
    tool_choice: toolChoice(body.tool_choice),
    parallel_tool_calls: body.parallel_tool_calls ?? undefined,
    response_format: responseFormat(body),
    max_completion_tokens: body.max_output_tokens ?? undefined,
    temperature: body.temperature ?? undefined,
    top_p: body.top_p ?? undefined,
    user: body.user ?? undefined,
    stream: body.stream === true,
    trust_level: body.trust_level,
    routing: body.routing,
    // OpenRouter's routing fields, validated by the chat schema.
    models: body.models,
    route: body.route,
    provider: body.provider,
  };
  return toChatRequest(candidate);
}
