/**
 * Cold load of the intent model in workerd as `npm run dev` serves it (wrangler dev, the real bundle):
 * starts a fresh dev server per round and asks GET /admin/classifier?warm=true, which loads the model in that
 * isolate and reports the split (onnxruntime module import + session creation, then the background warm-up on
 * synthetic prompts during which requests get the heuristic). Warm latency is measured by
 * test/classifier/classifier.test.ts. Usage: npx tsx bench/classifier-cold.ts [rounds=3]
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const rounds = Number(process.argv[2] ?? 3);
const ADMIN = 'dev-admin-secret';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function round(i: number): Promise<{ wallMs: number; importMs: number; sessionMs: number; warmupMs: number; state: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/dev.mjs', '--log-level', 'warn'], { detached: true, stdio: 'ignore', env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false' } });
  try {
    const until = Date.now() + 120_000;
    while (!(await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false))) {
      if (Date.now() > until) throw new Error('dev server did not start');
      await sleep(500);
    }
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/admin/classifier?warm=true`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const wallMs = performance.now() - t0;
    const body = (await res.json()) as { state: string; importMs: number; sessionMs: number; warmupMs: number; error: string | null };
    if (body.state !== 'ready') throw new Error(`round ${i}: model ${body.state}: ${body.error}`);
    return { wallMs, importMs: body.importMs, sessionMs: body.sessionMs, warmupMs: body.warmupMs, state: body.state };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {}
    await sleep(1000);
  }
}

const results = [];
for (let i = 0; i < rounds; i++) {
  const r = await round(i);
  console.log(`round ${i + 1}: cold load ${(r.importMs + r.sessionMs).toFixed(0)} ms = import ${r.importMs.toFixed(0)} + session ${r.sessionMs.toFixed(0)} (HTTP round trip ${r.wallMs.toFixed(0)} ms); then background warm-up ${r.warmupMs.toFixed(0)} ms before the model answers requests`);
  results.push(r.importMs + r.sessionMs);
}
results.sort((a, b) => a - b);
console.log(`median cold load over ${rounds} fresh dev servers: ${results[Math.floor(results.length / 2)].toFixed(0)} ms (target 500)`);
