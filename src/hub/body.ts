import type { z } from 'zod';
import { type ChatRequest, chatRequest } from './chat-schema';
import { ApiError, fromZodError } from './errors';

/** Request bodies above this are refused with 413 (images should be URLs or modest data URLs). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Deepest nesting of arrays and objects a JSON body may have. Real requests stay far below it (a
 * tool's JSON Schema nested 25 levels is still under 64); deeper input only serves to make a parser
 * or a recursive walk overflow its stack. Tool-call arguments and tool results are JSON *strings*
 * inside the body, so this limit does not reach into them.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Reads, parses and validates a JSON body. `plain`, when given, recognises the common shape of this body without
 * the schema and returns exactly what the schema would (or undefined: the schema then validates and words any error).
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  plain?: (body: Record<string, unknown>) => z.infer<T> | undefined,
): Promise<z.infer<T>> {
  const length = request.headers.get('content-length');
  if (Number(length ?? '0') > MAX_BODY_BYTES) throw tooLarge();
  // The content-type is not enforced: `curl -d` sends form encoding by default, and the body is
  // JSON-parsed either way.
  const text = await bodyText(request, length !== null);
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new ApiError(400, {
      message: `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep. Flatten the structure.`,
      code: 'invalid_request',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, { message: 'The body is not valid JSON. Check quotes, commas and brackets.', code: 'invalid_json' });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, { message: 'The body must be a JSON object.', code: 'invalid_json' });
  }
  const recognised = plain?.(parsed as Record<string, unknown>);
  if (recognised !== undefined) return recognised;
  const result = schema.safeParse(parsed);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

/**
 * The body as text (UTF-8, a byte order mark dropped, invalid bytes replaced, as TextDecoder does). A body of
 * declared length (checked above) is read whole by the runtime, which frames it by that length: one native
 * read and decode instead of a JS loop over its chunks, a visible share of a gateway-mode request's CPU.
 */
async function bodyText(request: Request, lengthDeclared: boolean): Promise<string> {
  if (lengthDeclared) {
    const text = await request.text();
    // Should the length header and the body disagree: every UTF-16 unit decodes from at least one byte.
    if (text.length > MAX_BODY_BYTES) throw tooLarge();
    return text;
  }
  return new TextDecoder().decode(await readBodyBytes(request));
}

/**
 * The body, read chunk by chunk with a byte count: a chunked upload (no content-length) that
 * passes MAX_BODY_BYTES is cancelled there and answered 413, never buffered whole.
 */
async function readBodyBytes(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Whether JSON text nests `[`/`{` deeper than `max`, found by one scan of the raw text (brackets
 * inside strings skipped), before anything is parsed and without recursion. For text that is not
 * valid JSON the answer may be either; JSON.parse then rejects it anyway.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i);
      if (i < 0) return false;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Index of the quote that closes the string opened at `open`, or -1 (an unterminated string). */
function closingQuote(text: string, open: number): number {
  let j = open;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return -1;
    // A quote preceded by an odd run of backslashes is escaped.
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
}

function tooLarge(): ApiError {
  return new ApiError(413, {
    message: `The request body exceeds the ${MAX_BODY_BYTES / 1024 / 1024} MB limit. Send images by URL or shorten the conversation.`,
    code: 'request_too_large',
  });
}

/**
 * For inbound adapters (Responses, Messages): a hub request assembled from another dialect goes
 * through the same validation as a chat completion body; undefined fields are simply absent.
 */
export function toChatRequest(candidate: Record<string, unknown>): ChatRequest {
  const defined = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  const parsed = chatRequest.safeParse(defined);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
