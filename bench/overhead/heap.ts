/**
 * Does the gateway's isolate hold on to memory per request? Rounds of load against one target; after each round
 * a full GC through the inspector, then V8's heap in use (`Runtime.getHeapUsage`) and workerd's RSS.
 *
 *   node --experimental-websocket --import tsx bench/overhead/heap.ts [--target shield|auto|gateway] [--rounds 8]
 *        [--seconds 20] [--concurrency 16] [--stream]
 *
 * The worker runs as in cpu-profile.ts (bench/overhead/inspected-worker.ts: production bundle in workerd via
 * Miniflare, no wrangler dev). A heap that returns to the same size after GC while RSS grows points at native
 * memory (workerd, its in-process D1/DO emulation, wasm); a heap that grows with the request count is a leak in JS.
 */
import { runWithInspectedWorker, type TargetName } from './inspected-worker';
import { percentile } from '../lib/stats';
import { ownProcessGroup, processesInGroup } from './procs';

const argv = process.argv.slice(2);
const num = (f: string, d: number) => (argv.includes(`--${f}`) ? Number(argv[argv.indexOf(`--${f}`) + 1]) : d);
const TARGET = (argv.includes('--target') ? argv[argv.indexOf('--target') + 1] : 'shield') as TargetName;
const ROUNDS = num('rounds', 8);
const SECONDS = num('seconds', 20);
const CONCURRENCY = num('concurrency', 16);
const STREAM = argv.includes('--stream');

const workerdRssMb = () => processesInGroup(ownProcessGroup(), 'workerd').reduce((mb, p) => mb + p.rssKb / 1024, 0);

runWithInspectedWorker(async (worker) => {
  const cdp = await worker.inspect();
  await cdp.send('HeapProfiler.enable');
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    return { usedMb: heap.usedSize / 2 ** 20, totalMb: heap.totalSize / 2 ** 20, rssMb: workerdRssMb() };
  };
  // Warm-up round (model load, JIT, caches filling up to their bounds) before the baseline.
  await worker.load(TARGET, { seconds: SECONDS, concurrency: CONCURRENCY, stream: STREAM });
  const base = await sample();
  console.log(`| after N requests | heap used MB (after GC) | heap total MB | workerd RSS MB | rps | p50 ms |`);
  console.log(`|---:|---:|---:|---:|---:|---:|`);
  console.log(`| 0 (after warm-up) | ${base.usedMb.toFixed(1)} | ${base.totalMb.toFixed(1)} | ${base.rssMb.toFixed(0)} | | |`);
  let requests = 0;
  let last = base;
  for (let round = 0; round < ROUNDS; round++) {
    const r = await worker.load(TARGET, { seconds: SECONDS, concurrency: CONCURRENCY, stream: STREAM });
    if (r.errors) throw new Error(`${r.errors} errors (${r.errorSamples.join('; ')})`);
    requests += r.totalRequests;
    last = await sample();
    console.log(
      `| ${requests} | ${last.usedMb.toFixed(1)} | ${last.totalMb.toFixed(1)} | ${last.rssMb.toFixed(0)} | ${r.rps.toFixed(0)} | ${percentile(r.latencyMs, 50).toFixed(1)} |`,
    );
  }
  const perRequestKb = (mb: number) => ((mb * 1024) / Math.max(1, requests)).toFixed(3);
  console.log(
    `\n${TARGET} ${STREAM ? 'stream' : 'json'} c=${CONCURRENCY}: ${requests} requests; heap after GC ${base.usedMb.toFixed(1)} → ${last.usedMb.toFixed(1)} MB (${perRequestKb(last.usedMb - base.usedMb)} KB/request), workerd RSS ${base.rssMb.toFixed(0)} → ${last.rssMb.toFixed(0)} MB (${perRequestKb(last.rssMb - base.rssMb)} KB/request)`,
  );
  cdp.close();
});
