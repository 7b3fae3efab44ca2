import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { CACHE_KV_PREFIX } from '../../src/cache';
import type { Env } from '../../src/env';
import { admin, createTestKey } from '../helpers/gateway';

/**
 * The warm request path must not wait on D1, KV or a Durable Object (bench/overhead/README.md).
 * Proof by construction: after a warm-up with the real bindings, requests run against bindings whose
 * every I/O call is counted and NEVER resolves. If any such call were awaited before the response,
 * the request would hang and the test time out; the calls that do happen are background work
 * (waitUntil), and their number per request is pinned so new per-request I/O is a deliberate choice.
 */

const never = () => new Promise<never>(() => undefined);

/** The KV key (or list prefix) a KV call names. */
const kvName = (arg: unknown): string => (typeof arg === 'string' ? arg : String((arg as { prefix?: string } | undefined)?.prefix ?? ''));

function blockedEnv(real: Env, calls: string[], kvNames: string[] = []): Env {
  const hangingObject = (label: string, names?: string[]): object =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (prop === 'then' || typeof prop === 'symbol') return undefined;
          return (...args: unknown[]) => {
            calls.push(`${label}.${String(prop)}`);
            names?.push(kvName(args[0]));
            return never();
          };
        },
      },
    );
  const statement = (): object =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (prop === 'then' || typeof prop === 'symbol') return undefined;
          if (prop === 'bind') return () => statement();
          return () => {
            calls.push(`D1.${String(prop)}`);
            return never();
          };
        },
      },
    );
  const d1 = new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === 'then' || typeof prop === 'symbol') return undefined;
        if (prop === 'prepare') return () => statement();
        return () => {
          calls.push(`D1.${String(prop)}`);
          return never();
        };
      },
    },
  );
  const namespace = (name: string, realNs: DurableObjectNamespace) =>
    new Proxy(realNs, {
      get(target, prop) {
        if (prop === 'get') return () => hangingObject(`DO.${name}`);
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return {
    ...real,
    DB: d1 as D1Database,
    KV: hangingObject('KV', kvNames) as KVNamespace,
    KEY_GUARD: namespace('KEY_GUARD', real.KEY_GUARD),
    BREAKER: namespace('BREAKER', real.BREAKER),
  };
}

function post(key: string, body: unknown): Request {
  return new Request('http://gateway.test/v1/chat/completions', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const messages = [{ role: 'user', content: 'Write a haiku about latency budgets. My email is ada@example.com.' }];

async function warmUp(key: string, body: unknown): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const ctx = createExecutionContext();
    const res = await app.fetch(post(key, body), env as Env, ctx);
    expect(res.status).toBe(200);
    await res.text();
    await waitOnExecutionContext(ctx);
  }
}

async function blockedRequests(
  key: string,
  body: unknown,
  n: number,
  kvNames: string[] = [],
  headers: Record<string, string> = {},
): Promise<string[]> {
  const calls: string[] = [];
  const blocked = blockedEnv(env as Env, calls, kvNames);
  for (let i = 0; i < n; i++) {
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
    const req = post(key, body);
    for (const [name, value] of Object.entries(headers)) req.headers.set(name, value);
    const res = await app.fetch(req, blocked, ctx);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    if ((body as { stream?: boolean }).stream) expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  }
  return calls;
}

describe('warm request path I/O', () => {
  it('the blocked bindings do catch an awaited call: a cold key lookup (KV, then D1) hangs', async () => {
    const { key } = await createTestKey({ name: 'hot-path-cold' });
    const calls: string[] = [];
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
    const res = Promise.resolve(app.fetch(post(key, { model: 'auto', messages }), blockedEnv(env as Env, calls), ctx));
    const outcome = await Promise.race([res.then(() => 'answered'), new Promise((r) => setTimeout(() => r('hung'), 500))]);
    expect(outcome).toBe('hung');
    expect(calls).toContain('KV.get');
  });

  for (const [label, model] of [
    ['plain model name', 'llama-3.1-8b'],
    ['auto with llmshield on', 'auto'],
  ] as const) {
    for (const stream of [false, true]) {
      it(`${label}, ${stream ? 'streaming' : 'non-streaming'}: no D1/KV/DO call is awaited; background I/O ≤ 2 per request`, async () => {
        const { key } = await createTestKey({ name: `hot-path-${model}-${stream}` });
        const body = { model, messages, stream };
        await warmUp(key, body);
        const n = 5;
        const calls = await blockedRequests(key, body, n);
        // Each response arrived although every call above hangs: none is on the critical path.
        // What remains is background work, e.g. the request-log insert (D1) and the spend report (DO).
        const perRequest = calls.length / n;
        console.log(
          `${label} ${stream ? 'stream' : 'json'}: background I/O per warm request ${perRequest}: ${[...new Set(calls)].join(', ')}`,
        );
        expect(calls.every((c) => /^(D1|KV|DO\.\w+)\./.test(c))).toBe(true);
        expect(perRequest).toBeLessThanOrEqual(2);
      });
    }
  }
});

describe('response cache I/O (src/cache)', () => {
  const cacheNames = (names: string[]) => names.filter((n) => n.startsWith(CACHE_KV_PREFIX));

  for (const stream of [false, true]) {
    it(`not opted in, ${stream ? 'streaming' : 'non-streaming'}: no cache read or write`, async () => {
      const { key } = await createTestKey({ name: `hot-path-nocache-${stream}` });
      const body = { model: 'auto:cost', messages, stream };
      await warmUp(key, body);
      const kvNames: string[] = [];
      await blockedRequests(key, body, 3, kvNames);
      expect(cacheNames(kvNames)).toEqual([]);
    });
  }

  it('`x-cailos-cache: off` on a key that caches: no cache read or write', async () => {
    const { key } = await createTestKey({ name: 'hot-path-cache-off', settings: { responseCache: { enabled: true } } });
    const body = { model: 'auto:cost', messages };
    await warmUp(key, body);
    const kvNames: string[] = [];
    await blockedRequests(key, body, 3, kvNames, { 'x-cailos-cache': 'off' });
    expect(cacheNames(kvNames)).toEqual([]);
  });

  it('opted in: the request waits on exactly one KV read, of its cache entry', async () => {
    const { key } = await createTestKey({ name: 'hot-path-cache-on', settings: { responseCache: { enabled: true } } });
    const body = { model: 'auto:cost', messages };
    await warmUp(key, body);
    const calls: string[] = [];
    const kvNames: string[] = [];
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
    const res = Promise.resolve(app.fetch(post(key, body), blockedEnv(env as Env, calls, kvNames), ctx));
    const outcome = await Promise.race([res.then(() => 'answered'), new Promise((r) => setTimeout(() => r('hung'), 500))]);
    expect(outcome).toBe('hung');
    expect(calls).toEqual(['KV.get']);
    expect(cacheNames(kvNames)).toHaveLength(1);
  });
});

describe('limits I/O (src/tenancy: token rates, budget windows, team limits, alerts)', () => {
  for (const stream of [false, true]) {
    it(`key and team token rates, window budgets and alerts, ${stream ? 'streaming' : 'non-streaming'}: nothing awaited`, async () => {
      const team = `hot-path-limits-${stream}-${crypto.randomUUID().slice(0, 6)}`;
      const created = await admin('/teams', {
        body: {
          id: team,
          settings: {
            requestsPerMinute: 6_000,
            tokensPerMinute: 10_000_000,
            dailyBudgetUsd: 500,
            weeklyBudgetUsd: 800,
            monthlyBudgetUsd: 1_000,
          },
          alertWebhookUrl: 'https://hooks.example.com/cailos',
        },
      });
      expect(created.status).toBe(201);
      const { key } = await createTestKey({
        name: `hot-path-limits-${stream}`,
        team,
        settings: { tokensPerMinute: 10_000_000, dailyBudgetUsd: 100, weeklyBudgetUsd: 200, monthlyBudgetUsd: 300 },
      });
      const body = { model: 'auto', messages, stream };
      await warmUp(key, body);
      const n = 5;
      const calls = await blockedRequests(key, body, n);
      console.log(
        `limits ${stream ? 'stream' : 'json'}: background I/O per warm request ${calls.length / n}: ${[...new Set(calls)].join(', ')}`,
      );
      expect(calls.every((c) => /^(D1|KV|DO\.\w+)\./.test(c))).toBe(true);
      expect(calls.length / n).toBeLessThanOrEqual(2);
    });
  }
});
