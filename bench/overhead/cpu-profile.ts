/**
 * Where a request's CPU goes inside workerd: a sampling CPU profile of the gateway's isolate under load.
 *
 *   node --experimental-websocket --import tsx bench/overhead/cpu-profile.ts [--seconds 6] [--concurrency 16]
 *        [--interval 100] [--targets gateway,auto,shield] [--stream] [--alloc] [--lines] [--out bench/overhead/cpu-profile.md]
 *
 * Each section's heading also gives the workerd processes' CPU time (user + system, /proc) per request served while
 * profiling: the profiler's own cost included, so compare it only with another run of this script (same sitting).
 * It counts the local D1/KV/Durable Object simulators too, which run in the same workerd process but in other
 * isolates that the profile does not sample (bench/overhead/README.md).
 *
 * `--lines`: also self time per source line (V8's per-line ticks through the source map), to find the line to cut.
 * `--alloc`: instead of CPU, V8's sampling heap profiler (every 4 KB allocated, objects collected by minor and
 * major GCs included), attributed the same way: bytes allocated per request by source file and function — what
 * makes the garbage collector run (bench/overhead/README.md, finding 8).
 *
 * The worker is the wrangler-built bundle (`wrangler deploy --dry-run`) run by Miniflare's API: the same
 * workerd as production, no dev proxy, and an inspector that only this script talks to (wrangler dev's own
 * inspector proxy enables network reporting, which distorts exactly what is measured here). Load comes from
 * bench/overhead/loadgen.ts against the fake upstream of bench/lib/fake-upstream.ts. For each target the V8 profiler
 * samples the isolate every `interval` µs; self time is attributed, through the bundle's source map, to
 * source files (src/…, node_modules/<package>) and to V8's pseudo-frames: "(program)" is native work outside
 * JS (workerd's HTTP, streams, timers, KV/D1/DO emulation in this process), "(garbage collector)", and
 * "(idle)". Percentages are of the samples taken while the load ran.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { runWithInspectedWorker, type Cdp, type InspectedWorker, type TargetName } from './inspected-worker';
import { percentile } from '../lib/stats';
import { ownProcessGroup, processesInGroup } from './procs';

/** user + system CPU of the workerd processes Miniflare started (same process group), ms. */
const workerdCpuMs = (pgid: number) => processesInGroup(pgid, 'workerd').reduce((n, p) => n + p.cpuMs, 0);

const argv = process.argv.slice(2);
const num = (f: string, d: number) => (argv.includes(`--${f}`) ? Number(argv[argv.indexOf(`--${f}`) + 1]) : d);
const str = (f: string, d: string) => (argv.includes(`--${f}`) ? argv[argv.indexOf(`--${f}`) + 1] : d);
const SECONDS = num('seconds', 6);
const CONCURRENCY = num('concurrency', 16);
const INTERVAL_US = num('interval', 100);
const STREAM = argv.includes('--stream');
const TARGETS = str('targets', 'gateway,auto,shield').split(',') as TargetName[];
const ALLOC = argv.includes('--alloc');
const LINES = argv.includes('--lines');
const OUT = str('out', ALLOC ? 'bench/overhead/alloc-profile.md' : 'bench/overhead/cpu-profile.md');

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[]; positionTicks?: { line: number; ticks: number }[] }[];
  samples: number[];
}

/** Self samples per source line (`--lines`): V8's per-line ticks mapped through the bundle's source map. */
function selfTimeByLine(profile: Profile, outdir: string): Map<string, number> {
  const map = new SourceMap(JSON.parse(readFileSync(join(outdir, 'index.js.map'), 'utf8')));
  const counts = new Map<string, number>();
  for (const n of profile.nodes) {
    if (!n.callFrame.url.endsWith('index.js')) continue;
    for (const { line, ticks } of n.positionTicks ?? []) {
      const entry = map.findEntry(line - 1, 0) as { originalSource?: string; originalLine?: number };
      const src = /(src\/.*)$/.exec(entry.originalSource ?? '')?.[1];
      if (!src) continue;
      const k = `${src}:${(entry.originalLine ?? 0) + 1} ${n.callFrame.functionName || '(anonymous)'}`;
      counts.set(k, (counts.get(k) ?? 0) + ticks);
    }
  }
  return counts;
}

