import {
  toChatRequest,
  type CacheControl,
  type ChatMessage,
  type ChatRequest,
  type ContentPart,
  badRequest,
  type ThinkingBlock,
  type ToolCall,
  echo,
} from '../../hub';
import { checkCacheBreakpoints, checkThinking, structuredOutput } from './request-checks';
import type { AnthropicBlockIn, CountTokensRequest } from './schema';

/**
 * Anthropic Messages request → hub ChatRequest. Pure.
 * `cache_control` breakpoints ride on the hub's parts, messages (a message-level breakpoint marks its
 * last block) and tools; thinking blocks of earlier assistant turns become `thinking_blocks`; both
 * reach Anthropic endpoints only. `thinking` is carried as is; `output_config.format` becomes a
 * json_schema response_format. `top_k` and `output_config.effort` are accepted and not forwarded.
 */

type Block = AnthropicBlockIn;

const cacheOf = (block: object): CacheControl | undefined => (block as { cache_control?: CacheControl | null }).cache_control ?? undefined;
const withCache = <T extends object>(x: T, cc: CacheControl | undefined): T => (cc ? { ...x, cache_control: cc } : x);

function imagePart(block: Extract<Block, { type: 'image' }>): ContentPart {
  const source = block.source as { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
  const url = source.type === 'base64' ? `data:${source.media_type};base64,${source.data}` : source.url;
  return withCache({ type: 'image_url', image_url: { url } }, cacheOf(block));
}

function contentPart(block: Block, param: string): ContentPart | null {
  switch (block.type) {
    case 'text':
      return withCache<ContentPart>({ type: 'text', text: (block as { text: string }).text }, cacheOf(block));
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

/** Collapse a text-only part list without breakpoints to a string, which every provider adapter accepts. */
function simplify(parts: ContentPart[]): string | ContentPart[] {
  if (parts.some((p) => p.cache_control)) return parts;
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
      out.push(withCache({ role: 'tool', tool_call_id: result.tool_use_id, content: toolResultContent(result, p) }, cacheOf(result)));
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

/**
 * Text and tool_use blocks, plus the turn's thinking blocks (kept verbatim for Anthropic endpoints).
 * A breakpoint on any block becomes the message's, which marks its last block upstream.
 */
function assistantMessage(content: string | Block[], param: string): ChatMessage | null {
  if (typeof content === 'string') return { role: 'assistant', content };
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  const thinking: ThinkingBlock[] = [];
  let cache: CacheControl | undefined;
  content.forEach((block, i) => {
    const p = `${param}[${i}]`;
    cache = cacheOf(block) ?? cache;
    if (block.type === 'tool_use') {
      const use = block as Extract<Block, { type: 'tool_use' }>;
      toolCalls.push({ id: use.id, type: 'function', function: { name: use.name, arguments: JSON.stringify(use.input) } });
    } else if (block.type === 'text') {
      texts.push((block as { text: string }).text);
    } else if (block.type === 'thinking') {
      const t = block as { thinking: string; signature: string };
      thinking.push({ type: 'thinking', thinking: t.thinking, signature: t.signature });
    } else if (block.type === 'redacted_thinking') {
      thinking.push({ type: 'redacted_thinking', data: (block as { data: string }).data });
    } else {
      throw badRequest(`assistant messages may contain text and tool_use blocks, got '${echo(block.type)}'.`, p, 'unsupported_content');
    }
  });
  if (texts.length === 0 && toolCalls.length === 0) return null;
  return withCache<ChatMessage>(
    {
      role: 'assistant',
      content: texts.length ? texts.join('') : null,
      ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
      ...(thinking.length ? { thinking_blocks: thinking } : {}),
    },
    cache,
  );
}

function tools(body: CountTokensRequest): ChatRequest['tools'] {
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
    const tool = {
      type: 'function' as const,
      function: { name: custom.name, ...(custom.description ? { description: custom.description } : {}), parameters: custom.input_schema },
    };
    return withCache(tool, cacheOf(t));
  });
}

function toolChoice(choice: CountTokensRequest['tool_choice']): Pick<ChatRequest, 'tool_choice' | 'parallel_tool_calls'> {
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

/** The system prompt: a string, or text parts when a block carries a cache breakpoint. */
function systemMessage(system: CountTokensRequest['system']): ChatMessage | null {
  if (system === undefined) return null;
  if (typeof system !== 'string' && system.some((b) => cacheOf(b))) {
    return { role: 'system', content: system.map((b) => withCache({ type: 'text' as const, text: b.text }, cacheOf(b))) };
  }
  const text = typeof system === 'string' ? system : system.map((b) => b.text).join('\n');
  return text ? { role: 'system', content: text } : null;
}

/** `max_tokens` is optional only for count_tokens, which shares this translation. */
export function messagesToChatRequest(body: CountTokensRequest): ChatRequest {
  if ((body.stop_sequences?.length ?? 0) > MAX_STOP_SEQUENCES) {
    throw badRequest(
      `stop_sequences may hold at most ${MAX_STOP_SEQUENCES} entries through the gateway.`,
      'stop_sequences',
      'too_many_stop_sequences',
    );
  }
  checkCacheBreakpoints(body);
  checkThinking(body);
  const messages: ChatMessage[] = [];
  const system = systemMessage(body.system);
  if (system) messages.push(system);
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
    thinking: body.thinking,
    response_format: structuredOutput(body),
    trust_level: body.trust_level,
    routing: body.routing,
    // OpenRouter's routing fields mean here what they mean on chat completions; the chat schema validates them.
    models: body.models,
    route: body.route,
    provider: body.provider,
  };
  return toChatRequest(candidate);
}
