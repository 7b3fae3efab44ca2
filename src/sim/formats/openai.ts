import type { SimErrorKind, SimFormat, SimHttpError, SimRequestView, SimToolSpec, SimTurn } from '../types';
import { fnv1a } from '../../lib';

/**
 * SIMULATION. The OpenAI Chat Completions wire format as the simulated fleet speaks it: parses
 * native requests into a SimRequestView and renders turns as `chat.completion` JSON, SSE
 * `chat.completion.chunk` frames and OpenAI error envelopes. system_fingerprint is always
 * 'cailos-sim' so a simulated answer is recognizable downstream.
 */

const FINGERPRINT = 'cailos-sim';
/** Tool arguments stream in slices of this many characters, like real providers' partial JSON. */
const ARG_SLICE = 16;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): never {
  throw new Error(message);
}

/** Text of a message's content and how many images it carries. */
function contentText(content: unknown, where: string): { text: string; images: number } {
  if (content === null || content === undefined) return { text: '', images: 0 };
  if (typeof content === 'string') return { text: content, images: 0 };
  if (!Array.isArray(content)) invalid(`${where}.content must be a string or an array of parts`);
  const texts: string[] = [];
  let images = 0;
  content.forEach((part, i) => {
    if (!isObject(part)) invalid(`${where}.content[${i}] must be an object`);
    if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
    else if (part.type === 'image_url') images++;
    else if (part.type === 'input_audio' || part.type === 'file') return;
    else invalid(`${where}.content[${i}] has an unsupported type`);
  });
  return { text: texts.join('\n'), images };
}

function parseTools(tools: unknown): SimToolSpec[] {
  if (tools === undefined || tools === null) return [];
  if (!Array.isArray(tools)) invalid('tools must be an array');
  return tools.map((tool, i) => {
    if (!isObject(tool) || tool.type !== 'function' || !isObject(tool.function)) {
      invalid(`tools[${i}] must be {type:"function", function:{...}}`);
    }
    const fn = tool.function as Json;
    if (typeof fn.name !== 'string' || !fn.name) invalid(`tools[${i}].function.name is required`);
    const spec: SimToolSpec = { name: fn.name };
    if (typeof fn.description === 'string') spec.description = fn.description;
    if (isObject(fn.parameters)) spec.parameters = fn.parameters;
    return spec;
  });
}

function parseToolChoice(choice: unknown): SimRequestView['toolChoice'] {
  if (choice === undefined || choice === null) return 'auto';
  if (choice === 'auto' || choice === 'none' || choice === 'required') return choice;
  if (isObject(choice) && isObject(choice.function) && typeof choice.function.name === 'string') {
    return { name: choice.function.name };
  }
  return invalid('tool_choice must be "auto", "none", "required" or {type:"function", function:{name}}');
}

function parseJsonSchema(format: unknown): Record<string, unknown> | undefined {
  if (format === undefined || format === null) return undefined;
  if (!isObject(format)) return invalid('response_format must be an object');
  if (format.type === 'json_object') return {};
  if (format.type === 'json_schema') {
    const spec = format.json_schema;
    if (!isObject(spec)) return invalid('response_format.json_schema is required');
    return isObject(spec.schema) ? spec.schema : {};
  }
  return undefined;
}

function positiveInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) invalid(`${name} must be a positive integer`);
  return value;
}

function parseRequest(body: unknown): SimRequestView {
  if (!isObject(body)) invalid('the request body must be a JSON object');
  if (typeof body.model !== 'string' || !body.model) invalid('model is required');
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) invalid('messages must be a non-empty array');

  const texts: string[] = [];
  let imageCount = 0;
  let lastUserText = '';
  const roles: string[] = [];
  const contents: string[] = [];
  const calledToolNames: string[] = [];
  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    if (!isObject(message) || typeof message.role !== 'string') invalid(`${where}.role is required`);
    const role = message.role as string;
    if (!['system', 'developer', 'user', 'assistant', 'tool', 'function'].includes(role)) invalid(`${where}.role is invalid`);
    const { text, images } = contentText(message.content, where);
    imageCount += images;
    let full = text;
    if (role === 'assistant' && Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls) {
        if (isObject(call) && isObject(call.function)) {
          full += `\n${String(call.function.name)} ${String(call.function.arguments ?? '')}`;
          calledToolNames.push(String(call.function.name));
        }
      }
    }
    texts.push(full);
    roles.push(role);
    contents.push(text);
    if (role === 'user') {
      lastUserText = text;
      calledToolNames.length = 0;
    }
  });

  let trailing = roles.length;
  while (trailing > 0 && (roles[trailing - 1] === 'tool' || roles[trailing - 1] === 'function')) trailing--;
  const lastIsToolResult = trailing < roles.length;

  let stop: string[] | undefined;
  if (typeof body.stop === 'string') stop = [body.stop];
  else if (Array.isArray(body.stop)) stop = body.stop.filter((s): s is string => typeof s === 'string');
  else if (body.stop !== undefined && body.stop !== null) invalid('stop must be a string or an array of strings');

  const view: SimRequestView = {
    model: body.model as string,
    stream: body.stream === true,
    includeUsage: isObject(body.stream_options) && body.stream_options.include_usage === true,
    allText: texts.join('\n'),
    lastUserText,
    lastIsToolResult,
    toolResultText: lastIsToolResult ? contents.slice(trailing).join('\n') : '',
    calledToolNames,
    tools: parseTools(body.tools),
    toolChoice: parseToolChoice(body.tool_choice),
    parallelToolCalls: body.parallel_tool_calls !== false,
    imageCount,
  };
  const jsonSchema = parseJsonSchema(body.response_format);
  if (jsonSchema !== undefined) view.jsonSchema = jsonSchema;
  const maxTokens = positiveInt(body.max_completion_tokens, 'max_completion_tokens') ?? positiveInt(body.max_tokens, 'max_tokens');
  if (maxTokens !== undefined) view.maxTokens = maxTokens;
  if (stop && stop.length > 0) view.stop = stop;
  return view;
}

