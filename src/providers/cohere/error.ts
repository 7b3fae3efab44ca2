import type { UpstreamFailure } from '../types';
import { isRecord } from './common';

/**
 * Classify a non-2xx Cohere response. Cohere error bodies are `{"id": ..., "message": ...}`.
 * The message is passed on truncated; Cohere's validation messages describe the request shape,
 * not its text.
 */

const CONTEXT_OVERFLOW =
  /too many tokens|context (length|window)|maximum (context|number of tokens)|exceeds? the (model'?s )?(context|token limit)|(prompt|input) is too long/i;
const MAX_MESSAGE = 300;

function errorMessage(status: number, bodyText: string): string {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (isRecord(body) && typeof body.message === 'string' && body.message.trim() !== '') {
      return body.message.slice(0, MAX_MESSAGE);
    }
  } catch {
    // Not JSON (proxies, gateways): fall through to a generic message.
  }
  return `Cohere returned HTTP ${status}`;
}

/** Retry-After in seconds (Cohere sends delta-seconds; HTTP dates would need a clock, so are ignored). */
function retryAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
  return Math.round(Number(raw.trim()) * 1000);
}

export function classifyCohereError(status: number, bodyText: string, headers: Headers): UpstreamFailure {
  const message = errorMessage(status, bodyText);
  const failure = (kind: UpstreamFailure['kind'], retryable: boolean): UpstreamFailure => ({
    kind,
    retryable,
    status,
    message,
  });

  if (status === 429) {
    const f = failure('rate_limit', true);
    const after = retryAfterMs(headers);
    if (after !== undefined) f.retryAfterMs = after;
    return f;
  }
  if (status >= 500) return failure('server', true);
  if (status === 401 || status === 403) return failure('auth', true); // our key, not the client's fault
  if (status === 404) return failure('not_found', true); // model id unknown to this provider
  if (status === 408) return failure('timeout', true);
  if ((status === 400 || status === 422) && CONTEXT_OVERFLOW.test(message)) return failure('context_length', true);
  return failure('bad_request', false);
}
