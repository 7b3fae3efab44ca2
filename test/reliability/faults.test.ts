import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, createTestKey } from '../helpers/gateway';
import { chat, decision, fakeFault, fakeHits, fakeReset, readSse, releaseHeld, resetBreakers } from './helpers';

/**
 * Fault injection against loopback fake providers (nscale and ncompass are "real" providers in this
 * project, served by bench/lib/fake-upstream.ts). Breaker cooldown is 1 s here.
 */

let key: string;
/** The chain for PROMPT as routed right now (breakers closed), learned with one clean request. */
async function chainFor(stream: boolean): Promise<string[]> {
  const first = await ask(stream);
  const chain = (await decision(key, first.id!)).trace.chain;
  await fakeReset();
  return chain;
}
const COOLDOWN_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PROMPT = 'Which river flows through Paris? Answer in one short sentence.';

const body = (content: string, extra: Record<string, unknown> = {}, routing: Record<string, unknown> = {}) => ({
  model: 'auto:cost',
  messages: [{ role: 'user', content }],
  routing: { providers: { allow: ['nscale', 'ncompass'] }, ...routing },
  ...extra,
});

const answerOf = (endpointId: string, prompt: string) => `Fake ${endpointId} answers: ${prompt}`;

async function ask(stream: boolean, routing: Record<string, unknown> = {}) {
  // One constant prompt: the classifier (and so the ranked chain) sees the same request every time.
  const prompt = PROMPT;
  const res = await chat(key, body(prompt, stream ? { stream: true } : {}, routing));
  const id = res.headers.get('x-cailos-decision-id');
  if (stream) {
    const sse = await readSse(res);
    return { res, prompt, id, text: sse.text, frames: sse.frames, done: sse.done };
  }
  const json = (await res.json()) as { choices?: { message: { content: string } }[]; error?: { code: string } };
  return { res, prompt, id, text: json.choices?.[0]?.message.content ?? '', json, frames: [], done: false };
}

async function hitsOf(endpointId: string): Promise<number> {
  return (await fakeHits())[endpointId] ?? 0;
}

async function durableStatus(endpointId: string): Promise<string> {
  const res = await admin(`/breakers/${endpointId}`);
  return ((await res.json()) as { durable: { s: string } }).durable.s;
}

/** This isolate's breaker view: consecutive failures counted against the endpoint. */
async function localFailures(endpointId: string): Promise<number> {
  const res = await admin(`/breakers/${endpointId}`);
  return ((await res.json()) as { local: { consecutiveFailures: number } | null }).local?.consecutiveFailures ?? 0;
}

async function localOpenUntil(endpointId: string): Promise<number> {
  const res = await admin('/breakers');
  const body = (await res.json()) as { local: { endpointId: string; state: { status: string; openUntil?: number } }[] };
  const view = body.local.find((v) => v.endpointId === endpointId);
  expect(view?.state.status).toBe('open');
  return view!.state.openUntil!;
}

async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  key = (await createTestKey({ name: 'reliability' })).key;
});

beforeEach(async () => {
  await resetBreakers();
  await fakeReset();
});

describe('the chain', () => {
  it('has at least 3 endpoints and a different provider second', async () => {
    for (const stream of [false, true]) {
      const chain = await chainFor(stream);
      expect(chain.length).toBeGreaterThanOrEqual(3);
      expect(chain[1].split('/')[0]).not.toBe(chain[0].split('/')[0]);
    }
  });
});

const FAULTS: { fault: string; kinds: string[] }[] = [
  { fault: 'http_503', kinds: ['server'] },
  { fault: 'rate_limit', kinds: ['rate_limit'] },
  { fault: 'connection_refused', kinds: ['connection'] },
  { fault: 'hang_before_headers', kinds: ['timeout'] },
  { fault: 'hang_mid_stream', kinds: ['timeout'] },
  { fault: 'stream_error_event', kinds: ['stream_error', 'malformed'] },
  { fault: 'garbage_json', kinds: ['malformed'] },
  { fault: 'truncated_sse', kinds: ['stream_error', 'malformed'] },
];

