import { detectEntities } from './detect';
import { ENTITY_TYPES, type Detection, type EntityType } from './types';

/*
 * Conversations resend every earlier message with each turn, and system prompts repeat on every request, so
 * one key's requests carry the same texts again and again. Their detections are remembered per key: the
 * entry is keyed by the key's scope, the entity types asked for and two 32-bit hashes and the length of the
 * text, and holds only spans (type, start, end) — never the text. Isolate memory only, bounded, the oldest
 * entry leaving first. A scope is one key's: a text crafted to collide with another key's text finds nothing.
 * The hashes are not cryptographic: a sender of the same key who crafts a collision could get a text through
 * with an earlier text's spans, which is no more than that sender can do by spelling the data differently —
 * cloaking protects data from the provider, not against the one who sends it.
 */

export const DETECTION_CACHE_ENTRIES = 1024;
/** Longer texts are detected every time: hashing them costs little, but they rarely repeat whole. */
const MAX_TEXT_CHARS = 32_768;
/** Entries with more spans than this are not kept (bounds the cache's memory). */
const MAX_SPANS = 256;

const cache = new Map<string, Detection[]>();

/**
 * The text's part of the key: its length, its FNV-1a hash (lib's fnv1a) and a second, independent 32-bit hash
 * (murmur-style mixing per code unit). Both are computed in one pass: the two chains do not depend on each
 * other, so the CPU runs them side by side (the user's message is hashed on every request).
 */
function textKey(text: string): string {
  let f = 0x811c9dc5;
  let h = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    f = Math.imul(f ^ c, 0x01000193);
    h = Math.imul(h ^ c, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return `${text.length}:${f >>> 0}:${h >>> 0}`;
}

function entitiesKey(entities: ReadonlySet<EntityType>): string {
  let k = '';
  for (const t of ENTITY_TYPES) k += entities.has(t) ? '1' : '0';
  return k;
}

const copy = (spans: Detection[]): Detection[] => spans.map((d) => ({ type: d.type, start: d.start, end: d.end }));

/** detectEntities, answered from the scope's earlier identical text when there is one. */
export function detectEntitiesCached(text: string, entities: ReadonlySet<EntityType>, scope: string): Detection[] {
  if (text.length === 0 || text.length > MAX_TEXT_CHARS) return detectEntities(text, entities);
  const key = `${scope}\u0000${entitiesKey(entities)}\u0000${textKey(text)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last: the oldest leaves first when full
    cache.set(key, hit);
    return copy(hit);
  }
  const found = detectEntities(text, entities);
  if (found.length <= MAX_SPANS) {
    if (cache.size >= DETECTION_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, copy(found));
  }
  return found;
}

/** Entries held in this isolate (for tests and operators). */
export function detectionCacheSize(): number {
  return cache.size;
}
