import { ApiError, type AssistantMessage, type ChatRequest, type FinishReason } from '../hub';

/**
 * When the exact response cache applies (README: Response cache). Off unless a key or a request opts in:
 * it is the one place Cailos keeps response text, so keeping it is always the client's choice, for a
 * bounded time.
 */

/** Lifetime of an entry unless the key or the request sets one. */
export const DEFAULT_CACHE_TTL_SECONDS = 3_600;
/** No entry outlives a day, whatever the key or the request asks. */
export const MAX_CACHE_TTL_SECONDS = 86_400;

/** Request header: `use` reads and stores for this request, `off` neither (even on a key that caches). */
export const CACHE_HEADER = 'x-cailos-cache';
/** Request header: lifetime in seconds of the entry this request stores (1 … MAX_CACHE_TTL_SECONDS). */
export const CACHE_TTL_HEADER = 'x-cailos-cache-ttl';

/** What a request's headers ask of the cache. */
export interface CacheDirective {
  mode?: 'use' | 'off';
  ttlSeconds?: number;
}

/** The key setting (tenancy: `responseCache`); older key copies may lack it. */
export interface ResponseCacheSetting {
  enabled?: boolean;
  ttlSeconds?: number;
}

/** `use`: read, and store a qualifying answer; `bypass`: opted in, but not for this request. */
export type CacheMode = { kind: 'use'; ttlSeconds: number } | { kind: 'bypass' };

function badHeader(header: string, message: string): ApiError {
  return new ApiError(400, { message, type: 'invalid_request_error', param: header, code: 'invalid_cache_header' });
}

/** The cache headers of a request; undefined when it sends neither. Malformed values are a 400. */
export function parseCacheHeaders(headers: Headers): CacheDirective | undefined {
  const mode = headers.get(CACHE_HEADER);
  const ttl = headers.get(CACHE_TTL_HEADER);
  if (mode === null && ttl === null) return undefined;
  const directive: CacheDirective = {};
  if (mode !== null) {
    const m = mode.trim().toLowerCase();
    if (m !== 'use' && m !== 'off') throw badHeader(CACHE_HEADER, `${CACHE_HEADER} must be 'use' or 'off' (got '${mode.slice(0, 20)}').`);
    directive.mode = m;
  }
  if (ttl !== null) {
    const seconds = /^\s*\d{1,9}\s*$/.test(ttl) ? Number(ttl) : NaN;
    if (!(seconds >= 1 && seconds <= MAX_CACHE_TTL_SECONDS))
      throw badHeader(
        CACHE_TTL_HEADER,
        `${CACHE_TTL_HEADER} must be whole seconds from 1 to ${MAX_CACHE_TTL_SECONDS} (got '${ttl.slice(0, 20)}').`,
      );
    directive.ttlSeconds = seconds;
  }
  return directive;
}

/**
 * What the cache does for this request: null when neither the key nor the request opted in (then the
 * request does no cache work at all), `bypass` when it opted in but this request does not qualify,
 * `use` otherwise. Synchronous: deciding costs no I/O.
 */
export function cacheMode(
  setting: ResponseCacheSetting | undefined,
  directive: CacheDirective | undefined,
  req: ChatRequest,
): CacheMode | null {
  if (directive?.mode === 'off') return { kind: 'bypass' };
  if (directive?.mode !== 'use' && setting?.enabled !== true) return null;
  if (fetchesRemoteContent(req)) return { kind: 'bypass' };
  return { kind: 'use', ttlSeconds: directive?.ttlSeconds ?? setting?.ttlSeconds ?? DEFAULT_CACHE_TTL_SECONDS };
}

/** An image given by URL may change behind the same URL, so the same request may ask about another image. */
function fetchesRemoteContent(req: ChatRequest): boolean {
  for (const m of req.messages) {
    if (!Array.isArray(m.content)) continue;
    for (const part of m.content) if (part.type === 'image_url' && !part.image_url.url.startsWith('data:')) return true;
  }
  return false;
}

const STORED_FINISH: readonly FinishReason[] = ['stop', 'length', 'tool_calls'];
const REPLAYED_FIELDS = new Set(['role', 'content', 'refusal', 'tool_calls']);

/**
 * Whether an answer may be stored: it ended on its own terms (`stop`, `length` at the request's own
 * limit, or `tool_calls`; never `content_filter`), it says something (an empty answer is more often an
 * upstream glitch than the model's answer), and it consists only of what a replay reproduces (text,
 * refusal, tool calls).
 */
export function storableAnswer(message: AssistantMessage, finishReason: FinishReason | null): boolean {
  if (!finishReason || !STORED_FINISH.includes(finishReason)) return false;
  for (const [field, value] of Object.entries(message))
    if (!REPLAYED_FIELDS.has(field) && value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) return false;
  return !!message.content || !!message.refusal || (message.tool_calls?.length ?? 0) > 0;
}
