import type { CacheControl, ChatMessage, ChatRequest, ContentPart } from '../hub';
import { fnv1a } from '../lib';

/**
 * The prompt-cache prefixes of a request, as hashes: Anthropic caches the prompt in the order tools →
 * system → messages, up to each `cache_control` breakpoint, and looks a later request's prefix up at
 * block boundaries. Walking the request in that order, a running hash is taken after every block
 * (a tool, a content part, a tool call, a tool result…): `boundaries` are those hashes up to the last
 * breakpoint, `breakpoints` the ones at a breakpoint with its time to live. Pure; the text is hashed,
 * never kept. Two independent 32-bit FNV-1a streams make a 64-bit hash.
 */

/** Anthropic's cache lifetimes: 5 minutes by default, 1 hour with `ttl: "1h"`. */
export const CACHE_TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

export interface CachePrefixes {
  boundaries: string[];
  breakpoints: { hash: string; ttlMs: number }[];
}

const SEED_A = 0x811c9dc5;
const SEED_B = 0x01000193;

class RunningHash {
  private a = SEED_A;
  private b = SEED_B;
  /** A tag, the text and a separator: blocks of different kinds or split differently hash differently. */
  feed(tag: string, text: string): void {
    this.a = fnv1a('\u0001', fnv1a(text, fnv1a(tag, this.a)));
    this.b = fnv1a('\u0001', fnv1a(text, fnv1a(tag, this.b ^ 0x5bd1e995)));
  }
  get value(): string {
    return this.a.toString(16).padStart(8, '0') + this.b.toString(16).padStart(8, '0');
  }
}

const ttlOf = (cc: CacheControl): number => CACHE_TTL_MS[cc.ttl ?? '5m'];

/** Whether any tool, message or part carries a breakpoint: a scan of flags, no text read. */
export function marksBreakpoints(req: ChatRequest): boolean {
  if (req.tools?.some((t) => t.cache_control)) return true;
  return req.messages.some((m) => m.cache_control || (Array.isArray(m.content) && m.content.some((p) => p.cache_control)));
}

/** Null when the request marks no breakpoint: then there is no cache to stay near (and nothing is hashed). */
export function cachePrefixes(req: ChatRequest): CachePrefixes | null {
  if (!marksBreakpoints(req)) return null;
  const hash = new RunningHash();
  const boundaries: string[] = [];
  const breakpoints: CachePrefixes['breakpoints'] = [];
  const block = (tag: string, text: string, cc?: CacheControl) => {
    hash.feed(tag, text);
    boundaries.push(hash.value);
    if (cc) breakpoints.push({ hash: hash.value, ttlMs: ttlOf(cc) });
  };
  for (const t of req.tools ?? []) {
    block(
      'tool',
      `${t.function.name}\u0000${t.function.description ?? ''}\u0000${JSON.stringify(t.function.parameters ?? {})}`,
      t.cache_control,
    );
  }
  const isSystem = (m: ChatMessage) => m.role === 'system' || m.role === 'developer';
  for (const m of req.messages) if (isSystem(m)) messageBlocks(m, block);
  for (const m of req.messages) if (!isSystem(m)) messageBlocks(m, block);
  if (breakpoints.length === 0) return null;
  const last = boundaries.lastIndexOf(breakpoints[breakpoints.length - 1].hash);
  return { boundaries: boundaries.slice(0, last + 1), breakpoints };
}

type Block = (tag: string, text: string, cc?: CacheControl) => void;

/** A message's blocks in order; a message-level breakpoint marks its last block. */
function messageBlocks(m: ChatMessage, block: Block): void {
  const items: [string, string, CacheControl | undefined][] = [];
  const role = m.role === 'developer' ? 'system' : m.role;
  if (m.role === 'assistant') for (const t of m.thinking_blocks ?? []) items.push([`${role}:thinking`, JSON.stringify(t), undefined]);
  if (m.role === 'tool') {
    // A breakpoint inside a tool result marks the whole result block (as the Anthropic adapter sends it).
    const inner = typeof m.content === 'string' ? undefined : m.content.findLast((p) => p.cache_control)?.cache_control;
    items.push([`tool_result:${m.tool_call_id}`, contentText(m.content), inner]);
  } else if (typeof m.content === 'string') items.push([`${role}:text`, m.content, undefined]);
  else for (const p of m.content ?? []) items.push([`${role}:${p.type}`, partText(p), p.cache_control]);
  if (m.role === 'assistant')
    for (const c of m.tool_calls ?? [])
      items.push([`${role}:tool_use:${c.id}`, `${c.function.name}\u0000${c.function.arguments}`, undefined]);
  if (m.cache_control && items.length > 0) items[items.length - 1][2] = m.cache_control;
  for (const [tag, text, cc] of items) block(tag, text, cc);
}

const partText = (p: ContentPart): string => (p.type === 'text' ? p.text : p.image_url.url);

function contentText(content: string | ContentPart[]): string {
  return typeof content === 'string' ? content : content.map(partText).join('\u0000');
}
