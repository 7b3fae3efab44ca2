import type { CacheControl, ChatMessage, ChatRequest, ContentPart, ResponseFormat, ThinkingConfig, ToolChoice } from '../../hub';
import type { Endpoint } from '../../catalog';
import { clientFields } from '../fields';
import { type BuildOptions, type UpstreamHttpRequest, type UpstreamTarget, UpstreamError } from '../types';
import { type AnthropicThinkingBlock, historyThinkingBlocks, thinkingFor, thinks } from './thinking';

/** Hub (OpenAI chat) request → Anthropic Messages request. Pure. */

/**
 * The request asks for what Anthropic's format cannot carry: the client's to fix, never the endpoint's
 * failure. Retryable, since an endpoint of another format may accept it.
 */
function unsupported(message: string): UpstreamError {
  return new UpstreamError({ kind: 'bad_request', retryable: true, status: 0, message });
}

export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * Anthropic has no json_schema response format, so Cailos forces a tool whose input schema is the
 * requested schema; its name starts with this prefix so the response side (which never sees the
 * request) can turn that tool's input back into message content.
 */
export const JSON_TOOL_PREFIX = 'cailos_json_';

/** Appended to the system prompt for response_format json_object (Anthropic has no JSON mode). */
export const JSON_OBJECT_INSTRUCTION = 'Respond with exactly one valid JSON object and nothing else: no prose, no code fences.';

const MAX_TOOL_NAME = 64;

/** A prompt-caching breakpoint, forwarded as the client marked it. */
type Cached = { cache_control?: CacheControl };

export type AnthropicTextBlock = { type: 'text'; text: string } & Cached;
export type AnthropicImageBlock = {
  type: 'image';
  source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
} & Cached;
export type AnthropicToolUseBlock = { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> } & Cached;
export type AnthropicToolResultBlock = {
  type: 'tool_result';
  tool_use_id: string;
  content: string | (AnthropicTextBlock | AnthropicImageBlock)[];
} & Cached;
export type AnthropicBlock =
  AnthropicTextBlock | AnthropicImageBlock | AnthropicToolUseBlock | AnthropicToolResultBlock | AnthropicThinkingBlock;

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | AnthropicBlock[];
}

export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  cache_control?: CacheControl;
}

export type AnthropicToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

export interface AnthropicRequestBody {
  model: string;
  messages: AnthropicMessage[];
  max_tokens: number;
  /** Blocks only when a block carries a cache breakpoint; otherwise one string, as before. */
  system?: string | AnthropicTextBlock[];
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
  metadata?: { user_id: string };
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  thinking?: ThinkingConfig;
  output_config?: { format: { type: 'json_schema'; schema: Record<string, unknown> } };
  stream?: true;
}

export function buildAnthropicRequest(req: ChatRequest, target: UpstreamTarget, opts: BuildOptions): UpstreamHttpRequest {
  return {
    url: `${target.baseUrl.replace(/\/+$/, '')}/messages`,
    method: 'POST',
    headers: {
      'x-api-key': target.apiKey,
      'anthropic-version': ANTHROPIC_VERSION,
      'content-type': 'application/json',
    },
    body: JSON.stringify(buildAnthropicBody(req, target, opts)),
  };
}

/**
 * Only fields Anthropic knows are set: it rejects unknown fields, so the hub request's extras
 * (seed, penalties, n, catch-all fields, Cailos routing fields) are deliberately dropped.
 */
