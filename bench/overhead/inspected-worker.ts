/**
 * The gateway as production runs it, for cpu-profile.ts, heap.ts and `run.ts --miniflare`: the
 * wrangler-built bundle (`wrangler deploy --dry-run`) in workerd through Miniflare's API, with fresh local
 * D1/KV/DO state, a fake upstream (bench/lib/fake-upstream.ts, 'fixed' style) behind provider `nscale`, two API keys (llmshield off
 * and on), and optionally an inspector that only the benchmark talks to. wrangler dev's own inspector proxy sends
 * `Network.enable`, after which workerd reports every subrequest and body chunk: it distorts exactly what
 * these benchmarks measure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Miniflare } from 'miniflare';
import { unstable_splitSqlQuery } from 'wrangler';
import { startFakeUpstream } from '../lib/fake-upstream';
import { type LoadResult, runLoad } from './loadgen';
import { WORKLOAD_MESSAGES } from './workload';
import { freePort } from '../../scripts/lib/local-dev';

const ADMIN = 'bench-admin-secret';
const ROOT = resolve(import.meta.dirname, '../..');

export type TargetName = 'gateway' | 'auto' | 'shield';

export interface InspectedWorker {
  /** The worker's origin, e.g. http://127.0.0.1:port. */
  base: string;
  /** API keys with llmshield off and on (100,000 requests per minute). */
  keys: { off: string; on: string };
  /** The bundle's directory (index.js and its source map). */
  outdir: string;
  /** Runs closed-loop load against one target (unique prompts, so `auto` classifies every request). */
  load(target: TargetName, opts: { seconds: number; concurrency: number; stream: boolean }): Promise<LoadResult>;
  /** DevTools protocol session with the worker's isolate (only when started with the inspector). */
  inspect(): Promise<Cdp>;
  dispose(): Promise<void>;
}

export interface Cdp {
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

/** A minimal Chrome DevTools Protocol client over the inspector's WebSocket. */
async function connect(url: string): Promise<Cdp> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', reject, { once: true });
  });
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.error ? Promise.reject(new Error(msg.error.message)) : msg.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const n = ++id;
      ws.send(JSON.stringify({ id: n, method, params }));
      return new Promise<T>((resolve) => waiting.set(n, resolve as (r: unknown) => void));
    },
    close: () => ws.close(),
  };
}

function moduleType(file: string): 'ESModule' | 'CompiledWasm' | 'Data' | 'Text' {
  if (file === 'index.js') return 'ESModule';
  if (file.endsWith('.wasm')) return 'CompiledWasm';
  if (file.endsWith('.onnx') || file.endsWith('.bin')) return 'Data';
  return 'Text'; // tokenizer JSON, the dashboard's uPlot script and stylesheet (wrangler.toml [[rules]])
}

function build(root: string): string {
  const outdir = mkdtempSync(join(tmpdir(), 'cailos-profile-'));
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  return outdir;
}

