/**
 * Cold load of the intent model in workerd as `npm run dev` serves it (wrangler dev, the real bundle):
 * starts a fresh dev server per round and asks GET /admin/classifier?warm=true, which loads the model in that
 * isolate and reports the split (model module import + engine build from its bytes, then the warm-up on
 * synthetic prompts). Warm latency is measured by
 * test/classifier/classifier.test.ts. Usage: npm run bench:classifier:cold -- [rounds=3]
 */
import { DEV_ADMIN_SECRET, startDevServer } from '../../scripts/lib/local-dev';
import { median } from '../lib/stats';

const rounds = Number(process.argv[2] ?? 3);

interface Status {
  state: string;
  importMs: number;
  sessionMs: number;
  warmupMs: number;
  error: string | null;
}

async function round(i: number): Promise<{ wallMs: number; status: Status }> {
  const server = await startDevServer(`classifier-cold-${i}.log`);
  try {
    const t0 = performance.now();
    const res = await fetch(`${server.base}/admin/classifier?warm=true`, { headers: { authorization: `Bearer ${DEV_ADMIN_SECRET}` } });
    const wallMs = performance.now() - t0;
    const status = (await res.json()) as Status;
    if (status.state !== 'ready') throw new Error(`round ${i}: model ${status.state}: ${status.error}`);
    return { wallMs, status };
  } finally {
    await server.stop();
  }
}

const coldMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  const { wallMs, status: s } = await round(i);
  console.log(
    `round ${i + 1}: cold load ${(s.importMs + s.sessionMs).toFixed(0)} ms = import ${s.importMs.toFixed(0)} + engine build ${s.sessionMs.toFixed(0)} (HTTP round trip ${wallMs.toFixed(0)} ms); then warm-up ${s.warmupMs.toFixed(0)} ms`,
  );
  coldMs.push(s.importMs + s.sessionMs);
}
console.log(`median cold load over ${rounds} fresh dev servers: ${median(coldMs).toFixed(0)} ms (target 300)`);
