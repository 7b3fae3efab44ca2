import type { FinishReason } from '../../hub';
import type { SimErrorKind, SimFormat, SimHttpError, SimRequestView, SimToolSpec, SimTurn } from '../types';

/**
 * SIMULATION. Google Gemini `models/{model}:generateContent` and `:streamGenerateContent?alt=sse`
 * as the simulated fleet speaks it: parses native bodies (model and streaming come from the URL),
 * renders native GenerateContentResponse JSON, SSE chunks (CRLF-framed like Google's servers) and
 * Google RPC error bodies, following the published Gemini API reference.
 */

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(why: string): Error {
  return new Error(`invalid Gemini generateContent request: ${why}`);
}

/** `/v1beta/models/gemini-2.5-flash:streamGenerateContent` → model and method. */
function parsePath(url: URL): { model: string; stream: boolean } {
  const m = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(decodeURIComponent(url.pathname));
  if (!m) throw invalid('path must end in /models/{model}:generateContent or :streamGenerateContent');
  return { model: m[1], stream: m[2] === 'streamGenerateContent' };
}

function partsOf(content: unknown): Json[] {
  if (!isRecord(content) || !Array.isArray(content.parts)) throw invalid('each content needs a parts array');
  return content.parts.map((p) => {
    if (!isRecord(p)) throw invalid('each part must be an object');
    return p;
  });
}

function textOfParts(parts: Json[]): string {
  return parts.map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
}

function functionResponseText(part: Json): string | undefined {
  if (!isRecord(part.functionResponse)) return undefined;
  return JSON.stringify(part.functionResponse.response ?? {});
}

function parseTools(raw: unknown): SimToolSpec[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid('tools must be an array');
  const specs: SimToolSpec[] = [];
  for (const tool of raw) {
    if (!isRecord(tool)) throw invalid('each tool must be an object');
    const decls = tool.functionDeclarations;
    if (decls === undefined) continue; // built-in tools (googleSearch, codeExecution) declare no function
    if (!Array.isArray(decls)) throw invalid('functionDeclarations must be an array');
    for (const decl of decls) {
      if (!isRecord(decl) || typeof decl.name !== 'string') throw invalid('each function declaration needs a name');
      const spec: SimToolSpec = { name: decl.name };
      if (typeof decl.description === 'string') spec.description = decl.description;
      const params = decl.parameters ?? decl.parametersJsonSchema;
      if (isRecord(params)) spec.parameters = params;
      specs.push(spec);
    }
  }
  return specs;
}

function parseToolChoice(toolConfig: unknown): SimRequestView['toolChoice'] {
  const config = isRecord(toolConfig) && isRecord(toolConfig.functionCallingConfig) ? toolConfig.functionCallingConfig : {};
  const names = Array.isArray(config.allowedFunctionNames) ? config.allowedFunctionNames : [];
  switch (config.mode) {
    case 'NONE':
      return 'none';
    case 'ANY':
      return names.length === 1 && typeof names[0] === 'string' ? { name: names[0] } : 'required';
    case undefined:
    case 'AUTO':
    case 'MODE_UNSPECIFIED':
    case 'VALIDATED':
      return 'auto';
    default:
      throw invalid('functionCallingConfig.mode must be AUTO, ANY or NONE');
  }
}

function parseRequest(body: unknown, url: URL): SimRequestView {
  const { model, stream } = parsePath(url);
  if (!isRecord(body)) throw invalid('body must be an object');
  if (!Array.isArray(body.contents) || body.contents.length === 0) throw invalid('contents must be a non-empty array');

  const texts: string[] = [];
  if (body.systemInstruction !== undefined) texts.push(textOfParts(partsOf(body.systemInstruction)));
  let lastUserText = '';
  let imageCount = 0;
  const contents = body.contents.map((content) => {
    const parts = partsOf(content);
    const role = (content as Json).role ?? 'user';
    if (role !== 'user' && role !== 'model') throw invalid('content role must be user or model');
    return { role, parts };
  });
  const calledToolNames: string[] = [];
  for (const { role, parts } of contents) {
    const text = textOfParts(parts);
    texts.push(text);
    if (role === 'user' && text) {
      lastUserText = text;
      calledToolNames.length = 0;
    }
    if (role === 'model') {
      for (const p of parts)
        if (isRecord(p.functionCall) && typeof p.functionCall.name === 'string') calledToolNames.push(p.functionCall.name);
    }
    imageCount += parts.filter((p) => isRecord(p.inlineData) || isRecord(p.fileData)).length;
  }

  // Trailing tool results: function responses at the end of the last user turn.
  const toolResultTexts: string[] = [];
  const last = contents[contents.length - 1];
  if (last.role === 'user') {
    for (let i = last.parts.length - 1; i >= 0; i--) {
      const text = functionResponseText(last.parts[i]);
      if (text === undefined) break;
      toolResultTexts.unshift(text);
    }
  }

  const generation = isRecord(body.generationConfig) ? body.generationConfig : {};
  const view: SimRequestView = {
    model,
    stream,
    // Gemini reports usageMetadata in every stream.
    includeUsage: true,
    allText: texts.join('\n'),
    lastUserText,
    lastIsToolResult: toolResultTexts.length > 0,
    toolResultText: toolResultTexts.join('\n'),
    calledToolNames,
    tools: parseTools(body.tools),
    toolChoice: parseToolChoice(body.toolConfig),
    // Gemini may return several functionCall parts in one turn; the API has no switch for it.
    parallelToolCalls: true,
    imageCount,
  };
  if (generation.responseMimeType === 'application/json') {
    const schema = generation.responseSchema ?? generation.responseJsonSchema;
    view.jsonSchema = isRecord(schema) ? schema : {};
  }
  if (typeof generation.maxOutputTokens === 'number') view.maxTokens = generation.maxOutputTokens;
  if (Array.isArray(generation.stopSequences)) {
    view.stop = generation.stopSequences.filter((s): s is string => typeof s === 'string');
  }
  return view;
}

