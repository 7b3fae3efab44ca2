/**
 * Gateway overhead benchmark: latency, throughput and CPU that Cailos adds on top of calling the
 * provider directly. See bench/overhead/README.md for the method and the latest figures.
 *
 *   npx tsx bench/overhead/run.ts [--quick] [--repeats 3] [--duration 4] [--soak 180] [--latency 50] [--inspector | --miniflare] [--pin] [--only NAME] [--concurrency 1,16,64] [--modes json,stream] [--out file.json]
 *     [--portkey DIR] [--portkey-node]
 *
 * Starts a fake OpenAI-compatible upstream (fixed latency) and the worker in workerd through wrangler's
 * programmatic dev server (bench/overhead/serve.mjs: the same bundler and runtime as `wrangler dev`, but with
 * its inspector proxy off, which otherwise reports every subrequest chunk over DevTools; `--inspector` keeps
 * it on, as `wrangler dev` has it) with UPSTREAM_BASE_URL_OVERRIDES pointing provider `nscale` at the fake and
 * CAILOS_SIMULATE=false, so every request goes to the fake; `--miniflare` runs the bundle `wrangler deploy --dry-run`
 * builds in workerd through Miniflare's API instead (inspected-worker.ts), with no dev server at all. Each scenario (target ×
 * stream × concurrency) runs `repeats` times, interleaved across targets so machine noise hits them
 * alike; figures are medians over repeats, and "added" is the gateway's percentile minus the direct
 * percentile of the same round.
 *
 * With `--miniflare`, `--portkey DIR` adds Portkey's open gateway as a peer, its Worker bundle (DIR, e.g.
 * ../shared/peers/portkey-gateway-1.15.2) in workerd the same way, and `--portkey-node` its Node build from npm
 * (bench/overhead/peers.ts); each round then also reports Cailos ÷ Portkey ratios (added p50/p99, RPS, CPU).
 */
import { WORKLOAD_MESSAGES } from './workload';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTiming } from '../../src/flow/timing';
import { type LoadResult, runLoad } from './loadgen';
import { median, percentile } from '../lib/stats';
import { listeningPorts, openFds, ownProcessGroup, procSample, processesInGroup } from './procs';
import { freePort, snapshotRepo } from '../../scripts/lib/local-dev';
import { Miniflare } from 'miniflare';
import { createBenchKey, startInspectedWorker } from './inspected-worker';
import { startPortkeyNode, startPortkeyWorker } from './peers';
import { ratioTable } from './ratios';

const argv = process.argv.slice(2);
const has = (f: string) => argv.includes(`--${f}`);
const num = (f: string, d: number) => (argv.indexOf(`--${f}`) >= 0 ? Number(argv[argv.indexOf(`--${f}`) + 1]) : d);
const str = (f: string, d: string) => (argv.indexOf(`--${f}`) >= 0 ? argv[argv.indexOf(`--${f}`) + 1] : d);

const quick = has('quick');
const REPEATS = num('repeats', quick ? 1 : 3);
const DURATION_MS = num('duration', quick ? 2 : 4) * 1000;
const WARMUP_MS = quick ? 300 : 500;
const SOAK_S = num('soak', quick ? 0 : 180);
const LATENCY_MS = num('latency', 50);
const CONCURRENCIES = has('soak-only')
  ? []
  : argv.includes('--concurrency')
    ? str('concurrency', '16').split(',').map(Number)
    : quick
      ? [1, 16]
      : [1, 16, 64];
/** Keep the worker's temp copy (and its dev.log) for a post-mortem. */
const KEEP = has('keep');
/** `--classifier heuristic` pins the keyword classifier (no ONNX model), to isolate the model's cost. */
const CLASSIFIER = str('classifier', '');
const OUT = str('out', 'bench/overhead/results.json');
/** `--inspector`: leave wrangler's inspector proxy connected, as `wrangler dev` always does. */
const INSPECTOR = has('inspector');
/** `--miniflare`: the production bundle in workerd through Miniflare's API (no dev server, no dev proxy) instead of serve.mjs. */
const MINIFLARE = has('miniflare');
/**
 * `--pin`: the workerd processes on the last core, this process (the load generator) and the fake upstream on
 * the others — what a separate load machine gives; without it the worker under test is descheduled by its own load.
 */