export function buildAnthropicBody(req: ChatRequest, target: UpstreamTarget, opts: BuildOptions): AnthropicRequestBody {
  const systemParts: AnthropicTextBlock[][] = [];
  const turns: AnthropicMessage[] = [];
  for (const msg of req.messages) {
    if (msg.role === 'system' || msg.role === 'developer') {
      systemParts.push(systemBlocks(msg));
      continue;
    }
    const converted = convertMessage(msg);
    if (converted) appendMerging(turns, converted);
  }

  const thinking = thinkingFor(req.thinking, target.endpoint.capabilities);
  // A thinking model may not be forced to call a tool: structured output then uses Anthropic's native JSON outputs.
  const nativeJson = thinks(thinking) && req.response_format?.type === 'json_schema';
  const jsonTool = nativeJson ? undefined : jsonSchemaTool(req.response_format);
  if (req.response_format?.type === 'json_object') systemParts.push([{ type: 'text', text: JSON_OBJECT_INSTRUCTION }]);

  const endpointMax = target.endpoint.maxOutputTokens;
  const requested = req.max_completion_tokens ?? req.max_tokens ?? endpointMax;
  const body: AnthropicRequestBody = {
    model: target.endpoint.model,
    messages: turns.map(collapseSingleText),
    max_tokens: Math.min(requested, endpointMax),
  };
  const system = systemField(systemParts);
  if (system !== undefined) body.system = system;
  if (thinking) body.thinking = thinking;
  if (nativeJson && req.response_format?.type === 'json_schema') {
    body.output_config = { format: { type: 'json_schema', schema: req.response_format.json_schema.schema ?? { type: 'object' } } };
  }
  // Thinking is incompatible with a changed temperature or top_p (Anthropic refuses the request).
  if (req.temperature != null && !thinks(thinking)) {
    // OpenAI accepts 0–2, Anthropic 0–1: values above 1 are clamped to Anthropic's most random setting.
    body.temperature = Math.min(req.temperature, 1);
  }
  // Recent Claude models reject temperature and top_p together; temperature is the more common knob.
  if (req.top_p != null && body.temperature === undefined && !thinks(thinking)) body.top_p = req.top_p;
  if (req.stop != null) {
    const stops = (typeof req.stop === 'string' ? [req.stop] : req.stop).filter((s) => s.length > 0);
    if (stops.length > 0) body.stop_sequences = stops;
  }
  if (req.user) body.metadata = { user_id: req.user };

  const tools: AnthropicTool[] = (req.tools ?? []).map((t) => ({
    name: t.function.name,
    ...(t.function.description ? { description: t.function.description } : {}),
    input_schema: t.function.parameters ?? { type: 'object', properties: {} },
    ...cached(t.cache_control),
  }));
  if (jsonTool) tools.push(jsonTool);
  if (tools.length > 0) body.tools = tools;
  const choice = toolChoice(req.tool_choice, req.parallel_tool_calls, jsonTool, (req.tools ?? []).length > 0);
  if (choice && tools.length > 0) body.tool_choice = choice;

  if (opts.stream) body.stream = true;
  return body;
}

function jsonSchemaTool(format: ResponseFormat | undefined): AnthropicTool | undefined {
  if (format?.type !== 'json_schema') return undefined;
  const safeName = format.json_schema.name.replace(/[^a-zA-Z0-9_-]/g, '_') || 'response';
  const schema = format.json_schema.schema ?? { type: 'object' };
  return {
    name: `${JSON_TOOL_PREFIX}${safeName}`.slice(0, MAX_TOOL_NAME),
    description:
      format.json_schema.description ??
      'Return the final answer by calling this tool; its input is the answer as JSON matching the schema.',
    input_schema: schema,
  };
}

/**
 * With a json_schema forced tool, the client's own tools can still be called unless it asked for
 * none: 'any' lets the model pick a client tool or the JSON answer; a named choice is honoured.
 */
function toolChoice(
  choice: ToolChoice | undefined,
  parallel: boolean | undefined,
  jsonTool: AnthropicTool | undefined,
  hasClientTools: boolean,
): AnthropicToolChoice | undefined {
  const noParallel = parallel === false ? { disable_parallel_tool_use: true } : {};
  if (jsonTool) {
    if (typeof choice === 'object') return { type: 'tool', name: choice.function.name, ...noParallel };
    if (!hasClientTools || choice === 'none') return { type: 'tool', name: jsonTool.name, ...noParallel };
    return { type: 'any', ...noParallel };
  }
  if (choice === undefined) return parallel === false ? { type: 'auto', ...noParallel } : undefined;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...noParallel };
  if (choice === 'required') return { type: 'any', ...noParallel };
  return { type: 'tool', name: choice.function.name, ...noParallel };
}

const cached = (cc: CacheControl | undefined): Cached => (cc ? { cache_control: cc } : {});

/** One system or developer message as text blocks, its message-level breakpoint on the last non-empty one. */
function systemBlocks(msg: Extract<ChatMessage, { role: 'system' | 'developer' }>): AnthropicTextBlock[] {
  const parts: ContentPart[] = typeof msg.content === 'string' ? [{ type: 'text', text: msg.content }] : msg.content;
  const blocks: AnthropicTextBlock[] = parts.map((part) => {
    if (part.type !== 'text') throw unsupported('system and developer messages may only contain text parts');
    return { type: 'text', text: part.text, ...cached(part.cache_control) };
  });
  const last = blocks.findLastIndex((b) => b.text);
  if (msg.cache_control && last >= 0) blocks[last] = { ...blocks[last], cache_control: msg.cache_control };
  return blocks;
}

/**
 * The system prompt, or undefined when empty: one string (messages joined by a blank line, parts by a
 * newline) unless a block carries a cache breakpoint, which only the block form can hold (empty
 * blocks left out: Anthropic refuses them).
 */
function systemField(messages: AnthropicTextBlock[][]): string | AnthropicTextBlock[] | undefined {
  const blocks = messages.flat().filter((b) => b.text);
  if (blocks.some((b) => b.cache_control)) return blocks;
  const text = messages
    .map((m) => m.map((b) => b.text).join('\n'))
    .filter((t) => t)
    .join('\n\n');
  return text || undefined;
}

/** A message-level breakpoint lands on the message's last block that can carry one (never a thinking block). */
function markLast<B extends AnthropicBlock>(blocks: B[], cc: CacheControl | undefined): B[] {
  if (!cc) return blocks;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.type === 'thinking' || b.type === 'redacted_thinking') continue;
    blocks[i] = { ...b, cache_control: cc };
    break;
  }
  return blocks;
}

