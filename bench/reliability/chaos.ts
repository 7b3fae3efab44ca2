/**
 * Chaos run through the running worker: `npm run dev` (wrangler dev + the simulated fleet) started
 * in its own process group on its own port, then N requests without faults (baseline) and N with
 * every simulated upstream call failing at random with probability P (POST /admin/sim/faults on
 * '*'; the fault kind rotates through the list below in equal slices, each next to a baseline slice
 * of the same size). Half the requests stream.
 * Reports the success rate (overall, and where at least one endpoint of the chain was healthy),
 * and p50/p99 latency added by the faults. The dev server is killed at the end.
 *
 *   npm run bench:chaos -- [--requests 10000] [--concurrency 24] [--port 8797] [--p 0.3] [--scale 0.05]
 */
import { spawn } from 'node:child_process';
import { openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { devVars } from '../../scripts/dev-config.mjs';
import { snapshotRepo } from '../../scripts/lib/local-dev';
import { percentile } from '../lib/stats';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const REQUESTS = arg('requests', 10_000);
const CONCURRENCY = arg('concurrency', 24);
const PORT = arg('port', 8797);
const P = arg('p', 0.3);
const SCALE = arg('scale', 0.05);
const TIMEOUT_MS = 1500;
const FAULTS = [
  'http_503',
  'rate_limit',
  'connection_refused',
  'hang_before_headers',
  'stream_error_event',
  'garbage_json',
  'truncated_sse',
  'hang_mid_stream',
];
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = (devVars() as Record<string, string>).ADMIN_SECRET;
const PROMPTS = [
  'Summarise the plot of Hamlet in two sentences.',
  'Write a haiku about autumn rain.',
  'What is 17 times 23? Explain briefly.',
  'Translate "good morning, how are you" into French.',
  'Give three tips for writing clear commit messages.',
  'Explain what a hash map is to a beginner.',
];

type Outcome = 'ok' | 'chain_exhausted' | 'after_first_token' | 'other';
interface Sample {
  fault?: string;
  ms: number;
  outcome: Outcome;
  detail?: string;
}

async function admin(path: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${BASE}/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function one(key: string, i: number): Promise<Sample> {
  const stream = i % 2 === 1;
  const started = performance.now();
  const res = await fetch(`${BASE}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'auto',
      messages: [{ role: 'user', content: PROMPTS[i % PROMPTS.length] }],
      stream,
      routing: { timeout_ms: TIMEOUT_MS },
    }),
  }).catch((err: Error) => err);
  if (res instanceof Error) return { ms: performance.now() - started, outcome: 'other', detail: `fetch: ${res.message}` };
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) {
    let err: { code?: string; message?: string } | undefined;
    try {
      err = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    } catch {
      return { ms, outcome: 'other', detail: `${res.status} non-JSON: ${text.slice(0, 60)}` };
    }
    // "All N endpoints in the fallback chain failed (id: kind; …)": every endpoint of the chain was
    // tried and failed (those its breaker refused were tried last), so none was healthy.
    const exhausted = err?.code === 'upstream_unavailable' && /^All \d+ endpoints/.test(err.message ?? '');
    return { ms, outcome: exhausted ? 'chain_exhausted' : 'other', detail: `${res.status} ${err?.code}` };
  }
  if (stream) {
    if (!text.includes('data: [DONE]'))
      return { ms, outcome: /"stream_interrupted"/.test(text) ? 'after_first_token' : 'other', detail: 'stream without [DONE]' };
    if (!/"content":"[^"]/.test(text)) return { ms, outcome: 'other', detail: 'stream without content' };
  } else if (
    !(JSON.parse(text) as { choices?: { message?: { content?: string | null; tool_calls?: unknown[] } }[] }).choices?.[0]?.message
  ) {
    return { ms, outcome: 'other', detail: 'no message' };
  }
  return { ms, outcome: 'ok' };
}

/** n requests at CONCURRENCY; with a fault, every simulated upstream call fails with probability P. */
async function slice(key: string, n: number, offset: number, fault: string | null): Promise<Sample[]> {
  await admin('/breakers', 'DELETE');
  await admin('/sim/faults', 'DELETE');
  if (fault) {
    const res = await admin('/sim/faults', 'POST', { target: '*', fault, probability: P, retryAfterSeconds: 1, seed: 1000 + offset });
    if (!res.ok) throw new Error(`fault set failed: ${res.status} ${await res.text()}`);
  }
  const samples: Sample[] = [];
  let next = 0;
  async function worker() {
    while (next < n) {
      const i = next++;
      samples.push({ ...(await one(key, offset + i)), ...(fault ? { fault } : {}) });
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await admin('/sim/faults', 'DELETE');
  return samples;
}

async function main() {
  const snapshot = snapshotRepo('cailos-chaos-');
  const devLog = join(snapshot, 'dev.log');
  const logFd = openSync(devLog, 'w');
  process.stderr.write(`wrangler dev log: ${devLog}\n`);
  const child = spawn('npm', ['run', 'dev', '--', '--var', `CAILOS_SIM_LATENCY_SCALE:${SCALE}`], {
    detached: true, // its own process group (setsid), so the whole tree can be killed
    cwd: snapshot,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, PORT: String(PORT), WRANGLER_SEND_METRICS: 'false' },
  });
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {}
    rmSync(snapshot, { recursive: true, force: true });
  };
  process.on('exit', stop);
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  try {
    const until = Date.now() + 120_000;
    while (
      !(await fetch(`${BASE}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > until) throw new Error('wrangler dev did not come up');
      await new Promise((r) => setTimeout(r, 500));
    }
    const created = await admin('/keys', 'POST', { name: 'chaos-bench', team: 'bench', settings: { requestsPerMinute: 100_000 } });
    if (created.status !== 201) throw new Error(`key create failed: ${created.status} ${await created.text()}`);
    const { key } = (await created.json()) as { key: string };
    await slice(key, 200, 0, null); // warm-up
    // Baseline and fault slices alternate, one pair per fault kind, so load drift on the machine
    // affects both phases alike.
    const baseline: Sample[] = [];
    const chaos: Sample[] = [];
    const per = Math.ceil(REQUESTS / FAULTS.length);
    for (const [k, fault] of FAULTS.entries()) {
      baseline.push(...(await slice(key, per, k * per, null)));
      chaos.push(...(await slice(key, per, k * per, fault)));
      process.stderr.write(`  ${fault}: ${chaos.length}/${per * FAULTS.length}\n`);
    }

    const summary = (label: string, s: Sample[]) => {
      const count = (o: Outcome) => s.filter((x) => x.outcome === o).length;
      const ok = count('ok');
      const exhausted = count('chain_exhausted');
      const okMs = s.filter((x) => x.outcome === 'ok').map((x) => x.ms);
      return {
        phase: label,
        requests: s.length,
        ok,
        successRate: ok / s.length,
        successRateWhenAHealthyEndpointExisted: ok / (s.length - exhausted),
        // Streams that broke after their first token cannot fail over (the client already has text);
        // they end with an OpenAI-shaped error instead. This rate leaves them out too.
        successRateBeforeFirstToken: ok / (s.length - exhausted - count('after_first_token')),
        chainExhausted: exhausted,
        failedAfterFirstToken: count('after_first_token'),
        otherFailures: count('other'),
        p50Ms: percentile(okMs, 50),
        p99Ms: percentile(okMs, 99),
      };
    };
    const b = summary('baseline', baseline);
    const c = summary(`faults p=${P}`, chaos);
    const others = new Map<string, number>();
    for (const x of chaos.filter((y) => y.outcome === 'other')) others.set(x.detail ?? '?', (others.get(x.detail ?? '?') ?? 0) + 1);

    console.log(
      'phase            requests   success   success(≥1 healthy)   (…, before 1st token)   exhausted   after-1st-token   other    p50 ms    p99 ms',
    );
    for (const r of [b, c]) {
      console.log(
        `${r.phase.padEnd(16)} ${String(r.requests).padStart(8)}   ${(100 * r.successRate).toFixed(2).padStart(6)}%   ${(100 * r.successRateWhenAHealthyEndpointExisted).toFixed(2).padStart(18)}%   ${(100 * r.successRateBeforeFirstToken).toFixed(2).padStart(20)}%   ${String(r.chainExhausted).padStart(9)}   ${String(r.failedAfterFirstToken).padStart(15)}   ${String(r.otherFailures).padStart(5)}   ${r.p50Ms.toFixed(1).padStart(7)}   ${r.p99Ms.toFixed(1).padStart(7)}`,
      );
    }
    console.log(`added latency: p50 ${(c.p50Ms - b.p50Ms).toFixed(1)} ms, p99 ${(c.p99Ms - b.p99Ms).toFixed(1)} ms`);
    if (others.size) console.log('other failures:', Object.fromEntries(others));
    const byFault = FAULTS.map((fault) => {
      const s = chaos.filter((x) => x.fault === fault);
      const n = (o: Outcome) => s.filter((x) => x.outcome === o).length;
      return {
        fault,
        requests: s.length,
        ok: n('ok'),
        exhausted: n('chain_exhausted'),
        afterFirstToken: n('after_first_token'),
        other: n('other'),
        p50Ms: percentile(
          s.filter((x) => x.outcome === 'ok').map((x) => x.ms),
          50,
        ),
      };
    });
    console.log('fault                 requests      ok   exhausted   after-1st-token   other   p50 ms');
    for (const f of byFault)
      console.log(
        `${f.fault.padEnd(20)} ${String(f.requests).padStart(9)} ${String(f.ok).padStart(7)} ${String(f.exhausted).padStart(11)} ${String(f.afterFirstToken).padStart(17)} ${String(f.other).padStart(7)} ${f.p50Ms.toFixed(1).padStart(8)}`,
      );
    console.log(
      JSON.stringify({
        bench: 'chaos',
        requests: REQUESTS,
        concurrency: CONCURRENCY,
        probability: P,
        latencyScale: SCALE,
        timeoutMs: TIMEOUT_MS,
        faults: FAULTS,
        baseline: b,
        chaos: c,
        addedP50Ms: c.p50Ms - b.p50Ms,
        addedP99Ms: c.p99Ms - b.p99Ms,
        otherFailures: Object.fromEntries(others),
        byFault,
      }),
    );
  } finally {
    stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
