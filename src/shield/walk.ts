import { type ChatMessage, type ChatRequest, type ContentPart, chatRequest } from '../hub';
import { ShieldJsonDepthError, mapJsonStrings, mapValueStrings } from './json-walk';

export { ShieldJsonDepthError, mapJsonStrings, mapValueStrings } from './json-walk';

/**
 * Identifiers of the client's end user or cache bucket. Providers use them to tell users apart
 * (abuse tracking, prompt caching), so llmshield replaces them by a keyed hash (stable, distinct)
 * instead of cloaking them (a placeholder would merge every user into one).
 */
export const IDENTIFIER_FIELDS = ['user', 'safety_identifier', 'prompt_cache_key'] as const;

/** Fields the hub schema declares; every other top-level field passes through to OpenAI-format providers. */
const DECLARED_FIELDS: ReadonlySet<string> = new Set(Object.keys(chatRequest.shape));
const IDENTIFIERS: ReadonlySet<string> = new Set(IDENTIFIER_FIELDS);

/** What the walk hands each kind of string to; the return value replaces it. */
export interface TextVisitor {
  /** Prose the model reads (contents, tool results and arguments, stop strings, pass-through values). */
  text(s: string): string;
  /** A participant's name (a message's `name`): personal data as a whole. */
  name(s: string): string;
}

/** Tool results and arguments are often JSON: cloak inside string values so the JSON stays valid. */
function mapMaybeJson(text: string, fn: (s: string) => string): string {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    const mapped = mapJsonStrings(text, fn);
    if (mapped !== null) return mapped;
  }
  return fn(text);
}

function mapContent(content: string | ContentPart[], fn: (s: string) => string, json: boolean): string | ContentPart[] {
  if (typeof content === 'string') return json ? mapMaybeJson(content, fn) : fn(content);
  // Image parts (URLs, data URIs) are never touched.
  return content.map((p) => (p.type === 'text' ? { ...p, text: json ? mapMaybeJson(p.text, fn) : fn(p.text) } : p));
}

function mapJsonArguments(args: string, fn: (s: string) => string): string {
  const mapped = mapJsonStrings(args, fn);
  // Arguments that are not valid JSON are cloaked as text; placeholders contain no JSON-special characters.
  return mapped ?? fn(args);
}

function mapMessage(m: ChatMessage, v: TextVisitor): ChatMessage {
  const fn = (s: string) => v.text(s);
  const name = 'name' in m && typeof m.name === 'string' ? { name: v.name(m.name) } : {};
  switch (m.role) {
    case 'assistant': {
      const content = m.content == null ? m.content : mapContent(m.content, fn, false);
      const refusal = typeof m.refusal === 'string' ? { refusal: fn(m.refusal) } : {};
      const tool_calls = m.tool_calls?.map((c) => ({
        ...c,
        function: { ...c.function, arguments: mapJsonArguments(c.function.arguments, fn) },
      }));
      return { ...m, content, ...name, ...refusal, ...(tool_calls ? { tool_calls } : {}) };
    }
    case 'tool':
      return { ...m, content: mapContent(m.content, fn, true) };
    default:
      return { ...m, content: mapContent(m.content, fn, false), ...name };
  }
}

function mapTools(tools: ChatRequest['tools'], fn: (s: string) => string): ChatRequest['tools'] {
  return tools?.map((t) =>
    t.function.description === undefined ? t : { ...t, function: { ...t.function, description: fn(t.function.description) } },
  );
}

function mapResponseFormat(format: ChatRequest['response_format'], fn: (s: string) => string): ChatRequest['response_format'] {
  if (format?.type !== 'json_schema' || format.json_schema.description === undefined) return format;
  return { ...format, json_schema: { ...format.json_schema, description: fn(format.json_schema.description) } };
}

/**
 * A copy of req with the visitor applied to every string the provider reads as text, in this order:
 * messages (contents and text parts, names, assistant refusals, tool-call arguments and tool results,
 * inside JSON string values when they are JSON), tool and response-format descriptions, stop strings,
 * then every string value of pass-through fields (e.g. `metadata`). Never visited: object keys, tool
 * names, parameter and response schemas, image URLs, ids, the model and routing fields, and the
 * identifier fields (IDENTIFIER_FIELDS), which the caller hashes.
 */
export function walkRequestTexts(req: ChatRequest, v: TextVisitor): ChatRequest {
  const fn = (s: string) => v.text(s);
  const out: ChatRequest = { ...req, messages: req.messages.map((m, i) => naming(`messages[${i}]`, () => mapMessage(m, v))) };
  if (req.tools) out.tools = mapTools(req.tools, fn);
  if (req.response_format) out.response_format = mapResponseFormat(req.response_format, fn);
  if (typeof req.stop === 'string') out.stop = fn(req.stop);
  else if (Array.isArray(req.stop)) out.stop = req.stop.map(fn);
  for (const [field, value] of Object.entries(req)) {
    if (DECLARED_FIELDS.has(field) || IDENTIFIERS.has(field)) continue;
    // defineProperty: a pass-through field named `__proto__` stays a field.
    Object.defineProperty(out, field, { value: mapValueStrings(value, fn), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Names the request field a too-deep JSON document sits in. */
function naming<T>(param: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ShieldJsonDepthError && err.param === null) throw new ShieldJsonDepthError(param);
    throw err;
  }
}
