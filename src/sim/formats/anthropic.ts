import type { FinishReason } from '../../hub';
import { JSON_OBJECT_INSTRUCTION } from '../../providers';
import type { SimErrorKind, SimFormat, SimHttpError, SimRequestView, SimToolSpec, SimTurn } from '../types';
import { fnv1a } from '../../lib';

/**
 * SIMULATION. Speaks Anthropic's Messages API: parses native requests into the neutral view and
 * renders neutral turns as native JSON, SSE frames and errors, so the real adapter is exercised.
 */

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(message: string): never {
  throw new Error(`invalid Anthropic request: ${message}`);
}

/** Text of a `system` field: a string or an array of text blocks. */
function systemText(system: unknown): string {
  if (system === undefined) return '';
  if (typeof system === 'string') return system;
  if (Array.isArray(system)) return system.map((b) => (isRecord(b) && typeof b.text === 'string' ? b.text : '')).join('\n');
  return invalid('system must be a string or an array of text blocks');
}

interface MessageScan {
  texts: string[];
  toolResultTexts: string[];
  images: number;
}

function scanBlocks(content: unknown): MessageScan {
  const scan: MessageScan = { texts: [], toolResultTexts: [], images: 0 };
  if (typeof content === 'string') {
    scan.texts.push(content);
    return scan;
  }
  if (!Array.isArray(content)) invalid('message content must be a string or an array of blocks');
  for (const block of content) {
    if (!isRecord(block) || typeof block.type !== 'string') invalid('content block without a type');
    if (block.type === 'text') scan.texts.push(String(block.text ?? ''));
    else if (block.type === 'image') scan.images++;
    else if (block.type === 'tool_use') scan.texts.push(JSON.stringify(block.input ?? {}));
    else if (block.type === 'tool_result') {
      if (typeof block.tool_use_id !== 'string') invalid('tool_result without tool_use_id');
      const inner = scanBlocks(block.content ?? '');
      scan.toolResultTexts.push(inner.texts.join('\n'));
      scan.images += inner.images;
    }
  }
  return scan;
}

function toolChoiceOf(raw: unknown): SimRequestView['toolChoice'] {
  if (!isRecord(raw)) return 'auto';
  if (raw.type === 'none') return 'none';
  if (raw.type === 'any') return 'required';
  if (raw.type === 'tool' && typeof raw.name === 'string') return { name: raw.name };
  return 'auto';
}

function parseRequest(body: unknown): SimRequestView {
  if (!isRecord(body)) invalid('body must be a JSON object');
  if (typeof body.model !== 'string' || !body.model) invalid('model is required');
  if (typeof body.max_tokens !== 'number' || body.max_tokens < 1) invalid('max_tokens is required');
  if (!Array.isArray(body.messages) || body.messages.length === 0) invalid('messages must be a non-empty array');

  const system = systemText(body.system);
  const allText: string[] = system ? [system] : [];
  let lastUserText = '';
  let imageCount = 0;
  let last: { role: string; scan: MessageScan } | undefined;
  const calledToolNames: string[] = [];
  for (const msg of body.messages) {
    if (!isRecord(msg) || (msg.role !== 'user' && msg.role !== 'assistant')) invalid('message role must be user or assistant');
    const scan = scanBlocks(msg.content);
    imageCount += scan.images;
    allText.push(...scan.texts, ...scan.toolResultTexts);
    if (msg.role === 'user' && scan.texts.length > 0) {
      lastUserText = scan.texts.join('\n');
      calledToolNames.length = 0;
    }
    if (msg.role === 'assistant' && Array.isArray(msg.content)) {
      for (const block of msg.content)
        if (isRecord(block) && block.type === 'tool_use' && typeof block.name === 'string') calledToolNames.push(block.name);
    }
    last = { role: msg.role, scan };
  }
  const lastIsToolResult = last?.role === 'user' && last.scan.toolResultTexts.length > 0;

  const tools: SimToolSpec[] = [];
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) invalid('tools must be an array');
    for (const t of body.tools) {
      if (!isRecord(t) || typeof t.name !== 'string') invalid('tool without a name');
      if (!isRecord(t.input_schema)) invalid(`tool ${t.name} has no input_schema`);
      tools.push({
        name: t.name,
        ...(typeof t.description === 'string' ? { description: t.description } : {}),
        parameters: t.input_schema,
      });
    }
  }
  const toolChoice = toolChoiceOf(body.tool_choice);
  if (typeof toolChoice === 'object' && !tools.some((t) => t.name === toolChoice.name)) {
    invalid(`tool_choice names unknown tool ${toolChoice.name}`);
  }

  const view: SimRequestView = {
    model: body.model,
    stream: body.stream === true,
    // Anthropic streams always report usage.
    includeUsage: true,
    allText: allText.join('\n'),
    lastUserText,
    lastIsToolResult,
    toolResultText: lastIsToolResult && last ? last.scan.toolResultTexts.join('\n') : '',
    calledToolNames,
    tools,
    toolChoice,
    parallelToolCalls: !(isRecord(body.tool_choice) && body.tool_choice.disable_parallel_tool_use === true),
    imageCount,
    maxTokens: body.max_tokens,
  };
  // Anthropic has no JSON mode; a model that follows the gateway's JSON instruction answers in JSON.
  if (system.includes(JSON_OBJECT_INSTRUCTION)) view.jsonSchema = {};
  if (Array.isArray(body.stop_sequences)) view.stop = body.stop_sequences.filter((s): s is string => typeof s === 'string');
  return view;
}

