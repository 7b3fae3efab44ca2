/**
 * llmshield speed: cloaking cost per KB and restore cost per streamed chunk.
 *
 *   npm run bench:shield -- [--runs N] [--json] [extra-texts.json]
 *
 * Input: the repo's fixtures (labeled cases + the negative corpus, ~75 KB, i.e. code, logs, prose with
 * PII), optionally plus a presidio-format file given as argument. Targets: ≤ 1 ms/KB median for
 * cloaking and ≤ 0.1 ms per streamed chunk for restoring. Wall and CPU time are both reported; on a
 * shared machine wall time includes waiting for a core. Method and results: README.md (this folder).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createShieldSession } from '../../src/shield';
import { median } from '../lib/stats';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsFlag = args.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 30;
const extra = args.find((a, i) => a.endsWith('.json') && args[i - 1] !== '--runs');

const cases = JSON.parse(readFileSync('test/fixtures/shield/cases.json', 'utf8')) as Array<{ full_text: string }>;
const texts = cases.map((c) => c.full_text);
if (extra) texts.push(...(JSON.parse(readFileSync(extra, 'utf8')) as Array<{ full_text: string }>).map((c) => c.full_text));
const negatives = readFileSync('test/fixtures/shield/negatives.txt', 'utf8');
// Messages of ~2 KB: a chat turn pasting code or logs, with PII sentences mixed in.
const messages: string[] = [];
for (let i = 0, k = 0; i < negatives.length; i += 1600, k++) {
  messages.push(`${texts[k % texts.length]}\n${negatives.slice(i, i + 1600)}\n${texts[(k * 7 + 3) % texts.length]}`);
}
messages.push(...texts);
const totalKb = messages.reduce((a, m) => a + new TextEncoder().encode(m).length, 0) / 1024;

function measure(fn: () => number): { wall: number[]; cpu: number[]; units: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let units = 0;
  for (let r = 0; r < 5; r++) fn(); // warm-up
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    units = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu, units };
}

// Cloaking: one session per run (one request), every message cloaked.
const cloak = measure(() => {
  const s = createShieldSession();
  for (const m of messages) s.cloakText(m);
  return totalKb;
});

// Restoring: a response mentioning every issued token, streamed in 16-char deltas.
const session = createShieldSession();
const cloakedAll = messages.map((m) => session.cloakText(m)).join('\n');
const response = cloakedAll.slice(0, 60_000).replace(/\[(\w+)_(\d+)\]/g, (t, l, n) => (Number(n) % 3 === 0 ? `${l}_${n}` : t));
const chunks = response.match(/[\s\S]{1,16}/g) ?? [];
const restore = measure(() => {
  const r = session.createStreamRestorer();
  for (const c of chunks) r.pushContent(c);
  r.flush();
  return chunks.length;
});

const round = (x: number) => Math.round(x * 10000) / 10000;
const result = {
  cloak: { kb: round(totalKb), msPerKbWall: round(median(cloak.wall) / totalKb), msPerKbCpu: round(median(cloak.cpu) / totalKb) },
  restore: {
    chunks: chunks.length,
    msPerChunkWall: round(median(restore.wall) / chunks.length),
    msPerChunkCpu: round(median(restore.cpu) / chunks.length),
  },
  runs,
  targets: { cloakMsPerKb: 1, restoreMsPerChunk: 0.1 },
};
if (!json) {
  console.log(
    `cloak:   ${result.cloak.msPerKbWall} ms/KB wall, ${result.cloak.msPerKbCpu} ms/KB CPU over ${result.cloak.kb} KB (target ≤ 1)`,
  );
  console.log(
    `restore: ${result.restore.msPerChunkWall} ms/chunk wall, ${result.restore.msPerChunkCpu} ms/chunk CPU over ${chunks.length} chunks (target ≤ 0.1)`,
  );
}
console.log(JSON.stringify(result));
