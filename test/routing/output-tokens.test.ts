import { describe, expect, it } from 'vitest';
import { allEndpoints } from '../../src/catalog/catalog';
import { estimateCost } from '../../src/catalog';
import type { EvalCell } from '../../src/hub';
import { outputObservationOf } from '../../src/routing/live-stats';
import {
  CLASS_POOL,
  OUTPUT_ALPHA_MIN,
  OUTPUT_PRIOR_WEIGHT,
  classOutputEstimate,
  classOutputPrior,
  endpointOutputTokens,
  observeOutputTokens,
  shrunkTokens,
  timeoutOutputTokens,
  updateOutputStat,
  type OutputTokenTable,
} from '../../src/routing/output-tokens';
import { runPipeline } from '../../src/routing/pipeline';
import { routingSnapshot } from '../../src/routing';
import { admin, chat, createTestKey, decisionTrace, env } from '../helpers/gateway';
import { attempt, context, endpoint, request, snapshotOf } from './helpers';

describe('output tokens per (endpoint, task class): the estimator', () => {
  it('the first answer sets the running mean; later ones move it by max(ALPHA_MIN, 1/n)', () => {
    let s = updateOutputStat(undefined, 400);
    expect(s).toEqual({ tokens: 400, samples: 1 });
    s = updateOutputStat(s, 200);
    expect(s).toEqual({ tokens: 300, samples: 2 });
    for (let i = 0; i < 1000; i++) s = updateOutputStat(s, 1000);
    expect(s.tokens).toBeCloseTo(1000, 3);
    const moved = updateOutputStat(s, 2000);
    expect(moved.tokens - s.tokens).toBeCloseTo(OUTPUT_ALPHA_MIN * 1000, 6);
  });

  it('the estimate is the running mean shrunk toward the prior, which is worth OUTPUT_PRIOR_WEIGHT answers', () => {
    expect(shrunkTokens(undefined, 512)).toBe(512);
    const one = updateOutputStat(undefined, 2048);
    expect(shrunkTokens(one, 512)).toBeCloseTo((2048 + OUTPUT_PRIOR_WEIGHT * 512) / (1 + OUTPUT_PRIOR_WEIGHT));
    let many = one;
    for (let i = 0; i < 200; i++) many = updateOutputStat(many, 2048);
    expect(shrunkTokens(many, 512)).toBeGreaterThan(2000);
  });

  it('class level: max_tokens is the prior when set, else the class prior; learned answers pull it, max_tokens caps it', () => {
    expect(classOutputEstimate(undefined, 'code_generation', undefined)).toMatchObject({
      tokens: classOutputPrior('code_generation'),
      source: 'class_prior',
      samples: 0,
    });
    expect(classOutputEstimate(undefined, 'classification', 4000)).toMatchObject({ tokens: 4000, source: 'max_tokens' });
    // An unknown class falls back to the default prior.
    expect(classOutputPrior('no-such-class')).toBe(classOutputPrior('chat'));
    const table: OutputTokenTable = new Map();
    for (let i = 0; i < 30; i++) observeOutputTokens(table, 'reasoning', 'a/x', 100);
    const cells = table.get('reasoning');
    expect(cells?.get(CLASS_POOL)?.samples).toBe(30);
    const learned = classOutputEstimate(cells, 'reasoning', undefined);
    expect(learned.source).toBe('learned');
    expect(learned.samples).toBe(30);
    expect(learned.tokens).toBeCloseTo((30 * 100 + OUTPUT_PRIOR_WEIGHT * classOutputPrior('reasoning')) / 33, 6);
    // With a generous max_tokens the learned length wins over the cap as prior; a small one caps it.
    expect(classOutputEstimate(cells, 'reasoning', 4000).tokens).toBeLessThan(500);
    expect(classOutputEstimate(cells, 'reasoning', 50).tokens).toBe(50);
  });

  it('endpoint level: shrunk toward the class estimate, so an endpoint without answers costs like the class', () => {
    const table: OutputTokenTable = new Map();
    for (let i = 0; i < 40; i++) observeOutputTokens(table, 'code_generation', 'a/verbose', 1500);
    for (let i = 0; i < 40; i++) observeOutputTokens(table, 'code_generation', 'b/terse', 300);
    const cells = table.get('code_generation')!;
    const cls = classOutputEstimate(cells, 'code_generation', undefined).tokens;
    expect(endpointOutputTokens(cells, 'c/unseen', cls, undefined)).toBe(cls);
    const verbose = endpointOutputTokens(cells, 'a/verbose', cls, undefined);
    const terse = endpointOutputTokens(cells, 'b/terse', cls, undefined);
    expect(verbose).toBeGreaterThan(1400);
    expect(terse).toBeLessThan(400);
    expect(endpointOutputTokens(cells, 'a/verbose', cls, 800)).toBe(800);
    // Other classes are untouched.
    expect(table.get('reasoning')).toBeUndefined();
  });
});

describe('what an answer teaches, and what the timeouts assume', () => {
  const usage = (completion: number) => ({ prompt_tokens: 10, completion_tokens: completion, total_tokens: 10 + completion });
  it('only a complete answer from the routed endpoint with reported usage is a length sample', () => {
    const done = {
      status: 200,
      endpoint: { id: 'b/y' },
      usage: usage(900),
      attempts: [attempt('a/x', 'failed'), attempt('b/y', 'ok')],
      stream: false,
    };
    expect(outputObservationOf(done)).toEqual({ endpointId: 'b/y', tokens: 900 });
    expect(outputObservationOf({ ...done, usage: usage(0) })).toBeUndefined();
    expect(outputObservationOf({ ...done, status: 502 })).toBeUndefined();
    expect(outputObservationOf({ ...done, attempts: [attempt('b/y', 'failed')] })).toBeUndefined();
  });
  it('timeouts are sized for max_tokens, else the estimate but never below the old 512-token default', () => {
    expect(timeoutOutputTokens({ expectedOutputTokens: 128 })).toBe(512);
    expect(timeoutOutputTokens({ expectedOutputTokens: 2000 })).toBe(2000);
    expect(timeoutOutputTokens({ expectedOutputTokens: 300, maxOutputTokens: 4000 })).toBe(4000);
  });
});

