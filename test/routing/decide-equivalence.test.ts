import { describe, expect, it } from 'vitest';
import { type ChatRequest, ApiError, STRATEGIES } from '../../src/hub';
import { codenames } from '../../src/catalog/catalog';
import { decide, routingSnapshot, traceOf, type ClassificationSignal, type RoutingSnapshot } from '../../src/routing';
import { runPipeline } from '../../src/routing/pipeline';
import { env } from '../helpers/gateway';
import { keyWith, prng } from './helpers';
import golden from './fixtures/decide-golden.json';

/**
 * Every routing decision and its trace, for a few hundred varied requests over the full catalog, must stay
 * exactly what the golden fixture records (a digest per request of the whole decision: candidates with
 * raw scores, drops, chain, trace lines, served trace, or the refusal). Speed work on the pipeline must
 * not change a single number or word. On a mismatch the fresh digests are printed as `GOLDEN:` JSON.
 */

const TOPICS = [
  'Write a SQL query that joins orders and customers',
  'Fix this TypeError in my React component',
  'Summarize the following meeting notes',
  'Prove that the square root of 2 is irrational',
  'hi, how are you?',
];
const CLASSES = ['code_generation', 'chat', 'math', 'summarization', 'sql', 'reasoning', 'extraction', 'tool_use'];
const NOW = 1_780_000_000_000;

/** 53-bit string hash (cyrb53): a short, stable digest of a decision's canonical JSON. */
function digest(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** JSON with Maps and Sets as sorted entry lists, so the digest sees their content. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v) => {
    if (v instanceof Map) return { map: [...v.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))) };
    if (v instanceof Set) return { set: [...v].sort() };
    if (typeof v === 'function') return 'fn';
    return v;
  });
}

/** Evals (class and band cells), breakers, live latency and errors, feedback and learned output lengths. */
function signalSnapshot(base: RoutingSnapshot, seed: number): RoutingSnapshot {
  const rand = prng(seed);
  const snap: RoutingSnapshot = {
    ...base,
    health: new Map(),
    latency: new Map(),
    evals: new Map(),
    satisfaction: new Map(),
    satisfactionEvidence: new Map(),
    keySatisfaction: new Map(),
    outputTokens: new Map(),
  };
  for (const { endpoint: e } of base.endpoints) {
    for (const tc of CLASSES) {
      if (rand() < 0.6) {
        const samples = Math.floor(rand() * 120);
        const passRate = Math.round(rand() * 100) / 100;
        snap.evals.set(`${e.id}|${tc}`, { passRate, ciLow: Math.max(0, passRate - 0.1), samples });
        for (const band of ['low', 'mid', 'high'])
          if (rand() < 0.5)
            snap.evals.set(`${e.id}|${tc}|${band}`, {
              passRate: Math.round(rand() * 100) / 100,
              ciLow: 0,
              samples: Math.floor(rand() * 40),
            });
      }
      if (rand() < 0.3) snap.satisfactionEvidence!.set(`${e.id}|${tc}`, { up: Math.floor(rand() * 20), down: Math.floor(rand() * 10) });
      if (rand() < 0.1) snap.satisfaction.set(`${e.id}|${tc}`, rand());
      if (rand() < 0.2) snap.keySatisfaction!.set(`key-${Math.floor(rand() * 3)}|${e.id}|${tc}`, { up: Math.floor(rand() * 5), down: 1 });
      if (rand() < 0.4) {
        const cells = snap.outputTokens!.get(tc) ?? new Map();
        cells.set(e.id, { tokens: 50 + rand() * 1500, samples: 1 + Math.floor(rand() * 60) });
        cells.set('*', { tokens: 300 + rand() * 500, samples: 10 + Math.floor(rand() * 200) });
        snap.outputTokens!.set(tc, cells);
      }
    }
    const h = rand();
    if (h < 0.05) snap.health.set(e.id, { state: 'open', errorRate: 1, openUntil: NOW + 5_000 });
    else if (h < 0.08) snap.health.set(e.id, { state: 'half_open', errorRate: 1, openUntil: NOW + 2_000 });
    else if (h < 0.1) snap.health.set(e.id, { state: 'open', errorRate: 1, openUntil: NOW - 1 });
    if (rand() < 0.5) {
      const stat = () => ({
        ttftMs: 100 + rand() * 2000,
        tokensPerSec: 10 + rand() * 200,
        samples: Math.floor(rand() * 20),
        errorRate: rand() < 0.3 ? rand() : undefined,
        outcomes: Math.floor(rand() * 40),
        errorAt: NOW - Math.floor(rand() * 300_000),
      });
      snap.latency.set(`${e.id}|*`, stat());
      if (rand() < 0.5) snap.latency.set(`${e.id}|${rand() < 0.5 ? 'DE' : 'US'}`, stat());
    }
  }
  return snap;
}

