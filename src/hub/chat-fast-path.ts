import { type ChatRequest, chatRequest } from './chat-schema';

/**
 * The chat body most clients send (a model, plain-text messages, a few sampling numbers), checked by
 * hand: zod's validation runs without its compiled fast path in Workers (no `new Function`) and was a
 * visible share of a gateway-mode request's CPU (bench/overhead/cpu-profile.md). Anything this does not
 * recognise, or recognises as wrong, returns undefined and goes through the schema, which alone words
 * the errors. What it accepts the schema accepts too, and it returns what the schema would: the fields in
 * the schema's order, message objects rebuilt with their known fields only (test/api/chat-fast-path.test.ts
 * compares the two on generated bodies).
 */

/** Top-level fields in the schema's order (the order of the object zod returns). */
const FIELD_ORDER = Object.keys(chatRequest.shape);

type Check = (v: unknown) => boolean;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const range =
  (lo: number, hi: number): Check =>
  (v) =>
    v === null || (num(v) && v >= lo && v <= hi);
const positiveInt: Check = (v) => v === null || (Number.isSafeInteger(v) && (v as number) > 0);

// A Map, not an object literal: a body field named `constructor` or `__proto__` must find no check.
const FIELDS = new Map<string, Check>(
  Object.entries<Check>({
    model: (v) => typeof v === 'string' && v.length > 0,
    messages: (v) => Array.isArray(v) && v.length > 0 && v.every(plainMessage),
    temperature: range(0, 2),
    top_p: range(0, 1),
    max_tokens: positiveInt,
    max_completion_tokens: positiveInt,
    seed: (v) => v === null || Number.isSafeInteger(v),
    user: (v) => typeof v === 'string',
    n: (v) => v === null || v === 1,
    presence_penalty: range(-2, 2),
    frequency_penalty: range(-2, 2),
    stream: (v) => v === null || typeof v === 'boolean',
    stream_options: (v) =>
      v === null || (isPlainObject(v) && Object.keys(v).every((k) => k === 'include_usage' && typeof v[k] === 'boolean')),
  }),
);

const ROLES = new Set(['system', 'developer', 'user', 'assistant']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A message with a text role, string content and at most a name: nothing else. */
function plainMessage(m: unknown): boolean {
  if (!isPlainObject(m) || typeof m.role !== 'string' || !ROLES.has(m.role) || typeof m.content !== 'string') return false;
  for (const k in m) if (k !== 'role' && k !== 'content' && !(k === 'name' && typeof m.name === 'string')) return false;
  return true;
}

/** The body as the schema would return it, or undefined when it is not the plain shape (the schema decides then). */
export function plainChatRequest(body: Record<string, unknown>): ChatRequest | undefined {
  for (const k in body) {
    const check = FIELDS.get(k);
    if (!check || !check(body[k])) return undefined;
  }
  if (!('model' in body) || !('messages' in body)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) {
    if (!(k in body)) continue;
    const v = body[k];
    if (k === 'messages') out.messages = (v as Record<string, unknown>[]).map(copyMessage);
    else if (k === 'stream_options' && v !== null) out.stream_options = { ...(v as object) };
    else out[k] = v;
  }
  return out as ChatRequest;
}

function copyMessage(m: Record<string, unknown>): Record<string, unknown> {
  return 'name' in m ? { role: m.role, content: m.content, name: m.name } : { role: m.role, content: m.content };
}