describe.each([false, true])('fault injection (stream: %s)', (stream) => {
  it.each(FAULTS)(
    '$fault: lands on the next endpoint, traces the attempts, trips the breaker, probes once, recovers',
    async ({ fault, kinds }) => {
      const [bad, next] = await chainFor(stream);
      // No routing.timeout_ms: a hang counts against the endpoint once its own derived timeout passes
      // (CAILOS_TIMEOUT_SCALE keeps that under a second for streams, about 2 s otherwise).
      // 429 with retry-after opens at once for at least the retry-after (2.5 s > the 1 s cooldown).
      const isRateLimit = fault === 'rate_limit';
      await fakeFault(bad, fault, { retryAfterSeconds: 2.5 });

      // 1. Each failing request still lands, answered by the next endpoint; the trace shows both attempts.
      const tripAfter = isRateLimit ? 1 : 3;
      for (let i = 0; i < tripAfter; i++) {
        const r = await ask(stream);
        expect(r.res.status).toBe(200);
        expect(r.text).toBe(answerOf(next, r.prompt));
        expect(r.res.headers.get('x-cailos-endpoint')).toBe(next);
        if (stream) expect(r.done).toBe(true);
        const d = await decision(key, r.id!);
        expect(d.status).toBe(200);
        expect(d.attempts).toBe(2);
        const [a0, a1] = d.trace.attempts;
        expect(a0).toMatchObject({ endpointId: bad, outcome: 'failed' });
        expect(kinds).toContain(a0.errorKind);
        expect(a0.ms).toBeGreaterThanOrEqual(0);
        expect(a1).toMatchObject({ endpointId: next, outcome: 'ok', status: 200 });
        expect(a1.startedAtMs).toBeGreaterThanOrEqual(a0.startedAtMs);
      }
      expect(await hitsOf(bad)).toBe(tripAfter);

      // 2. The breaker is open: routing drops the endpoint and not one request reaches it.
      const during = await ask(stream);
      expect(during.res.status).toBe(200);
      const answeredBy = during.res.headers.get('x-cailos-endpoint')!;
      expect(answeredBy).not.toBe(bad);
      expect(during.text).toBe(answerOf(answeredBy, during.prompt));
      const dd = await decision(key, during.id!);
      expect(dd.trace.dropped).toContainEqual({ id: bad, stage: 'health', reason: 'circuit open' });
      expect(dd.trace.attempts.map((a) => a.endpointId)).not.toContain(bad);
      expect(await hitsOf(bad)).toBe(tripAfter);
      await eventually(async () => (await durableStatus(bad)) === 'open');
      const openUntil = await localOpenUntil(bad);
      if (isRateLimit) {
        // The 1 s cooldown is over, the 2.5 s retry-after is not.
        expect(openUntil - Date.now()).toBeGreaterThan(COOLDOWN_MS + 100);
        await sleep(COOLDOWN_MS + 50);
        await ask(stream);
        expect(await hitsOf(bad)).toBe(tripAfter);
      }
      await sleep(Math.max(0, (await localOpenUntil(bad)) - Date.now()) + 20);

      // 3. Recovered, and the probe is held at the fake until the others are done: of 5 concurrent
      //    requests exactly one probes the endpoint; all land.
      await fakeFault(bad, 'hold');
      let settledCount = 0;
      const pending = [0, 1, 2, 3, 4].map(() => ask(stream, { timeout_ms: 30_000 }).finally(() => settledCount++));
      await eventually(async () => settledCount === 4, 15_000); // everyone but the held probe
      expect(await hitsOf(bad)).toBe(tripAfter + 1);
      expect(await releaseHeld()).toBe(1);
      const burst = await Promise.all(pending);
      for (const r of burst) {
        expect(r.res.status).toBe(200);
        expect(r.text).toBe(answerOf(r.res.headers.get('x-cailos-endpoint')!, r.prompt));
      }
      expect(await hitsOf(bad)).toBe(tripAfter + 1);
      const answeredByBad = burst.filter((r) => r.text === answerOf(bad, r.prompt));
      expect(answeredByBad).toHaveLength(1);
      const probe = (await decision(key, answeredByBad[0].id!)).trace.attempts[0];
      expect(probe).toMatchObject({ endpointId: bad, outcome: 'ok', probe: true });

      // 4. The probe closed it: the next request goes to the first endpoint again, and the DO agrees.
      await fakeFault(bad, null);
      const after = await ask(stream);
      expect(after.text).toBe(answerOf(bad, after.prompt));
      await eventually(async () => (await durableStatus(bad)) === 'closed');
    },
  );
});

describe('requests that must not fail over', () => {
  it('returns a 400 caused by the request to the client and does not count it against the endpoint', async () => {
    const [bad] = await chainFor(false);
    expect(await hitsOf(bad)).toBe(0);
    await fakeFault(bad, 'bad_request');
    for (let i = 0; i < 3; i++) {
      const r = await ask(false);
      expect(r.res.status).toBe(400);
      expect((r.json as { error: { code: string } }).error.code).toBe('upstream_rejected_request');
    }
    expect(await hitsOf(bad)).toBe(3); // never retried elsewhere: the request itself was at fault
    await fakeFault(bad, null);
    const ok = await ask(false);
    expect(ok.text).toBe(answerOf(bad, ok.prompt)); // breaker still closed
  });
});