/** A benchmark API key through the admin API: a rate limit (100,000/min) the load never reaches, llmshield as asked. */
export async function createBenchKey(base: string, adminSecret: string, name: string, shield: 'on' | 'off'): Promise<string> {
  const res = await fetch(`${base}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, settings: { requestsPerMinute: 100_000, shield: { mode: shield } } }),
  });
  if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

export interface WorkerOptions {
  /** An upstream already running (run.ts starts its own in a separate process); default: an in-process fake. */
  upstreamPort?: number;
  /** Default true; without it `inspect()` is unavailable. */
  inspector?: boolean;
  vars?: Record<string, string>;
  /** The source tree to build (default: this one); cpu-ab.ts builds a second tree beside it. */
  root?: string;
}

export async function startInspectedWorker(opts: WorkerOptions = {}): Promise<InspectedWorker> {
  const inspector = opts.inspector ?? true;
  if (inspector && typeof WebSocket === 'undefined')
    throw new Error('needs a WebSocket client: run with node --experimental-websocket (Node 20) or Node 22+');
  const root = opts.root ?? ROOT;
  const outdir = build(root);
  const fake =
    opts.upstreamPort === undefined ? await startFakeUpstream({ style: 'fixed', latencyMs: 50, chunks: 10, chunkIntervalMs: 2 }) : null;
  const upstreamPort = fake?.port ?? opts.upstreamPort!;
  const inspectorPort = inspector ? await freePort() : undefined;
  const mf = new Miniflare({
    // Listed explicitly: Miniflare cannot follow the bundle's dynamic import (the classifier loads lazily).
    modulesRoot: outdir,
    modules: readdirSync(outdir)
      .filter((f) => !/\.(map|md)$/.test(f))
      .sort((a, b) => Number(b === 'index.js') - Number(a === 'index.js')) // the main module comes first
      .map((f) => ({ type: moduleType(f), path: join(outdir, f) })),
    compatibilityDate: '2026-04-20',
    compatibilityFlags: ['nodejs_compat'],
    bindings: {
      ADMIN_SECRET: ADMIN,
      KEY_PEPPER: 'bench-pepper',
      NSCALE_API_KEY: 'bench',
      UPSTREAM_BASE_URL_OVERRIDES: JSON.stringify({ nscale: `http://127.0.0.1:${upstreamPort}/v1` }),
      CAILOS_SIMULATE: 'false',
      CAILOS_SIM_LATENCY_SCALE: '1',
      ...opts.vars,
    },
    d1Databases: ['DB'],
    kvNamespaces: ['KV'],
    durableObjects: { KEY_GUARD: { className: 'KeyGuard', useSQLite: true }, BREAKER: { className: 'EndpointBreaker', useSQLite: true } },
    ...(inspectorPort ? { inspectorPort } : {}),
    port: await freePort(),
  });
  const dispose = async () => {
    await mf.dispose();
    await fake?.close();
    rmSync(outdir, { recursive: true, force: true });
  };
  try {
    const base = String(await mf.ready).replace(/\/$/, '');
    const d1 = await mf.getD1Database('DB');
    for (const file of readdirSync(join(root, 'migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      const statements = unstable_splitSqlQuery(readFileSync(join(root, 'migrations', file), 'utf8'));
      await d1.batch(statements.map((s) => d1.prepare(s)));
    }
    const keys = { off: await createBenchKey(base, ADMIN, 'bench-off', 'off'), on: await createBenchKey(base, ADMIN, 'bench-on', 'on') };
    const allowFake = { providers: { allow: ['nscale'] } };
    const targets: Record<TargetName, { key: string; model: string; routing?: unknown }> = {
      gateway: { key: keys.off, model: 'llama-3.1-8b' },
      auto: { key: keys.off, model: 'auto', routing: allowFake },
      shield: { key: keys.on, model: 'auto', routing: allowFake },
    };
    let ticket = 1;
    return {
      base,
      keys,
      outdir,
      load(name, { seconds, concurrency, stream }) {
        const t = targets[name];
        const body = () => {
          const [system, user] = WORKLOAD_MESSAGES;
          return JSON.stringify({
            model: t.model,
            messages: [system, { ...user, content: `Ticket #${ticket++}: ${user.content}` }],
            max_tokens: 64,
            stream,
            ...(t.routing ? { routing: t.routing } : {}),
          });
        };
        return runLoad({
          url: `${base}/v1/chat/completions`,
          headers: { authorization: `Bearer ${t.key}` },
          body,
          stream,
          concurrency,
          durationMs: seconds * 1000,
        });
      },
      async inspect() {
        if (!inspectorPort) throw new Error('started without the inspector');
        const list = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
          webSocketDebuggerUrl: string;
          title?: string;
        }[];
        const target = list.find((t) => !/KeyGuard|EndpointBreaker|__/.test(t.title ?? '')) ?? list[0];
        return connect(target.webSocketDebuggerUrl);
      },
      dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/** A benchmark's main: starts the worker, runs `body`, always disposes, and exits with 0 or 1. */
export function runWithInspectedWorker(body: (worker: InspectedWorker) => Promise<void>): void {
  (async () => {
    const worker = await startInspectedWorker();
    try {
      await body(worker);
    } finally {
      await worker.dispose();
    }
  })().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
