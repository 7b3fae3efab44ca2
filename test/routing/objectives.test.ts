import { describe, expect, it } from 'vitest';
import { type ChatRequest, ApiError, STRATEGIES } from '../../src/hub';
import { allEndpoints, codenames } from '../../src/catalog/catalog';
import { assembleChain, qualityFloor, rankCandidates } from '../../src/routing/objectives';
import { runPipeline } from '../../src/routing/pipeline';
import { buildSnapshot } from '../../src/routing/snapshot';
import type { Env } from '../../src/env';
import { context, keyWith, prng, scored } from './helpers';

const top = (...args: Parameters<typeof rankCandidates>) => rankCandidates(...args)[0].candidate.endpoint.id;

describe('strategy objectives on hand-built catalogs', () => {
  const catalog = [
    scored('a/top', 0.9, 10, 3000),
    scored('b/mid', 0.72, 2, 800),
    scored('c/cheap', 0.6, 1, 100),
    scored('d/mid2', 0.71, 3, 600),
  ];

  it('cost: the cheapest endpoint above the quality floor, never one below it', () => {
    expect(qualityFloor(0.5, 0.9)).toBeCloseTo(0.7);
    expect(top(catalog, 'cost', 0.5)).toBe('b/mid');
    expect(top(catalog, 'cost', 1)).toBe('a/top'); // floor 0.85
    expect(top(catalog, 'cost', 0)).toBe('c/cheap'); // floor 0.55
    // Floor above every endpoint: capped at the best available quality.
    expect(top([scored('x/a', 0.5, 5), scored('y/b', 0.4, 1)], 'cost', 1)).toBe('x/a');
  });

  it('cost: on random catalogs the winner is always the cheapest at or above the floor', () => {
    const rand = prng(7);
    for (let n = 0; n < 300; n++) {
      const cands = Array.from({ length: 2 + Math.floor(rand() * 10) }, (_, i) => scored(`p${i}/m`, rand(), 0.0001 + rand()));
      const k = rand();
      const floor = qualityFloor(k, Math.max(...cands.map((c) => c.scores!.quality)));
      const winner = rankCandidates(cands, 'cost', k)[0].candidate;
      expect(winner.scores!.quality).toBeGreaterThanOrEqual(floor - 1e-9);
      const cheapestAbove = Math.min(...cands.filter((c) => c.scores!.quality >= floor - 1e-9).map((c) => c.scores!.costUsd));
      expect(winner.scores!.costUsd).toBe(cheapestAbove);
    }
  });

  it('quality: the highest expected quality within 25× the cheapest cost', () => {
    expect(top([scored('a/best', 0.95, 30), scored('b/good', 0.8, 2), scored('c/cheap', 0.6, 1)], 'quality', 0.5)).toBe('b/good');
    expect(top([scored('a/best', 0.95, 20), scored('b/good', 0.8, 2), scored('c/cheap', 0.6, 1)], 'quality', 0.5)).toBe('a/best');
  });

  it('speed: the lowest expected latency above the floor', () => {
    expect(top(catalog, 'speed', 0.5)).toBe('d/mid2'); // c/cheap is faster but below the 0.70 floor
    expect(top(catalog, 'speed', 0)).toBe('c/cheap');
  });

  it('balanced: a doubling of cost must buy 0.10 of quality', () => {
    expect(top([scored('a/dear', 0.9, 4), scored('b/cheap', 0.8, 1)], 'balanced', 0.5)).toBe('b/cheap'); // 0.9 − 0.2 < 0.8
    expect(top([scored('a/dear', 0.95, 2), scored('b/cheap', 0.8, 1)], 'balanced', 0.5)).toBe('a/dear'); // 0.95 − 0.1 > 0.8
    // The trade-off is a parameter: a cost weight of 0 buys the best quality at any price.
    expect(top([scored('a/dear', 0.9, 400), scored('b/cheap', 0.8, 1)], 'balanced', 0.5, { balancedCostWeight: 0 })).toBe('a/dear');
  });

  it('a free endpoint (price 0) is measured against the cheapest paid one, not against zero', () => {
    const free = scored('f/free', 0.6, 0);
    // quality: the cap is 25× the cheapest paid cost, so a good paid endpoint stays within it.
    expect(top([free, scored('a/best', 0.95, 20), scored('c/cheap', 0.6, 1)], 'quality', 0.5)).toBe('a/best');
    // balanced: the free endpoint costs like the cheapest paid one; quality still has to pay for itself.
    expect(top([free, scored('a/dear', 0.95, 2), scored('c/cheap', 0.6, 1)], 'balanced', 0.5)).toBe('a/dear');
    expect(top([free, scored('a/dear', 0.9, 4), scored('c/cheap', 0.6, 1)], 'balanced', 0.5)).toBe('a/dear');
    expect(top([scored('f/free', 0.85, 0), scored('a/dear', 0.9, 4), scored('c/cheap', 0.6, 1)], 'balanced', 0.5)).toBe('f/free');
    // cost: free wins whenever it meets the floor.
    expect(top([free, scored('c/cheap', 0.6, 1)], 'cost', 0)).toBe('f/free');
  });
});

