import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/hub';
import { scoreTerms } from '../../src/routing/decide';
import { allEndpoints } from '../../src/catalog/catalog';
import { estimateCost } from '../../src/catalog';
import { parseModelSpec, parseSpecStage } from '../../src/routing/stages/01-parse-spec';
import { deriveRequirements, requirementsStage } from '../../src/routing/stages/02-requirements';
import { classifyStage } from '../../src/routing/stages/03-classify';
import { candidatesStage } from '../../src/routing/stages/04-candidates';
import { capabilityStage } from '../../src/routing/stages/05-capabilities';
import { contextWindowStage } from '../../src/routing/stages/06-context-window';
import { trustStage } from '../../src/routing/stages/07-trust';
import { policyStage } from '../../src/routing/stages/08-policy';
import { FLAKY_MIN_OUTCOMES, healthStage } from '../../src/routing/stages/09-health';
import { evalGateStage } from '../../src/routing/stages/10-eval-gate';
import { ERROR_RATE_HALF_LIFE_MS } from '../../src/routing/live-stats';
import { budgetStage } from '../../src/routing/stages/11-budget';
import { latencyStage, MIN_REGION_SAMPLES } from '../../src/routing/stages/13-latency';
import { costStage } from '../../src/routing/stages/14-cost';
import { rankStage } from '../../src/routing/stages/15-rank';
import type { RoutingContext } from '../../src/routing';
import { context, endpoint, keyWith, request, scored } from './helpers';

/** Runs stages 01–04 so a filter stage can be tested alone on a realistic context. */
function prepared(over: Parameters<typeof context>[0]): RoutingContext {
  return candidatesStage(classifyStage(requirementsStage(parseSpecStage(context(over)))));
}
const ids = (ctx: RoutingContext) => ctx.candidates.map((c) => c.endpoint.id).sort();

describe('01 parse_spec', () => {
  it('reads auto, auto:<strategy>, codenames with a strategy, and endpoint ids', () => {
    expect(parseModelSpec('auto')).toEqual({ kind: 'auto', strategy: undefined });
    expect(parseModelSpec('auto:cost')).toEqual({ kind: 'auto', strategy: 'cost' });
    const e = allEndpoints()[0];
    expect(parseModelSpec(`${e.codename}:speed`)).toEqual({ kind: 'codename', codename: e.codename, strategy: 'speed' });
    expect(parseModelSpec(e.id)).toMatchObject({ kind: 'endpoint', endpointId: e.id });
  });
  it('rejects an unknown strategy (400) and an unknown model (404)', () => {
    expect(() => parseModelSpec('auto:cheapest')).toThrow(ApiError);
    try {
      parseModelSpec('no-such-model-xyz');
    } catch (err) {
      expect((err as ApiError).status).toBe(404);
    }
    expect(() => parseModelSpec('no-such-model-xyz')).toThrow(/does not exist/);
  });
  it('appends a trace line', () => {
    const ctx = parseSpecStage(context({ request: request({ model: 'auto:quality' }) }));
    expect(ctx.trace).toEqual([{ stage: 'parse_spec', kept: 0, note: 'auto, strategy quality' }]);
  });
});

describe('02 requirements', () => {
  it('derives features, token estimates and the stricter trust level', () => {
    const r = deriveRequirements(
      request({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is this?' },
              { type: 'image_url', image_url: { url: 'https://x/y.png' } },
            ],
          },
        ],
        tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
        response_format: { type: 'json_object' },
        stream: true,
        max_tokens: 64,
        trust_level: 1,
      } as never),
      2,
    );
    expect(r).toMatchObject({
      tools: true,
      vision: true,
      jsonMode: true,
      jsonSchema: false,
      streaming: true,
      expectedOutputTokens: 64,
      minTrustLevel: 2,
    });
    expect(r.estimatedInputTokens).toBeGreaterThan(765);
  });
});

