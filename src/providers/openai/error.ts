import type { UpstreamFailure } from '../types';

export function parseRetryAfter(headers: Headers): number | undefined {
  const raw = headers.get('retry-after-ms') ?? headers.get('retry-after');
  if (!raw) return undefined;
  if (headers.get('retry-after-ms')) return Number(raw) || undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function errorMessage(bodyText: string): { message: string; code: string } {
  try {
    const j = JSON.parse(bodyText);
    const e = j?.error ?? j;
    return { message: String(e?.message ?? bodyText).slice(0, 500), code: String(e?.code ?? e?.type ?? '') };
  } catch {
    return { message: bodyText.slice(0, 200) || 'no body', code: '' };
  }
}

const CONTEXT_HINT = /context[_ ]length|maximum context|too many tokens|context window|prompt is too long|reduce the length/i;

/** Shared by every wire format whose error bodies look like OpenAI's. */
export function classifyOpenAIError(status: number, bodyText: string, headers: Headers): UpstreamFailure {
  const { message, code } = errorMessage(bodyText);
  const base = { status, message: `upstream ${status}: ${message}` };
  if (status === 429) return { ...base, kind: 'rate_limit', retryable: true, retryAfterMs: parseRetryAfter(headers) };
  if (status === 408) return { ...base, kind: 'timeout', retryable: true };
  if (status === 529) return { ...base, kind: 'overloaded', retryable: true };
  if (status >= 500) return { ...base, kind: 'server', retryable: true };
  // 402 is the gateway's account out of credit (OpenRouter): an account problem like auth, not the client's request.
  if (status === 401 || status === 402 || status === 403) return { ...base, kind: 'auth', retryable: true };
  if (status === 404) return { ...base, kind: 'not_found', retryable: true };
  if ((status === 400 || status === 413 || status === 422) && (CONTEXT_HINT.test(message) || code === 'context_length_exceeded')) {
    return { ...base, kind: 'context_length', retryable: true };
  }
  return { ...base, kind: 'bad_request', retryable: false };
}
