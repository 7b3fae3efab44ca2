import type { KeyRecord } from './types';

/**
 * Isolate-memory cache of resolved keys, so the steady-state request path never waits on KV or D1.
 * A revocation reaches this isolate immediately when it serves the revoke, and other isolates
 * within POSITIVE_TTL_MS (plus KV's own propagation for the KV copy, deleted on revoke).
 */
export const POSITIVE_TTL_MS = 30_000;
const NEGATIVE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  record: KeyRecord | null;
  expiresAt: number;
}

const entries = new Map<string, Entry>();
const inflight = new Map<string, Promise<KeyRecord | null>>();

export async function resolveKey(keyHash: string, load: (hash: string) => Promise<KeyRecord | null>, now = Date.now()): Promise<KeyRecord | null> {
  const hit = entries.get(keyHash);
  if (hit && hit.expiresAt > now) return hit.record;
  // Coalesce concurrent misses for the same key into one lookup.
  let pending = inflight.get(keyHash);
  if (!pending) {
    pending = load(keyHash).finally(() => inflight.delete(keyHash));
    inflight.set(keyHash, pending);
  }
  const record = await pending;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(keyHash, { record, expiresAt: now + (record ? POSITIVE_TTL_MS : NEGATIVE_TTL_MS) });
  return record;
}

export function evictKey(keyHash: string): void {
  entries.delete(keyHash);
}

export function clearKeyCache(): void {
  entries.clear();
}