describe('03 classify (strategy)', () => {
  const run = (model: string, settings = {}, suggestion?: 'quality') =>
    classifyStage(
      parseSpecStage(
        context({
          request: request({ model }),
          key: keyWith(settings),
          classification: { taskClass: 'math', complexity: 0.8, source: 'model', strategy: suggestion },
        }),
      ),
    );
  it('forces free-tier keys to cost, whatever was asked', () => {
    expect(run('auto:quality', { tier: 'free' })).toMatchObject({ strategy: 'cost', strategySource: 'free_tier' });
  });
  it('an explicit strategy wins, then the classifier for bare auto, then the key default', () => {
    expect(run('auto:speed', {}, 'quality')).toMatchObject({ strategy: 'speed', strategySource: 'request' });
    expect(run('auto', {}, 'quality')).toMatchObject({ strategy: 'quality', strategySource: 'classifier' });
    expect(run('auto', { defaultStrategy: 'cost' })).toMatchObject({ strategy: 'cost', strategySource: 'key_default' });
  });
});

describe('04 candidates', () => {
  const endpoints = [endpoint('a/m1', { codename: 'fam' }), endpoint('b/m1', { codename: 'fam' }), endpoint('c/other')];
  it('auto takes the whole catalog; a codename only its providers', () => {
    expect(ids(prepared({ endpoints }))).toEqual(['a/m1', 'b/m1', 'c/other']);
    const spec = { kind: 'codename' as const, codename: 'fam' };
    expect(ids(candidatesStage(context({ endpoints, spec })))).toEqual(['a/m1', 'b/m1']);
    expect(ids(candidatesStage(context({ endpoints, spec: { kind: 'endpoint', endpointId: 'c/other' } })))).toEqual(['c/other']);
  });
});

describe('filter stages', () => {
  it('05 drops endpoints missing a needed capability, with the reason', () => {
    const endpoints = [
      endpoint('a/see', { capabilities: { tools: true, vision: true, jsonSchema: true, streaming: true } }),
      endpoint('b/blind'),
    ];
    const req = request({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] } as never);
    const ctx = capabilityStage(prepared({ endpoints, request: req }));
    expect(ids(ctx)).toEqual(['a/see']);
    expect(ctx.dropped).toEqual([{ id: 'b/blind', stage: 'capabilities', reason: 'no image input' }]);
  });
  it('06 drops endpoints whose window cannot hold input plus max_tokens', () => {
    const endpoints = [endpoint('a/small', { contextWindow: 100 }), endpoint('b/big')];
    const ctx = contextWindowStage(prepared({ endpoints, request: request({ max_tokens: 200 }) }));
    expect(ids(ctx)).toEqual(['b/big']);
  });
  it('07 keeps only endpoints at or above max(request, key) trust', () => {
    const endpoints = [0, 1, 2, 3].map((t) => endpoint(`p${t}/m`, { trustLevel: t as 0 | 1 | 2 | 3 }));
    expect(ids(trustStage(prepared({ endpoints, request: request({ trust_level: 2 }) })))).toEqual(['p2/m', 'p3/m']);
    expect(ids(trustStage(prepared({ endpoints, request: request({ trust_level: 1 }), key: keyWith({ minTrustLevel: 3 }) })))).toEqual([
      'p3/m',
    ]);
  });
  it('08 applies key allow lists, request deny lists and region', () => {
    const endpoints = [endpoint('a/x', { regions: ['us'] }), endpoint('b/x'), endpoint('c/x', { regions: ['eu'] })];
    const key = keyWith({ allowProviders: ['a', 'b', 'c'] });
    expect(ids(policyStage(prepared({ endpoints, key, request: request({ routing: { providers: { deny: ['b'] } } }) })))).toEqual([
      'a/x',
      'c/x',
    ]);
    expect(ids(policyStage(prepared({ endpoints, key, request: request({ routing: { region: 'eu' } }) })))).toEqual(['b/x', 'c/x']);
    expect(ids(policyStage(prepared({ endpoints, key: keyWith({ allowProviders: ['c'] }) })))).toEqual(['c/x']);
  });
  it('11 applies the price cap and the key budget left', () => {
    const endpoints = [endpoint('a/cheap', { price: 1 }), endpoint('b/dear', { price: 5 })];
    expect(ids(budgetStage(prepared({ endpoints, request: request({ routing: { max_price_per_mtok: 2 } }) })))).toEqual(['a/cheap']);
    const ctx = prepared({ endpoints, remainingBudgetUsd: 0.001 });
    expect(ids(budgetStage(ctx))).toEqual(['a/cheap']);
  });
});