const STOP_REASON: Record<FinishReason, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
};

/** Deterministic message id, so identical turns render identically (tests compare frames). */
function messageId(turn: SimTurn): string {
  const seed = `${turn.text}|${turn.toolCalls.map((c) => c.id).join(',')}`;
  return `msg_sim_${fnv1a(seed).toString(16).padStart(8, '0')}`;
}

function nativeUsage(turn: SimTurn) {
  const cached = turn.usage.cachedTokens ?? 0;
  return {
    input_tokens: Math.max(0, turn.usage.promptTokens - cached),
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
    output_tokens: turn.usage.completionTokens,
  };
}

function toolInput(args: string): unknown {
  try {
    return JSON.parse(args || '{}');
  } catch {
    return {};
  }
}

function renderResponse(turn: SimTurn, model: string): unknown {
  const content: Json[] = [];
  if (turn.text) content.push({ type: 'text', text: turn.text });
  for (const call of turn.toolCalls) content.push({ type: 'tool_use', id: call.id, name: call.name, input: toolInput(call.arguments) });
  return {
    id: messageId(turn),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: STOP_REASON[turn.finishReason],
    stop_sequence: null,
    usage: nativeUsage(turn),
  };
}

function frame(type: string, data: Json): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** Tool input streams in small pieces, as Anthropic's input_json_delta does. */
function jsonPieces(json: string, size = 12): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += size) pieces.push(json.slice(i, i + size));
  return pieces;
}

function renderStream(turn: SimTurn, model: string): string[] {
  const usage = nativeUsage(turn);
  const frames = [
    frame('message_start', {
      message: {
        id: messageId(turn),
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    }),
    frame('ping', {}),
  ];
  let index = 0;
  if (turn.text) {
    frames.push(frame('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    const pieces = turn.textPieces.length > 0 ? turn.textPieces : [turn.text];
    for (const text of pieces) {
      if (text) frames.push(frame('content_block_delta', { index, delta: { type: 'text_delta', text } }));
    }
    frames.push(frame('content_block_stop', { index }));
    index++;
  }
  for (const call of turn.toolCalls) {
    frames.push(frame('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } }));
    // Anthropic opens every tool input with an empty partial_json.
    const args = JSON.stringify(toolInput(call.arguments));
    for (const partial_json of ['', ...jsonPieces(args)]) {
      frames.push(frame('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } }));
    }
    frames.push(frame('content_block_stop', { index }));
    index++;
  }
  frames.push(
    frame('message_delta', {
      delta: { stop_reason: STOP_REASON[turn.finishReason], stop_sequence: null },
      usage: { output_tokens: turn.usage.completionTokens },
    }),
    frame('message_stop', {}),
  );
  return frames;
}

const ERRORS: Record<SimErrorKind, { status: number; type: string }> = {
  server: { status: 500, type: 'api_error' },
  overloaded: { status: 529, type: 'overloaded_error' },
  rate_limit: { status: 429, type: 'rate_limit_error' },
  bad_request: { status: 400, type: 'invalid_request_error' },
  context_length: { status: 400, type: 'invalid_request_error' },
  auth: { status: 401, type: 'authentication_error' },
};

function renderError(kind: SimErrorKind, message: string, retryAfterSeconds?: number): SimHttpError {
  const { status, type } = ERRORS[kind];
  // Anthropic words every over-long prompt this way; clients (and our classifier) key on it.
  const text = kind === 'context_length' && !/prompt is too long/i.test(message) ? `prompt is too long: ${message}` : message;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (kind === 'rate_limit' && retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return { status, headers, body: JSON.stringify({ type: 'error', error: { type, message: text } }) };
}

function renderStreamError(message: string): string {
  return `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message } })}\n\n`;
}

export const anthropicSimFormat: SimFormat = {
  format: 'anthropic',
  parseRequest: (body) => parseRequest(body),
  renderResponse,
  renderStream: (turn, model) => renderStream(turn, model),
  renderError,
  renderStreamError,
};
