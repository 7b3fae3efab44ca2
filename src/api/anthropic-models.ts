import { ApiError, echo } from '../hub';
import type { ModelEntry } from './model-entries';

/**
 * Anthropic's models API shape, for clients that send `anthropic-version` (the Anthropic SDK's
 * `models.list()` / `models.retrieve()`): `{type: "model", id, display_name, created_at, ...}` and
 * pages of `{data, has_more, first_id, last_id}` with `limit` (default 20, 1–1000), `after_id` and
 * `before_id` cursors.
 */

export interface AnthropicModelInfo {
  type: 'model';
  id: string;
  display_name: string;
  /** RFC 3339. */
  created_at: string;
  max_input_tokens: number;
  max_tokens: number;
}

export interface AnthropicModelPage {
  data: AnthropicModelInfo[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

function displayName(m: ModelEntry): string {
  if (m.kind === 'router') return m.strategy ? `Cailos auto (${m.strategy})` : 'Cailos auto';
  return m.id;
}

export function toAnthropicModel(m: ModelEntry): AnthropicModelInfo {
  return {
    type: 'model',
    id: m.id,
    display_name: displayName(m),
    created_at: new Date(m.created * 1000).toISOString(),
    max_input_tokens: m.context_length,
    max_tokens: m.max_output_tokens,
  };
}

const invalid = (message: string, param: string) => new ApiError(400, { message, param, code: 'invalid_request' });

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
    throw invalid(`limit must be an integer from 1 to ${MAX_LIMIT} (got '${echo(raw)}').`, 'limit');
  return n;
}

function indexOf(entries: readonly ModelEntry[], id: string, param: string): number {
  const i = entries.findIndex((m) => m.id === id);
  if (i < 0) throw invalid(`${param} '${echo(id)}' names no listed model.`, param);
  return i;
}

/** One page of the list: after `after_id`, or the page just before `before_id`, else from the start. */
export function anthropicModelPage(
  entries: readonly ModelEntry[],
  query: { limit?: string; after_id?: string; before_id?: string },
): AnthropicModelPage {
  const limit = parseLimit(query.limit);
  let start = 0;
  let end: number;
  let hasMore: boolean;
  if (query.before_id) {
    end = indexOf(entries, query.before_id, 'before_id');
    start = Math.max(0, end - limit);
    hasMore = start > 0;
  } else {
    if (query.after_id) start = indexOf(entries, query.after_id, 'after_id') + 1;
    end = Math.min(entries.length, start + limit);
    hasMore = end < entries.length;
  }
  const data = entries.slice(start, end).map(toAnthropicModel);
  return { data, has_more: hasMore, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}
