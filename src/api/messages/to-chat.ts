import { toChatRequest, type ChatMessage, type ChatRequest, type ContentPart, badRequest, type ToolCall, echo } from '../../hub';
import type { AnthropicBlockIn, MessagesRequest } from './schema';

/**
 * Anthropic Messages request → hub ChatRequest. Pure.
 * thinking / redacted_thinking blocks in the history are dropped (provider-specific signatures that
 * no other provider can verify); `thinking` and `top_k` in the request are accepted and not
 * forwarded, since the hub format has no equivalent.
 */

type Block = AnthropicBlockIn;

function imagePart(block: Extract<Block, { type: 'image' }>): ContentPart {
  const source = block.source as { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
  const url = source.type === 'base64' ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: 'image_url', image_url: { url } };
}

function contentPart(block: Block, param: string): ContentPart | null {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: (block as { text: string }).text };
    case 'image':
      return imagePart(block as Extract<Block, { type: 'image' }>);
    case 'thinking':
    case 'redacted_thinking':
      return null;
    default:
      throw badRequest(
        `content block type '${echo(block.type)}' is not supported here: Cailos accepts text, image, tool_use (assistant) and tool_result (user) blocks.`,
        param,
        'unsupported_content',
      );
  }
}

function toolResultContent(block: Extract<Block, { type: 'tool_result' }>, param: string): string | ContentPart[] {
  const content = block.content ?? '';
  const prefix = block.is_error ? 'Error: ' : '';
  if (typeof content === 'string') return prefix + content;
  const parts = content.map((b, i) => contentPart(b as Block, `${param}.content[${i}]`)).filter((p): p is ContentPart => p !== null);
  if (prefix) parts.unshift({ type: 'text', text: prefix });
  return parts;
}

/** Collapse a text-only part list to a string, which every provider adapter accepts. */
function simplify(parts: ContentPart[]): string | ContentPart[] {
  return parts.every((p) => p.type === 'text') ? parts.map((p) => (p as { text: string }).text).join('\n') : parts;
}

function userMessages(content: string | Block[], param: string): ChatMessage[] {
  if (typeof content === 'string') return [{ role: 'user', content }];
  // Tool results answer the previous assistant turn, so they come first, as tool messages.
  const out: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  content.forEach((block, i) => {
    const p = `${param}[${i}]`;
    if (block.type === 'tool_result') {
      const result = block as Extract<Block, { type: 'tool_result' }>;
      out.push({ role: 'tool', tool_call_id: result.tool_use_id, content: toolResultContent(result, p) });
    } else if (block.type === 'tool_use') {
      throw badRequest('tool_use blocks belong in assistant messages.', p, 'unsupported_content');
    } else {
      const part = contentPart(block, p);
      if (part) parts.push(part);
    }
  });
  if (parts.length > 0) out.push({ role: 'user', content: simplify(parts) });
  return out;
}

function assistantMessage(content: string | Block[], param: string): ChatMessage | null {
  if (typeof content === 'string') return { role: 'assistant', content };
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  content.forEach((block, i) => {
    const p = `${param}[${i}]`;
    if (block.type === 'tool_use') {
      const use = block as Extract<Block, { type: 'tool_use' }>;
      toolCalls.push({ id: use.id, type: 'function', function: { name: use.name, arguments: JSON.stringify(use.input) } });
    } else if (block.type === 'text') {
      texts.push((block as { text: string }).text);
    } else if (block.type !== 'thinking' && block.type !== 'redacted_thinking') {
      throw badRequest(`assistant messages may contain text and tool_use blocks, got '${echo(block.type)}'.`, p, 'unsupported_content');
    }
  });
  if (texts.length === 0 && toolCalls.length === 0) return null;
  return { role: 'assistant', content: texts.length ? texts.join('') : null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) };
}

function tools(body: MessagesRequest): ChatRequest['tools'] {
  if (!body.tools?.length) return undefined;
  return body.tools.map((t, i) => {
    if (t.type !== undefined && t.type !== 'custom') {
      throw badRequest(
        `tool type '${echo(t.type)}' is not supported: Anthropic server tools run on Anthropic; only custom tools (name, description, input_schema) work through the gateway.`,
        `tools[${i}]`,
        'unsupported_tool',
      );
    }
    const custom = t as { name: string; description?: string; input_schema: Record<string, unknown> };
    return {
      type: 'function' as const,
      function: { name: custom.name, ...(custom.description ? { description: custom.description } : {}), parameters: custom.input_schema },
    };
  });
}

function toolChoice(choice: MessagesRequest['tool_choice']): Pick<ChatRequest, 'tool_choice' | 'parallel_tool_calls'> {
  if (!choice) return {};
  const parallel = 'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true ? { parallel_tool_calls: false } : {};
  switch (choice.type) {
    case 'auto':
      return { tool_choice: 'auto', ...parallel };
    case 'any':
      return { tool_choice: 'required', ...parallel };
    case 'none':
      return { tool_choice: 'none' };
    case 'tool':
      return { tool_choice: { type: 'function', function: { name: (choice as { name: string }).name } }, ...parallel };
  }
}

/** The hub forwards at most 4 stop sequences (OpenAI's limit, shared by every wire format). */
const MAX_STOP_SEQUENCES = 4;

export function messagesToChatRequest(body: MessagesRequest): ChatRequest {
  if ((body.stop_sequences?.length ?? 0) > MAX_STOP_SEQUENCES) {
    throw badRequest(
      `stop_sequences may hold at most ${MAX_STOP_SEQUENCES} entries through the gateway.`,
      'stop_sequences',
      'too_many_stop_sequences',
    );
  }
  const messages: ChatMessage[] = [];
  if (body.system !== undefined) {
    const system = typeof body.system === 'string' ? body.system : body.system.map((b) => b.text).join('\n');
    if (system) messages.push({ role: 'system', content: system });
  }
  body.messages.forEach((msg, i) => {
    const param = `messages[${i}].content`;
    if (msg.role === 'user') messages.push(...userMessages(msg.content as string | Block[], param));
    else {
      const assistant = assistantMessage(msg.content as string | Block[], param);
      if (assistant) messages.push(assistant);
    }
  });

  const candidate: Record<string, unknown> = {
    model: body.model,
    messages,
    max_tokens: body.max_tokens,
    stop: body.stop_sequences?.length ? body.stop_sequences : undefined,
    temperature: body.temperature,
    top_p: body.top_p,
    tools: tools(body),
    ...toolChoice(body.tool_choice),
    user: body.metadata?.user_id ?? undefined,
    stream: body.stream === true,
    trust_level: body.trust_level,
    routing: body.routing,
  };
  return toChatRequest(candidate);
}