const PIN = has('pin');
/** `--only gateway`: measure only the targets whose name contains this (the floors and direct always run). */
const ONLY = str('only', '');
/** `--modes json`: only JSON or only streams. */
const MODES = str('modes', 'json,stream')
  .split(',')
  .map((m) => m === 'stream');
const ADMIN = 'dev-admin-secret';
const UPSTREAM_MODEL = 'meta-llama/Llama-3.1-8B-Instruct';
const PASSTHROUGH = 'pass-through worker (floor)';
const TRANSLATING = 'minimal translating worker';
/** Floors are runtime baselines, not gateways: no "over floor" figures for them. */
const FLOORS = new Set(['direct', PASSTHROUGH, TRANSLATING]);
const PORTKEY_DIR = str('portkey', '');
const PORTKEY_NODE = has('portkey-node');
export const PORTKEY_WORKERD = 'Portkey (workerd)';
export const PORTKEY_NODE_NAME = 'Portkey (Node)';
/** Peers run in every round like the floors, whatever `--only` says. */
const PEERS = new Set([PORTKEY_WORKERD, PORTKEY_NODE_NAME]);

const log = (...a: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const children: ChildProcess[] = [];
/** In-process workers (Miniflare) to dispose of at the end. */
const stoppers: (() => Promise<void>)[] = [];
let snapshotDir: string | null = null;
function killAll(): void {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGTERM');
    } catch {}
  }
  children.length = 0;
  if (snapshotDir && !KEEP) {
    try {
      rmSync(snapshotDir, { recursive: true, force: true });
    } catch {}
  }
  if (snapshotDir && KEEP) console.error(`kept ${snapshotDir} (dev.log inside)`);
  snapshotDir = null;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => (killAll(), process.exit(130)));
process.on('exit', killAll);

/** The fake upstream's process, for --pin. */
let upstreamPid = 0;

async function startUpstream(): Promise<number> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/lib/fake-upstream.ts',
      '--port',
      '0',
      '--style',
      'fixed',
      '--latency',
      String(LATENCY_MS),
      '--chunks',
      '10',
      '--chunk-interval',
      '2',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  upstreamPid = child.pid!;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`fake upstream exited (${code})`)));
  });
}

/** Pins every thread of each process to `cores` (taskset's list syntax). */
function pin(pidsToPin: number[], cores: string): void {
  for (const pid of pidsToPin) execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
}

function pinProcesses(workerPids: number[]): string {
  const cores = availableParallelism();
  if (cores < 2) throw new Error('--pin needs at least 2 cores');
  const workerCore = String(cores - 1);
  const loadCores = cores === 2 ? '0' : `0-${cores - 2}`;
  pin(workerPids, workerCore);
  pin([process.pid, upstreamPid], loadCores);
  return `workerd on core ${workerCore}; load generator and fake upstream on core(s) ${loadCores}`;
}

/** Runs bench/overhead/serve.mjs (wrangler's bundler and workerd, inspector off unless --inspector) in its own process group. */
function serve(cwd: string, config: string, port: number, vars: Record<string, string>, logFile: string, migrate: boolean): ChildProcess {
  const args = [resolve('bench/overhead/serve.mjs'), '--config', config, '--port', String(port)];
  if (migrate) args.push('--migrate');
  if (INSPECTOR) args.push('--inspector');
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  children.push(child);
  return child;
}