type NonSystemMessage = Exclude<ChatMessage, { role: 'system' } | { role: 'developer' }>;

function convertMessage(msg: NonSystemMessage): AnthropicMessage | undefined {
  if (msg.role === 'user') {
    const blocks = markLast(contentBlocks(msg.content), msg.cache_control);
    return blocks.length > 0 ? { role: 'user', content: blocks } : undefined;
  }
  if (msg.role === 'tool') {
    // A breakpoint inside the result (or on the message) marks the tool_result block.
    const partCache = typeof msg.content === 'string' ? undefined : msg.content.findLast((p) => p.cache_control)?.cache_control;
    const result: AnthropicToolResultBlock = {
      type: 'tool_result',
      tool_use_id: msg.tool_call_id,
      content: toolResultContent(msg.content),
      ...cached(msg.cache_control ?? partCache),
    };
    return { role: 'user', content: [result] };
  }
  // Thinking blocks come first: Anthropic requires an assistant turn to open with its thinking.
  const blocks: AnthropicBlock[] = historyThinkingBlocks(msg.thinking_blocks);
  if (msg.content != null) blocks.push(...contentBlocks(msg.content));
  for (const call of msg.tool_calls ?? []) {
    blocks.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: parseToolArguments(call.function.name, call.function.arguments),
    });
  }
  return blocks.length > 0 ? { role: 'assistant', content: markLast(blocks, msg.cache_control) } : undefined;
}

/** The client sent these arguments: a request error, not the endpoint's. */
function parseToolArguments(name: string, args: string): Record<string, unknown> {
  // Some clients send "" for a call without arguments; that means an empty object, not bad JSON.
  if (args.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(args);
  } catch {
    throw unsupported(`assistant tool call "${name}" has arguments that are not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw unsupported(`assistant tool call "${name}" arguments must be a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function contentBlocks(content: string | ContentPart[]): (AnthropicTextBlock | AnthropicImageBlock)[] {
  // Anthropic rejects empty text blocks, and they carry nothing.
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  const blocks: (AnthropicTextBlock | AnthropicImageBlock)[] = [];
  for (const part of content) {
    if (part.type === 'text') {
      if (part.text) blocks.push({ type: 'text', text: part.text, ...cached(part.cache_control) });
    } else {
      blocks.push({ ...imageBlock(part.image_url.url), ...cached(part.cache_control) });
    }
  }
  return blocks;
}

function toolResultContent(content: string | ContentPart[]): AnthropicToolResultBlock['content'] {
  if (typeof content === 'string') return content;
  if (content.every((p) => p.type === 'text')) return content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  // The breakpoint is on the tool_result block itself (convertMessage).
  return contentBlocks(content).map(({ cache_control: _, ...b }) => b);
}

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,(.+)$/is;

function imageBlock(url: string): AnthropicImageBlock {
  const data = DATA_URL.exec(url);
  if (data) return { type: 'image', source: { type: 'base64', media_type: data[1].toLowerCase(), data: data[2] } };
  if (/^https:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw unsupported('image_url must be an https URL or a base64 data URL');
}

/** Anthropic wants alternating roles: consecutive same-role turns (e.g. several tool results) merge. */
function appendMerging(turns: AnthropicMessage[], next: AnthropicMessage): void {
  const last = turns[turns.length - 1];
  if (last && last.role === next.role) {
    last.content = [...(last.content as AnthropicBlock[]), ...(next.content as AnthropicBlock[])];
  } else {
    turns.push(next);
  }
}

function collapseSingleText(msg: AnthropicMessage): AnthropicMessage {
  const c = msg.content;
  if (Array.isArray(c) && c.length === 1 && c[0].type === 'text' && !c[0].cache_control) return { role: msg.role, content: c[0].text };
  return msg;
}

/** The hub parameters buildAnthropicBody translates (some only in the cases anthropicDroppedParams spells out). */
export const ANTHROPIC_PARAMS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'user',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'thinking',
  'stream',
  'stream_options',
  // Must be 1 (the hub schema), which is what Anthropic answers.
  'n',
]);

/** The client's fields this endpoint does not receive, mirroring buildAnthropicBody. */
export function anthropicDroppedParams(req: ChatRequest, endpoint: Endpoint): string[] {
  const thinking = thinkingFor(req.thinking, endpoint.capabilities);
  const thinkingOn = thinks(thinking);
  return clientFields(req).filter((k) => {
    if (!ANTHROPIC_PARAMS.has(k)) return true;
    if (k === 'thinking') return thinking === undefined;
    if (k === 'temperature') return thinkingOn;
    // Recent Claude models refuse temperature and top_p together: temperature is kept.
    if (k === 'top_p') return thinkingOn || req.temperature != null;
    return false;
  });
}
