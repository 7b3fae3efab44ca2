/**
 * Feedback learning curve on RouterBench outcomes, through the real code path.
 *
 *   npm run bench:feedback -- --data /work/shared/data/routing [--seeds 5] [--out bench/feedback/README.md]
 *
 * Data: the RouterBench train splits (routerbench_{arc_challenge,winograde,mbpp}_train.csv: prompt,
 * eval_name, one 0/1 column per model, `<model>|total_cost`), from withmartian/routerbench via
 * shuhao02/RouterDC's split. In this project they are in /work/shared/data/routing; elsewhere,
 * download them from those repositories. The data is never copied into the repository.
 *
 * Method: the 11 models become endpoints of a benchmark catalog (price = their average cost per
 * prompt on the feedback half; equal catalog quality prior 0.7 and equal latency, so everything the
 * router knows about quality comes from feedback). Per class (eval_name) the prompts are split in
 * half with a seeded shuffle: the first half is replayed as feedback, the second half is held out.
 * Feedback is bandit-style, as in production: each replayed prompt is routed by the full pipeline
 * (src/routing/pipeline.ts, all 15 stages, task class = eval_name) for one of 50 simulated keys,
 * and that key rates the endpoint it was served (correct = up, wrong = down) through the same
 * posterior update as POST /v1/feedback (src/feedback/signals.ts applyChangeToTable) and the same
 * snapshot refresh as the signal source. At each checkpoint every held-out prompt is routed for a
 * key with no ratings of its own (global posterior, exploration gate as served) and scored with
 * the routed model's real correctness and cost.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatRequest, Strategy } from '../../src/hub';
import type { Endpoint } from '../../src/catalog';
import type { PosteriorRow, RoutingSnapshot } from '../../src/routing';
import { isExplorationDecision } from '../../src/routing/feedback-preference';
import { applyChangeToTable, applySignals, signalsFromRows } from '../../src/feedback/signals';
import { runPipeline } from '../../src/routing/pipeline';
import { estimateInputTokens } from '../../src/routing/stages/02-requirements';
import { type KeyRecord, keySettingsSchema } from '../../src/tenancy/types';
import { mulberry32 } from '../../src/lib';
import { parseCsv } from '../routing/data';

// ---------- arguments ----------
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const dataDir = args.get('data');
if (!dataDir) {
  console.error('usage: npm run bench:feedback -- --data <dir with routerbench_*_train.csv> [--seeds 5] [--out file.md]');
  process.exit(2);
}
const SEEDS = Number(args.get('seeds') ?? 5);
const OUT = args.get('out') ?? 'bench/feedback/README.md';
const CHECKPOINTS = [0, 30, 100, 300, 1000, 3000, 10000];
const STRATEGIES = (args.get('strategies') ?? 'balanced,quality').split(',') as Strategy[];
const SIM_KEYS = 50;

// ---------- data ----------

interface Item {
  prompt: string;
  cls: string;
  correct: number[];
  cost: number[];
}

function load(dir: string): { models: string[]; items: Item[] } {
  const files = readdirSync(dir)
    .filter((f) => /^routerbench_.*_train\.csv$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no routerbench_*_train.csv in ${dir}`);
  let models: string[] = [];
  const items: Item[] = [];
  for (const f of files) {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, f), 'utf8'));
    const col = (name: string) => header.indexOf(name);
    const fileModels = header
      .filter((h) => !h.includes('|') && !['sample_id', 'prompt', 'eval_name', 'oracle_model_to_route_to'].includes(h))
      .sort();
    if (models.length === 0) models = fileModels;
    for (const r of rows) {
      const correct = models.map((m) => r[col(m)]);
      const cost = models.map((m) => r[col(`${m}|total_cost`)]);
      if ([...correct, ...cost].some((v) => v === undefined || v === '')) continue; // missing outcome
      items.push({ prompt: r[col('prompt')], cls: r[col('eval_name')], correct: correct.map(Number), cost: cost.map(Number) });
    }
  }
  return { models, items };
}

// ---------- seeded randomness ----------
function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ---------- benchmark catalog and routing ----------
const requestOf = (prompt: string) => ({ model: 'auto', messages: [{ role: 'user', content: prompt }] }) as ChatRequest;

function benchCatalog(models: string[], train: Item[]): Endpoint[] {
  const avgTokens = train.reduce((s, it) => s + estimateInputTokens(requestOf(it.prompt)) + 512, 0) / train.length;
  return models.map((m, i) => {
    const avgCost = train.reduce((s, it) => s + it.cost[i], 0) / train.length;
    const perMTok = (avgCost * 1e6) / avgTokens;
    return {
      id: `routerbench/${m}`,
      provider: 'openrouter',
      model: m,
      codename: m,
      wireFormat: 'openai',
      pricing: {
        inputPerMTok: perMTok,
        outputPerMTok: perMTok,
        asOf: 'routerbench',
        source: 'RouterBench average total_cost per prompt (feedback half)',
      },
      contextWindow: 1_000_000,
      maxOutputTokens: 8192,
      capabilities: { tools: true, vision: true, jsonSchema: true, streaming: true },
      trustLevel: 1,
      regions: ['global'],
      latency: { ttftMs: 500, tokensPerSec: 50 },
      qualityPrior: 0.7,
    } satisfies Endpoint;
  });
}

function snapshotOf(endpoints: Endpoint[]): RoutingSnapshot {
  return {
    builtAt: 0,
    endpoints: endpoints.map((endpoint) => ({ endpoint, simulated: false })),
    health: new Map(),
    latency: new Map(),
    evals: new Map(),
    satisfaction: new Map(),
  };
}

function keyRecord(id: string, strategy: Strategy): KeyRecord {
  return {
    id,
    teamId: 'bench',
    name: id,
    keyPrefix: 'cai_bench',
    scopes: ['api'],
    settings: keySettingsSchema.parse({ defaultStrategy: strategy }),
    createdAt: 0,
    revokedAt: null,
  };
}

function route(snapshot: RoutingSnapshot, key: KeyRecord, item: Item, now: number): number {
  const ctx = runPipeline({
    now,
    request: requestOf(item.prompt),
    hints: {},
    key,
    snapshot,
    classification: { taskClass: item.cls, complexity: 0.5, source: 'model' },
    candidates: [],
    dropped: [],
    chain: [],
    trace: [],
  });
  return snapshot.endpoints.findIndex((e) => e.endpoint.id === ctx.chain[0].endpoint.id);
}

interface Point {
  acc: number;
  cost: number;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** Served = as production routes (exploration on ~10% of decisions); exploit = decision times that do not explore. */
