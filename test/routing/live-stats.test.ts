import { describe, expect, it } from 'vitest';
import { allEndpoints } from '../../src/catalog/catalog';
import type { LatencyStat } from '../../src/hub';
import { attempt } from './helpers';
import {
  ALPHA_MIN,
  ERROR_RATE_HALF_LIFE_MS,
  ERROR_RATE_PRIOR,
  observationsOf,
  observe,
  priorStat,
  recentErrorRate,
  updateStat,
} from '../../src/routing/live-stats';

const prior = priorStat({ ttftMs: 200, tokensPerSec: 100 });

describe('EWMA with priors', () => {
  it('the first observation weighs 1/(1 + prior weight) against the prior', () => {
    const s = updateStat(prior, { ok: true, ttftMs: 400, completionTokens: 100, generationMs: 500 });
    expect(s.ttftMs).toBeCloseTo(250); // 200 + (400 − 200) / 4
    expect(s.tokensPerSec).toBeCloseTo(125); // 100 + (200 − 100) / 4
    expect(s.samples).toBe(1);
    expect(s.errorRate).toBeCloseTo(ERROR_RATE_PRIOR * 0.75);
  });
  it('failures move only the error rate; a steady signal is tracked with at least ALPHA_MIN', () => {
    let s = updateStat(prior, { ok: false });
    expect(s).toMatchObject({ ttftMs: 200, tokensPerSec: 100, samples: 0, outcomes: 1 });
    expect(s.errorRate).toBeCloseTo(ERROR_RATE_PRIOR + 0.25 * (1 - ERROR_RATE_PRIOR));
    for (let i = 0; i < 200; i++) s = updateStat(s, { ok: true, ttftMs: 1000, completionTokens: 2, generationMs: 10 });
    expect(s.ttftMs).toBeCloseTo(1000, 3);
    expect(s.tokensPerSec).toBe(100); // 2 tokens: too few for a rate sample
    expect(s.errorRate).toBeLessThan(0.001);
    const moved = updateStat(s, { ok: true, ttftMs: 2000 });
    expect(moved.ttftMs - s.ttftMs).toBeCloseTo(ALPHA_MIN * 1000, 3);
  });
  it('the error rate decays toward the prior without news, and new outcomes fold into the decayed value', () => {
    let s = prior;
    for (let i = 0; i < 10; i++) s = updateStat(s, { ok: false }, 5_000);
    expect(s.errorAt).toBe(5_000);
    const fresh = recentErrorRate(s, 5_000);
    expect(fresh).toBeGreaterThan(0.75);
    expect(recentErrorRate(s, 5_000 + ERROR_RATE_HALF_LIFE_MS) - ERROR_RATE_PRIOR).toBeCloseTo((fresh - ERROR_RATE_PRIOR) / 2);
    expect(recentErrorRate(s, 5_000 + 20 * ERROR_RATE_HALF_LIFE_MS)).toBeCloseTo(ERROR_RATE_PRIOR, 4);
    const later = updateStat(s, { ok: true, ttftMs: 200 }, 5_000 + 3 * ERROR_RATE_HALF_LIFE_MS);
    const decayed = ERROR_RATE_PRIOR + (fresh - ERROR_RATE_PRIOR) / 8;
    expect(later.errorRate).toBeCloseTo(decayed * (1 - ALPHA_MIN));
    expect(later.errorAt).toBe(5_000 + 3 * ERROR_RATE_HALF_LIFE_MS);
    expect(recentErrorRate(undefined, 0)).toBe(ERROR_RATE_PRIOR);
  });
  it('observe writes the region entry and the global entry, starting from the catalog prior', () => {
    const e = allEndpoints()[0];
    const map = new Map<string, LatencyStat>();
    observe(map, e.id, 'DE', { ok: true, ttftMs: e.latency.ttftMs * 2 });
    observe(map, e.id, undefined, { ok: false });
    expect(map.get(`${e.id}|DE`)).toMatchObject({ samples: 1, outcomes: 1 });
    expect(map.get(`${e.id}|*`)).toMatchObject({ samples: 1, outcomes: 2 });
    expect(map.get(`${e.id}|DE`)!.ttftMs).toBeCloseTo(e.latency.ttftMs * 1.25);
    observe(map, 'no/such-endpoint', 'DE', { ok: true, ttftMs: 1 });
    expect(map.size).toBe(2);
  });
});

describe('observations of a settled request', () => {
  it('failed attempts are error samples (not client errors); the winner gives ttft and tokens/s', () => {
    const obs = observationsOf(
      {
        status: 200,
        endpoint: { id: 'b/y' },
        usage: { prompt_tokens: 10, completion_tokens: 50, total_tokens: 60 },
        stream: true,
        ttftMs: 100,
        attempts: [
          attempt('a/x', 'failed', { errorKind: 'server' }),
          attempt('c/z', 'failed', { errorKind: 'bad_request' }),
          attempt('d/w', 'failed', { errorKind: 'client_closed' }),
          attempt('b/y', 'ok', { startedAtMs: 400 }),
        ],
      },
      10_000 + 400 + 100 + 500,
      10_000,
      () => undefined,
    );
    expect(obs).toEqual([
      { endpointId: 'a/x', obs: { ok: false } },
      { endpointId: 'b/y', obs: { ok: true, ttftMs: 100, completionTokens: 50, generationMs: 500 } },
    ]);
  });
  it("failures that are not the endpoint's doing are no error samples (client timeouts, deadline, the gateway's own)", () => {
    const obs = observationsOf(
      {
        status: 502,
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        stream: false,
        attempts: [
          attempt('a/x', 'failed', { errorKind: 'client_timeout', blame: 'client' }),
          attempt('b/y', 'failed', { errorKind: 'deadline', blame: 'client' }),
          attempt('c/z', 'failed', { errorKind: 'timeout', blame: 'gateway' }),
          attempt('d/w', 'failed', { errorKind: 'untranslatable', blame: 'client' }),
          attempt('e/v', 'failed', { errorKind: 'timeout' }),
        ],
      },
      0,
      0,
      () => undefined,
    );
    expect(obs).toEqual([{ endpointId: 'e/v', obs: { ok: false } }]);
  });
  it('a non-streaming answer gives generation time = total − current ttft estimate', () => {
    const obs = observationsOf(
      {
        status: 200,
        endpoint: { id: 'b/y' },
        usage: { prompt_tokens: 1, completion_tokens: 50, total_tokens: 51 },
        stream: false,
        attempts: [attempt('b/y', 'ok', { ms: 900 })],
      },
      0,
      0,
      () => ({ ttftMs: 400, tokensPerSec: 1, samples: 3 }),
    );
    expect(obs).toEqual([{ endpointId: 'b/y', obs: { ok: true, completionTokens: 50, generationMs: 500 } }]);
  });
});