async function waitHealthy(child: ChildProcess, port: number, logFile: string, timeoutMs: number): Promise<void> {
  let exited = false;
  child.on('exit', () => (exited = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const log = readFileSync(logFile, 'utf8');
    if (exited || /Build failed|\[ERROR\]/.test(log)) throw new Error(`worker failed to start:\n${log.slice(-2000)}`);
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(1000);
  }
  throw new Error(`worker did not become ready within ${timeoutMs / 1000} s`);
}

async function startWorker(upstreamPort: number): Promise<{ pgid: number; proxyPort: number }> {
  const port = await freePort();
  snapshotDir = snapshotRepo('cailos-overhead-');
  const vars: Record<string, string> = {
    ADMIN_SECRET: ADMIN,
    KEY_PEPPER: 'bench-pepper',
    NSCALE_API_KEY: 'bench',
    UPSTREAM_BASE_URL_OVERRIDES: JSON.stringify({ nscale: `http://127.0.0.1:${upstreamPort}/v1` }),
    CAILOS_SIMULATE: 'false',
    CAILOS_DEBUG_TIMING: 'true',
  };
  if (CLASSIFIER) vars.CAILOS_CLASSIFIER = CLASSIFIER;
  const logFile = join(snapshotDir, 'dev.log');
  const child = serve(snapshotDir, join(snapshotDir, 'wrangler.toml'), port, vars, logFile, true);
  await waitHealthy(child, port, logFile, 180_000);
  return { pgid: child.pid!, proxyPort: port };
}

/** The pass-through floor worker, served the same way from its own directory; its runtime port is found like the gateway's. */
async function startPassthrough(upstreamPort: number): Promise<{ pgid: number; proxyPort: number }> {
  const port = await freePort();
  const dir = resolve('bench/overhead/passthrough');
  const logFile = join(snapshotDir ?? dir, 'passthrough.log');
  const child = serve(
    dir,
    join(dir, 'wrangler.toml'),
    port,
    { UPSTREAM_URL: `http://127.0.0.1:${upstreamPort}/v1/chat/completions` },
    logFile,
    false,
  );
  await waitHealthy(child, port, logFile, 120_000);
  return { pgid: child.pid!, proxyPort: port };
}

/**
 * wrangler dev puts a proxy worker (its own workerd) in front of the user worker. The user worker's
 * workerd also listens on a loopback port; requests sent there skip the proxy hop that production
 * does not have. Found by asking each of its listening ports for /health.
 */
async function findRuntime(pgid: number, proxyPort: number): Promise<{ pid: number; port: number; proxyPid?: number }> {
  const workerds = processesInGroup(pgid, 'workerd');
  const proxy = workerds.find((p) => p.args.includes(`entry=127.0.0.1:${proxyPort}`));
  for (const p of workerds) {
    if (p === proxy) continue;
    for (const port of listeningPorts(p.pid)) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then(
        async (r) => r.ok && (await r.text()).includes('"ok"'),
        () => false,
      );
      if (ok) return { pid: p.pid, port, proxyPid: proxy?.pid };
    }
  }
  throw new Error('could not find the worker runtime port');
}

interface Pids {
  worker: number;
  pgid: number;
}

interface Target {
  name: string;
  url: string;
  key?: string;
  /** Extra request headers (a peer's routing headers). */
  headers?: Record<string, string>;
  /** The workerd serving this target, when it is a Worker (CPU per request is measured for it). */
  pids?: Pids;
  model: string;
  routing?: unknown;
}

/**
 * One body per request: the ticket number in the user message changes, so no request repeats an earlier
 * one's text and `auto` pays for a real classification each time (the gateway caches the model's answer per
 * (key, text), which a fixed body would hit on every request after the first).
 */
let ticket = 1000; // global across runs: the gateway's cache outlives a run, so numbers never repeat
function bodyFor(t: Target, stream: boolean): () => string {
  return () => {
    const [system, user] = WORKLOAD_MESSAGES;
    const messages = [system, { ...user, content: `Ticket #${ticket++}: ${user.content}` }];
    return JSON.stringify({
      model: t.model,
      messages,
      max_tokens: 64,
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
      ...(t.routing ? { routing: t.routing } : {}),
    });
  };
}

interface Run {
  target: string;
  stream: boolean;
  concurrency: number;
  repeat: number;
  result: Omit<LoadResult, 'latencyMs' | 'ttftMs' | 'timings' | 'lastHeaders' | 'startedAt'> & {
    p50: number;
    p99: number;
    ttftP50: number;
    ttftP99: number;
  };
  workerCpuMsPerReq: number;
  devToolCpuMsPerReq: number;
  stages: Record<string, number>;
  endpoint?: string;
}

function meanStages(timings: string[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const t of timings) for (const [k, v] of Object.entries(parseTiming(t))) sum[k] = (sum[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, Number((v / Math.max(1, timings.length)).toFixed(3))]));
}

const headersFor = (t: Target): Record<string, string> => ({
  ...(t.headers ?? {}),
  ...(t.key ? { authorization: `Bearer ${t.key}` } : {}),
});

const groupCpu = (pgid: number) => (pgid ? processesInGroup(pgid).reduce((n, p) => n + p.cpuMs, 0) : 0);