function evaluate(snapshot: RoutingSnapshot, test: Item[], strategy: Strategy, t0: number, exploitOnly = false): Point {
  const key = keyRecord('bench-eval', strategy);
  let acc = 0;
  let cost = 0;
  let t = t0;
  test.forEach((it) => {
    t++;
    while (exploitOnly && isExplorationDecision(key.id, t)) t++;
    const m = route(snapshot, key, it, t);
    acc += it.correct[m];
    cost += it.cost[m];
  });
  return { acc: acc / test.length, cost: cost / test.length };
}

function fixed(test: Item[], pick: (it: Item) => number): Point {
  return { acc: mean(test.map((it) => it.correct[pick(it)])), cost: mean(test.map((it) => it.cost[pick(it)])) };
}

// ---------- one run ----------
interface RunResult {
  curve: Point[];
  exploitCurve: Point[];
  ceiling: Point;
  oracleClass: Point;
  oraclePrompt: Point;
  bestSingle: Point;
  cheapest: Point;
  random: Point;
}

function run(models: string[], items: Item[], strategy: Strategy, seed: number): RunResult {
  const rnd = mulberry32(seed);
  const classes = [...new Set(items.map((i) => i.cls))].sort();
  const train: Item[] = [];
  const test: Item[] = [];
  for (const c of classes) {
    const xs = shuffle(
      items.filter((i) => i.cls === c),
      rnd,
    );
    train.push(...xs.slice(0, Math.floor(xs.length / 2)));
    test.push(...xs.slice(Math.floor(xs.length / 2)));
  }
  const endpoints = benchCatalog(models, train);
  const snapshot = snapshotOf(endpoints);
  const rows = new Map<string, PosteriorRow>();
  const keys = Array.from({ length: SIM_KEYS }, (_, i) => keyRecord(`bench-user-${i}`, strategy));
  const T0 = Date.UTC(2026, 6, 1) + seed * 1_000_003;
  const curve: Point[] = [];
  const exploitCurve: Point[] = [];
  let now = T0;
  let given = 0;
  for (const checkpoint of CHECKPOINTS) {
    for (; given < checkpoint; given++) {
      now += 60_000; // one rating a minute: decay over the run is < 0.5%
      const item = train[Math.floor(rnd() * train.length)];
      const key = keys[given % SIM_KEYS];
      const m = route(snapshot, key, item, now);
      applyChangeToTable(
        rows,
        { keyId: key.id, endpointId: endpoints[m].id, taskClass: item.cls },
        { rating: item.correct[m] ? 1 : -1, ratedAt: now },
      );
      applySignals(snapshot, signalsFromRows(rows.values(), now));
    }
    curve.push(evaluate(snapshot, test, strategy, now + 1));
    exploitCurve.push(evaluate(snapshot, test, strategy, now + 1, true));
  }

  // Ceiling: the same pipeline and objective, told each class's exact held-out accuracy.
  const exact = snapshotOf(endpoints);
  const exactRows = new Map<string, PosteriorRow>();
  for (const c of classes) {
    const inClass = test.filter((i) => i.cls === c);
    endpoints.forEach((e, m) => {
      const acc = mean(inClass.map((i) => i.correct[m]));
      const n = 1e6;
      exactRows.set(`*|${e.id}|${c}`, {
        scope: '*',
        endpointId: e.id,
        taskClass: c,
        upScaled: acc * n,
        downScaled: (1 - acc) * n,
        updatedAt: T0,
      });
    });
  }
  applySignals(exact, signalsFromRows(exactRows.values(), Date.UTC(2026, 0, 1)));
  const ceiling = evaluate(exact, test, strategy, now + 1);

  const accOf = (set: Item[], m: number) => mean(set.map((i) => i.correct[m]));
  const costOf = (set: Item[], m: number) => mean(set.map((i) => i.cost[m]));
  const bestIn = (set: Item[]) =>
    models.map((_, m) => m).sort((a, b) => accOf(set, b) - accOf(set, a) || costOf(set, a) - costOf(set, b))[0];
  const bestPerClass = new Map(classes.map((c) => [c, bestIn(test.filter((i) => i.cls === c))]));
  const best = bestIn(test);
  const cheapest = models.map((_, m) => m).sort((a, b) => costOf(test, a) - costOf(test, b))[0];
  const cheapestCorrect = (it: Item) => {
    const ok = it.correct.map((v, m) => (v ? m : -1)).filter((m) => m >= 0);
    return ok.length ? ok.sort((a, b) => it.cost[a] - it.cost[b])[0] : cheapest;
  };
  return {
    curve,
    exploitCurve,
    ceiling,
    oracleClass: fixed(test, (it) => bestPerClass.get(it.cls)!),
    oraclePrompt: fixed(test, cheapestCorrect),
    bestSingle: fixed(test, () => best),
    cheapest: fixed(test, () => cheapest),
    random: { acc: mean(models.map((_, m) => accOf(test, m))), cost: mean(models.map((_, m) => costOf(test, m))) },
  };
}