describe('09 health', () => {
  const endpoints = ['a/open', 'b/cooled', 'c/probing', 'd/half', 'e/flaky', 'f/fine'].map((id) => endpoint(id));
  const now = 1_000_000;
  const flaky = (errorRate: number, outcomes: number, errorAt = now) => ({
    ttftMs: 200,
    tokensPerSec: 100,
    samples: outcomes,
    errorRate,
    outcomes,
    errorAt,
  });

  it('skips open circuits in their cooldown and half-open ones whose probe is out', () => {
    const ctx = prepared({ endpoints, now });
    ctx.snapshot.health.set('a/open', { state: 'open', errorRate: 1, openUntil: now + 5_000 });
    ctx.snapshot.health.set('b/cooled', { state: 'open', errorRate: 1, openUntil: now - 1 });
    ctx.snapshot.health.set('c/probing', { state: 'half_open', errorRate: 1, openUntil: now + 2_000 });
    ctx.snapshot.health.set('d/half', { state: 'half_open', errorRate: 1 });
    const out = healthStage(ctx);
    expect(ids(out)).toEqual(['b/cooled', 'd/half', 'e/flaky', 'f/fine']);
    expect(out.dropped.map((d) => [d.id, d.reason])).toEqual([
      ['a/open', 'circuit open'],
      ['c/probing', 'circuit half-open, probe in flight'],
    ]);
  });

  it('skips an endpoint failing half its recent calls, once there are enough of them, until the evidence ages', () => {
    const ctx = prepared({ endpoints, now });
    ctx.snapshot.latency.set('e/flaky|*', flaky(0.6, FLAKY_MIN_OUTCOMES));
    ctx.snapshot.latency.set('f/fine|*', flaky(0.1, 50));
    const out = healthStage(ctx);
    expect(ids(out)).not.toContain('e/flaky');
    expect(out.dropped).toEqual([{ id: 'e/flaky', stage: 'health', reason: `recent error rate 60% (${FLAKY_MIN_OUTCOMES} outcomes)` }]);
    // Too few outcomes: three straight failures are the breaker's call, not this filter's.
    ctx.snapshot.latency.set('e/flaky|*', flaky(0.9, FLAKY_MIN_OUTCOMES - 1));
    expect(ids(healthStage(ctx))).toContain('e/flaky');
    // A minute without news halves the excess over the prior: 0.6 → ~0.31, and the endpoint is tried again.
    ctx.snapshot.latency.set('e/flaky|*', flaky(0.6, 40, now - ERROR_RATE_HALF_LIFE_MS));
    expect(ids(healthStage(ctx))).toContain('e/flaky');
  });

  it('keeps failing endpoints when nothing else is left rather than refuse the request', () => {
    const ctx = prepared({ endpoints: [endpoint('e/flaky'), endpoint('g/flaky'), endpoint('a/open')], now });
    ctx.snapshot.health.set('a/open', { state: 'open', errorRate: 1, openUntil: now + 5_000 });
    ctx.snapshot.latency.set('e/flaky|*', flaky(0.7, 20));
    ctx.snapshot.latency.set('g/flaky|*', flaky(0.8, 20));
    const out = healthStage(ctx);
    expect(ids(out)).toEqual(['e/flaky', 'g/flaky']);
    expect(out.trace.at(-1)).toMatchObject({ stage: 'health', kept: 2, dropped: 1, note: 'every endpoint left fails often: keeping 2' });
  });
});

