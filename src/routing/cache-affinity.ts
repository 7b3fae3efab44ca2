import type { Endpoint } from '../catalog';
import type { ChatRequest } from '../hub';
import { type CachePrefixes, cachePrefixes } from './cache-prefix';

/**
 * Cache affinity: which endpoint holds the prompt cache of a key's conversation. A request that marks
 * `cache_control` breakpoints is looked up by (key, hash of its prompt prefix at every block boundary up
 * to its last breakpoint); when it answers, its breakpoints' prefixes are remembered with the endpoint
 * that answered, for as long as that endpoint keeps them (Anthropic: 5 minutes, 1 hour with ttl "1h",
 * renewed on each use). In isolate memory only, bounded and least-recently-used first out: nothing on
 * the request path waits for storage, and an isolate that never saw the conversation simply has no
 * preference. Each entry is a hash and an endpoint id, never text.
 */

/** Entries kept per isolate (~100 bytes each). */
export const MAX_AFFINITY_ENTRIES = 10_000;

interface Entry {
  endpointId: string;
  expiresAt: number;
  ttlMs: number;
}

/** Map order is insertion order: re-inserting on use keeps the least recently used first. */
const entries = new Map<string, Entry>();

/** What the routing decision carries for the request flow to remember once an endpoint answered. */
export interface CacheAffinity {
  keyId: string;
  prefixes: CachePrefixes;
  /** The endpoint holding the longest cached prefix, when one does, and that prefix's hash. */
  holder?: { endpointId: string; expiresAt: number; hash: string };
}

const entryKey = (keyId: string, hash: string) => `${keyId}|${hash}`;

/** The request's prefixes and the endpoint holding the longest of them; null without breakpoints. */
export function lookupCacheAffinity(keyId: string, req: ChatRequest, now: number): CacheAffinity | null {
  const prefixes = cachePrefixes(req);
  if (!prefixes) return null;
  for (let i = prefixes.boundaries.length - 1; i >= 0; i--) {
    const hash = prefixes.boundaries[i];
    const k = entryKey(keyId, hash);
    const entry = entries.get(k);
    if (!entry) continue;
    entries.delete(k);
    if (entry.expiresAt <= now) continue;
    entries.set(k, entry); // most recently used
    return { keyId, prefixes, holder: { endpointId: entry.endpointId, expiresAt: entry.expiresAt, hash } };
  }
  return { keyId, prefixes };
}

/**
 * An endpoint holds a prompt cache when the catalog prices cache reads for it (Anthropic, where
 * cache_control is forwarded, and providers that cache prompts on their own).
 */
export function holdsPromptCache(endpoint: Endpoint): boolean {
  return endpoint.pricing.cachedInputPerMTok !== undefined;
}

/**
 * After a successful answer: the endpoint now holds every breakpoint's prefix, for that breakpoint's
 * TTL; and a prefix it was found holding was read, which renews its lifetime as a cache read does.
 */
export function recordCacheAffinity(affinity: CacheAffinity | undefined, endpoint: Endpoint | undefined, now: number): void {
  if (!affinity || !endpoint || !holdsPromptCache(endpoint)) return;
  const marks = [...affinity.prefixes.breakpoints];
  const read = affinity.holder?.endpointId === endpoint.id ? entries.get(entryKey(affinity.keyId, affinity.holder.hash)) : undefined;
  if (read && affinity.holder) marks.unshift({ hash: affinity.holder.hash, ttlMs: read.ttlMs });
  for (const { hash, ttlMs } of marks) {
    const k = entryKey(affinity.keyId, hash);
    const previous = entries.get(k);
    entries.delete(k);
    // A 1-hour entry outlives a later 5-minute mark of the same prefix on the same endpoint.
    const same = previous?.endpointId === endpoint.id;
    const longest = same ? Math.max(previous.ttlMs, ttlMs) : ttlMs;
    entries.set(k, { endpointId: endpoint.id, expiresAt: Math.max(same ? previous.expiresAt : 0, now + ttlMs), ttlMs: longest });
  }
  while (entries.size > MAX_AFFINITY_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** Entries held (for tests and the bound). */
export function cacheAffinitySize(): number {
  return entries.size;
}

/** Forgets every entry (tests). */
export function clearCacheAffinity(): void {
  entries.clear();
}
