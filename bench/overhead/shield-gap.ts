/**
 * Where llmshield's CPU goes in whole requests: `auto` and `shield` (auto with llmshield on) profiled in
 * alternating rounds in one workerd (the same bundle, the same sitting), each profile turned into µs of the
 * gateway isolate's CPU per request — by source file (self time) and by src/ function (inclusive) — and the
 * two targets compared row by row. The `shield − auto` column is where the difference goes.
 *
 *   node --experimental-websocket --import tsx bench/overhead/shield-gap.ts [--rounds 4] [--seconds 5]
 *        [--concurrency 16] [--interval 100] [--stream] [--rows 30] [--lines <file regex>] [--filter <row regex>] [--out /tmp/shield-gap.md]
 *
 * µs per request = the sampled time (V8's own time deltas) attributed to a row, divided by the requests the
 * load generator completed while the profile ran (its warm-up included). The profiler's own cost is in every
 * row alike; (idle) is left out. Each figure is the median over rounds. Writes to --out only (default: stdout).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { runWithInspectedWorker, type TargetName } from './inspected-worker';
import { median } from '../lib/stats';
import { ownProcessGroup, processesInGroup } from './procs';

const argv = process.argv.slice(2);
const num = (f: string, d: number) => (argv.includes(`--${f}`) ? Number(argv[argv.indexOf(`--${f}`) + 1]) : d);
const ROUNDS = num('rounds', 4);
const SECONDS = num('seconds', 5);
const CONCURRENCY = num('concurrency', 16);
const INTERVAL_US = num('interval', 100);
const ROWS = num('rows', 30);
const STREAM = argv.includes('--stream');
const OUT = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : null;
const TARGETS: TargetName[] = ['auto', 'shield'];
/** Also rows per source line (self) for files matching this pattern, e.g. `src/shield/restore`. */
const LINES = argv.includes('--lines') ? new RegExp(argv[argv.indexOf('--lines') + 1]) : null;
/** Only rows matching this pattern (the busy total always). */
const FILTER = argv.includes('--filter') ? new RegExp(argv[argv.indexOf('--filter') + 1]) : null;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[]; positionTicks?: { line: number; ticks: number }[] }[];
  samples: number[];
  timeDeltas: number[];
}

function sourceMap(outdir: string): SourceMap {
  return new SourceMap(JSON.parse(readFileSync(join(outdir, 'index.js.map'), 'utf8')));
}

function attributor(map: SourceMap): (frame: CallFrame) => string {
  return (frame) => {
    if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : `(native) ${frame.functionName || 'anonymous'}`;
    if (!frame.url.endsWith('index.js')) return frame.url.replace(/^.*\//, '');
    const source = (map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string }).originalSource ?? '?';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    if (pkg) return `node_modules/${pkg[1]}`;
    return /(src\/.*)$/.exec(source)?.[1] ?? source.replace(/^.*\//, '');
  };
}

/** µs per request by row: self time by file, inclusive time by src/ function, and the busy total. */
function perRequest(profile: Profile, map: SourceMap, file: (f: CallFrame) => string, requests: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const rowsOf = new Map<number, string[]>();
  const rows = (id: number): string[] => {
    const known = rowsOf.get(id);
    if (known) return known;
    const frame = byId.get(id)!.callFrame;
    const f = file(frame);
    const out = [`self ${f}`];
    // Inclusive rows: each src/ function once per stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)!.callFrame;
      const cfile = file(cf);
      if (!cfile.startsWith('src/')) continue;
      const k = `incl ${cfile} ${cf.functionName || '(anonymous)'}`;
      if (!seen.has(k)) (seen.add(k), out.push(k));
    }
    if (f !== '(idle)') out.push('busy (all but idle)');
    rowsOf.set(id, out);
    return out;
  };
  const us = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    for (const k of rows(id)) us.set(k, (us.get(k) ?? 0) + dt);
  });
  if (LINES) {
    // V8's per-line ticks of each node, weighted by the profile's mean sample interval.
    const meanUs = profile.timeDeltas.reduce((n, d) => n + d, 0) / Math.max(1, profile.samples.length);
    for (const n of profile.nodes) {
      if (!n.callFrame.url.endsWith('index.js')) continue;
      for (const { line, ticks } of n.positionTicks ?? []) {
        const entry = map.findEntry(line - 1, 0) as { originalSource?: string; originalLine?: number };
        const src = /(src\/.*)$/.exec(entry.originalSource ?? '')?.[1];
        if (!src || !LINES.test(src)) continue;
        const k = `line ${src}:${(entry.originalLine ?? 0) + 1} ${n.callFrame.functionName || '(anonymous)'}`;
        us.set(k, (us.get(k) ?? 0) + ticks * meanUs);
      }
    }
  }
  for (const [k, v] of us) us.set(k, v / requests);
  return us;
}

