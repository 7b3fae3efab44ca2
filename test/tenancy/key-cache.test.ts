import { beforeEach, describe, expect, it } from 'vitest';
import { clearKeyCache, evictKey, POSITIVE_TTL_MS, REFRESH_AFTER_MS, resolveKey } from '../../src/tenancy/key-cache';
import type { KeyRecord } from '../../src/tenancy';

const record = (id: string) => ({ id }) as unknown as KeyRecord;

/** A loader whose calls are counted and resolved by the test. */
function loader() {
  const calls: { resolve: (r: KeyRecord | null) => void }[] = [];
  const load = () => new Promise<KeyRecord | null>((resolve) => calls.push({ resolve }));
  return { calls, load };
}

beforeEach(() => clearKeyCache());

describe('key cache', () => {
  it('concurrent cold misses each load for themselves (no promise shared between requests)', async () => {
    const { calls, load } = loader();
    const a = resolveKey('h', load, 1_000);
    const b = resolveKey('h', load, 1_000);
    expect(calls).toHaveLength(2);
    calls.forEach((c) => c.resolve(record('k1')));
    expect(((await a) as { id: string }).id).toBe('k1');
    expect(((await b) as { id: string }).id).toBe('k1');
  });

  it('serves a busy key from memory and refreshes it in the background before it expires', async () => {
    const { calls, load } = loader();
    const first = resolveKey('h', load, 0);
    calls[0].resolve(record('v1'));
    await first;
    const background: Promise<unknown>[] = [];
    const waitUntil = (p: Promise<unknown>) => background.push(p);
    // Fresh: no lookup at all.
    expect(((await resolveKey('h', load, REFRESH_AFTER_MS - 1, waitUntil)) as { id: string }).id).toBe('v1');
    expect(calls).toHaveLength(1);
    // Past the refresh point: still answered from memory, one background lookup (not one per request).
    expect(((await resolveKey('h', load, REFRESH_AFTER_MS, waitUntil)) as { id: string }).id).toBe('v1');
    expect(((await resolveKey('h', load, REFRESH_AFTER_MS + 1, waitUntil)) as { id: string }).id).toBe('v1');
    expect(calls).toHaveLength(2);
    expect(background).toHaveLength(1);
    calls[1].resolve(record('v2'));
    await Promise.all(background);
    // The refreshed record lives a full TTL from its lookup: past the old expiry, no request waits.
    expect(((await resolveKey('h', load, POSITIVE_TTL_MS + 5, waitUntil)) as { id: string }).id).toBe('v2');
    expect(calls).toHaveLength(2);
  });

  it('a revocation during a background refresh is not undone by the refresh', async () => {
    const { calls, load } = loader();
    const first = resolveKey('h', load, 0);
    calls[0].resolve(record('v1'));
    await first;
    const background: Promise<unknown>[] = [];
    await resolveKey('h', load, REFRESH_AFTER_MS, (p) => background.push(p));
    evictKey('h', REFRESH_AFTER_MS + 10); // revoked while the refresh is reading the old record
    calls[1].resolve(record('v1'));
    await Promise.all(background);
    const next = resolveKey('h', load, REFRESH_AFTER_MS + 20);
    expect(calls).toHaveLength(3); // not served from memory: looked up again
    calls[2].resolve(null);
    expect(await next).toBeNull();
  });

  it('without waitUntil (dashboard sign-in) an entry simply expires after its TTL', async () => {
    const { calls, load } = loader();
    const first = resolveKey('h', load, 0);
    calls[0].resolve(record('v1'));
    await first;
    await resolveKey('h', load, REFRESH_AFTER_MS + 1);
    expect(calls).toHaveLength(1);
    const late = resolveKey('h', load, POSITIVE_TTL_MS);
    expect(calls).toHaveLength(2);
    calls[1].resolve(record('v1'));
    await late;
  });
});
