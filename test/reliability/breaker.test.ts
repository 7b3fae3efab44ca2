import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog';
import {
  admit,
  breakerConfigFrom,
  type BreakerConfig,
  type BreakerState,
  closedState,
  cooldownFor,
  onFailure,
  onSuccess,
  TRIP_MEMORY_MS,
} from '../../src/reliability/breaker-state';
import { priorStat, recentErrorRate, updateStat } from '../../src/routing/live-stats';
import { FLAKY_ERROR_RATE, FLAKY_MIN_OUTCOMES } from '../../src/routing/stages/09-health';
import { createPrng } from '../../src/sim/prng';
import { admin, clearFaults, createTestKey } from '../helpers/gateway';
import { chat, decision, readSse, resetBreakers } from './helpers';

const cfg: BreakerConfig = {
  failureThreshold: 3,
  baseCooldownMs: 1000,
  maxCooldownMs: 8000,
  probeLeaseMs: 5000,
  maxRetryAfterMs: 60_000,
  syntheticProbeDelayMs: 1000,
};

describe('breaker state machine', () => {
  it('opens on the third consecutive failure, not before; a success in between resets the count', () => {
    let s = closedState(0);
    s = onFailure(s, cfg, 1);
    s = onFailure(s, cfg, 2);
    expect(s.status).toBe('closed');
    s = onSuccess(s, 3);
    s = onFailure(onFailure(s, cfg, 4), cfg, 5);
    expect(s.status).toBe('closed');
    s = onFailure(s, cfg, 6);
    expect(s).toMatchObject({ status: 'open', trips: 1, openUntil: 1006 });
  });

  it('refuses while open, hands exactly one probe lease after the cooldown, and closes on its success', () => {
    let s: BreakerState = onFailure(onFailure(onFailure(closedState(0), cfg, 0), cfg, 0), cfg, 0);
    expect(admit(s, cfg, 999).allow).toBe(false);
    const first = admit(s, cfg, 1000);
    expect(first).toMatchObject({ allow: true, probe: true });
    s = first.next;
    expect(s.status).toBe('half_open');
    const second = admit(s, cfg, 1001);
    expect(second.allow).toBe(false);
    s = onSuccess(s, 1200);
    expect(s.status).toBe('closed');
    expect(admit(s, cfg, 1201)).toMatchObject({ allow: true, probe: false });
  });

  it('reopens on a failed probe with a cooldown that doubles per trip, capped', () => {
    let s: BreakerState = onFailure(onFailure(onFailure(closedState(0), cfg, 0), cfg, 0), cfg, 0);
    const cooldowns: number[] = [s.openUntil! - 0];
    let now = 0;
    for (let i = 0; i < 5; i++) {
      now = s.openUntil!;
      const a = admit(s, cfg, now);
      expect(a.allow && a.probe).toBe(true);
      s = onFailure(a.next, cfg, now);
      cooldowns.push(s.openUntil! - now);
    }
    expect(cooldowns).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(cooldownFor(2, cfg)).toBe(2000);
  });

  it('forgets old trips after a long stable period', () => {
    let s: BreakerState = { status: 'closed', consecutiveFailures: 0, trips: 3, changedAt: 0 };
    for (let i = 0; i < 3; i++) s = onFailure(s, cfg, TRIP_MEMORY_MS + 10);
    expect(s.trips).toBe(1);
  });

  it('opens at once on a 429 with retry-after, for at least the retry-after', () => {
    const s = onFailure(closedState(0), cfg, 100, { retryAfterMs: 7000 });
    expect(s).toMatchObject({ status: 'open', openUntil: 7100, trips: 0 });
    expect(onFailure(closedState(0), cfg, 100, { retryAfterMs: 200 }).openUntil).toBe(300); // not the 1 s cooldown
    // A later, longer retry-after extends the open period; a shorter one does not shorten it.
    expect(onFailure(s, cfg, 200, { retryAfterMs: 9000 }).openUntil).toBe(9200);
    expect(onFailure(s, cfg, 200, { retryAfterMs: 1000 }).openUntil).toBe(7100);
  });

  it('gives the lease to the next caller when a probe never settles', () => {
    const open = onFailure(closedState(0), cfg, 0, { retryAfterMs: 10 });
    const held = admit(open, cfg, 1000).next;
    expect(admit(held, cfg, 1000 + cfg.probeLeaseMs - 1).allow).toBe(false);
    expect(admit(held, cfg, 1000 + cfg.probeLeaseMs)).toMatchObject({ allow: true, probe: true });
  });

  it('reads its configuration from optional bindings', () => {
    expect(breakerConfigFrom({ CAILOS_BREAKER_THRESHOLD: '5', CAILOS_BREAKER_COOLDOWN_MS: '250' })).toMatchObject({
      failureThreshold: 5,
      baseCooldownMs: 250,
      syntheticProbeDelayMs: 250,
    });
    expect(breakerConfigFrom({ CAILOS_BREAKER_THRESHOLD: 'x' }).failureThreshold).toBe(3);
  });
});

