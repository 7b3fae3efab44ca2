import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Local dev processes for the e2e tests and the benchmarks: free ports, `npm run dev` (wrangler dev + the
 * simulated fleet) in its own process group, and a snapshot of the code to serve from.
 */

export const DEV_ADMIN_SECRET = 'dev-admin-secret';
const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUTPUT_DIR = path.join(ROOT, 'test-output');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * wrangler dev rebuilds and restarts the worker whenever a watched source file changes, and this tree is
 * edited while long benchmarks run; so they serve the worker from a copy of the code taken at start
 * (node_modules linked), which also gets its own fresh local D1/KV/DO state.
 */
export function snapshotRepo(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const entry of ['src', 'evals', 'migrations', 'scripts', 'wrangler.toml', 'package.json', 'tsconfig.json', '.dev.vars']) {
    const from = path.join(ROOT, entry);
    if (existsSync(from)) cpSync(from, path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** `npm run dev` (wrangler dev + simulated fleet) in its own process group, on a free port. */
export interface DevServer {
  base: string;
  port: number;
  stop(): Promise<void>;
}

export async function startDevServer(logName: string, timeoutMs = 150_000): Promise<DevServer> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const port = await freePort();
  const log = createWriteStream(path.join(OUTPUT_DIR, logName));
  const child: ChildProcess = spawn(process.execPath, ['scripts/dev.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
    detached: true, // own process group: teardown kills wrangler and workerd with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  const stop = async () => {
    if (child.pid === undefined || exited !== undefined) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`dev server exited with ${exited}; see test-output/${logName}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return { base, port, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`dev server did not answer /health within ${timeoutMs} ms; see test-output/${logName}`);
}