interface Case {
  request: ChatRequest;
  key: ReturnType<typeof keyWith>;
  classification?: ClassificationSignal;
  region?: string;
  remainingBudgetUsd?: number;
  now: number;
}

function cases(n: number, seed: number): Case[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const snap = routingSnapshot(env);
  const names = codenames();
  const ids = snap.endpoints.map((e) => e.endpoint.id);
  const models = [
    'auto',
    'auto',
    ...STRATEGIES.map((s) => `auto:${s}`),
    ...names,
    ...names.slice(0, 10).map((m) => `${m}:${pick([...STRATEGIES, 'nitro', 'floor'])}`),
    ...ids.filter((_, i) => i % 7 === 0),
    'no-such-model',
    'auto:bogus',
  ];
  const providers = [...new Set(snap.endpoints.map((e) => e.endpoint.provider))];
  return Array.from({ length: n }, (_, i) => {
    const text = `${pick(TOPICS)} ${'lorem ipsum dolor '.repeat(Math.floor(rand() * (rand() < 0.05 ? 40_000 : 200)))}`;
    const provider: Record<string, unknown> = {};
    if (rand() < 0.08) provider.order = [pick(providers), pick(providers)];
    if (rand() < 0.05) provider.only = [pick(providers), pick(providers), pick(providers)];
    if (rand() < 0.05) provider.ignore = [pick(providers)];
    if (rand() < 0.05) provider.allow_fallbacks = false;
    if (rand() < 0.05) provider.require_parameters = true;
    if (rand() < 0.05) provider.data_collection = 'deny';
    if (rand() < 0.04) provider.zdr = true;
    if (rand() < 0.05) provider.sort = pick(['price', 'throughput', 'latency']);
    if (rand() < 0.05) provider.max_price = { prompt: rand() * 5, completion: rand() * 20 };
    const routing: Record<string, unknown> = {};
    if (rand() < 0.15) routing.max_price_per_mtok = 0.5 + rand() * 20;
    if (rand() < 0.1) routing.region = pick(['eu', 'us', 'apac']);
    if (rand() < 0.04) routing.residency = pick(['eu', 'us']);
    if (rand() < 0.08) routing.max_latency_ms = 500 + Math.floor(rand() * 20_000);
    if (rand() < 0.1) routing.max_attempts = 1 + Math.floor(rand() * 6);
    if (rand() < 0.05) routing.providers = { allow: [pick(providers), pick(providers)] };
    if (rand() < 0.05) routing.providers = { deny: [pick(providers)] };
    const request = {
      model: pick(models),
      messages: [
        { role: 'system', content: 'You are helpful.' },
        {
          role: 'user',
          content:
            rand() < 0.1
              ? [
                  { type: 'text', text },
                  { type: 'image_url', image_url: { url: 'https://x/y.png' } },
                ]
              : text,
        },
      ],
      ...(rand() < 0.25
        ? {
            tools: [
              { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } },
            ],
          }
        : {}),
      ...(rand() < 0.3 ? { stream: true } : {}),
      ...(rand() < 0.1
        ? { response_format: pick([{ type: 'json_object' }, { type: 'json_schema', json_schema: { name: 'x', schema: {} } }]) }
        : {}),
      ...(rand() < 0.2 ? { trust_level: Math.floor(rand() * 4) } : {}),
      ...(rand() < 0.25 ? { max_tokens: 16 + Math.floor(rand() * 8000) } : {}),
      ...(rand() < 0.05 ? { max_completion_tokens: 16 + Math.floor(rand() * 200_000) } : {}),
      ...(rand() < 0.06 ? { models: [pick(names), pick(models), pick(names)] } : {}),
      ...(Object.keys(provider).length ? { provider } : {}),
      ...(Object.keys(routing).length ? { routing } : {}),
    } as unknown as ChatRequest;
    const rules = rand();
    const key = keyWith(
      {
        defaultStrategy: rand() < 0.5 ? pick(STRATEGIES) : null,
        tier: rand() < 0.1 ? 'free' : 'paid',
        minTrustLevel: rand() < 0.15 ? 1 + Math.floor(rand() * 2) : 0,
        ...(rand() < 0.05 ? { allowProviders: [pick(providers), pick(providers), pick(providers)] } : {}),
        ...(rand() < 0.05 ? { denyProviders: [pick(providers)] } : {}),
        ...(rand() < 0.05 ? { regions: [pick(['eu', 'us'])] } : {}),
        ...(rand() < 0.03 ? { residency: pick(['eu', 'us']) } : {}),
        ...(rules < 0.04 ? { denyModels: [`provider:${pick(providers)}`, pick(names)] } : {}),
        ...(rules > 0.97 ? { allowModels: [pick(names), `provider:${pick(providers)}`] } : {}),
      },
      `key-${i % 3}`,
    );
    const c = rand();
    const classification: ClassificationSignal | undefined =
      c < 0.1
        ? undefined
        : {
            taskClass: pick(CLASSES),
            complexity: rand(),
            source: c < 0.2 ? 'neutral' : c < 0.4 ? 'heuristic' : 'model',
            ...(rand() < 0.5 ? { strategy: pick(STRATEGIES) } : {}),
          };
    return {
      request,
      key,
      classification,
      region: rand() < 0.3 ? pick(['DE', 'US', 'JP']) : undefined,
      remainingBudgetUsd: rand() < 0.1 ? rand() * 0.05 : undefined,
      now: NOW + Math.floor(rand() * 600_000),
    };
  });
}

