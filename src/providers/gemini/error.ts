import type { UpstreamFailure } from '../types';

/**
 * Gemini errors are Google RPC statuses: `{ error: { code, message, status, details[] } }`
 * (the stream endpoint sometimes wraps it in a one-element array).
 */

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const CONTEXT_HINT = /token count|exceeds the maximum number of tokens|context (window|length)|too many tokens|input is too long/i;
const MAX_MESSAGE = 300;

/** `"46s"` / `"1.5s"` (google.protobuf.Duration JSON) → ms. */
function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

function detailsOf(error: Json): Json[] {
  return Array.isArray(error.details) ? error.details.filter(isObject) : [];
}

function retryDelayMs(error: Json): number | undefined {
  for (const d of detailsOf(error)) {
    if (String(d['@type'] ?? '').endsWith('google.rpc.RetryInfo')) return durationMs(d.retryDelay);
  }
  return undefined;
}

function hasReason(error: Json, reason: string): boolean {
  return detailsOf(error).some((d) => d.reason === reason);
}

function headerRetryMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  // Only the delta-seconds form: the HTTP-date form needs a clock, which adapters must not read.
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Classify a Google RPC error object. `httpStatus` is the HTTP status of the response that carried
 * it (200 for an error inside a stream); `error.code` is used when the HTTP status says nothing.
 */
export function failureFromErrorObject(error: Json, httpStatus: number, headers?: Headers): UpstreamFailure {
  const rpcStatus = typeof error.status === 'string' ? error.status : '';
  const code = httpStatus >= 400 ? httpStatus : typeof error.code === 'number' ? error.code : httpStatus;
  const text = typeof error.message === 'string' ? error.message : 'no message';
  const message = `upstream ${code}${rpcStatus ? ` ${rpcStatus}` : ''}: ${text.slice(0, MAX_MESSAGE)}`;
  const base = { status: httpStatus, message };

  if (code === 429 || rpcStatus === 'RESOURCE_EXHAUSTED') {
    const retryAfterMs = (headers && headerRetryMs(headers)) ?? retryDelayMs(error);
    return { ...base, kind: 'rate_limit', retryable: true, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  // Gemini answers a bad API key with 400 INVALID_ARGUMENT + reason API_KEY_INVALID.
  if (
    code === 401 ||
    code === 403 ||
    rpcStatus === 'UNAUTHENTICATED' ||
    rpcStatus === 'PERMISSION_DENIED' ||
    hasReason(error, 'API_KEY_INVALID')
  ) {
    return { ...base, kind: 'auth', retryable: true };
  }
  if (code === 404 || rpcStatus === 'NOT_FOUND') return { ...base, kind: 'not_found', retryable: true };
  if (code === 408) return { ...base, kind: 'timeout', retryable: true };
  if (code >= 500 || rpcStatus === 'UNAVAILABLE' || rpcStatus === 'INTERNAL' || rpcStatus === 'DEADLINE_EXCEEDED')
    return { ...base, kind: 'server', retryable: true };
  if (CONTEXT_HINT.test(text)) return { ...base, kind: 'context_length', retryable: true };
  // FAILED_PRECONDITION is e.g. "User location is not supported": another provider may serve it.
  if (rpcStatus === 'FAILED_PRECONDITION') return { ...base, kind: 'bad_request', retryable: true };
  return { ...base, kind: 'bad_request', retryable: false };
}

export function classifyGeminiError(status: number, bodyText: string, headers: Headers): UpstreamFailure {
  let error: Json | undefined;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    const root = Array.isArray(parsed) ? parsed[0] : parsed;
    if (isObject(root) && isObject(root.error)) error = root.error;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): classify by status alone.
  }
  return failureFromErrorObject(error ?? { message: bodyText.slice(0, 200) || 'no body' }, status, headers);
}
