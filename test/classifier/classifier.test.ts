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
import type { IntentEngine } from '../../src/classifier/engine';
import { tokenize, type TokenConfig } from '../../src/classifier/features';
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
      `[classifier] cold: first classification ${coldMs.toFixed(1)} ms = model module import ${importMs.toFixed(1)} ms + engine build ${sessionMs.toFixed(1)} ms (vocabulary map, tensor views) + warm-up ${warmupMs.toFixed(1)} ms (${WARMUP_PROMPTS} prompts) + inference (target 300 ms)`,
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

  it('measures CPU per never-seen prompt up to 2,000 characters (targets p50 0.3 ms, p99 1 ms)', async () => {
    // Distinct prompts of every length up to 2,000 chars; workerd's clock advances only across I/O, so each
    // figure is the mean of a batch of 20 distinct prompts of similar length (the batch is pure CPU work).
    const words = OBVIOUS.flatMap(([text]) => text.split(' '));
    const prompt = (i: number, chars: number) => {
      let out = `${i}`;
      for (let k = 0; out.length < chars; k++) out += ` ${words[(i * 31 + k * 7) % words.length]}${k % 11 === 0 ? i : ''}`;
      return out.slice(0, chars);
    };
    const batches: number[] = [];
    for (let b = 0; b < 100; b++) {
      const chars = 20 + ((b * 397) % 1981);
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) await classify(f(prompt(b * 20 + i, chars)));
      batches.push((performance.now() - t0) / 20);
    }
    batches.sort((a, b) => a - b);
    const p50 = percentile(batches, 50);
    const p99 = percentile(batches, 99);
    console.log(
      `[classifier] CPU per never-seen prompt (20–2,000 chars, 100 batches of 20): p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (targets 0.3 / 1)`,
    );
    expect(batches[0]).toBeGreaterThan(0); // a frozen clock would make these figures meaningless
    // Generous bounds: shared 2-core machines under load run several times slower than an idle one.
    expect(p50).toBeLessThan(3);
    expect(p99).toBeLessThan(10);
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
    const broken: IntentEngine = {
      classes: TEXT_CLASSES,
      score: () => {
        throw new Error('boom');
      },
      represent: () => {
        throw new Error('boom');
      },
    };
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

describe('reading long prompts', () => {
  const cfg: TokenConfig = {
    head: 128,
    tail: 64,
    headChars: 3000,
    tailChars: 1500,
    featureChars: 20000,
    maxWord: 40,
    maxGrams: 8,
    minStem: 4,
    subBuckets: 16384,
    pairBuckets: 8192,
    posBuckets: 17,
  };
  it('keeps the first and last tokens of a long prompt', () => {
    const text = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    const toks = tokenize(text, cfg).map((t) => t.text);
    expect(toks).toHaveLength(192);
    expect(toks.slice(0, 2)).toEqual(['w0', 'w1']);
    expect(toks.at(-1)).toBe('w499');
  });

  it('splits words, symbols and scripts written without spaces', () => {
    expect(tokenize('Fix f(x)=1; 翻译成英文', cfg).map((t) => t.text)).toEqual([
      'fix',
      'f',
      '(',
      'x',
      ')',
      '=',
      '1',
      ';',
      '翻译',
      '译成',
      '成英',
      '英文',
    ]);
  });

  it('sees an instruction at the end of a prompt longer than its token window', async () => {
    const payload = 'The committee met on Monday and reviewed the budget for the coming year in detail. '.repeat(60);
    const c = await classify(f(`${payload}\n\nSummarize the text above in three bullet points.`));
    expect(c.taskClass).toBe('summarization');
  });
});
