/**
 * Failover latency: the time from a failure being detected to the next endpoint's request being
 * sent. Runs the real executor (src/reliability/executor.ts) and dispatcher in Node against two
 * loopback fake upstreams (bench/lib/fake-upstream.ts): A fails in a chosen way, B answers. Per run,
 * two gaps are measured:
 *   executor gap = attempts[1].startedAtMs − (attempts[0].startedAtMs + attempts[0].ms)
 *                  (failure caught → next fetch() called; what the gateway itself adds)
 *   wire gap     = arrival of the request at B − the moment the failure was detected
 *                  (adds fetch() set-up, the loopback connection and B's HTTP parsing)
 * plus the same executor gap against the simulated fleet (no network at all).
 *
 *   npm run bench:failover -- [runs-per-fault=400]
 */
import type { ChatRequest } from '../../src/hub';
import { getEndpoint } from '../../src/catalog';
import type { Env } from '../../src/env';
// Deep import: the reliability barrel also exports the breaker Durable Object, which Node cannot load.
import { executeCompletion, executeStream } from '../../src/reliability/executor';
import type { Candidate } from '../../src/routing';
import { clearSimFaults, setSimFault, simFetch } from '../../src/sim';
import { useSimulatedUpstream } from '../../src/providers';
import { type FakeFault, startFakeUpstream } from '../lib/fake-upstream';
import { percentile } from '../lib/stats';

// As the worker entry wires it (src/wiring.ts): dispatch answers simulated endpoints from the fleet.
useSimulatedUpstream(simFetch);

const RUNS = Number(process.argv[2] ?? 400);
const A_ID = 'nscale/meta-llama/Llama-3.3-70B-Instruct';
const B_ID = 'ncompass/google/gemma-3-27b-it';

/** The failures A is made to show, by the name this benchmark reports them under. */
const A_FAULTS = {
  http_503: 'http_503',
  connection_reset: 'connection_refused', // the fake accepts, reads the request, then destroys the socket
  garbage_json: 'garbage_json',
  stream_error_event: 'stream_error_event',
} satisfies Record<string, FakeFault>;
type Fault = keyof typeof A_FAULTS;

async function main() {
  let lastArrivalAtB = 0;
  const a = await startFakeUpstream();
  const b = await startFakeUpstream({ onRequest: () => (lastArrivalAtB = performance.now()) });

  const env = {
    NSCALE_API_KEY: 'bench',
    NCOMPASS_API_KEY: 'bench',
    UPSTREAM_BASE_URL_OVERRIDES: JSON.stringify({ nscale: `${a.url}/v1`, ncompass: `${b.url}/v1` }),
    // Measure failover itself: keep the breaker from taking A out of the chain.
    CAILOS_BREAKER_THRESHOLD: '1000000000',
  } as unknown as Env;
  const simEnv = { CAILOS_SIMULATE: 'true', CAILOS_SIM_LATENCY_SCALE: '0', CAILOS_BREAKER_THRESHOLD: '1000000000' } as unknown as Env;
  const chain: Candidate[] = [
    { endpoint: getEndpoint(A_ID)!, simulated: false },
    { endpoint: getEndpoint(B_ID)!, simulated: false },
  ];
  const simChain: Candidate[] = chain.map((c) => ({ ...c, simulated: true }));
  const opts = { expectedOutputTokens: 16, waitUntil: () => {} };
  const req = (stream: boolean) =>
    ({ model: 'auto', messages: [{ role: 'user', content: 'ping' }], ...(stream ? { stream: true } : {}) }) as ChatRequest;

  const rows: { case: string; runs: number; execP50: number; execP95: number; wireP50?: number; wireP95?: number }[] = [];
  const cases: { fault: Fault; stream: boolean }[] = [
    { fault: 'http_503', stream: false },
    { fault: 'connection_reset', stream: false },
    { fault: 'garbage_json', stream: false },
    { fault: 'stream_error_event', stream: true },
  ];
  for (const c of cases) {
    a.setFault('*', A_FAULTS[c.fault]);
    const exec: number[] = [];
    const wire: number[] = [];
    for (let i = 0; i < RUNS + 20; i++) {
      const before = performance.now();
      const run = c.stream ? await executeStream(env, chain, req(true), opts) : await executeCompletion(env, chain, req(false), opts);
      if (c.stream) for await (const _ of (run.result as { rest: AsyncIterable<unknown> }).rest);
      const [a0, a1] = run.attempts;
      if (a0?.outcome !== 'failed' || a1?.outcome !== 'ok') throw new Error(`unexpected attempts ${JSON.stringify(run.attempts)}`);
      if (i < 20) continue; // warm-up (JIT, connection pools)
      exec.push(a1.startedAtMs - (a0.startedAtMs + a0.ms));
      wire.push(lastArrivalAtB - (before + a0.startedAtMs + a0.ms));
    }
    rows.push({
      case: `loopback ${c.fault}${c.stream ? ' (stream)' : ''}`,
      runs: RUNS,
      execP50: percentile(exec, 50),
      execP95: percentile(exec, 95),
      wireP50: percentile(wire, 50),
      wireP95: percentile(wire, 95),
    });
  }
  for (const fault of ['http_503', 'connection_refused', 'garbage_json'] as const) {
    setSimFault(A_ID, fault);
    const exec: number[] = [];
    for (let i = 0; i < RUNS + 20; i++) {
      const run = await executeCompletion(simEnv, simChain, req(false), opts);
      const [a0, a1] = run.attempts;
      if (a0?.outcome !== 'failed' || a1?.outcome !== 'ok') throw new Error(`unexpected sim attempts ${JSON.stringify(run.attempts)}`);
      if (i >= 20) exec.push(a1.startedAtMs - (a0.startedAtMs + a0.ms));
    }
    clearSimFaults();
    rows.push({ case: `simulated ${fault}`, runs: RUNS, execP50: percentile(exec, 50), execP95: percentile(exec, 95) });
  }
  await a.close();
  await b.close();

  const f = (x?: number) => (x === undefined ? '—' : x.toFixed(3));
  console.log('case                                 runs   executor p50 / p95 (ms)   detect→arrival p50 / p95 (ms)');
  for (const r of rows)
    console.log(
      `${r.case.padEnd(36)} ${String(r.runs).padStart(5)}   ${f(r.execP50).padStart(8)} / ${f(r.execP95).padEnd(12)}   ${f(r.wireP50).padStart(8)} / ${f(r.wireP95)}`,
    );
  const allExec = rows.map((r) => r.execP50);
  const worstWire = Math.max(...rows.filter((r) => r.wireP50 !== undefined).map((r) => r.wireP50!));
  console.log(
    JSON.stringify({
      bench: 'failover-latency',
      runsPerCase: RUNS,
      medianExecutorGapMs: Math.max(...allExec),
      medianDetectToArrivalMs: worstWire,
      targetMs: 5,
      pass: worstWire < 5,
      rows,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