/** Source file of a bundle position: src/… or node_modules/<package>, through the bundle's source map. */
function attributor(outdir: string) {
  const map = new SourceMap(JSON.parse(readFileSync(join(outdir, 'index.js.map'), 'utf8')));
  return (frame: CallFrame): string => {
    if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : `(native) ${frame.functionName || 'anonymous'}`;
    if (!frame.url.endsWith('index.js')) return frame.url.replace(/^.*\//, '');
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    const source = entry.originalSource ?? '?';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    if (pkg) return `node_modules/${pkg[1]}`;
    const src = /(src\/.*)$/.exec(source);
    return src ? src[1] : source.replace(/^.*\//, '');
  };
}

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

function selfBytesBy(head: HeapNode, key: (frame: CallFrame) => string): Map<string, number> {
  const bytes = new Map<string, number>();
  const stack = [head];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.selfSize) bytes.set(key(node.callFrame), (bytes.get(key(node.callFrame)) ?? 0) + node.selfSize);
    stack.push(...node.children);
  }
  return bytes;
}

/** Allocation profile of one target: KB allocated per request, by file and by function. */
async function allocationSection(
  cdp: Cdp,
  worker: InspectedWorker,
  name: TargetName,
  attribute: (f: CallFrame) => string,
): Promise<string> {
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const r = await worker.load(name, { seconds: SECONDS, concurrency: CONCURRENCY, stream: STREAM });
  const { profile } = await cdp.send<{ profile: { head: HeapNode } }>('HeapProfiler.stopSampling');
  if (r.errors) throw new Error(`${name}: ${r.errors} errors (${r.errorSamples.join('; ')})`);
  // Requests served while sampling, warm-up included (the load generator's warm-up is not in r.requests).
  const served = Math.max(1, r.totalRequests);
  const byFile = [...selfBytesBy(profile.head, attribute)].sort((a, b) => b[1] - a[1]);
  const total = byFile.reduce((n, [, b]) => n + b, 0);
  const byFunction = [...selfBytesBy(profile.head, (f) => `${attribute(f)} ${f.functionName || '(anonymous)'}`)]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15);
  const kb = (b: number) => (b / served / 1024).toFixed(2);
  const line = `${name} (${STREAM ? 'stream' : 'json'}, c=${CONCURRENCY}): ${served} requests, ${kb(total)} KB allocated per request (sampled every 4 KB)`;
  console.error(line);
  const rows = byFile.filter(([, b]) => b / total >= 0.005).map(([k, b]) => `| ${k} | ${kb(b)} | ${((100 * b) / total).toFixed(1)} % |`);
  const fnRows = byFunction.map(([k, b]) => `| ${k} | ${kb(b)} | ${((100 * b) / total).toFixed(1)} % |`);
  return [
    `### ${line}`,
    '',
    '| allocated in | KB per request | share |',
    '|---|---:|---:|',
    ...rows,
    '',
    '| top functions | KB per request | share |',
    '|---|---:|---:|',
    ...fnRows,
  ].join('\n');
}

