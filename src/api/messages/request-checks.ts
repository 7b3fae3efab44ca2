import { badRequest, type ChatRequest } from '../../hub';
import type { CountTokensRequest } from './schema';

/**
 * Rules of Anthropic's Messages API that Cailos enforces at the boundary, so a client gets the same
 * 400 whichever provider the request would have reached, and the request's structured-output ask in
 * hub terms. Pure.
 */

/** Anthropic accepts at most this many blocks with cache_control per request. */
export const MAX_CACHE_BREAKPOINTS = 4;

const hasCache = (x: unknown): boolean => typeof x === 'object' && x !== null && (x as { cache_control?: unknown }).cache_control != null;

function countBreakpoints(body: CountTokensRequest): number {
  let n = 0;
  for (const t of body.tools ?? []) if (hasCache(t)) n++;
  if (Array.isArray(body.system)) for (const b of body.system) if (hasCache(b)) n++;
  for (const m of body.messages) {
    if (!Array.isArray(m.content)) continue;
    for (const b of m.content) {
      if (hasCache(b)) n++;
      const inner = (b as { content?: unknown }).content;
      if (b.type === 'tool_result' && Array.isArray(inner)) for (const c of inner) if (hasCache(c)) n++;
    }
  }
  return n;
}

export function checkCacheBreakpoints(body: CountTokensRequest): void {
  const n = countBreakpoints(body);
  if (n > MAX_CACHE_BREAKPOINTS) {
    throw badRequest(
      `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided; this request has ${n}.`,
      'cache_control',
      'too_many_cache_breakpoints',
    );
  }
}

/** Anthropic's minimum thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

/** `enabled` thinking needs a budget of at least 1,024 tokens, below max_tokens (count_tokens has none to compare). */
export function checkThinking(body: CountTokensRequest): void {
  const t = body.thinking;
  if (t?.type !== 'enabled') return;
  if (t.budget_tokens === undefined || t.budget_tokens < MIN_THINKING_BUDGET) {
    throw badRequest(
      `thinking.budget_tokens must be at least ${MIN_THINKING_BUDGET} when thinking is enabled.`,
      'thinking.budget_tokens',
      'invalid_thinking',
    );
  }
  if (body.max_tokens !== undefined && t.budget_tokens >= body.max_tokens) {
    throw badRequest('max_tokens must be greater than thinking.budget_tokens.', 'thinking.budget_tokens', 'invalid_thinking');
  }
}

/**
 * `output_config.format` (or its beta name `output_format`) as the hub's json_schema response format,
 * which routes only to endpoints that can produce it and is translated per provider.
 */
export function structuredOutput(body: CountTokensRequest): ChatRequest['response_format'] {
  const format = body.output_config?.format ?? body.output_format;
  if (!format) return undefined;
  return { type: 'json_schema', json_schema: { name: 'output', schema: format.schema, strict: true } };
}