// ---------- report ----------
const { models, items } = load(dataDir);
const started = Date.now();
const fmtAcc = (xs: number[]) => `${(mean(xs) * 100).toFixed(1)}% ± ${(sd(xs) * 100).toFixed(1)}`;
const fmtCost = (xs: number[]) => `$${(mean(xs) * 1000).toFixed(3)}`;
const lines: string[] = [];
lines.push('# Feedback learning curve (RouterBench outcomes replayed as thumbs up/down)', '');
lines.push(
  `Generated by \`npm run bench:feedback -- --data <routerbench dir>\` (bench/feedback/feedback-learning.ts) — ${items.length} prompts with all 11 outcomes (arc-challenge, mbpp, winogrande), ${SEEDS} seeds (mean ± sd across seeds). Cost is USD per 1,000 prompts.`,
  '',
);
lines.push(
  'Setup: half of each class replays as feedback, half is held out. Each replayed prompt is routed by the full 15-stage pipeline for one of 50 simulated keys, and the served model is rated by its real correctness (bandit feedback: only what was served gets rated). The router starts knowing nothing about quality (equal priors) and only the prices. Held-out prompts are routed for a key with no ratings of its own, with exploration as served (~10% of decisions).',
  '',
);
for (const strategy of STRATEGIES) {
  const results = Array.from({ length: SEEDS }, (_, s) => run(models, items, strategy, 1000 + s));
  lines.push(`## strategy \`${strategy}\``, '');
  lines.push(
    '| ratings | accuracy (as served) | cost / 1k prompts | gap closed to ceiling | accuracy (exploit decisions) | cost / 1k (exploit) |',
    '|---:|---:|---:|---:|---:|---:|',
  );
  CHECKPOINTS.forEach((n, i) => {
    const gaps = results.map((r) => (r.curve[i].acc - r.curve[0].acc) / Math.max(1e-9, r.ceiling.acc - r.curve[0].acc));
    lines.push(
      `| ${n} | ${fmtAcc(results.map((r) => r.curve[i].acc))} | ${fmtCost(results.map((r) => r.curve[i].cost))} | ${i === 0 ? '—' : `${(mean(gaps) * 100).toFixed(0)}%`} | ${fmtAcc(results.map((r) => r.exploitCurve[i].acc))} | ${fmtCost(results.map((r) => r.exploitCurve[i].cost))} |`,
    );
  });
  lines.push('', '| reference on the held-out half | accuracy | cost / 1k prompts |', '|---|---:|---:|');
  const ref = (name: string, pick: (r: RunResult) => Point) =>
    lines.push(`| ${name} | ${fmtAcc(results.map((r) => pick(r).acc))} | ${fmtCost(results.map((r) => pick(r).cost))} |`);
  ref(`ceiling: same pipeline + \`${strategy}\` objective, told exact per-class accuracies`, (r) => r.ceiling);
  ref('oracle per class (most accurate model per eval_name)', (r) => r.oracleClass);
  ref('best single model (gpt-4-1106-preview)', (r) => r.bestSingle);
  ref('cheapest model', (r) => r.cheapest);
  ref('random model', (r) => r.random);
  ref('per-prompt oracle (cheapest correct model)', (r) => r.oraclePrompt);
  lines.push('');
}
lines.push(
  '## Reading',
  '',
  '- **Ceiling** is what this router reaches with perfect per-class knowledge under the same objective; it is the fair target for feedback, which can only teach per-class quality. The per-class accuracy oracle (gpt-4 everywhere) costs ~15–20× more per prompt than either ceiling, and the per-prompt oracle needs per-prompt knowledge that class-level feedback cannot give.',
  '- **`quality`** learns fast: the cheapest model is the only one tried at 0 ratings, and a few dozen ratings are enough to move each class to a clearly better model. The `quality` objective caps cost at 25× the cheapest candidate, which excludes gpt-4 here.',
  '- **`balanced`** learns slower because under its objective (each doubling of cost must buy 0.10 of quality) several models sit within a few hundredths of each other in every class (e.g. winogrande: Yi-34B vs mistral-7b; mbpp: gpt-3.5 vs mixtral vs code-llama), so it takes hundreds of ratings per class to tell them apart, and only exploration decisions (10% of traffic) rate the alternatives. Once they are told apart it stays within a few points of the ceiling at a similar cost.',
  '- Accuracy on exploit decisions and as served (with ~10% Thompson exploration) differ by under a point: the exploration bound keeps its cost small.',
  '',
);
lines.push(`Runtime ${((Date.now() - started) / 1000).toFixed(1)} s on Node ${process.version}.`, '');
const report = lines.join('\n');
console.log(report);
writeFileSync(OUT, report);
