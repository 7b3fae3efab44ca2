import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, BASE, chat, clearFaults, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * Only a failure the provider caused counts against an endpoint (breaker and live error rate). A client's own
 * short `routing.timeout_ms`, or a request the gateway cannot translate, must not let one tenant take an
 * endpoint away from every other tenant. Simulated fleet; breakers and faults are reset per test.
 */

const SONNET = 'anthropic/claude-sonnet-4-6';
const GEMINI = 'google/gemini-2.5-flash';
const hello = (text = 'Name three primary colours, briefly.') => [{ role: 'user', content: text }];

interface TraceAttempt {
  endpointId: string;
  outcome: string;
  errorKind?: string;
  error?: string;
  blame?: string;
}
interface Decision {
  status: number;
  trace: { chain: string[]; attempts: TraceAttempt[]; dropped: { id: string; stage: string; reason: string }[] };
}
interface BreakerViews {
  local: { endpointId: string; state: { status: string; consecutiveFailures: number } }[];
}

let tenant: string;
let otherTeam: string;

async function decision(apiKey: string, res: Response): Promise<Decision> {
  const id = res.headers.get('x-cailos-decision-id')!;
  for (let i = 0; i < 100; i++) {
    const r = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (r.status === 200) return (await r.json()) as Decision;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`decision ${id} never appeared`);
}

async function simFault(target: string, fault: string, extra: Record<string, unknown> = {}): Promise<void> {
  expect((await admin('/sim/faults', { body: { target, fault, ...extra } })).status).toBe(200);
}

async function breakers(): Promise<BreakerViews['local']> {
  return ((await (await admin('/breakers')).json()) as BreakerViews).local;
}

/** Failures this isolate's breaker view holds against the endpoint (0 when it has none). */
async function failuresOf(endpointId: string): Promise<{ status: string; consecutiveFailures: number }> {
  const state = (await breakers()).find((b) => b.endpointId === endpointId)?.state;
  return { status: state?.status ?? 'closed', consecutiveFailures: state?.consecutiveFailures ?? 0 };
}

beforeAll(async () => {
  tenant = (await createTestKey({ name: 'short-timeouts', team: 'team-a' })).key;
  otherTeam = (await createTestKey({ name: 'plain', team: 'team-b' })).key;
});

beforeEach(async () => {
  await clearFaults();
  expect((await admin('/breakers', { method: 'DELETE' })).status).toBe(200);
});