/** The same faults against the simulated fleet (the providers without a key in this project). */
describe('simulated fleet', () => {
  let key: string;
  const PROMPT = 'Name three primary colours, briefly.';
  const body = (stream: boolean, routing: Record<string, unknown> = {}) => ({
    model: 'auto:cost',
    messages: [{ role: 'user', content: PROMPT }],
    routing: { providers: { deny: ['nscale', 'ncompass'] }, ...routing },
    ...(stream ? { stream: true } : {}),
  });

  async function ask(stream: boolean, routing: Record<string, unknown> = {}) {
    const res = await chat(key, body(stream, routing));
    const id = res.headers.get('x-cailos-decision-id');
    const endpoint = res.headers.get('x-cailos-endpoint');
    if (stream) {
      const sse = await readSse(res);
      return { res, id, endpoint, text: sse.text, frames: sse.frames };
    }
    const json = (await res.json()) as { choices?: { message: { content: string } }[] };
    return { res, id, endpoint, text: json.choices?.[0]?.message.content ?? '', frames: [] as Record<string, unknown>[] };
  }

  async function chainFor(stream: boolean): Promise<string[]> {
    const r = await ask(stream);
    return (await decision(key, r.id!)).trace.chain;
  }

  async function simFault(target: string, fault: string): Promise<void> {
    const res = await admin('/sim/faults', { body: { target, fault, retryAfterSeconds: 3 } });
    expect(res.status).toBe(200);
  }

  async function simHits(target: string): Promise<number> {
    const list = (await (await admin('/sim/faults')).json()) as { faults: { target: string; hits: number }[] };
    return list.faults.find((f) => f.target === target)?.hits ?? 0;
  }

  beforeAll(async () => {
    key = (await createTestKey({ name: 'reliability-sim' })).key;
  });

  beforeEach(async () => {
    await resetBreakers();
    await clearFaults();
  });

  const FAULTS = [
    'http_503',
    'rate_limit',
    'connection_refused',
    'hang_before_headers',
    'hang_mid_stream',
    'stream_error_event',
    'garbage_json',
    'truncated_sse',
  ];

  describe.each([false, true])('stream: %s', (stream) => {
    it.each(FAULTS)('%s: the request lands on the next endpoint and the trace shows both attempts', async (fault) => {
      const [bad] = await chainFor(stream);
      await simFault(bad, fault);
      const r = await ask(stream, { timeout_ms: 400 });
      expect(r.res.status).toBe(200);
      const d = await decision(key, r.id!);
      expect(d.trace.attempts[0]).toMatchObject({ endpointId: bad, outcome: 'failed' });
      if (stream && (fault === 'hang_mid_stream' || fault === 'truncated_sse')) {
        // The simulated fleet breaks these streams after the first token: no silent end, an OpenAI-shaped error.
        expect(r.frames.at(-1)).toMatchObject({ error: { code: 'stream_interrupted', type: 'upstream_error' } });
        expect(d.status).toBe(502);
        expect(d.costUsd).toBeGreaterThan(0); // billed for what was produced before the break
        return;
      }
      expect(r.endpoint).not.toBe(bad);
      expect(r.text).toContain(PROMPT); // the simulated models echo the question
      expect(d.trace.attempts.at(-1)).toMatchObject({ endpointId: r.endpoint, outcome: 'ok' });
      expect(d.status).toBe(200);
    });
  });

  it('trips after the third consecutive failure, sends nothing while open, and a real probe closes it', async () => {
    const [bad] = await chainFor(false);
    await simFault(bad, 'http_503');
    for (let i = 0; i < 3; i++) expect((await ask(false)).res.status).toBe(200);
    expect(await simHits(bad)).toBe(3);
    for (let i = 0; i < 3; i++) {
      const r = await ask(false);
      expect(r.endpoint).not.toBe(bad);
      expect((await decision(key, r.id!)).trace.dropped).toContainEqual({ id: bad, stage: 'health', reason: 'circuit open' });
    }
    expect(await simHits(bad)).toBe(3);
    await clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const probe = await ask(false);
    expect(probe.endpoint).toBe(bad);
    expect((await decision(key, probe.id!)).trace.attempts[0]).toMatchObject({ endpointId: bad, outcome: 'ok', probe: true });
    expect((await ask(false)).endpoint).toBe(bad);
  });

  it('skips an endpoint that fails two calls in three without ever failing three in a row (no breaker trip)', async () => {
    // A seed whose draws fail often enough for the error rate to cross the cutoff, never three in a row.
    const probability = 0.67;
    const flakyAfter = (seed: number): number | null => {
      const rng = createPrng(seed);
      // chainFor's request answered once before the fault was set.
      let stat = updateStat(priorStat({ ttftMs: 100, tokensPerSec: 100 }), { ok: true }, 0);
      let run = 0;
      for (let call = 1; call <= 16; call++) {
        const failed = rng.next() < probability;
        run = failed ? run + 1 : 0;
        if (run >= 3) return null;
        stat = updateStat(stat, { ok: !failed }, 0);
        // A margin for the decay over the test's own second or so.
        if (call + 1 >= FLAKY_MIN_OUTCOMES && recentErrorRate(stat, 0) >= FLAKY_ERROR_RATE + 0.03) return call;
      }
      return null;
    };
    let seed = 1;
    let calls = flakyAfter(seed);
    while (calls === null) calls = flakyAfter(++seed);
    const [bad] = await chainFor(false);
    expect((await admin('/sim/faults', { body: { target: bad, fault: 'http_503', probability, seed } })).status).toBe(200);
    for (let i = 0; i < calls; i++) {
      const r = await ask(false);
      expect(r.res.status).toBe(200);
      expect((await decision(key, r.id!)).trace.dropped.filter((x) => x.id === bad && x.reason.startsWith('circuit'))).toEqual([]);
    }
    // Every request landed; the next one leaves the flaky endpoint out, and no breaker opened.
    const r = await ask(false);
    expect(r.res.status).toBe(200);
    expect(r.endpoint).not.toBe(bad);
    const d = await decision(key, r.id!);
    const skipped = d.trace.dropped.find((x) => x.id === bad);
    expect(skipped).toMatchObject({ stage: 'health' });
    const [, rate, outcomes] = /^recent error rate (\d+)% \((\d+) outcomes\)$/.exec(skipped!.reason)!.map(Number);
    expect(rate / 100).toBeGreaterThanOrEqual(FLAKY_ERROR_RATE);
    expect(outcomes).toBeGreaterThanOrEqual(FLAKY_MIN_OUTCOMES);
    expect(outcomes).toBeLessThanOrEqual(calls + 1);
    expect(d.trace.attempts.every((a) => a.endpointId !== bad)).toBe(true);
  });

  it('moves a context-length failure on to an endpoint with a larger window only', async () => {
    const chain = await chainFor(false);
    const [bad] = chain;
    await simFault(bad, 'context_length');
    const badWindow = getEndpoint(bad)!.contextWindow;
    const r = await ask(false);
    if (r.res.status !== 200) {
      // Nothing larger in this chain: every later endpoint was skipped, not tried.
      const err = (await chat(key, body(false)).then((x) => x.json())) as { error: { message: string; code: string } };
      expect(err.error.code).toBe('upstream_unavailable');
      expect(err.error.message).toContain(`${bad}: context_length`);
      expect(err.error.message).toContain('context window not larger than a failed one');
      expect(chain.slice(1).every((id) => getEndpoint(id)!.contextWindow <= badWindow)).toBe(true);
      return;
    }
    const d = await decision(key, r.id!);
    expect(d.trace.attempts[0]).toMatchObject({ endpointId: bad, outcome: 'failed', errorKind: 'context_length' });
    for (const a of d.trace.attempts.slice(1)) {
      const larger = getEndpoint(a.endpointId)!.contextWindow > badWindow;
      expect(a.outcome === 'skipped' ? !larger : larger).toBe(true);
    }
  });
});
