import type { ChatMessage, ChatRequest, ContentPart, ToolChoice } from '../../hub';
import { clientFields } from '../fields';
import { type BuildOptions, type UpstreamHttpRequest, type UpstreamTarget, UpstreamError } from '../types';
import { reduceSchemaForGemini } from './schema';

/** Hub (OpenAI chat) request → Gemini `generateContent` / `streamGenerateContent` request. */

export type GeminiPart =
  | { text: string }
  | { inlineData: { mimeType: string; data: string } }
  | { fileData: { mimeType: string; fileUri: string } }
  | { functionCall: { name: string; args: Record<string, unknown> }; thoughtSignature?: string }
  | { functionResponse: { name: string; response: Record<string, unknown> } };

export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export function buildGeminiRequest(req: ChatRequest, target: UpstreamTarget, opts: BuildOptions): UpstreamHttpRequest {
  const base = target.baseUrl.replace(/\/+$/, '');
  const model = target.endpoint.model.replace(/^models\//, '');
  const method = opts.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  return {
    url: `${base}/models/${model}:${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': target.apiKey },
    body: JSON.stringify(buildGeminiBody(req, model)),
  };
}

/**
 * Gemini 3+ rejects a replayed functionCall part without the `thoughtSignature` it was generated
 * with, and OpenAI history has nowhere to keep one (the call may even come from another provider
 * after a fallback). Google documents this sentinel for history it did not generate; it is sent
 * on the first call of each model turn, where the validator looks. Older models need nothing.
 */
export const SKIP_SIGNATURE_SENTINEL = 'skip_thought_signature_validator';

export function needsSignatureSentinel(model: string): boolean {
  return !/^(gemini-(1|2)\.|gemma-)/.test(model);
}

export function buildGeminiBody(req: ChatRequest, model: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const { contents, systemTexts } = translateMessages(req.messages, needsSignatureSentinel(model));
  if (contents.length === 0 && systemTexts.length > 0) {
    // Gemini requires at least one content; OpenAI accepts a system-only conversation, whose
    // instructions then are the whole prompt.
    body.contents = [{ role: 'user', parts: systemTexts.map((text) => ({ text })) }];
  } else {
    body.contents = contents;
    if (systemTexts.length > 0) body.systemInstruction = { parts: systemTexts.map((text) => ({ text })) };
  }

  if (req.tools && req.tools.length > 0) {
    body.tools = [
      {
        functionDeclarations: req.tools.map((tool) => {
          const decl: Record<string, unknown> = { name: tool.function.name };
          if (tool.function.description) decl.description = tool.function.description;
          const params = tool.function.parameters ? reduceSchemaForGemini(tool.function.parameters) : undefined;
          // Gemini rejects an OBJECT with no properties; a no-argument function simply omits them.
          if (params && !(params.type === 'object' && !hasProperties(params))) decl.parameters = params;
          return decl;
        }),
      },
    ];
    if (req.tool_choice !== undefined) body.toolConfig = { functionCallingConfig: toolChoiceConfig(req.tool_choice) };
  }

  const generationConfig: Record<string, unknown> = { candidateCount: 1 };
  if (req.temperature != null) generationConfig.temperature = req.temperature;
  if (req.top_p != null) generationConfig.topP = req.top_p;
  const maxTokens = req.max_completion_tokens ?? req.max_tokens;
  if (maxTokens != null) generationConfig.maxOutputTokens = maxTokens;
  if (req.stop != null) generationConfig.stopSequences = typeof req.stop === 'string' ? [req.stop] : req.stop;
  if (req.seed != null) generationConfig.seed = req.seed;
  if (req.presence_penalty != null) generationConfig.presencePenalty = req.presence_penalty;
  if (req.frequency_penalty != null) generationConfig.frequencyPenalty = req.frequency_penalty;
  const format = req.response_format;
  if (format?.type === 'json_object') generationConfig.responseMimeType = 'application/json';
  if (format?.type === 'json_schema') {
    generationConfig.responseMimeType = 'application/json';
    if (format.json_schema.schema) generationConfig.responseSchema = reduceSchemaForGemini(format.json_schema.schema);
  }
  body.generationConfig = generationConfig;
  return body;
}

function hasProperties(schema: Record<string, unknown>): boolean {
  const props = schema.properties;
  return typeof props === 'object' && props !== null && Object.keys(props).length > 0;
}

function toolChoiceConfig(choice: ToolChoice): Record<string, unknown> {
  if (choice === 'none') return { mode: 'NONE' };
  if (choice === 'auto') return { mode: 'AUTO' };
  if (choice === 'required') return { mode: 'ANY' };
  return { mode: 'ANY', allowedFunctionNames: [choice.function.name] };
}

function translateMessages(messages: ChatMessage[], signCalls: boolean): { contents: GeminiContent[]; systemTexts: string[] } {
  // Gemini function responses carry the function NAME, not a call id: remember which name each
  // OpenAI tool_call_id belonged to.
  const toolNames = new Map<string, string>();
  for (const m of messages) {
    if (m.role === 'assistant') for (const call of m.tool_calls ?? []) toolNames.set(call.id, call.function.name);
  }

  const systemTexts: string[] = [];
  const contents: GeminiContent[] = [];
  const append = (role: GeminiContent['role'], parts: GeminiPart[]) => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    // Gemini expects alternating turns; consecutive same-role messages become one turn.
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts: [...parts] });
  };

  for (const m of messages) {
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = textOf(m.content);
        if (text) systemTexts.push(text);
        break;
      }
      case 'user':
        append('user', userParts(m.content));
        break;
      case 'assistant': {
        const parts: GeminiPart[] = [];
        const text = m.content == null ? '' : textOf(m.content);
        if (text) parts.push({ text });
        (m.tool_calls ?? []).forEach((call, i) => {
          const part: GeminiPart = { functionCall: { name: call.function.name, args: parseArgs(call.function.arguments) } };
          if (signCalls && i === 0) part.thoughtSignature = SKIP_SIGNATURE_SENTINEL;
          parts.push(part);
        });
        append('model', parts);
        break;
      }
      case 'tool': {
        const name = toolNames.get(m.tool_call_id);
        if (!name) {
          throw new UpstreamError({
            kind: 'bad_request',
            retryable: false,
            status: 400,
            message: `tool message references tool_call_id "${m.tool_call_id}" that no earlier assistant message called`,
          });
        }
        append('user', [{ functionResponse: { name, response: { content: toolResultContent(textOf(m.content)) } } }]);
        break;
      }
    }
  }
  return { contents, systemTexts };
}

function textOf(content: string | ContentPart[]): string {
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

function userParts(content: string | ContentPart[]): GeminiPart[] {
  if (typeof content === 'string') return content ? [{ text: content }] : [];
  const parts: GeminiPart[] = [];
  for (const p of content) {
    if (p.type === 'text') {
      if (p.text) parts.push({ text: p.text });
    } else {
      parts.push(imagePart(p.image_url.url));
    }
  }
  return parts;
}

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s;

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

function imagePart(url: string): GeminiPart {
  const data = DATA_URL.exec(url);
  if (data) {
    const mimeType = data[1] || 'image/jpeg';
    const isBase64 = data[2].split(';').includes('base64');
    return { inlineData: { mimeType, data: isBase64 ? data[3] : utf8ToBase64(percentDecoded(data[3])) } };
  }
  return { fileData: { mimeType: guessMimeType(url), fileUri: url } };
}

export function guessMimeType(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not a parseable URL: fall back to the raw string.
  }
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXTENSION[ext]) || 'image/jpeg';
}

/** A data URL's payload that is not valid percent-encoding is the client's error, not the endpoint's. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new UpstreamError({
      kind: 'bad_request',
      retryable: true,
      status: 0,
      message: 'an image_url data URL is not valid percent-encoding',
    });
  }
}

function utf8ToBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Gemini `args` is a Struct: anything that is not a JSON object is wrapped so it is not lost. */
function parseArgs(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return { value: parsed };
  } catch {
    return { value: raw };
  }
}

/** A JSON tool result is passed as structured data; plain text as `{ result: text }`. */
function toolResultContent(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { result: text };
  }
}

/** The hub parameters buildGeminiBody translates; every other client field is dropped. */
export const GEMINI_PARAMS: ReadonlySet<string> = new Set([
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
  'presence_penalty',
  'frequency_penalty',
  'response_format',
  'stream',
  'stream_options',
  // Must be 1 (the hub schema), which is what this format answers.
  'n',
]);

/** The client's fields this format does not receive. */
export function geminiDroppedParams(req: ChatRequest): string[] {
  return clientFields(req).filter((k) => !GEMINI_PARAMS.has(k));
}
