import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import OpenAI from 'openai';

/** Drive the worker the way users do: real HTTP semantics through the worker's own fetch. */
export const BASE = 'http://gateway.test';
export const ADMIN_SECRET = 'test-admin-secret';

export function workerFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input as RequestInfo, init);
  return (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default.fetch(request);
}

export async function admin(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return workerFetch(`${BASE}/admin${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { authorization: `Bearer ${ADMIN_SECRET}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export interface TestKey {
  key: string;
  id: string;
  teamId: string;
}

export async function createTestKey(
  opts: { name?: string; team?: string; settings?: Record<string, unknown>; scopes?: string[] } = {},
): Promise<TestKey> {
  const res = await admin('/keys', {
    body: { name: opts.name ?? 'test', team: opts.team ?? 'team-test', settings: opts.settings, scopes: opts.scopes },
  });
  if (res.status !== 201) throw new Error(`key create failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { key: string; id: string; teamId: string };
  return { key: body.key, id: body.id, teamId: body.teamId };
}

export function openaiClient(apiKey: string): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${BASE}/v1`, fetch: workerFetch as typeof fetch, maxRetries: 0 });
}

export async function chat(apiKey: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return workerFetch(`${BASE}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function clearFaults(): Promise<void> {
  await admin('/sim/faults', { method: 'DELETE' });
}

/** How the simulated fleet's streams ended (GET /admin/sim/streams, recorder on), polled until one has or `ms` pass. */
export async function simStreamEnds(ms = 3_000): Promise<{ outcome: string; framesSent: number; frames: number }[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ends = ((await (await admin('/sim/streams')).json()) as { data: { outcome: string; framesSent: number; frames: number }[] }).data;
    if (ends.length > 0 || Date.now() >= deadline) return ends;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export { env };

/** Awaits `p`, which the official client must reject with an API error, and returns that error. */
export async function apiRefusal(p: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OpenAI.APIError) return err;
    throw err;
  }
  throw new Error('expected the request to be refused');
}

/** A decision's trace as the key's owner reads it; the log row is written through waitUntil, so this polls briefly. */
export async function decisionTrace<T>(apiKey: string, id: string): Promise<T> {
  const end = Date.now() + 5_000;
  for (;;) {
    const res = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (res.status === 200) return ((await res.json()) as { trace: T }).trace;
    if (Date.now() > end) throw new Error(`decision ${id} not found`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
