import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, createTestKey } from '../helpers/gateway';
import { chat, decision, fakeFault, fakeHits, fakeReset, resetBreakers } from './helpers';

/**
 * A timeout that fires late because the isolate was busy is the gateway's backlog, not the endpoint's
 * fault: it must fail over like any timeout but must not count toward the endpoint's breaker.
 * (bench/overhead README, finding 2: an overloaded isolate opened a healthy endpoint's breaker.)
 */

let key: string;
/**
 * Streamed, with no routing.timeout_ms: the endpoint's own first-token timeout (320 ms under the reliability
 * project's CAILOS_TIMEOUT_SCALE) is what fires, so the timeout is evidence against the endpoint unless late.
 */
const body = () => ({
  model: 'auto:cost',
  messages: [{ role: 'user', content: 'Which river flows through Paris? Answer in one short sentence.' }],
  routing: { providers: { allow: ['nscale', 'ncompass'] } },
  stream: true,
});

async function firstOfChain(): Promise<string> {
  const res = await chat(key, body());
  await res.text();
  const chain = (await decision(key, res.headers.get('x-cailos-decision-id')!)).trace.chain;
  await fakeReset();
  return chain[0];
}

async function consecutiveFailures(endpointId: string): Promise<number> {
  const view = ((await (await admin(`/breakers/${endpointId}`)).json()) as { local: { consecutiveFailures: number } | null }).local;
  return view?.consecutiveFailures ?? 0;
}

/**
 * Holds this isolate's thread (the worker runs in the test's isolate), as a burst of CPU-bound requests would.
 * workerd's clock does not move during synchronous code, so the loop length is calibrated first: time a fixed
 * amount of work across an event-loop turn, then run enough of it synchronously to last `ms`.
 */
let sink = 0;
function spin(iterations: number): void {
  let x = sink;
  for (let i = 0; i < iterations; i++) x = (x * 1103515245 + 12345) % 2147483647;
  sink = x;
}
async function calibrateSpin(): Promise<number> {
  const probe = 20_000_000;
  const t0 = Date.now();
  spin(probe);
  await new Promise((r) => setTimeout(r, 0)); // an event-loop turn moves the clock
  return probe / Math.max(1, Date.now() - t0); // iterations per ms
}

async function untilHit(endpointId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (((await fakeHits())[endpointId] ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${endpointId} never received the request`);
}

beforeAll(async () => {
  key = (await createTestKey({ name: 'isolate-lag' })).key;
});

beforeEach(async () => {
  await resetBreakers();
  await fakeReset();
});

describe('timeouts and the breaker', () => {
  it('a timeout that fires on time counts as an endpoint failure', async () => {
    const bad = await firstOfChain();
    await fakeFault(bad, 'hang_before_headers');
    const res = await chat(key, body());
    expect(res.status).toBe(200);
    await res.text();
    const d = await decision(key, res.headers.get('x-cailos-decision-id')!);
    expect(d.trace.attempts[0]).toMatchObject({ endpointId: bad, outcome: 'failed', errorKind: 'timeout' });
    expect(await consecutiveFailures(bad)).toBe(1);
  });

  it('a timeout that fires seconds late (busy isolate) fails over but does not count against the endpoint', async () => {
    const perMs = await calibrateSpin();
    const bad = await firstOfChain();
    await fakeFault(bad, 'hang_before_headers');
    const pending = chat(key, body());
    await untilHit(bad); // the attempt's timer is armed: the request is at the hanging upstream
    const t0 = Date.now();
    spin(Math.round(perMs * 1_900));
    await new Promise((r) => setTimeout(r, 0));
    expect(Date.now() - t0).toBeGreaterThan(1_300); // the thread really was held past the tolerance
    const res = await pending;
    expect(res.status).toBe(200);
    await res.text();
    const d = await decision(key, res.headers.get('x-cailos-decision-id')!);
    expect(d.trace.attempts[0]).toMatchObject({ endpointId: bad, outcome: 'failed', errorKind: 'timeout' });
    expect(d.trace.attempts[1]).toMatchObject({ outcome: 'ok' });
    expect(await consecutiveFailures(bad)).toBe(0);
  });
});