/** Gemini has no tool-call finish reason: a turn with function calls ends with STOP. */
function nativeFinishReason(reason: FinishReason): string {
  switch (reason) {
    case 'length':
      return 'MAX_TOKENS';
    case 'content_filter':
      return 'SAFETY';
    default:
      return 'STOP';
  }
}

function parseArgs(text: string): Json {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : { value: parsed };
  } catch {
    return { value: text };
  }
}

function usageMetadata(turn: SimTurn): Json {
  const meta: Json = {
    promptTokenCount: turn.usage.promptTokens,
    candidatesTokenCount: turn.usage.completionTokens,
    totalTokenCount: turn.usage.promptTokens + turn.usage.completionTokens,
  };
  if (turn.usage.cachedTokens) meta.cachedContentTokenCount = turn.usage.cachedTokens;
  return meta;
}

function functionCallParts(turn: SimTurn): Json[] {
  return turn.toolCalls.map((call) => ({ functionCall: { name: call.name, args: parseArgs(call.arguments) } }));
}

function renderResponse(turn: SimTurn, model: string): unknown {
  const parts: Json[] = [];
  if (turn.text) parts.push({ text: turn.text });
  parts.push(...functionCallParts(turn));
  return {
    candidates: [{ content: { parts, role: 'model' }, finishReason: nativeFinishReason(turn.finishReason), index: 0 }],
    usageMetadata: usageMetadata(turn),
    modelVersion: model,
  };
}

function frame(chunk: unknown): string {
  return `data: ${JSON.stringify(chunk)}\r\n\r\n`;
}

function renderStream(turn: SimTurn, model: string): string[] {
  const chunks: Json[] = [];
  const pieces = turn.textPieces.filter((p) => p.length > 0);
  for (const piece of pieces) chunks.push({ parts: [{ text: piece }] });
  const calls = functionCallParts(turn);
  if (calls.length > 0) chunks.push({ parts: calls });
  // The finish reason and final usage ride on the last content chunk, as Google's servers send it.
  if (chunks.length === 0) chunks.push({ parts: [{ text: '' }] });
  return chunks.map((content, i) => {
    const isLast = i === chunks.length - 1;
    const candidate: Json = { content: { ...content, role: 'model' }, index: 0 };
    if (isLast) candidate.finishReason = nativeFinishReason(turn.finishReason);
    const chunk: Json = { candidates: [candidate] };
    // Intermediate chunks carry the prompt count only; the last one the full tally.
    chunk.usageMetadata = isLast ? usageMetadata(turn) : { promptTokenCount: turn.usage.promptTokens };
    chunk.modelVersion = model;
    return frame(chunk);
  });
}

const ERROR_SHAPES: Record<SimErrorKind, { code: number; status: string }> = {
  rate_limit: { code: 429, status: 'RESOURCE_EXHAUSTED' },
  overloaded: { code: 503, status: 'UNAVAILABLE' },
  server: { code: 500, status: 'INTERNAL' },
  bad_request: { code: 400, status: 'INVALID_ARGUMENT' },
  context_length: { code: 400, status: 'INVALID_ARGUMENT' },
  auth: { code: 400, status: 'INVALID_ARGUMENT' },
};

function renderError(kind: SimErrorKind, message: string, retryAfterSeconds?: number): SimHttpError {
  const { code, status } = ERROR_SHAPES[kind];
  const error: Json = { code, message, status };
  if (kind === 'context_length' && !/token count/i.test(message)) {
    // Google words it this way; keep the fleet's message after it.
    error.message = `The input token count exceeds the maximum number of tokens allowed. ${message}`;
  }
  if (kind === 'auth') {
    // Google answers a bad key with 400 + ErrorInfo reason API_KEY_INVALID, not 401.
    error.details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }];
  }
  if (kind === 'rate_limit' && retryAfterSeconds !== undefined) {
    error.details = [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterSeconds}s` }];
  }
  return { status: code, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify({ error }) };
}

function renderStreamError(message: string): string {
  return frame({ error: { code: 503, message, status: 'UNAVAILABLE' } });
}

export const geminiSimFormat: SimFormat = {
  format: 'gemini',
  parseRequest,
  renderResponse,
  renderStream: (turn, model) => renderStream(turn, model),
  renderError,
  renderStreamError,
};
