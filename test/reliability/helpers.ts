import { env } from 'cloudflare:test';
import { admin, chat, workerFetch, BASE } from '../helpers/gateway';

/** Drives the loopback fake providers (bench/lib/fake-upstream.ts) from inside workerd. */
const fakeUrl = () => (env as unknown as { FAKE_UPSTREAM_URL: string }).FAKE_UPSTREAM_URL;

export async function fakeFault(
  target: string,
  fault: string | null,
  opts: { times?: number; retryAfterSeconds?: number; delayMs?: number } = {},
): Promise<void> {
  const res = await fetch(`${fakeUrl()}/__control/faults`, { method: 'POST', body: JSON.stringify({ target, fault, ...opts }) });
  if (!res.ok) throw new Error(`fake control failed: ${res.status}`);
}

export async function fakeHits(): Promise<Record<string, number>> {
  return (await (await fetch(`${fakeUrl()}/__control/hits`)).json()) as Record<string, number>;
}

export async function releaseHeld(): Promise<number> {
  return ((await (await fetch(`${fakeUrl()}/__control/release`, { method: 'POST' })).json()) as { released: number }).released;
}

export async function fakeReset(): Promise<void> {
  await fetch(`${fakeUrl()}/__control`, { method: 'DELETE' });
}

export async function resetBreakers(): Promise<void> {
  const res = await admin('/breakers', { method: 'DELETE' });
  if (!res.ok) throw new Error(`breaker reset failed: ${res.status} ${await res.text()}`);
}

export interface DecisionAttempt {
  endpointId: string;
  outcome: 'ok' | 'failed' | 'skipped';
  status: number;
  errorKind?: string;
  error?: string;
  ms: number;
  startedAtMs: number;
  probe?: boolean;
  blame?: 'client' | 'gateway';
}

export async function decision(
  apiKey: string,
  id: string,
): Promise<{
  status: number;
  attempts: number;
  costUsd: number;
  errorClass: string | null;
  trace: { chain: string[]; attempts: DecisionAttempt[]; dropped: { id: string; stage: string; reason: string }[] };
}> {
  // The log row is written through waitUntil: poll briefly.
  for (let i = 0; i < 50; i++) {
    const res = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (res.status === 200) return (await res.json()) as never;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`decision ${id} never appeared`);
}

/** Reads an SSE body into parsed data frames (stops at [DONE]). */
export async function readSse(res: Response): Promise<{ frames: Record<string, unknown>[]; done: boolean; text: string }> {
  const raw = await res.text();
  const frames: Record<string, unknown>[] = [];
  let done = false;
  let text = '';
  for (const block of raw.split('\n\n')) {
    const line = block.split('\n').find((l) => l.startsWith('data:'));
    if (!line) continue;
    const data = line.slice(5).trim();
    if (data === '[DONE]') {
      done = true;
      continue;
    }
    const json = JSON.parse(data) as Record<string, unknown>;
    frames.push(json);
    const choices = json.choices as { delta?: { content?: string } }[] | undefined;
    text += choices?.[0]?.delta?.content ?? '';
  }
  return { frames, done, text };
}

export { chat };