/** CPU the processes burn per second with no traffic (timers, file watching), subtracted from runs; per worker pid. */
const idleByWorker = new Map<number, { workerMsPerS: number; groupMsPerS: number }>();

async function calibrateIdle(all: Pids[], ms: number): Promise<void> {
  const before = all.map((p) => ({ w: procSample(p.worker)?.cpuMs ?? 0, g: groupCpu(p.pgid) }));
  await sleep(ms);
  all.forEach((p, i) =>
    idleByWorker.set(p.worker, {
      workerMsPerS: (((procSample(p.worker)?.cpuMs ?? 0) - before[i].w) * 1000) / ms,
      groupMsPerS: ((groupCpu(p.pgid) - before[i].g) * 1000) / ms,
    }),
  );
}

async function measure(t: Target, stream: boolean, concurrency: number, repeat: number): Promise<Run> {
  const pids = t.pids ?? { worker: 0, pgid: 0 };
  const idle = idleByWorker.get(pids.worker) ?? { workerMsPerS: 0, groupMsPerS: 0 };
  const cpu0 = procSample(pids.worker)?.cpuMs ?? 0;
  const gcpu0 = groupCpu(pids.pgid);
  const wall0 = Date.now();
  const r = await runLoad({
    url: t.url,
    headers: headersFor(t),
    body: bodyFor(t, stream),
    stream,
    concurrency,
    durationMs: DURATION_MS,
    warmupMs: WARMUP_MS,
  });
  const idleS = (Date.now() - wall0) / 1000;
  const cpu1 = (procSample(pids.worker)?.cpuMs ?? 0) - idle.workerMsPerS * idleS;
  const gcpu1 = groupCpu(pids.pgid) - idle.groupMsPerS * idleS;
  const viaGateway = t.key !== undefined;
  const isWorker = t.pids !== undefined;
  const endpoint = r.lastHeaders['x-cailos-endpoint'];
  if (viaGateway && endpoint !== undefined && !String(endpoint).startsWith('nscale/'))
    throw new Error(`${t.name} was routed to ${endpoint}, not the fake upstream`);
  if (r.lastHeaders['x-cailos-simulated']) throw new Error(`${t.name} was answered by the simulated fleet`);
  const run: Run = {
    target: t.name,
    stream,
    concurrency,
    repeat,
    result: {
      requests: r.requests,
      totalRequests: r.totalRequests,
      errors: r.errors,
      errorSamples: r.errorSamples,
      elapsedMs: r.elapsedMs,
      rps: r.rps,
      p50: percentile(r.latencyMs, 50),
      p99: percentile(r.latencyMs, 99),
      ttftP50: percentile(r.ttftMs, 50),
      ttftP99: percentile(r.ttftMs, 99),
    },
    // CPU of the whole measured run (warm-up included) over every request it served.
    workerCpuMsPerReq: isWorker ? (cpu1 - cpu0) / Math.max(1, r.totalRequests) : 0,
    // wrangler's Node process and proxy workerd: dev-only machinery, not part of the deployed worker (none under Miniflare).
    devToolCpuMsPerReq: isWorker && pids.pgid ? (gcpu1 - gcpu0 - (cpu1 - cpu0)) / Math.max(1, r.totalRequests) : 0,
    stages: meanStages(r.timings),
    endpoint: typeof endpoint === 'string' ? endpoint : undefined,
  };
  const s = run.result;
  if (has('tail')) {
    const over = (ms: number) => r.latencyMs.filter((x) => x > LATENCY_MS + ms).length;
    const slow = r.latencyMs.map((ms, i) => ({ ms, at: r.startedAt[i] })).filter((x) => x.ms > LATENCY_MS + 40);
    if (slow.length) log(`  slow starts: ${slow.map((x) => `${new Date(x.at).toISOString().slice(17, 23)}+${x.ms.toFixed(0)}`).join(' ')}`);
    log(
      `  tail: > +5 ms ${over(5)}, > +10 ms ${over(10)}, > +20 ms ${over(20)}, > +35 ms ${over(35)}, > +45 ms ${over(45)}, > +80 ms ${over(80)} of ${r.latencyMs.length}; worst ${[
        ...r.latencyMs,
      ]
        .sort((a, b) => b - a)
        .slice(0, 8)
        .map((x) => x.toFixed(0))
        .join(' ')}`,
    );
  }
  log(
    `${t.name.padEnd(22)} ${stream ? 'stream' : 'json  '} c=${String(concurrency).padStart(2)} #${repeat}: ${s.rps.toFixed(0)} rps p50 ${s.p50.toFixed(2)} p99 ${s.p99.toFixed(2)}${stream ? ` ttft ${s.ttftP50.toFixed(2)}` : ''} err ${s.errors} cpu ${run.workerCpuMsPerReq.toFixed(3)} ms/req${s.errorSamples.length ? ` ${s.errorSamples[0]}` : ''}`,
  );
  return run;
}