describe('the pipeline prices each endpoint by what it writes for this class', () => {
  const a = endpoint('prov-a/verbose', { price: 1 });
  const b = endpoint('prov-b/terse', { price: 1.3 });
  const cell = (passRate: number): EvalCell => ({ passRate, ciLow: passRate - 0.06, samples: 200 });
  const snapshotWith = () => {
    const s = snapshotOf([a, b]);
    for (const tc of ['code_generation', 'reasoning']) {
      s.evals.set(`${a.id}|${tc}`, cell(0.8));
      s.evals.set(`${b.id}|${tc}`, cell(0.8));
    }
    s.outputTokens = new Map();
    // The cheap-per-token endpoint writes 4× longer code than the other; on reasoning both write alike.
    for (let i = 0; i < 50; i++) {
      observeOutputTokens(s.outputTokens, 'code_generation', a.id, 2000);
      observeOutputTokens(s.outputTokens, 'code_generation', b.id, 500);
      observeOutputTokens(s.outputTokens, 'reasoning', a.id, 300);
      observeOutputTokens(s.outputTokens, 'reasoning', b.id, 300);
    }
    return s;
  };
  const route = (taskClass: string, over: Parameters<typeof request>[0] = {}) =>
    runPipeline(
      context({
        request: request({ model: 'auto:cost', ...over }),
        snapshot: snapshotWith(),
        classification: { taskClass, complexity: 0.2, source: 'model' },
      }),
    );

  it('a model learned to write long answers for a class costs accordingly, and the trace says so', () => {
    const code = route('code_generation');
    const costOf = (id: string) => code.candidates.find((c) => c.endpoint.id === id)!.scores!;
    expect(costOf(a.id).outputTokens).toBeGreaterThan(1900);
    expect(costOf(b.id).outputTokens).toBeLessThan(600);
    expect(costOf(a.id).costUsd).toBeCloseTo(estimateCost(a, code.requirements!.estimatedInputTokens, costOf(a.id).outputTokens!), 12);
    expect(costOf(a.id).costUsd).toBeGreaterThan(costOf(b.id).costUsd);
    expect(code.chain[0].endpoint.id).toBe(b.id);
    expect(code.requirements!.outputTokensSource).toBe('learned');
    expect(code.trace.find((t) => t.stage === 'cost')?.note).toMatch(/learned/);
    // Where they write alike, the cheaper per token wins.
    expect(route('reasoning').chain[0].endpoint.id).toBe(a.id);
  });

  it('max_tokens caps every estimate', () => {
    const capped = route('code_generation', { max_tokens: 100 });
    for (const c of capped.candidates) expect(c.scores!.outputTokens).toBe(100);
    expect(capped.chain[0].endpoint.id).toBe(a.id);
  });

  it('without answers for the class, every endpoint gets the class prior (max_tokens when set)', () => {
    const ctx = route('summarization');
    for (const c of ctx.candidates) expect(c.scores!.outputTokens).toBe(classOutputPrior('summarization'));
    expect(ctx.requirements!.outputTokensSource).toBe('class_prior');
    const capped = route('summarization', { max_tokens: 3000 });
    expect(capped.requirements!.outputTokensSource).toBe('max_tokens');
    for (const c of capped.candidates) expect(c.scores!.outputTokens).toBe(3000);
  });
});

describe('through the gateway: completions that come back long move the cost estimate', () => {
  it('after long answers from an endpoint, its next decision is costed with its learned output length', async () => {
    const { key } = await createTestKey({ name: 'output-tokens' });
    const target = routingSnapshot(env).endpoints.find((e) => e.simulated && e.endpoint.pricing.outputPerMTok > 0)!.endpoint;
    const body = {
      model: target.id,
      messages: [{ role: 'user', content: 'Write a Python function that parses an ISO 8601 date string, with unit tests.' }],
    };
    type Trace = {
      requirements: { expectedOutputTokens: number; outputTokensSource: string };
      stages: { stage: string; note?: string }[];
      candidates: { id: string; cost_usd: number; output_tokens: number; output_samples?: number }[];
    };
    const ask = async () => {
      const res = await chat(key, body);
      expect(res.status).toBe(200);
      const { id } = (await res.json()) as { id: string };
      return decisionTrace<Trace>(key, id);
    };
    const before = await ask();
    const first = before.candidates.find((c) => c.id === target.id)!;
    expect(before.requirements.outputTokensSource).toBe('class_prior');
    // The simulated endpoint now answers with ~2,000 tokens.
    const long = 'word '.repeat(1600).trim();
    expect((await admin('/sim/scripts', { body: { target: target.id, text: long, times: 10 } })).status).toBe(200);
    for (let i = 0; i < 10; i++) await ask();
    await admin('/sim/scripts', { method: 'DELETE' });
    const after = await ask();
    const later = after.candidates.find((c) => c.id === target.id)!;
    expect(later.output_samples).toBeGreaterThanOrEqual(10);
    expect(later.output_tokens).toBeGreaterThan(2 * first.output_tokens);
    expect(later.cost_usd).toBeGreaterThan(first.cost_usd * 1.5);
    expect(after.requirements.outputTokensSource).toBe('learned');
    expect(after.stages.find((s) => s.stage === 'cost')?.note).toMatch(/learned/);
  });
});
