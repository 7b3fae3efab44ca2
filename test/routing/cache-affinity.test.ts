import { beforeEach, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog';
import { chatRequest, type ChatRequest } from '../../src/hub';
import {
  cacheAffinitySize,
  clearCacheAffinity,
  lookupCacheAffinity,
  MAX_AFFINITY_ENTRIES,
  recordCacheAffinity,
} from '../../src/routing/cache-affinity';
import { cachePrefixes } from '../../src/routing/cache-prefix';

/**
 * Cache affinity's memory: prompt prefixes are found by hash at block boundaries up to the last
 * cache_control breakpoint, per key, for the breakpoint's TTL, in a bounded least-recently-used map.
 */

const EPH = { type: 'ephemeral' } as const;
const HOUR = { type: 'ephemeral', ttl: '1h' } as const;
const haiku = getEndpoint('anthropic/claude-haiku-4-5-20251001')!;
const sonnet = getEndpoint('anthropic/claude-sonnet-4-6')!;
const T0 = 1_800_000_000_000;
const MIN = 60_000;

const req = (messages: unknown[], extra: Record<string, unknown> = {}): ChatRequest =>
  chatRequest.parse({ model: 'auto', messages, ...extra });
const system = (cc: unknown = EPH) => ({ role: 'system', content: [{ type: 'text', text: 'A long manual.', cache_control: cc }] });

beforeEach(() => clearCacheAffinity());

describe('prompt prefixes', () => {
  it('are null without a breakpoint, and stop at the last breakpoint', () => {
    expect(cachePrefixes(req([{ role: 'user', content: 'hi' }]))).toBeNull();
    const p = cachePrefixes(req([system(), { role: 'user', content: 'q1' }]))!;
    expect(p.breakpoints).toHaveLength(1);
    expect(p.boundaries).toEqual([p.breakpoints[0].hash]);
  });

  it('hash the same content the same way, whatever follows the breakpoint, and differ when it changes', () => {
    const a = cachePrefixes(req([system(), { role: 'user', content: 'first question' }]))!;
    const b = cachePrefixes(req([system(), { role: 'user', content: 'another question' }]))!;
    const c = cachePrefixes(req([{ role: 'system', content: [{ type: 'text', text: 'A long manuaL.', cache_control: EPH }] }]))!;
    expect(a.breakpoints[0].hash).toBe(b.breakpoints[0].hash);
    expect(c.breakpoints[0].hash).not.toBe(a.breakpoints[0].hash);
  });

  it('put tools before the system prompt and the system prompt before the messages, as Anthropic caches them', () => {
    const tool = { type: 'function', function: { name: 'f', parameters: { type: 'object' } } };
    const withTools = cachePrefixes(req([{ role: 'user', content: 'q' }, system()], { tools: [tool] }))!;
    const systemFirst = cachePrefixes(req([system(), { role: 'user', content: 'q' }], { tools: [tool] }))!;
    expect(withTools.breakpoints[0].hash).toBe(systemFirst.breakpoints[0].hash);
    expect(withTools.boundaries).toHaveLength(2); // the tool, then the system block
  });

  it('carry the TTL of each breakpoint', () => {
    const p = cachePrefixes(req([system(HOUR), { role: 'user', content: 'q', cache_control: EPH }]))!;
    expect(p.breakpoints.map((b) => b.ttlMs)).toEqual([60 * MIN, 5 * MIN]);
  });
});

describe('the affinity store', () => {
  const turn1 = req([system(), { role: 'user', content: 'q1', cache_control: EPH }]);
  const turn2 = req([
    system(),
    { role: 'user', content: 'q1' },
    { role: 'assistant', content: 'a1' },
    { role: 'user', content: 'q2', cache_control: EPH },
  ]);

  it('finds the endpoint holding the longest prefix of a later turn, for the same key only', () => {
    expect(lookupCacheAffinity('k1', turn1, T0)!.holder).toBeUndefined();
    recordCacheAffinity(lookupCacheAffinity('k1', turn1, T0)!, haiku, T0);
    expect(lookupCacheAffinity('k1', turn2, T0 + MIN)!.holder?.endpointId).toBe(haiku.id);
    expect(lookupCacheAffinity('k2', turn2, T0 + MIN)!.holder).toBeUndefined();
  });

  it('forgets a 5-minute prefix after 5 minutes and a 1-hour one after an hour; a read renews it', () => {
    recordCacheAffinity(lookupCacheAffinity('k', turn1, T0)!, haiku, T0);
    expect(lookupCacheAffinity('k', turn2, T0 + 5 * MIN + 1)!.holder).toBeUndefined();

    const hourly = req([system(HOUR), { role: 'user', content: 'q1' }]);
    recordCacheAffinity(lookupCacheAffinity('k', hourly, T0)!, sonnet, T0);
    expect(lookupCacheAffinity('k', hourly, T0 + 59 * MIN)!.holder?.endpointId).toBe(sonnet.id);
    // Answered by the holder at 59 minutes: the cache was read, so it lives another hour.
    recordCacheAffinity(lookupCacheAffinity('k', hourly, T0 + 59 * MIN)!, sonnet, T0 + 59 * MIN);
    expect(lookupCacheAffinity('k', hourly, T0 + 118 * MIN)!.holder?.endpointId).toBe(sonnet.id);
    expect(lookupCacheAffinity('k', hourly, T0 + 120 * MIN)!.holder).toBeUndefined();
  });

  it('remembers only endpoints that hold a prompt cache (the catalog prices cache reads)', () => {
    const noCache = { ...haiku, id: 'x/no-cache', pricing: { ...haiku.pricing, cachedInputPerMTok: undefined } };
    recordCacheAffinity(lookupCacheAffinity('k', turn1, T0)!, noCache, T0);
    expect(cacheAffinitySize()).toBe(0);
  });

  it('is bounded, the least recently used prefix going first', () => {
    const keep = lookupCacheAffinity('keep', turn1, T0)!;
    recordCacheAffinity(keep, haiku, T0);
    for (let i = 0; i < MAX_AFFINITY_ENTRIES + 50; i++) {
      recordCacheAffinity(lookupCacheAffinity(`k${i}`, turn1, T0)!, haiku, T0);
      // Used all along, so never the least recently used.
      if (i % 1000 === 0) expect(lookupCacheAffinity('keep', turn1, T0)!.holder?.endpointId).toBe(haiku.id);
    }
    expect(cacheAffinitySize()).toBe(MAX_AFFINITY_ENTRIES);
    expect(lookupCacheAffinity('k0', turn1, T0)!.holder).toBeUndefined();
    expect(lookupCacheAffinity('keep', turn1, T0)!.holder?.endpointId).toBe(haiku.id);
  });
});
