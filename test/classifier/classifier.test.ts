import { describe, expect, it } from 'vitest';
import {
  newKeyHead,
  observeExplicitStrategy,
  observeFeedback,
  parseKeyHead,
  serializeKeyHead,
  type KeyHead,
  type ClassifyFeatures,
} from '../../src/classifier';
import { charWindow, headTail, type IntentEngine } from '../../src/classifier/engine';
import { classifierLoadTimings, classify, classifyWithEngine, modelLoadError, WARMUP_PROMPTS } from '../../src/classifier/classify';
import { calibrateComplexity } from '../../src/classifier/complexity';
import { chooseStrategy, strategyScores } from '../../src/classifier/strategy';
import { TASK_CLASSES, TEXT_CLASSES } from '../../src/hub';

const f = (text: string, extra: Partial<ClassifyFeatures> = {}): ClassifyFeatures => ({
  text,
  hasImages: false,
  hasTools: false,
  stream: false,
  inputChars: text.length,
  ...extra,
});

const OBVIOUS: Array<[string, string]> = [
  [
    'Write a SQL query that returns the 10 customers with the highest total order value. Tables: customers(id, name), orders(id, customer_id, total).',
    'sql',
  ],
  ['Translate into Spanish: "The meeting has been moved to Thursday afternoon."', 'translation'],
  [
    'Summarize the following article in three bullet points:\n\nThe city council voted on Tuesday to expand the bike-lane network by 40 kilometres over the next three years. Supporters say it will cut traffic deaths; opponents worry about cost.',
    'summarization',
  ],
  ['Write a short poem about the ocean at night.', 'creative_writing'],
  [
    'I get "TypeError: Cannot read properties of undefined (reading \'map\')" in my React component when the API returns. How do I fix it?',
    'debugging',
  ],
  ['Janet has 3 boxes with 12 apples each. She gives away 7 apples. How many apples does she have left?', 'math'],
  ['Classify the sentiment of this review as positive, negative or neutral: "The battery died after two days."', 'classification'],
  [
    'Extract the name, date and total amount from this invoice as JSON: "Invoice 2291 for Maria Lopez, issued 3 March 2025, total $480."',
    'extraction',
  ],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe('intent classifier (model in workerd)', () => {
  let coldMs = 0;

  it('loads the model lazily and classifies obvious prompts', async () => {
    const t0 = performance.now();
    const first = await classify(f(OBVIOUS[0][0]));
    coldMs = performance.now() - t0;
    expect(modelLoadError()).toBeNull();
    expect(first.source).toBe('model');
    const { importMs, sessionMs, warmupMs } = classifierLoadTimings();
    console.log(
      `[classifier] cold: first classification ${coldMs.toFixed(0)} ms = ORT module import ${importMs.toFixed(0)} ms (vitest pool transform cost, paid at bundle load in production) + session create ${sessionMs.toFixed(0)} ms + background warm-up ${warmupMs.toFixed(0)} ms (${WARMUP_PROMPTS} prompts; requests get the heuristic meanwhile) + inference`,
    );
    expect(sessionMs).toBeGreaterThan(0);
    for (const [text, expected] of OBVIOUS) {
      const c = await classify(f(text));
      expect(c.source).toBe('model');
      expect(c.taskClass, text).toBe(expected);
    }
  }, 180_000);

  it('decides vision from request features, not text', async () => {
    const c = await classify(f('What is in this picture?', { hasImages: true }));
    expect(c.taskClass).toBe('vision');
    expect(c.classProbs.vision).toBe(1);
    const noImage = await classify(f('What is in this picture?'));
    expect(noImage.taskClass).not.toBe('vision');
    expect(noImage.classProbs.vision).toBe(0);
  });

  it('returns a distribution over all classes and a complexity in [0, 1]', async () => {
    for (const text of ['hi', '', 'x'.repeat(50_000), OBVIOUS[2][0].repeat(40)]) {
      const c = await classify(f(text, { stream: true }));
      expect(Object.keys(c.classProbs).sort()).toEqual([...TASK_CLASSES].sort());
      const sum = Object.values(c.classProbs).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 5);
      expect(c.complexity).toBeGreaterThanOrEqual(0);
      expect(c.complexity).toBeLessThanOrEqual(1);
      expect(['speed', 'quality', 'cost', 'balanced']).toContain(c.strategy);
    }
  });

  it('rates a hard reasoning prompt as more complex than small talk', async () => {
    const hard = await classify(
      f(
        'A spaceship travels at 0.8c relative to Earth for 5 years of ship time. How much time passes on Earth, and which of the following explains the asymmetry?\nA) length contraction\nB) the ship changes inertial frames\nC) gravitational redshift\nD) none',
      ),
    );
    const easy = await classify(f('hi, how are you?'));
    expect(hard.complexity).toBeGreaterThan(easy.complexity);
  });

  it('measures warm latency over 200 prompts of at most 512 chars', async () => {
    const prompts = Array.from({ length: 200 }, (_, i) => {
      const base = OBVIOUS[i % OBVIOUS.length][0];
      return `${base} ${'details '.repeat(i % 50)}`.slice(0, 512);
    });
    // No extra warm-up here: the engine was exercised on WARMUP_PROMPTS synthetic prompts before it answered.
    const times: number[] = [];
    const t0 = performance.now();
    for (const p of prompts) times.push((await classify(f(p))).ms);
    const mean = (performance.now() - t0) / prompts.length;
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    console.log(
      `[classifier] warm latency over ${times.length} prompts: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, mean ${mean.toFixed(2)} ms (targets p50 2 / p99 5; workerd timers are ms-coarse); session create ${classifierLoadTimings().sessionMs.toFixed(0)} ms (target 500)`,
    );
    expect(p50).toBeGreaterThan(0); // a frozen clock would make these figures meaningless
    // Guard against gross regressions only (e.g. a session per call costs seconds); the targets are reported, not
    // asserted: on shared 2-core machines under load the same code measured 2-70 ms p50.
    expect(p50).toBeLessThan(250);
  });

  it('measures prompts of exactly 512 chars in batches (finer than the 1 ms clock)', async () => {
    const filler = OBVIOUS.map(([text]) => text).join(' ');
    const batchMs: number[] = [];
    for (let b = 0; b < 40; b++) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) await classify(f(`${b}-${i} ${filler}`.slice(0, 512)));
      batchMs.push((performance.now() - t0) / 10);
    }
    batchMs.sort((a, b) => a - b);
    console.log(
      `[classifier] 512-char prompts, 40 batches of 10: median ${percentile(batchMs, 50).toFixed(2)} ms/prompt, fastest batch ${batchMs[0].toFixed(2)}, slowest ${batchMs[batchMs.length - 1].toFixed(2)}`,
    );
    expect(batchMs[0]).toBeGreaterThan(0);
  });
});

