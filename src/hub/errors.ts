import type { ZodError } from 'zod';
import { echo, MAX_ECHO_CHARS } from './echo';
import type { Attempt } from './attempts';
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

export interface ApiErrorOptions {
  message: string;
  type?: ErrorType;
  /** The request field at fault, e.g. `messages[2].content`. */
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
  /** The endpoints tried before the request failed, for its trace and log row. */
  attempts?: Attempt[];
  cause?: unknown;
}

/** An error the client should see, in OpenAI's envelope, with the right HTTP status. */
export class ApiError extends Error {
  readonly type: ErrorType;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;
  /** Set where the error is created, or by the fallback executor when it passes one on. */
  attempts?: Attempt[];

  constructor(
    readonly status: number,
    options: ApiErrorOptions,
  ) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.type = options.type ?? 'invalid_request_error';
    this.param = options.param ?? null;
    this.code = options.code ?? null;
    this.headers = { ...options.headers };
    this.attempts = options.attempts;
  }

  body(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }

  toResponse(extraHeaders: Record<string, string> = {}): Response {
    return Response.json(this.body(), { status: this.status, headers: { ...this.headers, ...extraHeaders } });
  }
}

export const badRequest = (message: string, param: string | null = null, code: string | null = 'invalid_request') =>
  new ApiError(400, { message, param, code });

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
  return new ApiError(400, {
    message: shownParam ? `Invalid value for '${shownParam}': ${message}` : message,
    param: shownParam,
    code: 'invalid_request',
  });
}