describe('10 eval gate', () => {
  const cell = (passed: number, total: number) => ({ passRate: passed / total, ciLow: 0, samples: total });
  const endpoints = ['p1/strong', 'p2/middling', 'p3/weak', 'p4/fresh'].map((id) => endpoint(id));
  function gate(evals: [string, ReturnType<typeof cell>][], only?: string[]) {
    const ctx = prepared({ endpoints, classification: { taskClass: 'code_generation', complexity: 0.5, source: 'model' } });
    const candidates = only ? ctx.candidates.filter((c) => only.includes(c.endpoint.id)) : ctx.candidates;
    return evalGateStage({
      ...ctx,
      candidates,
      snapshot: { ...ctx.snapshot, evals: new Map(evals.map(([id, c]) => [`${id}|code_generation`, c])) },
    });
  }

  it('keeps endpoints that clear the class threshold and drops the rest with the verdict', () => {
    const out = gate([
      ['p1/strong', cell(80, 100)],
      ['p2/middling', cell(45, 100)],
      ['p3/weak', cell(10, 100)],
    ]);
    expect(ids(out)).toEqual(['p1/strong']);
    expect(out.dropped.find((d) => d.id === 'p2/middling')?.reason).toMatch(/lower bound below 0.5/);
    expect(out.dropped.find((d) => d.id === 'p4/fresh')?.reason).toBe('unevaluated while evaluated endpoints qualify');
  });

  it('on a class harder than the threshold, keeps what is not confidently worse than the best instead of refusing', () => {
    // 45/100 and 38/100 overlap (Wilson 0.36–0.55 and 0.29–0.48); 10/100 (upper bound 0.17) is confidently worse.
    const out = gate(
      [
        ['p1/strong', cell(45, 100)],
        ['p2/middling', cell(38, 100)],
        ['p3/weak', cell(10, 100)],
      ],
      ['p1/strong', 'p2/middling', 'p3/weak'],
    );
    expect(ids(out)).toEqual(['p1/strong', 'p2/middling']);
    expect(out.candidates.every((c) => c.evalStatus === 'below_threshold')).toBe(true);
    expect(out.dropped.find((d) => d.id === 'p3/weak')?.reason).toMatch(/confidently below the best \(0\.36\)/);
    expect(out.trace.at(-1)!.note).toBe(
      'every candidate is below the code_generation threshold: keeping the 2 not confidently worse than the best',
    );
    // One model asked by name whose every endpoint is below the threshold still gets an answer.
    expect(ids(gate([['p3/weak', cell(10, 100)]], ['p3/weak']))).toEqual(['p3/weak']);
  });

  // The same four endpoints at chosen prices ($/M tokens), so the gate can compare what each would cost.
  function pricedGate(evals: [string, ReturnType<typeof cell>][], prices: Record<string, number>) {
    const priced = Object.entries(prices).map(([id, price]) => endpoint(id, { price }));
    const ctx = prepared({ endpoints: priced, classification: { taskClass: 'code_generation', complexity: 0.5, source: 'model' } });
    return evalGateStage({ ...ctx, snapshot: { ...ctx.snapshot, evals: new Map(evals.map(([id, c]) => [`${id}|code_generation`, c])) } });
  }
  const statusOf = (ctx: RoutingContext, id: string) => ctx.candidates.find((c) => c.endpoint.id === id)?.evalStatus;

  it('keeps a below-threshold endpoint cheaper than every endpoint that passes: the cheap end of the trade-off', () => {
    const out = pricedGate(
      [
        ['p1/strong', cell(80, 100)],
        ['p2/middling', cell(45, 100)],
        ['p3/weak', cell(52, 100)],
      ],
      { 'p1/strong': 10, 'p2/middling': 20, 'p3/weak': 1, 'p4/fresh': 1 },
    );
    expect(ids(out)).toEqual(['p1/strong', 'p3/weak']);
    expect(statusOf(out, 'p3/weak')).toBe('below_threshold');
    expect(statusOf(out, 'p1/strong')).toBe('eligible');
    // p2 fails and p1 passes for half its price: nothing is lost by refusing it.
    expect(out.dropped.find((d) => d.id === 'p2/middling')?.reason).toMatch(/lower bound below 0.5, and p1\/strong passes for no more/);
    expect(out.dropped.find((d) => d.id === 'p4/fresh')?.reason).toBe('unevaluated while evaluated endpoints qualify');
    expect(out.trace.at(-1)!.note).toBe('1 evaluated for code_generation, 1 below the threshold kept as cheaper than any that passes');
  });

  it('keeps no cheap end for auto:quality, which never wants it and whose cost cap it would lower', () => {
    const priced = ['p1/strong', 'p3/weak'].map((id) => endpoint(id, { price: id === 'p1/strong' ? 10 : 1 }));
    const ctx = prepared({
      endpoints: priced,
      request: request({ model: 'auto:quality' }),
      classification: { taskClass: 'code_generation', complexity: 0.5, source: 'model' },
    });
    const out = evalGateStage({
      ...ctx,
      snapshot: {
        ...ctx.snapshot,
        evals: new Map([
          ['p1/strong|code_generation', cell(80, 100)],
          ['p3/weak|code_generation', cell(40, 100)],
        ]),
      },
    });
    expect(ids(out)).toEqual(['p1/strong']);
    expect(out.dropped.find((d) => d.id === 'p3/weak')?.reason).toMatch(/lower bound below 0.5$/);
  });

  it('still refuses a model failing most of the class where a comparable or cheaper one passes or is confidently better', () => {
    const out = pricedGate(
      [
        ['p1/strong', cell(80, 100)],
        ['p2/middling', cell(52, 100)],
        ['p3/weak', cell(20, 100)],
      ],
      // p3 costs the same as the passing p1; p2 is the cheapest and kept.
      { 'p1/strong': 1, 'p2/middling': 0.5, 'p3/weak': 1 },
    );
    expect(ids(out)).toEqual(['p1/strong', 'p2/middling']);
    expect(out.dropped.find((d) => d.id === 'p3/weak')?.reason).toMatch(/p1\/strong passes for no more/);
    // Cheaper than the passing endpoint, but a no-dearer failing one is confidently better (0.42 > 0.29 upper bound).
    const beaten = pricedGate(
      [
        ['p1/strong', cell(80, 100)],
        ['p2/middling', cell(52, 100)],
        ['p3/weak', cell(20, 100)],
      ],
      { 'p1/strong': 10, 'p2/middling': 0.5, 'p3/weak': 0.8 },
    );
    expect(ids(beaten)).toEqual(['p1/strong', 'p2/middling']);
    expect(beaten.dropped.find((d) => d.id === 'p3/weak')?.reason).toMatch(/p2\/middling is confidently better for no more/);
  });

  it('refuses at any price an endpoint not shown to be half as good as the best that passes', () => {
    // 35/100 (Wilson 0.26–0.45) might be half as good as 80/100, but the evidence does not show it; 10/100 surely is not.
    const out = pricedGate(
      [
        ['p1/strong', cell(80, 100)],
        ['p2/middling', cell(35, 100)],
        ['p3/weak', cell(10, 100)],
      ],
      { 'p1/strong': 10, 'p2/middling': 0.2, 'p3/weak': 0.1 },
    );
    expect(ids(out)).toEqual(['p1/strong']);
    for (const id of ['p2/middling', 'p3/weak'])
      expect(out.dropped.find((d) => d.id === id)?.reason).toMatch(/not shown to be half as good as the best that passes \(0\.80\)/);
  });

  it('prefers unevaluated endpoints to ones below the threshold when nothing evaluated qualifies', () => {
    const out = gate([
      ['p1/strong', cell(45, 100)],
      ['p2/middling', cell(38, 100)],
      ['p3/weak', cell(10, 100)],
    ]);
    expect(ids(out)).toEqual(['p4/fresh']);
    expect(
      out.dropped
        .filter((d) => d.stage === 'eval_gate')
        .map((d) => d.id)
        .sort(),
    ).toEqual(['p1/strong', 'p2/middling', 'p3/weak']);
  });
});

