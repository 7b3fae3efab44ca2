import type { FinishReason } from '../../hub';
import type { SimErrorKind, SimFormat, SimHttpError, SimRequestView, SimToolSpec, SimTurn } from '../types';

/**
 * SIMULATION. Cohere Chat API v2 as the simulated fleet speaks it: parses native `/v2/chat`
 * bodies and renders native JSON responses, SSE event streams (`event:` + `data:` with `type`) and
 * `{id, message}` error bodies, following Cohere's published API reference.
 */

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(why: string): Error {
  return new Error(`invalid Cohere v2 chat request: ${why}`);
}

/** Text of a native content value: a string, or an array of text / image / document items. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((item) => {
      if (!isRecord(item)) return '';
      if (item.type === 'text' && typeof item.text === 'string') return item.text;
      if (item.type === 'document' && isRecord(item.document)) {
        const data = item.document.data;
        return typeof data === 'string' ? data : JSON.stringify(data ?? '');
      }
      return '';
    })
    .join('');
}

function countImages(content: unknown): number {
  if (!Array.isArray(content)) return 0;
  return content.filter((item) => isRecord(item) && item.type === 'image_url').length;
}

function parseTools(raw: unknown): SimToolSpec[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid('tools must be an array');
  return raw.map((tool) => {
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(tool.function) || typeof tool.function.name !== 'string') {
      throw invalid('each tool must be {type:"function", function:{name,...}}');
    }
    const spec: SimToolSpec = { name: tool.function.name };
    if (typeof tool.function.description === 'string') spec.description = tool.function.description;
    if (isRecord(tool.function.parameters)) spec.parameters = tool.function.parameters;
    return spec;
  });
}

function parseRequest(body: unknown): SimRequestView {
  if (!isRecord(body)) throw invalid('body must be an object');
  if (typeof body.model !== 'string' || body.model === '') throw invalid('model is required');
  if (!Array.isArray(body.messages) || body.messages.length === 0) throw invalid('messages must be a non-empty array');

  const texts: string[] = [];
  let lastUserText = '';
  let imageCount = 0;
  const calledToolNames: string[] = [];
  for (const message of body.messages) {
    if (!isRecord(message) || !['system', 'user', 'assistant', 'tool'].includes(message.role as string)) {
      throw invalid('each message needs a role of system, user, assistant or tool');
    }
    if (message.role === 'tool' && typeof message.tool_call_id !== 'string') throw invalid('tool messages need tool_call_id');
    const text = contentText(message.content);
    texts.push(text);
    if (message.role === 'user') {
      lastUserText = text;
      calledToolNames.length = 0;
      imageCount += countImages(message.content);
    }
    if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls)
        if (isRecord(call) && isRecord(call.function) && typeof call.function.name === 'string') calledToolNames.push(call.function.name);
    }
  }

  const trailingToolTexts: string[] = [];
  for (let i = body.messages.length - 1; i >= 0; i--) {
    const message = body.messages[i] as Json;
    if (message.role !== 'tool') break;
    trailingToolTexts.unshift(contentText(message.content));
  }

  const choice = body.tool_choice;
  if (choice !== undefined && choice !== 'REQUIRED' && choice !== 'NONE') throw invalid('tool_choice must be REQUIRED or NONE');

  const view: SimRequestView = {
    model: body.model,
    stream: body.stream === true,
    // Cohere always reports usage in message-end.
    includeUsage: true,
    allText: texts.join('\n'),
    lastUserText,
    lastIsToolResult: trailingToolTexts.length > 0,
    toolResultText: trailingToolTexts.join('\n'),
    calledToolNames,
    tools: parseTools(body.tools),
    toolChoice: choice === 'REQUIRED' ? 'required' : choice === 'NONE' ? 'none' : 'auto',
    // Cohere models may call several tools in one turn; the API has no switch for it.
    parallelToolCalls: true,
    imageCount,
  };
  const format = body.response_format;
  if (isRecord(format) && format.type === 'json_object') {
    view.jsonSchema = isRecord(format.json_schema) ? format.json_schema : {};
  }
  if (typeof body.max_tokens === 'number') view.maxTokens = body.max_tokens;
  if (Array.isArray(body.stop_sequences)) view.stop = body.stop_sequences.filter((s): s is string => typeof s === 'string');
  return view;
}

/** Cohere has no content-filter finish reason; a filtered turn ends as a normal completion. */
function nativeFinishReason(reason: FinishReason): string {
  switch (reason) {
    case 'length':
      return 'MAX_TOKENS';
    case 'tool_calls':
      return 'TOOL_CALL';
    default:
      return 'COMPLETE';
  }
}

