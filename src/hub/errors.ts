import type { ZodError } from 'zod';
import { echo, MAX_ECHO_CHARS } from './echo';
import type { OpenAIErrorBody } from './openai-types';

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'insufficient_quota'
  | 'api_error'
  | 'upstream_error';

/** An error the client should see, in OpenAI's envelope, with the right HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: ErrorType = 'invalid_request_error',
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }

  toResponse(extraHeaders: Record<string, string> = {}): Response {
    return Response.json(this.body(), { status: this.status, headers: { ...this.headers, ...extraHeaders } });
  }
}

export const badRequest = (message: string, param: string | null = null, code: string | null = 'invalid_request') =>
  new ApiError(400, message, 'invalid_request_error', param, code);

/** Turn zod issues into one message naming the first offending field, as OpenAI does. */
export function fromZodError(err: ZodError): ApiError {
  const issue = err.issues[0];
  const path = issue?.path ?? [];
  const param = path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[')
    : null;
  let message = issue?.message ?? 'invalid request body';
  if (issue?.code === 'invalid_union' && path.at(-1) === 'role') message = 'unknown role';
  if (issue?.code === 'invalid_union' || issue?.code === 'invalid_value') {
    const role = path.length >= 2 && path[0] === 'messages' ? 'message' : null;
    if (role && issue.code === 'invalid_union')
      message = `${message}: each message needs a role of system, developer, user, assistant or tool with matching fields`;
  }
  // Zod quotes input (an unrecognised key, a record key in the path): never a megabyte of it back.
  const shownParam = param === null ? null : echo(param);
  message = echo(message, 3 * MAX_ECHO_CHARS);
  return new ApiError(
    400,
    shownParam ? `Invalid value for '${shownParam}': ${message}` : message,
    'invalid_request_error',
    shownParam,
    'invalid_request',
  );
}