describe('heuristic fallback', () => {
  it('answers with source heuristic when no model is available', async () => {
    const c = await classifyWithEngine(null, f('Please translate this into German: good morning'));
    expect(c.source).toBe('heuristic');
    expect(c.taskClass).toBe('translation');
    expect(Object.values(c.classProbs).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect((await classifyWithEngine(null, f('SELECT name FROM users WHERE id = 1 -- why is this slow in postgres?'))).taskClass).toBe(
      'sql',
    );
    expect((await classifyWithEngine(null, f('tl;dr this email thread please'))).taskClass).toBe('summarization');
    expect((await classifyWithEngine(null, f('hello there'))).taskClass).toBe('chat');
  });

  it('falls back when the engine fails at inference time', async () => {
    const broken: IntentEngine = { tokenize: () => [1], score: () => Promise.reject(new Error('boom')) };
    const c = await classifyWithEngine(broken, f('Write a haiku about autumn'));
    expect(c.source).toBe('heuristic');
    expect(c.taskClass).toBe('creative_writing');
  });
});

describe('complexity calibration', () => {
  const onehot = (c: string) => TEXT_CLASSES.map((x) => (x === c ? 1 : 0));
  it('trusts the head on supervised classes and the prior elsewhere', () => {
    expect(calibrateComplexity(0.9, onehot('reasoning'))).toBeCloseTo(0.9, 6);
    expect(calibrateComplexity(0.9, onehot('code_generation'))).toBeCloseTo(0.9, 6);
    expect(calibrateComplexity(0.9, onehot('classification'))).toBeCloseTo(0.1, 6);
    const half = TEXT_CLASSES.map((x) => (x === 'reasoning' || x === 'chat' ? 0.5 : 0));
    expect(calibrateComplexity(0.7, half)).toBeCloseTo(0.5 * 0.7 + 0.5 * 0.15, 6);
  });
});

describe('strategy policy', () => {
  const base = { hasTools: false, hasImages: false, stream: false, inputChars: 300 };
  it('sends routine easy work to cost, hard work to quality, short streamed chat to speed', () => {
    expect(chooseStrategy({ ...base, taskClass: 'classification', complexity: 0.1 })).toBe('cost');
    expect(chooseStrategy({ ...base, taskClass: 'math', complexity: 0.7 })).toBe('quality');
    expect(chooseStrategy({ ...base, taskClass: 'chat', complexity: 0.2, stream: true })).toBe('speed');
    expect(chooseStrategy({ ...base, taskClass: 'code_generation', complexity: 0.3 })).toBe('balanced');
  });
  it('reacts to request features', () => {
    const mid = { ...base, taskClass: 'extraction' as const, complexity: 0.35 };
    expect(chooseStrategy(mid)).toBe('balanced');
    expect(chooseStrategy({ ...mid, inputChars: 50_000 })).toBe('cost');
    expect(chooseStrategy({ ...base, taskClass: 'reasoning', complexity: 0.3, hasTools: true })).toBe('quality');
    expect(chooseStrategy({ ...base, taskClass: 'chat', complexity: 0.2, stream: true, inputChars: 9_000 })).not.toBe('speed');
    expect(strategyScores({ ...mid, hasImages: true }).quality).toBeGreaterThan(strategyScores(mid).quality);
  });
  it('lets a preference vector shift the choice', () => {
    const input = { ...base, taskClass: 'code_generation' as const, complexity: 0.3 };
    expect(chooseStrategy(input, { balanced: 0, quality: 0, cost: 0.5, speed: 0 })).toBe('cost');
  });
});

describe('per-key adaptation', () => {
  it("moves one key's predictions toward its traffic and leaves another key unchanged", async () => {
    const ambiguous = f('Can you look at this customers table and tell me what is going on with the duplicates?');
    let keyA: KeyHead = newKeyHead();
    const keyB: KeyHead = newKeyHead();
    const before = await classify(ambiguous);
    for (let i = 0; i < 10; i++) keyA = observeFeedback(keyA, 'sql', 1);
    const a = await classify(ambiguous, keyA);
    const b = await classify(ambiguous, keyB);
    // ten +1 ratings add 1.0 to the sql log-prob: its probability grows by ~e before renormalisation
    expect(a.classProbs.sql).toBeGreaterThan(before.classProbs.sql * 2);
    expect(b.classProbs).toEqual(before.classProbs);
    // negative feedback pushes away
    let keyC = newKeyHead();
    for (let i = 0; i < 10; i++) keyC = observeFeedback(keyC, 'sql', -1);
    expect((await classify(ambiguous, keyC)).classProbs.sql).toBeLessThan(before.classProbs.sql);
  });

  it('learns a strategy preference from requests that name one', async () => {
    const req = f('Write a Python function that merges two sorted lists.');
    const base = await classify(req);
    let keyA = newKeyHead();
    const ctx = {
      taskClass: base.taskClass,
      complexity: base.complexity,
      hasTools: false,
      hasImages: false,
      stream: false,
      inputChars: req.inputChars,
    };
    for (let i = 0; i < 30; i++) keyA = observeExplicitStrategy(keyA, ctx, 'speed');
    expect(base.strategy).not.toBe('speed');
    expect((await classify(req, keyA)).strategy).toBe('speed');
    expect((await classify(req, newKeyHead())).strategy).toBe(base.strategy);
  });

  it('serializes to small JSON without prompt text and rejects malformed input', () => {
    let head = newKeyHead();
    head = observeFeedback(head, 'translation', 1);
    head = observeExplicitStrategy(
      head,
      { taskClass: 'chat', complexity: 0.2, hasTools: false, hasImages: false, stream: false, inputChars: 10 },
      'cost',
    );
    const json = serializeKeyHead(head);
    expect(json.length).toBeLessThan(300);
    expect(parseKeyHead(json)).toEqual(parseKeyHead(serializeKeyHead(parseKeyHead(json))));
    expect(parseKeyHead(json).classBias[7]).toBeCloseTo(0.1, 3);
    expect(parseKeyHead('{"v":1,"b":[1],"s":[0,0,0,0]}')).toEqual(newKeyHead());
    expect(parseKeyHead('not json')).toEqual(newKeyHead());
    expect(parseKeyHead(JSON.stringify({ v: 1, b: Array(12).fill(99), s: [0, 0, 0, 0], n: 3 })).classBias[0]).toBe(1.5);
  });
});

describe('truncation of long prompts', () => {
  it('keeps the head and the tail of the token ids', () => {
    const ids = Array.from({ length: 200 }, (_, i) => i);
    expect(headTail(ids, 96, 48)).toEqual([...ids.slice(0, 48), ...ids.slice(152)]);
    expect(headTail(ids.slice(0, 96), 96, 48)).toHaveLength(96);
  });

  it('cuts characters only beyond twice the window, keeping both ends', () => {
    const short = 'a'.repeat(800);
    expect(charWindow(short, 400)).toBe(short);
    const long = `${'h'.repeat(500)}${'m'.repeat(5000)}${'t'.repeat(500)}`;
    expect(charWindow(long, 400)).toBe(`${'h'.repeat(400)} ${'t'.repeat(400)}`);
  });
});