describe('13 latency', () => {
  const endpoints = [endpoint('a/x'), endpoint('b/y')];
  it('uses the catalog prior without live data: ttft + tokens / rate', () => {
    const base = prepared({ endpoints, request: request({ max_tokens: 100 }) });
    const ctx = latencyStage({
      ...base,
      candidates: base.candidates.map((c) => ({
        ...c,
        scores: { quality: 0.7, costUsd: 0, latencyMs: 0, ttftMs: 0, objective: 0, terms: {} },
      })),
    });
    expect(ctx.candidates.map((c) => c.scores!.latencyMs)).toEqual([200 + 1000, 200 + 1000]);
    expect(ctx.candidates[0].scores!.liveSamples).toBeUndefined();
  });
  it('prefers the region statistic once it has enough samples, else the global one', () => {
    const base = prepared({ endpoints, request: request({ max_tokens: 100 }), region: 'DE' });
    const withScores = {
      ...base,
      candidates: base.candidates.map((c) => ({
        ...c,
        scores: { quality: 0.7, costUsd: 0, latencyMs: 0, ttftMs: 0, objective: 0, terms: {} },
      })),
    };
    withScores.snapshot.latency.set('a/x|*', { ttftMs: 1000, tokensPerSec: 50, samples: 20 });
    withScores.snapshot.latency.set('a/x|DE', { ttftMs: 100, tokensPerSec: 200, samples: MIN_REGION_SAMPLES - 1 });
    let ctx = latencyStage(withScores);
    expect(ctx.candidates[0].scores!.latencyMs).toBeCloseTo(1000 + (100 / 50) * 1000);
    expect(ctx.candidates[1].scores!.latencyMs).toBeCloseTo(200 + (100 / 100) * 1000);
    withScores.snapshot.latency.set('a/x|DE', { ttftMs: 100, tokensPerSec: 200, samples: MIN_REGION_SAMPLES });
    ctx = latencyStage(withScores);
    expect(ctx.candidates[0].scores!.latencyMs).toBeCloseTo(100 + 500);
    expect(ctx.candidates[0].scores).toMatchObject({ liveSamples: MIN_REGION_SAMPLES });
    // The trace shows the live sample count and rounded latency for the candidates it lists.
    expect(scoreTerms(ctx.candidates[0].scores!)).toMatchObject({ live_samples: MIN_REGION_SAMPLES, latency_ms: 600, ttft_ms: 100 });
  });
  it('adds the expected time of failed attempts: e/(1−e) time-to-first-tokens', () => {
    const base = prepared({ endpoints, request: request({ max_tokens: 100 }), now: 1_000_000 });
    const withScores = {
      ...base,
      candidates: base.candidates.map((c) => ({
        ...c,
        scores: { quality: 0.7, costUsd: 0, latencyMs: 0, ttftMs: 0, objective: 0, terms: {} },
      })),
    };
    withScores.snapshot.latency.set('a/x|*', {
      ttftMs: 400,
      tokensPerSec: 100,
      samples: 20,
      errorRate: 0.5,
      outcomes: 40,
      errorAt: 1_000_000,
    });
    withScores.snapshot.latency.set('b/y|*', {
      ttftMs: 400,
      tokensPerSec: 100,
      samples: 20,
      errorRate: 0,
      outcomes: 40,
      errorAt: 1_000_000,
    });
    const ctx = latencyStage(withScores);
    expect(ctx.candidates[0].scores!.latencyMs).toBeCloseTo(400 + 1000 + 400);
    expect(ctx.candidates[1].scores!.latencyMs).toBeCloseTo(400 + 1000);
    expect(ctx.candidates[0].scores!.errorRate).toBeCloseTo(0.5);
  });
  it('drops endpoints over max_latency_ms', () => {
    const base = prepared({
      endpoints: [endpoint('a/slow', { latency: { ttftMs: 5000, tokensPerSec: 10 } }), endpoint('b/fast')],
      request: request({ max_tokens: 100, routing: { max_latency_ms: 2000 } }),
    });
    const withScores = {
      ...base,
      candidates: base.candidates.map((c) => ({
        ...c,
        scores: { quality: 0.7, costUsd: 0, latencyMs: 0, ttftMs: 0, objective: 0, terms: {} },
      })),
    };
    const ctx = latencyStage(withScores);
    expect(ids(ctx)).toEqual(['b/fast']);
    expect(ctx.dropped[0]).toMatchObject({ id: 'a/slow', stage: 'latency' });
  });
});

