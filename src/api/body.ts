import type { z } from 'zod';
import { type ChatRequest, chatRequest } from './chat-schema';
import { ApiError, fromZodError } from './errors';

/** Request bodies above this are refused with 413 (images should be URLs or modest data URLs). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  // The content-type is not enforced: `curl -d` sends form encoding by default, and the body is
  // JSON-parsed either way.
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) throw tooLarge();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(buffer));
  } catch {
    throw new ApiError(400, 'The body is not valid JSON. Check quotes, commas and brackets.', 'invalid_request_error', null, 'invalid_json');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, 'The body must be a JSON object.', 'invalid_request_error', null, 'invalid_json');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

function tooLarge(): ApiError {
  return new ApiError(413, `The request body exceeds the ${MAX_BODY_BYTES / 1024 / 1024} MB limit. Send images by URL or shorten the conversation.`, 'invalid_request_error', null, 'request_too_large');
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
