/**
 * Interleaved A/B of the overhead benchmark: the working tree against a git revision, in one sitting.
 *
 *   npx tsx bench/overhead/ab.ts --base REV [--pairs 2] [run.ts options, e.g. --only gateway --modes stream --concurrency 16,64]
 *
 * Two runs of bench/overhead/run.ts on the same quiet machine an hour apart differ by more than most code
 * changes do (bench/overhead/README.md, "Run-to-run spread"), so a change is judged by runs of both trees
 * that alternate: pair 1 runs base then head, pair 2 head then base, and so on, so drift hits both sides alike.
 * The base tree is a detached git worktree of REV in a temp directory (node_modules linked, the git-ignored
 * onnxruntime wasm copied); each side runs its own run.ts, worker and floors. Prints, per cell (target ×
 * mode × concurrency), every pair's RPS, worker CPU per request, p50/p99 and TTFT, and the median ratio
 * head/base. Raw run files stay in the printed temp directory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from '../lib/stats';
// Type only (erased): run.ts runs the benchmark when imported.
import type { Row } from './run';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const base = flag('base');
if (!base) {
  console.error('usage: npx tsx bench/overhead/ab.ts --base REV [--pairs 2] [run.ts options]');
  process.exit(2);
}
const PAIRS = Number(flag('pairs') ?? 2);
/** Everything that is not ours goes to run.ts unchanged. */
const runArgs = argv.filter((a, i) => !['--base', '--pairs'].includes(a) && !['--base', '--pairs'].includes(argv[i - 1] ?? ''));

const head = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'cailos-ab-'));
const baseTree = join(work, 'base');
const log = (...a: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...a);

function prepareBaseTree(): void {
  execFileSync('git', ['worktree', 'add', '--detach', baseTree, base!], { stdio: 'inherit' });
  symlinkSync(join(head, 'node_modules'), join(baseTree, 'node_modules'));
  // A base commit from before the TypeScript classifier engine needs onnxruntime's git-ignored wasm copy.
  const vendor = 'src/classifier/vendor';
  if (!existsSync(join(head, vendor))) return;
  for (const file of readdirSync(join(head, vendor)).filter((f) => f.endsWith('.wasm'))) {
    copyFileSync(join(head, vendor, file), join(baseTree, vendor, file));
  }
}

function runSide(side: 'base' | 'head', pair: number): Row[] {
  const out = join(work, `${side}-${pair}.json`);
  log(`pair ${pair}: ${side}`);
  const r = spawnSync('npx', ['tsx', 'bench/overhead/run.ts', '--miniflare', '--soak', '0', ...runArgs, '--out', out], {
    cwd: side === 'base' ? baseTree : head,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`run.ts (${side}, pair ${pair}) failed with status ${r.status}`);
  return (JSON.parse(readFileSync(out, 'utf8')) as { rows: Row[] }).rows;
}

const cellKey = (r: Row) => `${r.target} | ${r.stream ? 'stream' : 'json'} | ${r.concurrency}`;
const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : x.toFixed(digits));

function report(runs: { base: Row[]; head: Row[] }[]): string {
  const lines = [
    `A/B of ${base} (base) against the working tree (head), ${runs.length} interleaved pairs; run.ts ${runArgs.join(' ')}`,
    '',
    '| target | mode | conc | RPS base → head | worker CPU ms/req base → head | p50 ms base → head | p99 ms base → head | TTFT p50 base → head | head/base: RPS, CPU (medians of pairs) |',
    '|---|---|---:|---|---|---|---|---|---|',
  ];
  const keys = [...new Set(runs.flatMap((r) => r.head.map(cellKey)))];
  for (const key of keys) {
    const pairs = runs
      .map(({ base: b, head: h }) => ({ b: b.find((r) => cellKey(r) === key), h: h.find((r) => cellKey(r) === key) }))
      .filter((p) => p.b && p.h) as { b: Row; h: Row }[];
    if (pairs.length === 0) continue;
    const series = (pick: (r: Row) => number | null, digits = 1) =>
      pairs.map((p) => `${fmt(pick(p.b), digits)} → ${fmt(pick(p.h), digits)}`).join('; ');
    const rpsRatio = median(pairs.map((p) => p.h.rps / p.b.rps));
    const cpu = pairs.filter((p) => p.b.workerCpuMsPerReq > 0);
    const cpuRatio = cpu.length ? median(cpu.map((p) => p.h.workerCpuMsPerReq / p.b.workerCpuMsPerReq)) : null;
    lines.push(
      `| ${key} | ${series((r) => r.rps, 0)} | ${series((r) => r.workerCpuMsPerReq, 2)} | ${series((r) => r.p50)} | ${series((r) => r.p99)} | ${series((r) => r.ttftP50)} | ${fmt(rpsRatio, 3)}, ${fmt(cpuRatio, 3)} |`,
    );
  }
  return lines.join('\n');
}

try {
  prepareBaseTree();
  const runs: { base: Row[]; head: Row[] }[] = [];
  for (let pair = 1; pair <= PAIRS; pair++) {
    // Alternate the order so a machine that drifts during the session does not favour one side.
    const order: ('base' | 'head')[] = pair % 2 === 1 ? ['base', 'head'] : ['head', 'base'];
    const result: Partial<Record<'base' | 'head', Row[]>> = {};
    for (const side of order) result[side] = runSide(side, pair);
    runs.push(result as { base: Row[]; head: Row[] });
  }
  console.log(report(runs));
  log(`raw run files: ${work}`);
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', baseTree], { stdio: 'ignore' });
  spawnSync('git', ['worktree', 'prune'], { stdio: 'ignore' });
}
