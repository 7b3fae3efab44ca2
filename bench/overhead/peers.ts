/**
 * Peer gateways beside Cailos in the overhead benchmark: Portkey's open gateway (@portkey-ai/gateway 1.15.2),
 * once as its Worker bundle in workerd through Miniflare (as Cailos runs under `--miniflare`) and once as its
 * Node build from npm. Neither is a dependency of the project: the Worker bundle is read from a directory
 * given on the command line (../shared/peers/portkey-gateway-1.15.2, built from its v1.15.2 tag with
 * wrangler 4.86.0), and the Node build is installed on demand into bench/overhead/.cache/ (git-ignored).
 *
 * Portkey is routed by headers in this mode (`x-portkey-provider`, `x-portkey-custom-host`) and does no key
 * check, limits, model lookup or logging of its own.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Miniflare } from 'miniflare';
import { freePort } from '../../scripts/lib/local-dev';

export const PORTKEY_VERSION = '1.15.2';
/** What Portkey's own lockfile resolves; a newer @hono/node-server breaks every streamed answer (`TypeError: immutable`). */
const NODE_OVERRIDES = { hono: '4.9.7', '@hono/node-server': '1.13.5' };
const CACHE = resolve(import.meta.dirname, '.cache/portkey-node');

export interface Peer {
  base: string;
  headers: Record<string, string>;
  /** The process serving it, for CPU per request. */
  pid: number;
  dispose(): Promise<void>;
}

function portkeyHeaders(upstreamPort: number): Record<string, string> {
  return {
    authorization: 'Bearer bench',
    'x-portkey-provider': 'openai',
    'x-portkey-custom-host': `http://127.0.0.1:${upstreamPort}/v1`,
  };
}

/** Compatibility date and flags from the bundle's own wrangler.toml (only the two keys it sets at top level). */
function compat(dir: string): { date: string; flags: string[] } {
  const toml = readFileSync(join(dir, 'wrangler.toml'), 'utf8').split('\n[')[0];
  const date = /compatibility_date\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  const flags = /compatibility_flags\s*=\s*\[([^\]]*)\]/.exec(toml)?.[1] ?? '';
  if (!date) throw new Error(`${dir}/wrangler.toml: no compatibility_date`);
  return { date, flags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]) };
}

/** Portkey's Worker bundle in workerd, served like Cailos's `--miniflare` target (no dev server, no inspector). */
export async function startPortkeyWorker(dir: string, upstreamPort: number, workerdOn: (port: number) => number): Promise<Peer> {
  const { date, flags } = compat(dir);
  const mf = new Miniflare({
    modules: true,
    scriptPath: resolve(dir, 'index.js'),
    modulesRoot: resolve(dir), // the bundle lives outside this repository; module names must not climb out of their root
    compatibilityDate: date,
    compatibilityFlags: flags,
    bindings: { ENVIRONMENT: 'dev', CUSTOM_HEADERS_TO_IGNORE: [] },
    port: await freePort(),
  });
  const base = String(await mf.ready).replace(/\/$/, '');
  return { base, headers: portkeyHeaders(upstreamPort), pid: workerdOn(Number(new URL(base).port)), dispose: () => mf.dispose() };
}

/** Installs the Node build once (npm, pinned, with the overrides its lockfile implies) into the bench cache. */
function installNodeBuild(): string {
  const entry = join(CACHE, 'node_modules/@portkey-ai/gateway/build/start-server.js');
  if (existsSync(entry)) return entry;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(
    join(CACHE, 'package.json'),
    JSON.stringify({ private: true, dependencies: { '@portkey-ai/gateway': PORTKEY_VERSION }, overrides: NODE_OVERRIDES }, null, 1),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: CACHE, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(entry)) throw new Error(`Portkey's Node build did not install: ${entry} is missing`);
  return entry;
}

/** Portkey's Node build (`start-server.js --headless`) in its own process group. */
export async function startPortkeyNode(upstreamPort: number, children: ChildProcess[]): Promise<Peer> {
  const entry = installNodeBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [entry, `--port=${port}`, '--headless'], { detached: true, stdio: 'ignore' });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${base}/`, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() > until) throw new Error("Portkey's Node build did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    headers: portkeyHeaders(upstreamPort),
    pid: child.pid!,
    dispose: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {}
    },
  };
}