/** One cell of the results (target × mode × concurrency, medians over repeats): the rows of `--out`. */
export interface Row {
  target: string;
  stream: boolean;
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
  addedP50: number;
  addedP99: number;
  /** Over the pass-through worker of the same round: what Cailos's own code adds on this runtime. */
  overFloorP50: number;
  overFloorP99: number;
  ttftP50: number;
  addedTtftP50: number;
  errors: number;
  requests: number;
  workerCpuMsPerReq: number;
  devToolCpuMsPerReq: number;
  stages: Record<string, number>;
}

function summarise(runs: Run[]): Row[] {
  const rows: Row[] = [];
  const keys = new Set(runs.map((r) => `${r.target}|${r.stream}|${r.concurrency}`));
  for (const k of keys) {
    const [target, stream, c] = k.split('|');
    const mine = runs.filter((r) => `${r.target}|${r.stream}|${r.concurrency}` === k);
    const baseline = (name: string, rep: number) =>
      runs.find((r) => r.target === name && String(r.stream) === stream && String(r.concurrency) === c && r.repeat === rep);
    const over = (name: string, f: (r: Run) => number) =>
      median(
        mine
          .map((r) => {
            const b = baseline(name, r.repeat);
            return b ? f(r) - f(b) : Number.NaN;
          })
          .filter(Number.isFinite),
      );
    const added = (f: (r: Run) => number) => over('direct', f);
    const gateway = !FLOORS.has(target);
    const stageNames = [...new Set(mine.flatMap((r) => Object.keys(r.stages)))];
    rows.push({
      target,
      stream: stream === 'true',
      concurrency: Number(c),
      rps: median(mine.map((r) => r.result.rps)),
      p50: median(mine.map((r) => r.result.p50)),
      p99: median(mine.map((r) => r.result.p99)),
      addedP50: target === 'direct' ? 0 : added((r) => r.result.p50),
      addedP99: target === 'direct' ? 0 : added((r) => r.result.p99),
      ttftP50: median(mine.map((r) => r.result.ttftP50)),
      addedTtftP50: target === 'direct' ? 0 : added((r) => r.result.ttftP50),
      overFloorP50: gateway ? over(PASSTHROUGH, (r) => r.result.p50) : Number.NaN,
      overFloorP99: gateway ? over(PASSTHROUGH, (r) => r.result.p99) : Number.NaN,
      errors: mine.reduce((n, r) => n + r.result.errors, 0),
      requests: mine.reduce((n, r) => n + r.result.requests, 0),
      workerCpuMsPerReq: median(mine.map((r) => r.workerCpuMsPerReq)),
      devToolCpuMsPerReq: median(mine.map((r) => r.devToolCpuMsPerReq)),
      stages: Object.fromEntries(stageNames.map((s) => [s, median(mine.map((r) => r.stages[s] ?? 0))])),
    });
  }
  return rows;
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

function table(rows: Row[]): string {
  const lines = [
    '| target | mode | conc | RPS | p50 ms | p99 ms | added p50 | added p99 | over floor p50 | over floor p99 | TTFT p50 | added TTFT | errors | worker CPU ms/req | dev-tool CPU ms/req |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.target} | ${r.stream ? 'stream' : 'json'} | ${r.concurrency} | ${r.rps.toFixed(0)} | ${f2(r.p50)} | ${f2(r.p99)} | ${r.target === 'direct' ? '' : f2(r.addedP50)} | ${r.target === 'direct' ? '' : f2(r.addedP99)} | ${Number.isNaN(r.overFloorP50) ? '' : f2(r.overFloorP50)} | ${Number.isNaN(r.overFloorP99) ? '' : f2(r.overFloorP99)} | ${r.stream ? f2(r.ttftP50) : ''} | ${r.stream && r.target !== 'direct' ? f2(r.addedTtftP50) : ''} | ${r.errors}/${r.requests} | ${r.target === 'direct' ? '' : r.workerCpuMsPerReq.toFixed(2)} | ${r.target === 'direct' ? '' : r.devToolCpuMsPerReq.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

function stageTable(rows: Row[]): string {
  const lines = ['| target | mode | conc | stage means (ms, from x-cailos-timing; 1 ms clock, averaged) |', '|---|---|---:|---|'];
  for (const r of rows) {
    if (r.target === 'direct' || Object.keys(r.stages).length === 0) continue;
    lines.push(
      `| ${r.target} | ${r.stream ? 'stream' : 'json'} | ${r.concurrency} | ${Object.entries(r.stages)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')} |`,
    );
  }
  return lines.join('\n');
}

async function soak(t: Target, seconds: number, pid: number, pgid: number) {
  const rssMb: number[] = [];
  let maxFds = 0;
  const sample = () => {
    rssMb.push(Number(((procSample(pid)?.rssKb ?? 0) / 1024).toFixed(1)));
    for (const p of processesInGroup(pgid, 'workerd')) maxFds = Math.max(maxFds, openFds(p.pid));
  };
  sample();
  const timer = setInterval(sample, 10_000);
  const r = await runLoad({
    url: t.url,
    headers: { authorization: `Bearer ${t.key}` },
    body: bodyFor(t, false),
    stream: false,
    concurrency: 16,
    durationMs: seconds * 1000,
  });
  clearInterval(timer);
  sample();
  return {
    seconds,
    rssMb,
    maxWorkerdFds: maxFds,
    errorSamples: r.errorSamples,
    workerAlive: procSample(pid) !== null,
    requests: r.requests,
    errors: r.errors,
    rps: r.rps,
    p50: percentile(r.latencyMs, 50),
    p99: percentile(r.latencyMs, 99),
  };
}

interface Targets {
  targets: Target[];
  viaProxy?: Target;
  pids: Pids;
  floorPids: Pids;
  peerPids?: Pids[];
}

const allowFake = { providers: { allow: ['nscale'] } };

function targetsFor(
  upstreamPort: number,
  floorUrl: string,
  gatewayUrl: string,
  keys: { off: string; on: string },
  pids: Pids,
  floorPids: Pids,
): Target[] {
  return [
    { name: 'direct', url: `http://127.0.0.1:${upstreamPort}/v1/chat/completions`, model: UPSTREAM_MODEL },
    { name: PASSTHROUGH, url: floorUrl, model: UPSTREAM_MODEL, pids: floorPids },
    { name: TRANSLATING, url: floorUrl.replace('/v1/', '/translate/v1/'), model: UPSTREAM_MODEL, pids: floorPids },
    { name: 'gateway (plain model)', url: gatewayUrl, key: keys.off, model: 'llama-3.1-8b', pids },
    { name: 'auto (shield off)', url: gatewayUrl, key: keys.off, model: 'auto', routing: allowFake, pids },
    { name: 'auto + shield', url: gatewayUrl, key: keys.on, model: 'auto', routing: allowFake, pids },
  ];
}

/** Cailos and the floor under wrangler's dev server (serve.mjs); load goes to each user worker's own port. */
async function devServerTargets(upstreamPort: number): Promise<Targets> {
  log(`fake upstream on :${upstreamPort}; starting the worker (wrangler dev server, inspector ${INSPECTOR ? 'on' : 'off'})…`);
  const { pgid, proxyPort } = await startWorker(upstreamPort);
  const runtime = await findRuntime(pgid, proxyPort);
  log(`dev proxy on :${proxyPort}; worker runtime (workerd pid ${runtime.pid}) on :${runtime.port}`);
  const floor = await startPassthrough(upstreamPort);
  const floorRuntime = await findRuntime(floor.pgid, floor.proxyPort);
  log(`pass-through worker runtime (workerd pid ${floorRuntime.pid}) on :${floorRuntime.port}`);
  const devBase = `http://127.0.0.1:${proxyPort}`;
  const keys = {
    off: await createBenchKey(devBase, ADMIN, 'bench-overhead-shield-off', 'off'),
    on: await createBenchKey(devBase, ADMIN, 'bench-overhead-shield-on', 'on'),
  };
  const pids: Pids = { worker: runtime.pid, pgid };
  const floorPids: Pids = { worker: floorRuntime.pid, pgid: floor.pgid };
  const targets = targetsFor(
    upstreamPort,
    `http://127.0.0.1:${floorRuntime.port}/v1/chat/completions`,
    `http://127.0.0.1:${runtime.port}/v1/chat/completions`,
    keys,
    pids,
    floorPids,
  );
  const viaProxy: Target = {
    name: 'gateway via wrangler proxy',
    url: `http://127.0.0.1:${proxyPort}/v1/chat/completions`,
    key: keys.off,
    model: 'llama-3.1-8b',
    pids,
  };
  return { targets, viaProxy, pids, floorPids };
}

/** The workerd process (a child of this one) that listens on `port`. */
function workerdOn(port: number): number {
  const found = processesInGroup(ownProcessGroup(), 'workerd').find((p) => listeningPorts(p.pid).includes(port));
  if (!found) throw new Error(`no workerd listens on :${port}`);
  return found.pid;
}

/** Cailos (production bundle) and the floor in workerd through Miniflare's API: no dev server, no dev tools. */
async function miniflareTargets(upstreamPort: number): Promise<Targets> {
  log(`fake upstream on :${upstreamPort}; building the bundle and starting it under Miniflare…`);
  const vars: Record<string, string> = { CAILOS_DEBUG_TIMING: 'true', ...(CLASSIFIER ? { CAILOS_CLASSIFIER: CLASSIFIER } : {}) };
  const gateway = await startInspectedWorker({ upstreamPort, inspector: false, vars });
  stoppers.push(() => gateway.dispose());
  const floor = new Miniflare({
    modules: true,
    scriptPath: resolve('bench/overhead/passthrough/index.js'),
    bindings: { UPSTREAM_URL: `http://127.0.0.1:${upstreamPort}/v1/chat/completions` },
    compatibilityDate: '2026-04-20',
    compatibilityFlags: ['nodejs_compat'],
    port: await freePort(),
  });
  stoppers.push(() => floor.dispose());
  const floorBase = String(await floor.ready).replace(/\/$/, '');
  // pgid 0: no dev-tool processes to account for.
  const pids: Pids = { worker: workerdOn(Number(new URL(gateway.base).port)), pgid: 0 };
  const floorPids: Pids = { worker: workerdOn(Number(new URL(floorBase).port)), pgid: 0 };
  log(`worker (workerd pid ${pids.worker}) at ${gateway.base}; pass-through (workerd pid ${floorPids.worker}) at ${floorBase}`);
  const targets = targetsFor(
    upstreamPort,
    `${floorBase}/v1/chat/completions`,
    `${gateway.base}/v1/chat/completions`,
    gateway.keys,
    pids,
    floorPids,
  );
  const peerPids: Pids[] = [];
  for (const peer of await peersFor(upstreamPort)) {
    stoppers.push(() => peer.dispose());
    const peerPidsOne: Pids = { worker: peer.pid, pgid: 0 };
    peerPids.push(peerPidsOne);
    log(`${peer.name} (pid ${peer.pid}) at ${peer.base}`);
    targets.push({
      name: peer.name,
      url: `${peer.base}/v1/chat/completions`,
      headers: peer.headers,
      model: UPSTREAM_MODEL,
      pids: peerPidsOne,
    });
  }
  return { targets, pids, floorPids, peerPids };
}

async function peersFor(upstreamPort: number) {
  const peers = [];
  if (PORTKEY_DIR) peers.push({ name: PORTKEY_WORKERD, ...(await startPortkeyWorker(PORTKEY_DIR, upstreamPort, workerdOn)) });
  if (PORTKEY_NODE) peers.push({ name: PORTKEY_NODE_NAME, ...(await startPortkeyNode(upstreamPort, children)) });
  return peers;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  log(
    `overhead benchmark: ${quick ? 'quick' : 'full'}${CLASSIFIER ? `, classifier ${CLASSIFIER}` : ''}, repeats ${REPEATS}, ${DURATION_MS / 1000} s per run, upstream latency ${LATENCY_MS} ms, soak ${SOAK_S} s`,
  );
  const upstreamPort = await startUpstream();
  if ((PORTKEY_DIR || PORTKEY_NODE) && !MINIFLARE) throw new Error('--portkey and --portkey-node need --miniflare');
  const {
    targets,
    viaProxy,
    pids,
    floorPids,
    peerPids = [],
  } = MINIFLARE ? await miniflareTargets(upstreamPort) : await devServerTargets(upstreamPort);
  const runtime = { pid: pids.worker };
  const pgid = pids.pgid;
  const pinning = PIN ? pinProcesses([pids.worker, floorPids.worker, ...peerPids.map((p) => p.worker)]) : 'not pinned';
  if (PIN) log(pinning);
  const rssStartMb = (procSample(runtime.pid)?.rssKb ?? 0) / 1024;

  // Warm the isolate (classifier model load, key cache, quota lease, JIT) before measuring anything.
  for (const t of targets.slice(1))
    for (const stream of [false, true])
      await runLoad({
        url: t.url,
        headers: headersFor(t),
        body: bodyFor(t, stream),
        stream,
        concurrency: 4,
        durationMs: 2000,
      });
  const rssWarmMb = (procSample(runtime.pid)?.rssKb ?? 0) / 1024;
  await calibrateIdle([pids, floorPids, ...peerPids], 5000);
  const idle = idleByWorker.get(pids.worker)!;
  log(
    `idle CPU: worker ${idle.workerMsPerS.toFixed(1)} ms/s, worker + dev tools ${idle.groupMsPerS.toFixed(1)} ms/s (subtracted from the per-request CPU)`,
  );

  const runs: Run[] = [];
  const measured = targets.filter((t) => FLOORS.has(t.name) || PEERS.has(t.name) || t.name.includes(ONLY));
  for (const stream of MODES) {
    for (const concurrency of CONCURRENCIES) {
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        for (const t of measured) runs.push(await measure(t, stream, concurrency, repeat));
        if (!stream && concurrency === 16 && viaProxy) runs.push(await measure(viaProxy, stream, concurrency, repeat));
      }
    }
  }
  const rows = summarise(runs);
  const soakResult =
    SOAK_S > 0
      ? await soak(
          targets.find((t) => t.name === 'auto + shield')!,
          SOAK_S,
          runtime.pid,
          pgid,
        )
      : null;
  if (soakResult)
    log(
      `soak ${SOAK_S} s auto+shield c=16: ${soakResult.requests} requests, ${soakResult.errors} errors, RSS MB ${soakResult.rssMb.join(' ')}`,
    );

  const report = [
    `## Results (${new Date().toISOString().slice(0, 10)}, ${quick ? 'quick' : 'full'}: ${REPEATS}× ${DURATION_MS / 1000} s per cell, medians over repeats; upstream latency ${LATENCY_MS} ms; ${pinning})`,
    '',
    table(rows),
    '',
    stageTable(rows),
    '',
    ratioTable(runs, PORTKEY_DIR ? PORTKEY_WORKERD : PORTKEY_NODE ? PORTKEY_NODE_NAME : null),
    '',
    `Idle CPU subtracted: worker ${idle.workerMsPerS.toFixed(1)} ms/s, worker + dev tools ${idle.groupMsPerS.toFixed(1)} ms/s.`,
    `workerd (worker) RSS: ${rssStartMb.toFixed(0)} MB after start, ${rssWarmMb.toFixed(0)} MB warm.` +
      (soakResult
        ? ` Soak ${SOAK_S} s of auto + shield at c=16 (${soakResult.rps.toFixed(0)} rps, ${soakResult.errors}/${soakResult.requests} errors, p50 ${f2(soakResult.p50)} / p99 ${f2(soakResult.p99)} ms): RSS every 10 s ${soakResult.rssMb.join(', ')} MB; at most ${soakResult.maxWorkerdFds} open files per workerd.`
        : ''),
  ].join('\n');
  console.log(report);
  writeFileSync(
    OUT,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        quick,
        pinning,
        classifier: CLASSIFIER || 'model',
        idleCpu: Object.fromEntries(idleByWorker),
        repeats: REPEATS,
        durationMs: DURATION_MS,
        upstreamLatencyMs: LATENCY_MS,
        rows,
        soak: soakResult,
        rssStartMb,
        rssWarmMb,
        runs,
      },
      null,
      1,
    ),
  );
  log(`wrote ${OUT}; total ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.all(stoppers.map((stop) => stop().catch(() => undefined)));
    killAll();
    setTimeout(() => process.exit(), 500).unref();
  });
