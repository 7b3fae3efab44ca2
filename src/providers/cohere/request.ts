import type { ChatMessage, ChatRequest, ContentPart, FunctionTool } from '../../hub';
import { clientFields } from '../fields';
import { type BuildOptions, type UpstreamHttpRequest, type UpstreamTarget, UpstreamError } from '../types';
import { echo } from '../../hub';

/**
 * Hub (OpenAI chat) request → Cohere Chat API v2 (`POST /v2/chat`).
 *
 * Mapping notes (things that are not one-to-one):
 * - `developer` messages become `system` (Cohere has no developer role).
 * - An assistant turn keeps its text and tool calls; `tool_plan` is omitted because the hub never
 *   carried Cohere's planning text.
 * - Tool results travel as one `document` whose `data` is the tool output text, so the model sees
 *   them as citable documents, as Cohere's tool-use guide recommends.
 * - `tool_choice` naming one function has no native form: only that tool is sent and the choice is
 *   `REQUIRED`, which forces exactly that function.
 * - `parallel_tool_calls`, `user`, `n` and `stream_options` have no Cohere equivalent and are dropped
 *   (Cohere always reports usage in `message-end`).
 */

type CohereTextPart = { type: 'text'; text: string };
type CohereImagePart = { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

export type CohereMessage =
  | { role: 'system'; content: string | CohereTextPart[] }
  | { role: 'user'; content: string | (CohereTextPart | CohereImagePart)[] }
  | {
      role: 'assistant';
      content?: string | CohereTextPart[];
      tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
    }
  | { role: 'tool'; tool_call_id: string; content: string | { type: 'document'; document: { data: string } }[] };

export interface CohereTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface CohereChatBody {
  model: string;
  messages: CohereMessage[];
  stream: boolean;
  tools?: CohereTool[];
  tool_choice?: 'REQUIRED' | 'NONE';
  strict_tools?: boolean;
  temperature?: number;
  p?: number;
  max_tokens?: number;
  stop_sequences?: string[];
  seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  response_format?: { type: 'json_object'; json_schema?: Record<string, unknown> };
}

/** `retryable` when only Cohere's shape forbids it, so an endpoint of another format may accept it. */
function badRequest(message: string, retryable: boolean): UpstreamError {
  return new UpstreamError({ kind: 'bad_request', retryable, status: 0, message });
}

function textOnly(content: string | ContentPart[], role: string): string | CohereTextPart[] {
  if (typeof content === 'string') return content;
  return content.map((part) => {
    if (part.type !== 'text') throw badRequest(`Cohere accepts only text in ${role} messages`, true);
    return { type: 'text', text: part.text };
  });
}

function userContent(content: string | ContentPart[]): string | (CohereTextPart | CohereImagePart)[] {
  if (typeof content === 'string') return content;
  return content.map((part) => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    const image_url: CohereImagePart['image_url'] = { url: part.image_url.url };
    if (part.image_url.detail) image_url.detail = part.image_url.detail;
    return { type: 'image_url', image_url };
  });
}

function plainText(content: string | ContentPart[]): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function toCohereMessage(message: ChatMessage): CohereMessage {
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: textOnly(message.content, message.role) };
    case 'user':
      return { role: 'user', content: userContent(message.content) };
    case 'assistant': {
      const out: Extract<CohereMessage, { role: 'assistant' }> = { role: 'assistant' };
      const text = message.content == null ? '' : plainText(message.content);
      if (message.tool_calls?.length) {
        out.tool_calls = message.tool_calls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: call.function.arguments },
        }));
        if (text) out.content = text;
      } else {
        // Cohere rejects an assistant turn with neither content nor tool calls.
        out.content = text;
      }
      return out;
    }
    case 'tool':
      return {
        role: 'tool',
        tool_call_id: message.tool_call_id,
        content: [{ type: 'document', document: { data: plainText(message.content) } }],
      };
  }
}

function toCohereTool(tool: FunctionTool): CohereTool {
  const fn: CohereTool['function'] = { name: tool.function.name };
  if (tool.function.description !== undefined) fn.description = tool.function.description;
  if (tool.function.parameters !== undefined) fn.parameters = tool.function.parameters;
  return { type: 'function', function: fn };
}

function applyTools(req: ChatRequest, body: CohereChatBody): void {
  let tools = req.tools ?? [];
  const choice = req.tool_choice;
  if (choice && typeof choice === 'object') {
    tools = tools.filter((t) => t.function.name === choice.function.name);
    if (tools.length === 0) throw badRequest(`tool_choice names "${echo(choice.function.name)}", which is not in tools`, false);
    body.tool_choice = 'REQUIRED';
  } else if (choice === 'required') {
    body.tool_choice = 'REQUIRED';
  } else if (choice === 'none') {
    body.tool_choice = 'NONE';
  }
  if (tools.length === 0) {
    // Cohere's tool_choice only has meaning alongside tools.
    delete body.tool_choice;
    return;
  }
  body.tools = tools.map(toCohereTool);
  if (tools.every((t) => t.function.strict === true)) body.strict_tools = true;
}

export function toCohereBody(req: ChatRequest, model: string, stream: boolean): CohereChatBody {
  const body: CohereChatBody = { model, messages: req.messages.map(toCohereMessage), stream };
  applyTools(req, body);
  if (req.temperature != null) body.temperature = req.temperature;
  if (req.top_p != null) body.p = req.top_p;
  const maxTokens = req.max_completion_tokens ?? req.max_tokens;
  if (maxTokens != null) body.max_tokens = maxTokens;
  if (req.stop != null) {
    const stops = typeof req.stop === 'string' ? [req.stop] : req.stop;
    if (stops.length > 0) body.stop_sequences = stops;
  }
  if (req.seed != null) body.seed = req.seed;
  if (req.frequency_penalty != null) body.frequency_penalty = req.frequency_penalty;
  if (req.presence_penalty != null) body.presence_penalty = req.presence_penalty;
  const format = req.response_format;
  if (format?.type === 'json_object') body.response_format = { type: 'json_object' };
  else if (format?.type === 'json_schema') {
    body.response_format = format.json_schema.schema
      ? { type: 'json_object', json_schema: format.json_schema.schema }
      : { type: 'json_object' };
  }
  return body;
}

export function buildCohereRequest(req: ChatRequest, target: UpstreamTarget, opts: BuildOptions): UpstreamHttpRequest {
  const body = toCohereBody(req, target.endpoint.model, opts.stream);
  return {
    url: `${target.baseUrl.replace(/\/+$/, '')}/v2/chat`,
    method: 'POST',
    headers: {
      authorization: `Bearer ${target.apiKey}`,
      'content-type': 'application/json',
      accept: opts.stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(body),
  };
}

/** The hub parameters toCohereBody translates; every other client field is dropped. */
export const COHERE_PARAMS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'tools',
  'tool_choice',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'response_format',
  'stream',
  'stream_options',
  // Must be 1 (the hub schema), which is what this format answers.
  'n',
]);

/** The client's fields this format does not receive. */
export function cohereDroppedParams(req: ChatRequest): string[] {
  return clientFields(req).filter((k) => !COHERE_PARAMS.has(k));
}
