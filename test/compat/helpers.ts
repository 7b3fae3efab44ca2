import { getEmbeddingEndpoint, getEndpoint } from '../../src/catalog';
import { admin, BASE, workerFetch } from '../helpers/gateway';

/**
 * Shared by the client-compatibility suite (test/compat/*.test.ts): the official SDKs drive the worker
 * through its own fetch; these helpers read what a developer would check afterwards (the decision
 * trace, the catalog price) and give the Vercel AI SDK its documented fetch middleware.
 */

export interface Trace {
  strategy: string;
  chain: string[];
  dropped: { id: string; stage: string; reason: string }[];
  openrouter?: { field: string; meaning: string }[];
  droppedParams?: string[];
  attempts?: { endpointId: string; outcome: string }[];
}

/** GET /v1/routing/decisions/:id for a decision id; the trace is stored behind the answer, so poll briefly. */
export async function decisionTrace(apiKey: string, id: string | null | undefined): Promise<Trace> {
  if (!id) throw new Error('the answer carried no x-cailos-decision-id');
  for (let i = 0; i < 150; i++) {
    const res = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (res.status === 200) return ((await res.json()) as { trace: Trace }).trace;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`decision ${id} never appeared`);
}

/** What the trace says Cailos made of one OpenRouter field. */
export const openrouterNote = (t: Trace, field: string) => t.openrouter?.find((n) => n.field === field)?.meaning;

export const providerOf = (endpointId: string) => endpointId.split('/')[0];

/** The catalog price of the tokens an answer reports: an independent check of `usage.cost`. */
export function listPrice(endpointId: string, inputTokens: number, outputTokens: number): number {
  const endpoint = getEndpoint(endpointId) ?? getEmbeddingEndpoint(endpointId);
  if (!endpoint) throw new Error(`no catalog endpoint ${endpointId}`);
  return (inputTokens * endpoint.pricing.inputPerMTok + outputTokens * endpoint.pricing.outputPerMTok) / 1_000_000;
}

export interface SentRequest {
  url: string;
  body: Record<string, unknown> | null;
  status: number;
  retryAfter: string | null;
  /** When the response arrived (ms). */
  at: number;
}

/**
 * A fetch for an SDK client: records each request (URL, JSON body, status, retry-after, time) and merges `extraBody`
 * into JSON bodies. @ai-sdk/openai sends only the parameters it models (its `providerOptions.openai`
 * is a closed schema), and its documented way to change a request is the `fetch` setting used as a
 * middleware; this is how a developer sends OpenRouter's `models` / `provider` through it.
 */
export function recordingFetch(extraBody: Record<string, unknown> = {}): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const middleware = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    let body: Record<string, unknown> | null = null;
    let next = init;
    if (typeof init?.body === 'string') {
      body = { ...(JSON.parse(init.body) as Record<string, unknown>), ...extraBody };
      next = { ...init, body: JSON.stringify(body) };
    }
    const res = await workerFetch(input instanceof Request ? input : url, next);
    sent.push({ url, body, status: res.status, retryAfter: res.headers.get('retry-after'), at: Date.now() });
    return res;
  };
  return { fetch: middleware as typeof fetch, sent };
}

/** Makes the simulated endpoint fail its next `times` requests (cleared by clearFaults). */
export async function failNext(endpointId: string, times = 1, fault = 'http_503'): Promise<void> {
  const res = await admin('/sim/faults', { body: { target: endpointId, fault, times } });
  if (res.status >= 300) throw new Error(`fault injection failed: ${res.status} ${await res.text()}`);
}

/** The bodies the simulated fleet received while the recorder was on. */
export async function simReceived(): Promise<{ endpointId: string; body: Record<string, unknown> }[]> {
  const { data } = (await (await admin('/sim/received')).json()) as { data: { endpointId: string; body: string }[] };
  return data.map((d) => ({ endpointId: d.endpointId, body: JSON.parse(d.body) as Record<string, unknown> }));
}

export async function recorder(on: boolean): Promise<void> {
  const res = await admin('/sim/recorder', { body: { on } });
  if (res.status !== 200) throw new Error(`recorder: ${res.status}`);
}

/**
 * Empties a rate-limited key's request bucket with plain requests until one is refused, so the next
 * SDK call meets a 429. Returns that refusal's retry-after, in seconds.
 */
export async function exhaustRequests(apiKey: string, maxRequests = 200): Promise<number> {
  for (let i = 0; i < maxRequests; i++) {
    const res = await workerFetch(`${BASE}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }),
    });
    await res.body?.cancel();
    if (res.status === 429) return Number(res.headers.get('retry-after'));
    if (res.status !== 200) throw new Error(`unexpected ${res.status} while exhausting the rate limit`);
  }
  throw new Error(`no 429 after ${maxRequests} requests`);
}
