/**
 * CPU per never-seen prompt of the shipped classifier in Node (same model file and TS engine as the Worker), by
 * prompt length. Complements the in-workerd figures logged by test/classifier/classifier.test.ts.
 * Usage: npm run bench:classifier:latency -- [runs=300]
 */
import { loadEngineFromFile } from './engine-file';
import { classifyWithEngine, warmUpEngine } from '../../src/classifier/classify';
import { percentile } from '../lib/stats';

const runs = Number(process.argv[2] ?? 300);
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
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
