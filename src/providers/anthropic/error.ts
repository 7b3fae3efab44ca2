import type { UpstreamFailure } from '../types';

/** Classify a non-2xx Anthropic response. Pure. */

// "prompt is too long: 208000 tokens > 200000 maximum", "input length and `max_tokens` exceed context limit…"
const CONTEXT_HINT = /prompt is too long|context (window|limit|length)|exceeds? (the )?context|too many (input )?tokens/i;

export function classifyAnthropicError(status: number, bodyText: string, headers: Headers): UpstreamFailure {
  const { type, message } = readErrorBody(status, bodyText);
  const base = { status, message };
  if (status === 429 || type === 'rate_limit_error') {
    return { ...base, kind: 'rate_limit', retryable: true, retryAfterMs: retryAfterMs(headers) };
  }
  if (status === 529 || type === 'overloaded_error') return { ...base, kind: 'overloaded', retryable: true };
  if (status === 408 || status === 504) return { ...base, kind: 'timeout', retryable: true };
  if (status >= 500) return { ...base, kind: 'server', retryable: true };
  // Another provider, with other credentials or billing, may well serve the same request.
  if (status === 401 || status === 403 || type === 'billing_error') return { ...base, kind: 'auth', retryable: true };
  if (status === 404) return { ...base, kind: 'not_found', retryable: true };
  // The router can move an over-long prompt (or an over-large body) to an endpoint with a bigger window.
  if (status === 413 || ((status === 400 || status === 422) && CONTEXT_HINT.test(message))) {
    return { ...base, kind: 'context_length', retryable: true };
  }
  return { ...base, kind: 'bad_request', retryable: false };
}

function readErrorBody(status: number, bodyText: string): { type: string; message: string } {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    const error = typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : undefined;
    if (typeof error === 'object' && error !== null) {
      const { type, message } = error as { type?: unknown; message?: unknown };
      return {
        type: typeof type === 'string' ? type : '',
        message: typeof message === 'string' && message ? message.slice(0, 500) : `upstream error ${status}`,
      };
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through.
  }
  return { type: '', message: `upstream error ${status}` };
}

/** Anthropic sends retry-after in seconds. */
function retryAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