describe('fallback chain', () => {
  it('prefers provider diversity: best first, then the best of each other provider', () => {
    const ranked = rankCandidates(
      [
        scored('p1/a', 0.9, 1, 100, 'openai'),
        scored('p1/b', 0.89, 1, 100, 'openai'),
        scored('p1/c', 0.88, 1, 100, 'openai'),
        scored('p2/a', 0.7, 1, 100, 'groq'),
        scored('p3/a', 0.6, 1, 100, 'together'),
      ],
      'quality',
      0.5,
    );
    const chain = assembleChain(ranked, 4).map((c) => c.endpoint.id);
    expect(chain[0]).toBe('p1/a');
    expect(
      new Set(chain.slice(0, 3).map((id) => ranked.find((r) => r.candidate.endpoint.id === id)!.candidate.endpoint.provider)).size,
    ).toBe(3);
    expect(chain).toHaveLength(4);
    expect(new Set(chain).size).toBe(4);
  });
});

describe('trust level is never violated (property test over the real catalog)', () => {
  const env = { CAILOS_SIMULATE: 'true' } as unknown as Env;
  const snapshot = buildSnapshot(env);
  const providers = [...new Set(allEndpoints().map((e) => e.provider))];
  const names = ['auto', ...STRATEGIES.map((s) => `auto:${s}`), ...codenames()];

  it('for 3,000 random requests, keys and hints, every kept candidate and chain entry meets max(request, key) trust', () => {
    const rand = prng(20260726);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const maybe = <T>(p: number, f: () => T) => (rand() < p ? f() : undefined);
    let routed = 0;
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      const reqTrust = maybe(0.6, () => Math.floor(rand() * 4));
      const keyTrust = Math.floor(rand() * 4);
      const request = {
        model: pick(names),
        messages: [
          {
            role: 'user',
            content: rand() < 0.2 ? [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] : 'x'.repeat(Math.floor(rand() * 4000)),
          },
        ],
        ...(reqTrust !== undefined ? { trust_level: reqTrust } : {}),
        ...maybe(0.3, () => ({ tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }] })),
        ...maybe(0.3, () => ({ max_tokens: 1 + Math.floor(rand() * 8000) })),
        routing: {
          ...maybe(0.3, () => ({
            providers: { deny: [pick(providers)], ...maybe(0.3, () => ({ allow: [pick(providers), pick(providers)] })) },
          })),
          ...maybe(0.2, () => ({ region: pick(['eu', 'us', 'apac']) })),
          ...maybe(0.2, () => ({ max_price_per_mtok: rand() * 20 })),
          ...maybe(0.2, () => ({ max_latency_ms: 500 + Math.floor(rand() * 20000) })),
          ...maybe(0.2, () => ({ max_attempts: 1 + Math.floor(rand() * 6) })),
        },
      } as unknown as ChatRequest;
      const key = keyWith({
        minTrustLevel: keyTrust,
        tier: rand() < 0.2 ? 'free' : 'paid',
        defaultStrategy: pick(STRATEGIES),
        ...maybe(0.2, () => ({ denyProviders: [pick(providers)] })),
      });
      const required = Math.max(reqTrust ?? 0, keyTrust);
      try {
        const ctx = runPipeline(
          context({ request, key, snapshot, classification: { taskClass: 'chat', complexity: rand(), source: 'model' } }),
        );
        routed++;
        expect(ctx.chain.length).toBeGreaterThan(0);
        for (const c of [...ctx.candidates, ...ctx.chain]) expect(c.endpoint.trustLevel).toBeGreaterThanOrEqual(required);
        if (key.settings.tier === 'free') expect(ctx.strategy).toBe('cost');
      } catch (err) {
        // Refusing is always allowed; relaxing the trust level never is.
        if (!(err instanceof ApiError)) throw err;
        refused++;
      }
    }
    // The generator must exercise both outcomes, or the property says nothing.
    expect(routed).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(50);
  });
});
