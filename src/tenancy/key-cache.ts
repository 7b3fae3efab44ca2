import type { KeyRecord } from './types';

/**
 * Isolate-memory cache of resolved keys, so the steady-state request path never waits on KV or D1.
 * A revocation reaches this isolate immediately when it serves the revoke, and other isolates
 * within POSITIVE_TTL_MS (plus KV's own propagation for the KV copy, deleted on revoke).
 *
 * A key in use is re-read in the background (the request's waitUntil) once REFRESH_AFTER_MS of its
 * TTL has passed, so busy keys never expire on the request path. Nothing here shares a pending promise
 * between requests: workerd ties a promise's I/O to the request that started it, and a request awaiting
 * another request's lookup can hang when that request ends first (seen in the overhead soak as "code
 * had hung" 500s). A cold miss therefore loads for itself, even when another request is loading the
 * same key.
 */
export const POSITIVE_TTL_MS = 30_000;
export const REFRESH_AFTER_MS = 20_000;
const NEGATIVE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  record: KeyRecord | null;
  loadedAt: number;
  expiresAt: number;
  refreshing: boolean;
}

const entries = new Map<string, Entry>();
/** Last eviction per key: a lookup that started before it must not put the old record back. */
const evictedAt = new Map<string, number>();

function store(keyHash: string, record: KeyRecord | null, startedAt: number): void {
  if ((evictedAt.get(keyHash) ?? -Infinity) >= startedAt) return;
  if (!entries.has(keyHash) && entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(keyHash, {
    record,
    loadedAt: startedAt,
    expiresAt: startedAt + (record ? POSITIVE_TTL_MS : NEGATIVE_TTL_MS),
    refreshing: false,
  });
}

export async function resolveKey(
  keyHash: string,
  load: (hash: string) => Promise<KeyRecord | null>,
  now = Date.now(),
  waitUntil?: (p: Promise<unknown>) => void,
): Promise<KeyRecord | null> {
  const hit = entries.get(keyHash);
  if (hit && hit.expiresAt > now) {
    if (waitUntil && hit.record && !hit.refreshing && now - hit.loadedAt >= REFRESH_AFTER_MS) {
      hit.refreshing = true;
      waitUntil(
        load(keyHash).then(
          (record) => store(keyHash, record, now),
          () => (hit.refreshing = false),
        ),
      );
    }
    return hit.record;
  }
  const record = await load(keyHash);
  store(keyHash, record, now);
  return record;
}

export function evictKey(keyHash: string, now = Date.now()): void {
  entries.delete(keyHash);
  evictedAt.delete(keyHash);
  if (evictedAt.size >= MAX_ENTRIES) evictedAt.delete(evictedAt.keys().next().value as string);
  evictedAt.set(keyHash, now);
}

export function clearKeyCache(): void {
  entries.clear();
  evictedAt.clear();
}
