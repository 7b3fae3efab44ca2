import type { Env } from '../env';
import type { ChatRequest } from '../hub';
import type { CachedAnswer } from './answer';
import { policyMaterial, requestMaterial } from './canonical';
import { lookupHash, openText, sealText } from './crypto';

/**
 * Cached answers in the KV namespace `KV`, one value per entry named `rc:v1:<team>:<hmac>`: the team in
 * the name lets one team's entries be listed and erased, the HMAC (of the canonical request and the
 * key's routing policy, under the team's own key) names the request without revealing it. The value is
 * the sealed answer; the metadata holds only the writing key's id and the expiry, for erasure by key.
 */

export const CACHE_KV_PREFIX = 'rc:v1:';
const VERSION = 1;
/** KV's shortest expiration; shorter TTLs are enforced by the expiry sealed inside the entry. */
const KV_MIN_TTL_SECONDS = 60;
/** Entries above this many characters of JSON are not stored: KV takes more, but such answers are rarely asked twice. */
const MAX_ENTRY_CHARS = 1 << 20;
/** KV operations one erase call may make: a Worker invocation may make ~1,000. */
export const DEFAULT_ERASE_BATCH = 500;
const DELETE_CONCURRENCY = 50;

interface EntryMetadata {
  keyId: string;
  expiresAt: number;
}

/** The KV prefix of one team's entries. */
export function cacheKvPrefix(teamId: string): string {
  return `${CACHE_KV_PREFIX}${encodeURIComponent(teamId)}:`;
}

/** The entry name for this request under this team and routing policy (one HMAC, no I/O). */
export async function cacheEntryName(env: Env, teamId: string, settings: object, req: ChatRequest): Promise<string> {
  const material = `${VERSION}\n${teamId}\n${policyMaterial(settings)}\n${requestMaterial(req)}`;
  return cacheKvPrefix(teamId) + (await lookupHash(env, teamId, material));
}

/** The entry's answer if it exists, opens under this team's key and has not expired: one KV read. */
export async function readCachedAnswer(env: Env, teamId: string, name: string, now = Date.now()): Promise<CachedAnswer | null> {
  const value = await env.KV.get(name, 'arrayBuffer');
  if (!value) return null;
  const plain = await openText(env, teamId, name, value);
  if (!plain) return null;
  try {
    const entry = JSON.parse(plain) as { v: number; answer: CachedAnswer };
    return entry.v === VERSION && entry.answer.expiresAt > now ? entry.answer : null;
  } catch {
    return null;
  }
}

/** Seals and stores an answer for `ttlSeconds`; meant for ctx.waitUntil. Never rejects. */
export async function writeCachedAnswer(
  env: Env,
  teamId: string,
  keyId: string,
  name: string,
  answer: Omit<CachedAnswer, 'storedAt' | 'expiresAt'>,
  ttlSeconds: number,
): Promise<void> {
  try {
    const storedAt = Date.now();
    const expiresAt = storedAt + ttlSeconds * 1000;
    const plain = JSON.stringify({ v: VERSION, answer: { ...answer, storedAt, expiresAt } });
    if (plain.length > MAX_ENTRY_CHARS) return;
    const metadata: EntryMetadata = { keyId, expiresAt };
    await env.KV.put(name, await sealText(env, teamId, name, plain), {
      expirationTtl: Math.max(KV_MIN_TTL_SECONDS, ttlSeconds),
      metadata,
    });
  } catch (err) {
    // A lost entry is a later miss, never a failed request. The message names no content.
    console.error('response cache write failed', (err as Error).message);
  }
}

/**
 * Erases the cached answers of a team, or only those one of its keys stored (`keyId`). At most
 * `maxDeletes` entries go per call, to stay within a Worker invocation's KV operations; `complete`
 * is false when entries remain, and the caller calls again. KV may serve a deleted value from an
 * edge cache for up to 60 s after the delete.
 */
export async function eraseCachedAnswers(
  env: Env,
  scope: { teamId: string; keyId?: string },
  opts: { maxDeletes?: number } = {},
): Promise<{ deleted: number; complete: boolean }> {
  const max = opts.maxDeletes ?? DEFAULT_ERASE_BATCH;
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page: KVNamespaceListResult<EntryMetadata> = await env.KV.list<EntryMetadata>({ prefix: cacheKvPrefix(scope.teamId), cursor });
    const names = page.keys.filter((k) => scope.keyId === undefined || k.metadata?.keyId === scope.keyId).map((k) => k.name);
    const take = names.slice(0, Math.max(0, max - deleted));
    for (let i = 0; i < take.length; i += DELETE_CONCURRENCY)
      await Promise.all(take.slice(i, i + DELETE_CONCURRENCY).map((name) => env.KV.delete(name)));
    deleted += take.length;
    if (take.length < names.length) return { deleted, complete: false };
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return { deleted, complete: true };
}