/** The whole decision: what the flow and the executor read, and the trace as served. */
function outcome(run: () => ReturnType<typeof decide> | ReturnType<typeof runPipeline>): string {
  try {
    const d = run();
    const { request: _r, key: _k, snapshot: _s, routingMs: _ms, ...rest } = d as ReturnType<typeof decide>;
    return canonical({
      decision: {
        ...rest,
        chain: d.chain.map((c) => c.endpoint.id),
        candidates: d.candidates.map((c) => ({ ...c, endpoint: c.endpoint.id })),
      },
      served: traceOf(d, {}),
    });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return canonical({ status: e.status, body: e.body() });
  }
}

describe('decide() equivalence with the golden decisions', () => {
  it('plain snapshot (gateway) and signal-rich snapshot: every decision and trace as recorded', { timeout: 120_000 }, () => {
    const plain = cases(220, 11).map((x) => outcome(() => decide(env, x)));
    const base = routingSnapshot(env);
    const rich = signalSnapshot(base, 5);
    const withSignals = cases(220, 23).map((x) =>
      outcome(() =>
        runPipeline({
          now: x.now,
          request: x.request,
          hints: x.request.routing ?? {},
          key: x.key,
          snapshot: rich,
          region: x.region,
          classification: x.classification,
          remainingBudgetUsd: x.remainingBudgetUsd,
          candidates: [],
          dropped: [],
          chain: [],
          trace: [],
        }),
      ),
    );
    const got = { plain: plain.map(digest), signals: withSignals.map(digest) };
    const refused = [...plain, ...withSignals].filter((o) => o.startsWith('{"status"')).length;
    // The cases must exercise both outcomes and most stages, or the golden would guard little.
    expect(refused).toBeGreaterThan(20);
    expect(refused).toBeLessThan(300);
    const stages = new Set(withSignals.flatMap((o) => [...o.matchAll(/"stage":"(\w+)"/g)].map((m) => m[1])));
    expect(stages.size).toBeGreaterThanOrEqual(15);
    if (canonical(got) !== canonical(golden)) console.log(`GOLDEN:${JSON.stringify(got)}`);
    expect(got.plain).toEqual((golden as typeof got).plain);
    expect(got.signals).toEqual((golden as typeof got).signals);
  });

  it("reads a Workers env's key list once per env object, not on every routingSnapshot call", () => {
    // Listing a workerd env's keys costs ~25 µs, and the snapshot is looked up several times per request.
    let listed = 0;
    const counted = new Proxy(
      { ...env },
      {
        ownKeys(target) {
          listed++;
          return Reflect.ownKeys(target);
        },
      },
    );
    const first = routingSnapshot(counted);
    for (let i = 0; i < 5; i++) expect(routingSnapshot(counted)).toBe(first);
    decide(counted, { request: { model: 'auto', messages: [{ role: 'user', content: 'hi' }] } as ChatRequest, key: keyWith() });
    expect(listed).toBe(1);
    // Another env object is keyed afresh: a different set of provider keys still gets its own snapshot.
    const other = { ...env, CAILOS_SIMULATE: 'false' };
    expect(routingSnapshot(other)).not.toBe(first);
    routingSnapshot(env);
  });
});
