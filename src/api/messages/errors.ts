import { ApiError } from '../../hub';

/** Cailos errors in Anthropic's envelope: `{type: 'error', error: {type, message}}`, same HTTP status. */

export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'timeout_error'
  | 'overloaded_error'
  | 'api_error';

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: AnthropicErrorType; message: string };
}

export function anthropicErrorType(status: number): AnthropicErrorType {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'billing_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 504) return 'timeout_error';
  if (status === 503 || status === 529) return 'overloaded_error';
  if (status >= 400 && status < 500) return 'invalid_request_error';
  return 'api_error';
}

export function anthropicErrorBody(err: ApiError): AnthropicErrorBody {
  return { type: 'error', error: { type: anthropicErrorType(err.status), message: err.message } };
}

/** Any thrown value → an Anthropic-shaped error response (unexpected errors are 500, body never logged). */
export function anthropicErrorResponse(err: unknown): Response {
  const apiError =
    err instanceof ApiError
      ? err
      : new ApiError(500, {
          message: 'Internal error in the gateway. The request was not billed.',
          type: 'api_error',
          code: 'internal_error',
        });
  if (!(err instanceof ApiError)) console.error('unhandled error', (err as Error)?.name, (err as Error)?.message);
  return Response.json(anthropicErrorBody(apiError), { status: apiError.status, headers: apiError.headers });
}
