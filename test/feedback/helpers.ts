import { expect } from 'vitest';
import { BASE, chat, workerFetch } from '../helpers/gateway';

/** Drive feedback end to end: chat through the worker, then rate through POST /v1/feedback. */

export function feedback(apiKey: string, body: unknown): Promise<Response> {
  return workerFetch(`${BASE}/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function decisionTrace(apiKey: string, id: string): Promise<Response> {
  return workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
}

/** A completion whose metadata row has landed (the log is written off the request path). */
export async function completion(
  apiKey: string,
  content = 'Write a haiku about autumn leaves falling slowly',
): Promise<{ id: string; endpoint: string; taskClass: string }> {
  const res = await chat(apiKey, { model: 'auto', messages: [{ role: 'user', content }] });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { id: string };
  for (let i = 0; i < 50; i++) {
    const decision = await decisionTrace(apiKey, body.id);
    if (decision.status === 200) {
      const { taskClass } = (await decision.json()) as { taskClass: string };
      return { id: body.id, endpoint: res.headers.get('x-cailos-endpoint')!, taskClass };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`request_log row for ${body.id} never landed`);
}

/** Chat, then rate the answer as soon as its metadata row has landed (404 until then). */
export async function chatAndRate(
  apiKey: string,
  content: string,
  rate: (endpoint: string) => 'up' | 'down',
): Promise<{ endpoint: string; status: number }> {
  const res = await chat(apiKey, { model: 'auto', messages: [{ role: 'user', content }] });
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };
  const endpoint = res.headers.get('x-cailos-endpoint')!;
  for (let i = 0; ; i++) {
    const rated = await feedback(apiKey, { id, rating: rate(endpoint) });
    if (rated.status !== 404 || i >= 50) return { endpoint, status: rated.status };
    await new Promise((r) => setTimeout(r, 10));
  }
}