describe('deadline and per-request timeouts', () => {
  it('gives up at the overall deadline with a 504 when every endpoint hangs', async () => {
    await fakeFault('nscale/', 'hang_before_headers');
    await fakeFault('ncompass/', 'hang_before_headers');
    const started = Date.now();
    const r = await ask(false, { timeout_ms: 5000, deadline_ms: 600 });
    const took = Date.now() - started;
    expect(r.res.status).toBe(504);
    expect(took).toBeGreaterThanOrEqual(550);
    expect(took).toBeLessThan(3000);
  });

  it('moves on when routing.timeout_ms passes before the first token', async () => {
    const [bad, next] = await chainFor(true);
    await fakeFault(bad, 'slow', { delayMs: 4000 });
    const started = Date.now();
    const r = await ask(true, { timeout_ms: 200 });
    expect(r.text).toBe(answerOf(next, r.prompt));
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a timeout_ms shorter than the endpoint's own never counts against it; its own timeout does", async () => {
    const [bad, next] = await chainFor(true);
    await fakeFault(bad, 'slow', { delayMs: 4000 });
    // The client waits 200 ms; the endpoint's own first-token timeout (320 ms here) has not passed.
    for (let i = 0; i < 4; i++) {
      const r = await ask(true, { timeout_ms: 200 });
      expect(r.text).toBe(answerOf(next, r.prompt));
      const [a0] = (await decision(key, r.id!)).trace.attempts;
      expect(a0).toMatchObject({ endpointId: bad, outcome: 'failed', errorKind: 'client_timeout', blame: 'client' });
      expect(a0.error).toContain("the endpoint's own timeout is 320 ms");
    }
    expect(await localFailures(bad)).toBe(0);
    // Without the client's timer the endpoint's own fires: that is the endpoint's silence, and it counts.
    for (let i = 0; i < 3; i++) {
      const r = await ask(true);
      expect(r.text).toBe(answerOf(next, r.prompt));
      expect((await decision(key, r.id!)).trace.attempts[0]).toMatchObject({ endpointId: bad, errorKind: 'timeout' });
    }
    await eventually(async () => (await durableStatus(bad)) === 'open');
  });
});

describe('a stream that fails after the answer began', () => {
  it('ends with an OpenAI-shaped error frame, is logged as failed and billed for what was produced', async () => {
    const [bad] = await chainFor(true);
    await fakeFault(bad, 'error_after_content');
    const r = await ask(true);
    expect(r.res.status).toBe(200);
    expect(r.text.length).toBeGreaterThan(0);
    const last = r.frames[r.frames.length - 1] as { error?: { code: string; type: string; message: string } };
    expect(last.error).toMatchObject({ code: 'stream_interrupted', type: 'upstream_error' });
    const d = await decision(key, r.id!);
    expect(d.status).toBe(502);
    expect(d.errorClass).toBe('stream_interrupted');
    // The provider bills the prompt and the tokens it produced before failing.
    expect(d.costUsd).toBeGreaterThan(0);
    expect(d.trace.attempts[0]).toMatchObject({ endpointId: bad, outcome: 'failed', errorKind: 'stream_error' });
  });
});

describe('a stream that goes silent after the answer began', () => {
  it.each([
    // The endpoint's own idle timeout (500 ms here) passed: its silence, counted against it.
    { routing: {}, ms: 500, errorKind: 'timeout', counted: 1 },
    // The client's shorter timeout_ms passed first: not the endpoint's failure.
    { routing: { timeout_ms: 300 }, ms: 300, errorKind: 'client_timeout', counted: 0 },
  ])('ends after the idle timeout with an OpenAI-shaped error frame ($errorKind)', async ({ routing, ms, errorKind, counted }) => {
    const [bad] = await chainFor(true);
    await fakeFault(bad, 'silent_after_content');
    const started = Date.now();
    const r = await ask(true, routing);
    const took = Date.now() - started;
    expect(r.res.status).toBe(200);
    expect(r.text.length).toBeGreaterThan(0);
    const last = r.frames[r.frames.length - 1] as { error?: { code: string; message: string } };
    expect(last.error).toMatchObject({ code: 'stream_interrupted' });
    expect(last.error!.message).toContain(`stream idle timeout after ${ms} ms`);
    expect(took).toBeGreaterThanOrEqual(ms);
    expect(took).toBeLessThan(3000);
    const d = await decision(key, r.id!);
    expect(d.trace.attempts[0]).toMatchObject({ endpointId: bad, outcome: 'failed', errorKind });
    expect(await localFailures(bad)).toBe(counted);
  });
});

describe('synthetic probe from the Durable Object alarm', () => {
  it('closes an idle endpoint once it recovers, and other isolates learn it from KV', async () => {
    const [bad] = await chainFor(false);
    await fakeFault(bad, 'http_503');
    for (let i = 0; i < 3; i++) await ask(false);
    await eventually(async () => (await durableStatus(bad)) === 'open');
    const before = await hitsOf(bad);
    await fakeFault(bad, null);
    // No traffic: the alarm (cooldown 1 s + probe delay 2 s) sends one 1-token probe.
    await eventually(async () => (await durableStatus(bad)) === 'closed', 8000);
    expect(await hitsOf(bad)).toBe(before + 1);
    const published = (await (await admin('/breakers')).json()) as { published: Record<string, { s: string }> };
    expect(published.published[bad]?.s).toBe('closed');
    const refreshed = (await (await admin('/breakers/refresh', { method: 'POST' })).json()) as {
      local: { endpointId: string; state: { status: string } }[];
    };
    expect(refreshed.local.find((v) => v.endpointId === bad)?.state.status).toBe('closed');
  });
});