/** Stable per answer, so identical requests render identical bodies apart from `created`. */
function completionId(turn: SimTurn, model: string): string {
  const key = `${model}\u0000${turn.text}\u0000${turn.toolCalls.map((c) => c.id).join(',')}`;
  return `chatcmpl-sim${fnv1a(key).toString(16).padStart(8, '0')}${fnv1a(`x${key}`).toString(16).padStart(8, '0')}`;
}

function usageOf(turn: SimTurn): Json {
  const { promptTokens, completionTokens, cachedTokens } = turn.usage;
  const usage: Json = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  if (cachedTokens !== undefined) usage.prompt_tokens_details = { cached_tokens: cachedTokens };
  return usage;
}

function renderResponse(turn: SimTurn, model: string): unknown {
  const message: Json = { role: 'assistant', content: turn.toolCalls.length > 0 && !turn.text ? null : turn.text, refusal: null };
  if (turn.toolCalls.length > 0) {
    message.tool_calls = turn.toolCalls.map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    }));
  }
  return {
    id: completionId(turn, model),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: turn.finishReason, logprobs: null }],
    usage: usageOf(turn),
    system_fingerprint: FINGERPRINT,
  };
}

function renderStream(turn: SimTurn, model: string, view: SimRequestView): string[] {
  const base = {
    id: completionId(turn, model),
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: FINGERPRINT,
  };
  const chunk = (delta: Json, finishReason: string | null = null): string => {
    const payload: Json = { ...base, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] };
    if (view.includeUsage) payload.usage = null;
    return `data: ${JSON.stringify(payload)}\n\n`;
  };
  const frames = [chunk({ role: 'assistant', content: '', refusal: null })];
  for (const piece of turn.textPieces) frames.push(chunk({ content: piece }));
  turn.toolCalls.forEach((call, index) => {
    frames.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (let at = 0; at < call.arguments.length; at += ARG_SLICE) {
      frames.push(chunk({ tool_calls: [{ index, function: { arguments: call.arguments.slice(at, at + ARG_SLICE) } }] }));
    }
  });
  frames.push(chunk({}, turn.finishReason));
  if (view.includeUsage) frames.push(`data: ${JSON.stringify({ ...base, choices: [], usage: usageOf(turn) })}\n\n`);
  frames.push('data: [DONE]\n\n');
  return frames;
}

function errorBody(message: string, type: string, code: string | null, param: string | null = null): string {
  return JSON.stringify({ error: { message, type, param, code } });
}

function renderError(kind: SimErrorKind, message: string, retryAfterSeconds?: number): SimHttpError {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  switch (kind) {
    case 'rate_limit': {
      const seconds = retryAfterSeconds ?? 1;
      headers['retry-after'] = String(seconds);
      headers['x-ratelimit-reset-requests'] = `${seconds}s`;
      return { status: 429, headers, body: errorBody(message, 'requests', 'rate_limit_exceeded') };
    }
    case 'overloaded':
      return { status: 503, headers, body: errorBody(message, 'server_error', 'overloaded') };
    case 'bad_request':
      return { status: 400, headers, body: errorBody(message, 'invalid_request_error', null) };
    case 'context_length':
      return { status: 400, headers, body: errorBody(message, 'invalid_request_error', 'context_length_exceeded', 'messages') };
    case 'auth':
      return { status: 401, headers, body: errorBody(message, 'invalid_request_error', 'invalid_api_key') };
    case 'server':
    default:
      return { status: 500, headers, body: errorBody(message, 'server_error', null) };
  }
}

function renderStreamError(message: string): string {
  return `data: ${errorBody(message, 'server_error', null)}\n\n`;
}

export const openaiSimFormat: SimFormat = {
  format: 'openai',
  parseRequest: (body) => parseRequest(body),
  renderResponse,
  renderStream,
  renderError,
  renderStreamError,
};
