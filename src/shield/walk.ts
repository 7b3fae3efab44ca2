import type { ChatMessage, ChatRequest, ContentPart } from '../api/chat-schema';

/** Apply fn to every string value inside a JSON document (keys untouched); invalid JSON → null. */
export function mapJsonStrings(json: string, fn: (s: string) => string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return fn(v);
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = visit(x);
      return out;
    }
    return v;
  };
  return JSON.stringify(visit(parsed));
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

function mapContent(
  content: string | ContentPart[],
  fn: (s: string) => string,
  json: boolean,
): string | ContentPart[] {
  if (typeof content === 'string') return json ? mapMaybeJson(content, fn) : fn(content);
  // Image parts (URLs, data URIs) are never touched.
  return content.map((p) => (p.type === 'text' ? { ...p, text: json ? mapMaybeJson(p.text, fn) : fn(p.text) } : p));
}

/**
 * A copy of req with fn applied to every text the provider will read: message contents and text parts,
 * assistant tool-call arguments (inside JSON string values) and tool results. Tool names, schemas,
 * image URLs and ids are never passed to fn. Strings are visited in message order.
 */
export function walkRequestTexts(req: ChatRequest, fn: (s: string) => string): ChatRequest {
  const messages = req.messages.map((m): ChatMessage => {
    switch (m.role) {
      case 'assistant': {
        const content = m.content == null ? m.content : mapContent(m.content, fn, false);
        const tool_calls = m.tool_calls?.map((c) => ({
          ...c,
          function: { ...c.function, arguments: mapJsonArguments(c.function.arguments, fn) },
        }));
        return { ...m, content, ...(tool_calls ? { tool_calls } : {}) };
      }
      case 'tool':
        return { ...m, content: mapContent(m.content, fn, true) };
      default:
        return { ...m, content: mapContent(m.content, fn, false) };
    }
  });
  return { ...req, messages };
}

function mapJsonArguments(args: string, fn: (s: string) => string): string {
  const mapped = mapJsonStrings(args, fn);
  // Arguments that are not valid JSON are cloaked as text; placeholders contain no JSON-special characters.
  return mapped ?? fn(args);
}