function nativeUsage(turn: SimTurn): Json {
  const counts = { input_tokens: turn.usage.promptTokens, output_tokens: turn.usage.completionTokens };
  return { billed_units: { ...counts }, tokens: { ...counts } };
}

function nativeToolCalls(turn: SimTurn): Json[] {
  return turn.toolCalls.map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
}

function renderResponse(turn: SimTurn): unknown {
  const message: Json = { role: 'assistant' };
  if (turn.text !== '') message.content = [{ type: 'text', text: turn.text }];
  if (turn.toolCalls.length > 0) message.tool_calls = nativeToolCalls(turn);
  return {
    id: crypto.randomUUID(),
    finish_reason: nativeFinishReason(turn.finishReason),
    message,
    usage: nativeUsage(turn),
  };
}

function frame(type: string, payload: Json): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...payload })}\n\n`;
}

/** Argument text in the small pieces Cohere streams it in. */
function argumentPieces(args: string, size = 16): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < args.length; i += size) pieces.push(args.slice(i, i + size));
  return pieces;
}

function renderStream(turn: SimTurn): string[] {
  const frames = [
    frame('message-start', {
      id: crypto.randomUUID(),
      delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } },
    }),
  ];
  const pieces = turn.textPieces.filter((piece) => piece !== '');
  if (pieces.length > 0) {
    frames.push(frame('content-start', { index: 0, delta: { message: { content: { type: 'text', text: '' } } } }));
    for (const text of pieces) frames.push(frame('content-delta', { index: 0, delta: { message: { content: { text } } } }));
    frames.push(frame('content-end', { index: 0 }));
  }
  turn.toolCalls.forEach((call, index) => {
    frames.push(
      frame('tool-call-start', {
        index,
        delta: { message: { tool_calls: { id: call.id, type: 'function', function: { name: call.name, arguments: '' } } } },
      }),
    );
    for (const args of argumentPieces(call.arguments)) {
      frames.push(frame('tool-call-delta', { index, delta: { message: { tool_calls: { function: { arguments: args } } } } }));
    }
    frames.push(frame('tool-call-end', { index }));
  });
  frames.push(frame('message-end', { delta: { finish_reason: nativeFinishReason(turn.finishReason), usage: nativeUsage(turn) } }));
  return frames;
}

const ERROR_STATUS: Record<SimErrorKind, number> = {
  server: 500,
  overloaded: 503,
  rate_limit: 429,
  bad_request: 400,
  context_length: 400,
  auth: 401,
};

function renderError(kind: SimErrorKind, message: string, retryAfterSeconds?: number): SimHttpError {
  // Cohere's context overflow is a 400 whose message starts "too many tokens".
  const text = kind === 'context_length' && !/too many tokens/i.test(message) ? `too many tokens: ${message}` : message;
  const error: SimHttpError = {
    status: ERROR_STATUS[kind],
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: crypto.randomUUID(), message: text }),
  };
  if (kind === 'rate_limit' && retryAfterSeconds !== undefined) error.headers!['retry-after'] = String(retryAfterSeconds);
  return error;
}

/** Cohere reports a failure mid-stream as a message-end carrying `error` and finish_reason ERROR. */
function renderStreamError(message: string): string {
  return frame('message-end', { delta: { error: message, finish_reason: 'ERROR' } });
}

export const cohereSimFormat: SimFormat = {
  format: 'cohere',
  parseRequest: (body) => parseRequest(body),
  renderResponse: (turn) => renderResponse(turn),
  renderStream: (turn) => renderStream(turn),
  renderError,
  renderStreamError,
};