const workerdCpuMs = (pgid: number) => processesInGroup(pgid, 'workerd').reduce((n, p) => n + p.cpuMs, 0);

runWithInspectedWorker(async (worker) => {
  const load = { seconds: SECONDS, concurrency: CONCURRENCY, stream: STREAM };
  for (const name of TARGETS) await worker.load(name, { ...load, seconds: 4 });
  const cdp = await worker.inspect();
  const map = sourceMap(worker.outdir);
  const file = attributor(map);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  const pgid = ownProcessGroup();
  const results: Record<string, Map<string, number>[]> = { auto: [], shield: [] };
  const cpu: Record<string, number[]> = { auto: [], shield: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // ABBA order, so a drift in the machine's load does not favour one target.
    for (const name of round % 2 ? [...TARGETS].reverse() : TARGETS) {
      await cdp.send('Profiler.start');
      const cpu0 = workerdCpuMs(pgid);
      const r = await worker.load(name, load);
      const cpuMs = workerdCpuMs(pgid) - cpu0;
      const { profile } = await cdp.send<{ profile: Profile }>('Profiler.stop');
      if (r.errors) throw new Error(`${name}: ${r.errors} errors (${r.errorSamples.join('; ')})`);
      const us = perRequest(profile, map, file, Math.max(1, r.totalRequests));
      results[name].push(us);
      cpu[name].push((1000 * cpuMs) / Math.max(1, r.totalRequests));
      console.error(
        `round ${round + 1} ${name}: ${r.totalRequests} requests, busy ${us.get('busy (all but idle)')!.toFixed(0)} µs/request`,
      );
    }
  }
  cdp.close();
  const keys = new Set([...results.auto, ...results.shield].flatMap((m) => [...m.keys()]));
  const med = (name: string, k: string) => median(results[name].map((m) => m.get(k) ?? 0));
  const rows = [...keys]
    .map((k) => ({ k, a: med('auto', k), s: med('shield', k) }))
    .filter((r) => r.k !== 'self (idle)' && (!FILTER || FILTER.test(r.k) || r.k.startsWith('busy')))
    .sort((x, y) => Math.abs(y.s - y.a) - Math.abs(x.s - x.a))
    .slice(0, ROWS);
  const header = `### auto vs shield (${STREAM ? 'stream' : 'json'}, c=${CONCURRENCY}, ${ROUNDS} rounds × ${SECONDS} s, ABBA): gateway isolate µs per request, median of rounds`;
  const lines = [
    header,
    '',
    `workerd CPU per request (all isolates, profiler on), median: auto ${median(cpu.auto).toFixed(0)} µs, shield ${median(cpu.shield).toFixed(0)} µs`,
    '',
    '| row | auto | shield | shield − auto |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.k} | ${r.a.toFixed(1)} | ${r.s.toFixed(1)} | ${(r.s - r.a).toFixed(1)} |`),
  ].join('\n');
  if (OUT) writeFileSync(OUT, `${lines}\n`);
  console.log(lines);
});
