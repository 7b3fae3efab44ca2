import { describe, expect, it } from 'vitest';
import { type ChatRequest, STRATEGIES } from '../../src/hub';
import { codenames } from '../../src/catalog/catalog';
import { classify } from '../../src/classifier';
import { decide, routingSnapshot, type ClassificationSignal } from '../../src/routing';
import { env } from '../helpers/gateway';
import { keyWith, prng } from './helpers';

/**
 * Decision speed inside workerd over the full catalog. Targets (bench/routing/README.md):
 * decide() p50 ≤ 1 ms, p99 ≤ 3 ms; with the classifier p99 ≤ 5 ms. The assertions are generous so a
 * loaded CI machine cannot make them flake; the measured figures are printed.
 */

const TOPICS = [
  'Write a SQL query that joins orders and customers',
  'Fix this TypeError in my React component',
  'Summarize the following meeting notes',
  'Translate to French: the weather is nice',
  'Prove that the square root of 2 is irrational',
  'Write a haiku about autumn',
  'Extract the names and dates as JSON',
  'hi, how are you?',
];

function requests(
  n: number,
  seed: number,
): { request: ChatRequest; classification: ClassificationSignal; key: ReturnType<typeof keyWith> }[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const models = ['auto', 'auto', 'auto', ...STRATEGIES.map((s) => `auto:${s}`), ...codenames().slice(0, 20)];
  return Array.from({ length: n }, () => {
    const text = `${pick(TOPICS)} ${'lorem ipsum dolor '.repeat(Math.floor(rand() * 200))}`;
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
      ...(rand() < 0.3
        ? {
            tools: [
              { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } },
            ],
          }
        : {}),
      ...(rand() < 0.3 ? { stream: true } : {}),
      ...(rand() < 0.2 ? { trust_level: Math.floor(rand() * 3) } : {}),
      ...(rand() < 0.3 ? { max_tokens: 64 + Math.floor(rand() * 4000) } : {}),
      ...(rand() < 0.3
        ? { routing: { max_price_per_mtok: 1 + rand() * 20, ...(rand() < 0.5 ? { region: pick(['eu', 'us']) } : {}) } }
        : {}),
    } as unknown as ChatRequest;
    const classification: ClassificationSignal = {
      taskClass: pick(['code_generation', 'chat', 'math', 'summarization', 'sql']),
      complexity: rand(),
      source: 'model',
    };
    return { request, classification, key: keyWith({ defaultStrategy: pick(STRATEGIES), tier: rand() < 0.1 ? 'free' : 'paid' }) };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1], n: s.length };
}

describe('routing speed (inside workerd)', () => {
  it('decide() over the full catalog for 2,000 varied requests: p50 < 5 ms, p99 < 50 ms (targets 1 / 3 ms)', { timeout: 180_000 }, () => {
    const endpoints = routingSnapshot(env).endpoints.length;
    expect(endpoints).toBeGreaterThan(50);
    const inputs = requests(2000, 42);
    for (const x of inputs.slice(0, 100)) {
      try {
        decide(env, x);
      } catch {
        /* warm-up; refusals are timed below too */
      }
    }
    // workerd's clock ticks in whole milliseconds: each request is decided in BATCHES batches of REPEAT
    // calls; per-request time = batch time / REPEAT (0.1 ms resolution). "typical" uses the mean batch,
    // "intrinsic" the fastest batch, which filters out the moments a loaded machine deschedules us.
    const REPEAT = 10;
    const BATCHES = 3;
    const decideOnce = (x: (typeof inputs)[number]) => {
      try {
        decide(env, x);
        return 0;
      } catch {
        return 1;
      }
    };
    const typical: number[] = [];
    const intrinsic: number[] = [];
    const single: number[] = [];
    let refused = 0;
    for (const x of inputs) {
      const t0 = performance.now();
      refused += decideOnce(x);
      single.push(performance.now() - t0);
      const batches: number[] = [];
      for (let b = 0; b < BATCHES; b++) {
        const tb = performance.now();
        for (let i = 0; i < REPEAT; i++) decideOnce(x);
        batches.push((performance.now() - tb) / REPEAT);
      }
      typical.push(batches.reduce((a, b) => a + b, 0) / BATCHES);
      intrinsic.push(Math.min(...batches));
    }
    const s = summary(typical);
    const best = summary(intrinsic);
    const raw = summary(single);
    const mean = typical.reduce((a, b) => a + b, 0) / typical.length;
    console.log(
      `decide() over ${endpoints} endpoints, ${s.n} requests (${refused} refused): typical p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, mean ${mean.toFixed(3)} ms; intrinsic (fastest batch) p50 ${best.p50.toFixed(2)} ms, p99 ${best.p99.toFixed(2)} ms, max ${best.max.toFixed(2)} ms; single calls at 1 ms clock resolution p50 ${raw.p50} ms, p99 ${raw.p99} ms, max ${raw.max} ms`,
    );
    expect(s.p50).toBeLessThan(5);
    expect(s.p99).toBeLessThan(50);
  });

  it('classifier + decide() for 300 varied requests: p50 < 250 ms (target p99 5 ms)', { timeout: 120_000 }, async () => {
    const inputs = requests(300, 7);
    const textOf = (r: ChatRequest) => r.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
    await classify({ text: 'warm up', hasImages: false, hasTools: false, stream: false, inputChars: 7 });
    const total: number[] = [];
    const classifier: number[] = [];
    let source = '';
    for (const x of inputs) {
      const text = textOf(x.request);
      const t0 = performance.now();
      const c = await classify({
        text,
        hasImages: false,
        hasTools: !!x.request.tools,
        stream: !!x.request.stream,
        inputChars: text.length,
      });
      const t1 = performance.now();
      source = c.source;
      try {
        decide(env, { ...x, classification: { taskClass: c.taskClass, complexity: c.complexity, strategy: c.strategy, source: c.source } });
      } catch {
        /* refusals count too */
      }
      total.push(performance.now() - t0);
      classifier.push(t1 - t0);
    }
    const s = summary(total);
    const c = summary(classifier);
    console.log(
      `classifier (${source}) + decide(): p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms; classifier alone p50 ${c.p50.toFixed(3)} ms, p99 ${c.p99.toFixed(3)} ms`,
    );
    expect(s.p50).toBeLessThan(250);
  });
});
