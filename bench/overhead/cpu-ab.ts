/**
 * workerd CPU per request of two source trees, interleaved in one sitting: the working tree against a base tree.
 *
 *   npx tsx bench/overhead/cpu-ab.ts [--base DIR | --rev REV] [--head DIR] [--targets gateway,shield] [--stream]
 *        [--concurrency 64] [--rounds 8] [--seconds 4] [--head-first]
 *
 * Both trees are built (`wrangler deploy --dry-run`) and run side by side in workerd through Miniflare
 * (inspected-worker.ts, inspector off: no profiler cost), each with its own fake upstream and local D1/KV/DO.
 * Each round loads one side then the other (the order alternates round by round, ABBA), and reads the CPU time
 * (user + system, /proc) of that side's workerd process per request served, the local D1/KV/DO simulators
 * included, as in run.ts. On a shared machine absolute figures drift; the per-round ratio head ÷ base does
 * not carry the drift that both sides of a round share. `--rev REV` exports that git revision as the base
 * (`git archive`, node_modules linked); `--base DIR` takes a tree as it is.
 *
 * Two identical trees came out ~5 % apart, the one started first cheaper (1.053 base first, 0.946 head first):
 * run both orders and take the geometric mean of the two medians. On a shared 2-core machine (load 5–8) that
 * mean still moved by ±6 % between sittings for the same pair of trees, so this resolves removals of a tenth
 * of a request's CPU, not a change of a few per cent (for those: an interleaved micro-benchmark).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from '../lib/stats';
import { type InspectedWorker, startInspectedWorker, type TargetName } from './inspected-worker';
import { ownProcessGroup, processesInGroup } from './procs';

const argv = process.argv.slice(2);
const str = (f: string, d: string) => (argv.includes(`--${f}`) ? argv[argv.indexOf(`--${f}`) + 1] : d);
const ROUNDS = Number(str('rounds', '8'));
const SECONDS = Number(str('seconds', '4'));
const CONCURRENCY = Number(str('concurrency', '64'));
const STREAM = argv.includes('--stream');
const TARGETS = str('targets', 'gateway').split(',') as TargetName[];
const REPO = resolve(import.meta.dirname, '../..');
const HEAD = argv.includes('--head') ? resolve(str('head', '')) : REPO;
const log = (...a: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...a);

function baseTree(): string {
  if (argv.includes('--base')) return resolve(str('base', ''));
  const dir = mkdtempSync(join(tmpdir(), 'cailos-cpu-ab-'));
  execSync(`git archive ${str('rev', 'HEAD')} | tar -x -C ${dir}`, { cwd: REPO });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const pgid = ownProcessGroup();
const workerdPids = () => new Set(processesInGroup(pgid, 'workerd').map((p) => p.pid));
const cpuOf = (pids: Set<number>) =>
  processesInGroup(pgid, 'workerd')
    .filter((p) => pids.has(p.pid))
    .reduce((n, p) => n + p.cpuMs, 0);

/** Starts a worker and returns it with the workerd processes it added. */
async function start(root: string): Promise<{ worker: InspectedWorker; pids: Set<number> }> {
  const before = workerdPids();
  const worker = await startInspectedWorker({ root, inspector: false });
  return { worker, pids: new Set([...workerdPids()].filter((p) => !before.has(p))) };
}

async function main(): Promise<void> {
  const base = baseTree();
  log(`base ${base}, head ${HEAD}: building and starting both`);
  // Two identical trees measured this way differ by a few per cent depending on which started first (an A/A
  // check): `--head-first` swaps the start order, so that a change can be judged in both.
  const first = argv.includes('--head-first') ? await start(HEAD) : await start(base);
  const second = argv.includes('--head-first') ? await start(base) : await start(HEAD);
  const sides = argv.includes('--head-first') ? { base: second, head: first } : { base: first, head: second };
  try {
    for (const side of Object.values(sides))
      for (const t of TARGETS) await side.worker.load(t, { seconds: 6, concurrency: CONCURRENCY, stream: STREAM });
    for (const target of TARGETS) {
      const ratios: number[] = [];
      const per: Record<'base' | 'head', number[]> = { base: [], head: [] };
      for (let round = 0; round < ROUNDS; round++) {
        const order: ('base' | 'head')[] = round % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
        for (const name of order) {
          const { worker, pids } = sides[name];
          const cpu0 = cpuOf(pids);
          const r = await worker.load(target, { seconds: SECONDS, concurrency: CONCURRENCY, stream: STREAM });
          if (r.errors) throw new Error(`${name} ${target}: ${r.errors} errors (${r.errorSamples.join('; ')})`);
          // The warm-up's requests used CPU too: divide by all requests served.
          per[name].push((cpuOf(pids) - cpu0) / Math.max(1, r.totalRequests));
        }
        ratios.push(per.head[round] / per.base[round]);
        log(`${target} round ${round + 1}: base ${per.base[round].toFixed(3)} head ${per.head[round].toFixed(3)} ms/req`);
      }
      const f = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' ');
      console.log(
        `${target} (${STREAM ? 'stream' : 'json'}, c=${CONCURRENCY}, ${ROUNDS} rounds × ${SECONDS} s): workerd CPU ms/req base median ${median(per.base).toFixed(3)} [${f(per.base)}], head median ${median(per.head).toFixed(3)} [${f(per.head)}]; head ÷ base per round median ${median(ratios).toFixed(3)} [min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)}]`,
      );
    }
  } finally {
    await sides.base.worker.dispose();
    await sides.head.worker.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
