import { describe, expect, it } from 'vitest';
import { routingSnapshot } from '../../src/routing';
import { BASE, chat, createTestKey, env, workerFetch } from '../helpers/gateway';

const get = (key: string, path: string) => workerFetch(`${BASE}/v1${path}`, { headers: { authorization: `Bearer ${key}` } });

async function until<T>(f: () => Promise<T>, ok: (x: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let x = await f();
  while (!ok(x) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    x = await f();
  }
  return x;
}

describe('GET /v1/routing/decisions/:id', () => {
  it('shows stages, kept and dropped candidates with reasons, scores, chain and attempts — to the deciding key only', async () => {
    const owner = await createTestKey({ name: 'decider' });
    const other = await createTestKey({ name: 'stranger' });
    const res = await chat(owner.key, {
      model: 'auto:cost',
      trust_level: 2,
      messages: [{ role: 'user', content: 'Name a prime number.' }],
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };

    const foreign = await get(other.key, `/routing/decisions/${id}`);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('decision_not_found');

    const mine = await until(
      () => get(owner.key, `/routing/decisions/${id}`),
      (r) => r.status === 200,
    );
    expect(mine.status).toBe(200);
    const d = (await mine.json()) as {
      object: string;
      endpointId: string;
      strategy: string;
      trace: {
        stages: { stage: string; kept: number }[];
        candidates: { id: string; quality: number; cost_usd: number; latency_ms: number; objective: number }[];
        dropped: { id: string; stage: string; reason: string }[];
        chain: string[];
        attempts: { endpointId: string; outcome: string }[];
      };
    };
    expect(d.object).toBe('routing.decision');
    expect(d.strategy).toBe('cost');
    expect(d.trace.stages.map((s) => s.stage)).toEqual([
      'parse_spec',
      'requirements',
      'classify',
      'candidates',
      'capabilities',
      'context_window',
      'trust',
      'policy',
      'health',
      'eval_gate',
      'budget',
      'quality',
      'latency',
      'cost',
      'rank',
    ]);
    expect(d.trace.candidates.length).toBeGreaterThan(0);
    for (const c of d.trace.candidates) {
      expect(typeof c.quality).toBe('number');
      expect(typeof c.cost_usd).toBe('number');
      expect(typeof c.latency_ms).toBe('number');
      expect(typeof c.objective).toBe('number');
    }
    const trustDrops = d.trace.dropped.filter((x) => x.stage === 'trust');
    expect(trustDrops.length).toBeGreaterThan(0);
    expect(trustDrops[0].reason).toMatch(/trust \d < required 2/);
    expect(d.trace.chain[0]).toBe(d.trace.candidates[0].id);
    expect(d.trace.attempts.at(-1)).toMatchObject({ endpointId: d.endpointId, outcome: 'ok' });
    // The same id with the completion prefix stripped also works; nothing leaks for a made-up id.
    expect((await get(owner.key, `/routing/decisions/${id.replace(/^chatcmpl-/, '')}`)).status).toBe(200);
    expect((await get(owner.key, '/routing/decisions/chatcmpl-doesnotexist')).status).toBe(404);
  });
});

describe('GET /v1/usage', () => {
  it("sums the key's requests, tokens, cost and what its baseline model would have cost", async () => {
    const key = await createTestKey({ name: 'usage', settings: { baselineModel: 'gpt-4o' } });
    const other = await createTestKey({ name: 'usage-other' });
    for (let i = 0; i < 2; i++) {
      const res = await chat(key.key, { model: 'auto:cost', messages: [{ role: 'user', content: `Count to ${i + 3}.` }] });
      expect(res.status).toBe(200);
    }
    const u = await until(
      async () => (await (await get(key.key, '/usage?days=7')).json()) as Record<string, number | null | object>,
      (x) => x.requests === 2,
    );
    expect(u).toMatchObject({ object: 'usage', requests: 2, succeeded: 2, baseline_model: 'gpt-4o', period: { days: 7 } });
    expect(u.total_tokens).toBe((u.input_tokens as number) + (u.output_tokens as number));
    expect(u.input_tokens as number).toBeGreaterThan(0);
    expect(u.cost_usd as number).toBeGreaterThan(0);
    // auto:cost against a gpt-4o baseline: the routed requests cost less than the baseline would have.
    expect(u.baseline_cost_usd as number).toBeGreaterThan(u.cost_usd as number);
    expect(u.savings_usd as number).toBeCloseTo((u.baseline_cost_usd as number) - (u.cost_usd as number), 7);
    expect(u.savings_pct as number).toBeCloseTo((100 * (u.savings_usd as number)) / (u.baseline_cost_usd as number), 1);

    const theirs = (await (await get(other.key, '/usage')).json()) as {
      requests: number;
      savings_pct: number | null;
      period: { days: number };
    };
    expect(theirs).toMatchObject({ requests: 0, savings_pct: null, period: { days: 30 } });
    for (const bad of ['0', '400', 'abc', '1.5']) expect((await get(key.key, `/usage?days=${bad}`)).status).toBe(400);
  });
});

describe('live latency statistics', () => {
  it('every response updates the endpoint entry in the isolate snapshot, off the request path', async () => {
    const key = await createTestKey({ name: 'live' });
    const res = await chat(key.key, { model: 'auto:speed', messages: [{ role: 'user', content: 'Say hi.' }] });
    expect(res.status).toBe(200);
    const endpointId = res.headers.get('x-cailos-endpoint')!;
    const stat = await until(
      async () => routingSnapshot(env).latency.get(`${endpointId}|*`),
      (s) => (s?.samples ?? 0) > 0,
    );
    expect(stat?.samples).toBeGreaterThan(0);
    expect(stat?.outcomes).toBeGreaterThan(0);
  });
});