describe('14 cost and 15 rank', () => {
  it('14 estimates the request cost from the catalog price', () => {
    const e = endpoint('a/x', { price: 3 });
    const base = prepared({ endpoints: [e] });
    const ctx = costStage({
      ...base,
      candidates: base.candidates.map((c) => ({
        ...c,
        scores: { quality: 0.7, costUsd: 0, latencyMs: 0, ttftMs: 0, objective: 0, terms: {} },
      })),
    });
    const r = base.requirements!;
    expect(ctx.candidates[0].scores!.costUsd).toBeCloseTo(estimateCost(e, r.estimatedInputTokens, r.expectedOutputTokens), 12);
  });
  it('15 ranks by the strategy, builds the chain and notes the floor', () => {
    const ctx = rankStage(
      context({
        strategy: 'cost',
        classification: { taskClass: 'chat', complexity: 0.5, source: 'neutral' },
        candidates: [scored('a/top', 0.9, 10), scored('b/mid', 0.72, 2), scored('c/low', 0.6, 1)],
      }),
    );
    expect(ctx.chain.map((c) => c.endpoint.id)).toEqual(['b/mid', 'a/top', 'c/low']);
    expect(ctx.trace.at(-1)!.note).toContain('quality floor 0.70');
    expect(ctx.candidates[0].scores!.tier).toBe(0);
  });
});