describe('a client-chosen timeout is not evidence against the endpoint', () => {
  it('three requests with a 100 ms timeout_ms do not open the breaker; another team still lands there', async () => {
    // The endpoint is silent for longer than the client waits, far shorter than its own derived timeout.
    await simFault(SONNET, 'hang_before_headers');
    for (const stream of [false, true, false]) {
      const res = await chat(tenant, {
        model: 'claude-sonnet',
        messages: hello(),
        routing: { timeout_ms: 100 },
        ...(stream ? { stream: true } : {}),
      });
      await res.text();
      const first = (await decision(tenant, res)).trace.attempts[0];
      expect(first).toMatchObject({ endpointId: SONNET, outcome: 'failed', errorKind: 'client_timeout', blame: 'client' });
      expect(first.error).toContain('100 ms');
    }
    expect(await failuresOf(SONNET)).toEqual({ status: 'closed', consecutiveFailures: 0 });

    await clearFaults();
    const res = await chat(otherTeam, { model: 'claude-sonnet', messages: hello() });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-endpoint')).toBe(SONNET);
  });

  it('auto:quality with max_attempts 10: three requests open none of the ten breakers', async () => {
    await simFault('*', 'hang_before_headers');
    const tried = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await chat(tenant, { model: 'auto:quality', messages: hello(), routing: { timeout_ms: 100, max_attempts: 10 } });
      expect(res.status).toBe(502);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toContain('client_timeout');
      const attempts = (await decision(tenant, res)).trace.attempts;
      expect(attempts).toHaveLength(10);
      for (const a of attempts) {
        expect(a).toMatchObject({ outcome: 'failed', errorKind: 'client_timeout', blame: 'client' });
        tried.add(a.endpointId);
      }
    }
    expect(tried.size).toBe(10);
    const views = await breakers();
    for (const id of tried) {
      const view = views.find((b) => b.endpointId === id)?.state;
      expect(view?.status ?? 'closed').toBe('closed');
      expect(view?.consecutiveFailures ?? 0).toBe(0);
    }

    await clearFaults();
    const res = await chat(otherTeam, { model: 'auto:quality', messages: hello(), routing: { max_attempts: 10 } });
    expect(res.status).toBe(200);
    const d = await decision(otherTeam, res);
    expect(d.trace.dropped.filter((x) => x.stage === 'health')).toEqual([]);
    expect(d.trace.attempts[0]).toMatchObject({ outcome: 'ok' });
  });

  it('client timeouts do not feed the live error rate (the health stage keeps the endpoint)', async () => {
    const plain = await chat(otherTeam, { model: 'claude-sonnet', messages: hello() });
    expect(plain.headers.get('x-cailos-endpoint')).toBe(SONNET);
    // Two client timeouts, then an answer: never three failures in a row (the breaker's case), but two in
    // three — enough for the health stage to skip the endpoint if these outcomes counted.
    for (let round = 0; round < 5; round++) {
      await simFault(SONNET, 'hang_before_headers', { times: 2 });
      for (let i = 0; i < 2; i++)
        await (await chat(tenant, { model: 'claude-sonnet', messages: hello(), routing: { timeout_ms: 100 } })).text();
      if (round === 4) break;
      const ok = await chat(tenant, { model: 'claude-sonnet', messages: hello() });
      await ok.text();
      expect(ok.status).toBe(200);
    }
    const res = await chat(otherTeam, { model: 'auto:quality', messages: hello(), routing: { providers: { allow: ['anthropic'] } } });
    expect(res.status).toBe(200);
    const d = await decision(otherTeam, res);
    expect(d.trace.dropped.filter((x) => x.id === SONNET && x.stage === 'health')).toEqual([]);
  });
});

/** {"type":"object","properties":{"a":…}} nested `depth` levels, built as text (no recursion here). */
function deepSchema(depth: number): string {
  return '{"type":"object","properties":{"a":'.repeat(depth) + '{"type":"string"}' + '}}'.repeat(depth);
}

describe('an exception of the gateway is not blamed on the provider', () => {
  it('a tool schema nested 5,000 levels for gemini is a 400; three of them leave the breaker closed', async () => {
    const body = `{"model":"${GEMINI}","messages":[{"role":"user","content":"call f"}],"tools":[{"type":"function","function":{"name":"f","parameters":${deepSchema(5000)}}}]}`;
    for (let i = 0; i < 3; i++) {
      const res = await chat(tenant, body);
      expect(res.status).toBe(400);
      // Which layer refuses it (a body nesting limit, or the translator) is not this test's concern; that the
      // provider is not blamed is. test/reliability/build-failure.test.ts pins the translator's own answer.
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    }
    expect(await failuresOf(GEMINI)).toEqual({ status: 'closed', consecutiveFailures: 0 });
    const after = await chat(otherTeam, { model: GEMINI, messages: hello() });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-cailos-endpoint')).toBe(GEMINI);
  });

  // Exactly that endpoint: an endpoint of another format would accept these, and the request would land there.
  it.each([
    [SONNET, 'an http image URL (Anthropic takes https or data URLs)', 'http://example.com/cat.png'],
    [GEMINI, 'a data URL that is not valid percent-encoding', 'data:image/png,%E0%A4%A'],
  ])('%s: %s is a 400, and three of them leave the breaker closed', async (endpoint, _what, url) => {
    const model = endpoint;
    const image = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url } },
        ],
      },
    ];
    for (let i = 0; i < 3; i++) {
      const res = await chat(tenant, { model, messages: image });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
      const first = (await decision(tenant, res)).trace.attempts[0];
      expect(first).toMatchObject({ endpointId: endpoint, outcome: 'failed', errorKind: 'bad_request', blame: 'client' });
    }
    expect(await failuresOf(endpoint)).toEqual({ status: 'closed', consecutiveFailures: 0 });
  });
});