function selfTimeBy(profile: Profile, key: (frame: CallFrame) => string): Map<string, number> {
  const nodeKey = new Map(profile.nodes.map((n) => [n.id, key(n.callFrame)]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) counts.set(nodeKey.get(id)!, (counts.get(nodeKey.get(id)!) ?? 0) + 1);
  return counts;
}

/**
 * Inclusive time: the samples whose stack passes through a key (self time plus everything it calls). Self time
 * spreads a phase over many small callees; this shows what a whole module costs (e.g. all of routing).
 */
function inclusiveTimeBy(profile: Profile, key: (frame: CallFrame) => string): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const keysOnPath = new Map<number, Set<string>>();
  const pathKeys = (id: number): Set<string> => {
    const known = keysOnPath.get(id);
    if (known) return known;
    const up = parent.get(id);
    const keys = new Set(up === undefined ? [] : pathKeys(up));
    keys.add(key(byId.get(id)!.callFrame));
    keysOnPath.set(id, keys);
    return keys;
  };
  const counts = new Map<string, number>();
  for (const id of profile.samples) for (const k of pathKeys(id)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

console.error('building the bundle (wrangler deploy --dry-run) and starting it in workerd…');
runWithInspectedWorker(async (worker) => {
  // Warm every path (classifier load and warm-up, key cache, quota lease, JIT) before profiling.
  for (const name of TARGETS) await worker.load(name, { seconds: 4, concurrency: CONCURRENCY, stream: STREAM });
  const cdp = await worker.inspect();
  const attribute = attributor(worker.outdir);
  if (ALLOC) {
    await cdp.send('HeapProfiler.enable');
    const sections: string[] = [];
    for (const name of TARGETS) sections.push(await allocationSection(cdp, worker, name, attribute));
    cdp.close();
    const header = `## Allocation profile (${new Date().toISOString().slice(0, 10)}; \`node --experimental-websocket --import tsx bench/overhead/cpu-profile.ts ${argv.join(' ')}\`)`;
    writeFileSync(OUT, `${header}\n\n${sections.join('\n\n')}\n`);
    console.error(`wrote ${OUT}`);
    return;
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  const sections: string[] = [];
  const pgid = ownProcessGroup();
  for (const name of TARGETS) {
    await cdp.send('Profiler.start');
    const cpu0 = workerdCpuMs(pgid);
    const r = await worker.load(name, { seconds: SECONDS, concurrency: CONCURRENCY, stream: STREAM });
    const cpuPerReq = (workerdCpuMs(pgid) - cpu0) / Math.max(1, r.requests);
    const { profile } = await cdp.send<{ profile: Profile }>('Profiler.stop');
    if (r.errors) throw new Error(`${name}: ${r.errors} errors (${r.errorSamples.join('; ')})`);
    const total = profile.samples.length;
    const byFile = [...selfTimeBy(profile, attribute)].sort((a, b) => b[1] - a[1]);
    const busy = total - (byFile.find(([k]) => k === '(idle)')?.[1] ?? 0);
    const byFunction = [...selfTimeBy(profile, (f) => `${attribute(f)} ${f.functionName || '(anonymous)'}`)]
      .filter(([k]) => !k.startsWith('('))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    const line = `${name} (${STREAM ? 'stream' : 'json'}, c=${CONCURRENCY}): ${r.requests} requests in ${SECONDS} s (${r.rps.toFixed(0)} rps, p50 ${percentile(r.latencyMs, 50).toFixed(1)} ms), ${total} samples, busy ${((100 * busy) / total).toFixed(1)} %; workerd CPU ${cpuPerReq.toFixed(3)} ms per request (profiler on)`;
    console.error(line);
    const rows = byFile
      .filter(([, n]) => n / total >= 0.002)
      .map(([k, n]) => `| ${k} | ${((100 * n) / total).toFixed(1)} % | ${((100 * n) / busy).toFixed(1)} % |`);
    const fnRows = byFunction.map(([k, n]) => `| ${k} | ${((100 * n) / busy).toFixed(1)} % |`);
    const inclusive = [...inclusiveTimeBy(profile, (f) => `${attribute(f)} ${f.functionName || '(anonymous)'}`)]
      .filter(([k]) => k.startsWith('src/'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, n]) => `| ${k} | ${((100 * n) / busy).toFixed(1)} % |`);
    const lines = LINES
      ? [
          '',
          '| src/ lines (self) | of busy samples |',
          '|---|---:|',
          ...[...selfTimeByLine(profile, worker.outdir)]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 40)
            .map(([k, n]) => `| ${k} | ${((100 * n) / busy).toFixed(1)} % |`),
        ]
      : [];
    sections.push(
      [
        `### ${line}`,
        '',
        '| self time in | of samples | of busy samples |',
        '|---|---:|---:|',
        ...rows,
        '',
        '| top functions (self) | of busy samples |',
        '|---|---:|',
        ...fnRows,
        '',
        '| src/ functions, inclusive (self + callees) | of busy samples |',
        '|---|---:|',
        ...inclusive,
        ...lines,
      ].join('\n'),
    );
  }
  cdp.close();
  const header = `## CPU profile (${new Date().toISOString().slice(0, 10)}, sampling every ${INTERVAL_US} µs; \`node --experimental-websocket --import tsx bench/overhead/cpu-profile.ts ${argv.join(' ')}\`)`;
  writeFileSync(OUT, `${header}\n\n${sections.join('\n\n')}\n`);
  console.error(`wrote ${OUT}`);
});
