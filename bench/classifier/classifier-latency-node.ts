/**
 * CPU per never-seen prompt of the shipped classifier in Node (same model file and TS engine as the Worker), by
 * prompt length. Complements the in-workerd figures logged by test/classifier/classifier.test.ts.
 * Usage: npm run bench:classifier:latency -- [runs=300] [--prompts FILE.jsonl]
 * With --prompts (e.g. ../shared/data/classifier/real_prompts.jsonl, a `text` or `prompt` field per line), it also
 * classifies those prompts of up to 2,000 characters once each, in file order: the engine keeps the vectors of
 * words it has met, so this is the figure of an isolate serving real traffic, where every prompt is new but
 * most of its words are not.
 */
import { loadEngineFromFile } from './engine-file';
import { classifyWithEngine, warmUpEngine } from '../../src/classifier/classify';
import { readFileSync } from 'node:fs';
import { percentile } from '../lib/stats';

const args = process.argv.slice(2);
const promptsAt = args.indexOf('--prompts');
const promptsFile = promptsAt >= 0 ? args.splice(promptsAt, 2)[1] : undefined;
const runs = Number(args[0] ?? 300);
const words = (
  'please write a sql query that lists customers with their total orders over the last year and explain why the ' +
  'function returns an error when the input file is empty then summarise the report for the team'
).split(' ');

/** Distinct text per run: a word order and a number no other prompt has. */
function prompt(i: number, chars: number): string {
  let out = `${i}`;
  for (let k = 0; out.length < chars; k++) out += ` ${words[(i * 13 + k * 7) % words.length]}${k % 9 === 0 ? i + k : ''}`;
  return out.slice(0, chars);
}

async function main() {
  const t0 = performance.now();
  const engine = loadEngineFromFile();
  console.log(`engine build: ${(performance.now() - t0).toFixed(1)} ms`);
  warmUpEngine(engine); // the Worker warms its engine the same way
  const all: number[] = [];
  for (const chars of [64, 256, 512, 1000, 2000]) {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const text = prompt(chars * 1000 + i, chars);
      const c = await classifyWithEngine(engine, { text, hasImages: false, hasTools: false, stream: false, inputChars: chars });
      ms.push(c.ms);
    }
    all.push(...ms);
    console.log(`${String(chars).padStart(5)} chars: p50 ${percentile(ms, 50).toFixed(3)} ms  p99 ${percentile(ms, 99).toFixed(3)} ms`);
  }
  console.log(`all lengths: p50 ${percentile(all, 50).toFixed(3)} ms  p99 ${percentile(all, 99).toFixed(3)} ms (targets 0.3 / 1)`);
  if (promptsFile) await realPrompts(engine, promptsFile);
}

async function realPrompts(engine: ReturnType<typeof loadEngineFromFile>, file: string) {
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text?: string; prompt?: string })
    .map((row) => row.text ?? row.prompt ?? '')
    .filter((text) => text.length > 0 && text.length <= 2000);
  const ms: number[] = [];
  for (const text of texts) {
    const c = await classifyWithEngine(engine, { text, hasImages: false, hasTools: false, stream: false, inputChars: text.length });
    ms.push(c.ms);
  }
  const long = ms.filter((_, i) => texts[i].length > 1000);
  console.log(
    `${texts.length} real prompts ≤ 2,000 chars, each once: p50 ${percentile(ms, 50).toFixed(3)} ms  p99 ${percentile(ms, 99).toFixed(3)} ms`,
  );
  console.log(
    `  of which ${long.length} over 1,000 chars: p50 ${percentile(long, 50).toFixed(3)} ms  p99 ${percentile(long, 99).toFixed(3)} ms`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
