import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSseEvents } from '../../src/providers/sse';
import { admin, BASE, clearFaults, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * The three inbound APIs are adapters onto one hub, so fallbacks and llmshield must behave the
 * same on each: one parametrized test drives chat completions, responses and messages alike.
 */

type Api = 'chat' | 'responses' | 'messages';
const APIS: Api[] = ['chat', 'responses', 'messages'];

interface Answer {
  status: number;
  text: string;
  decisionId: string;
  endpoint: string;
}

function bodyFor(
  api: Api,
  model: string,
  prompt: string,
  stream: boolean,
): { path: string; body: unknown; headers: Record<string, string> } {
  if (api === 'chat')
    return { path: '/v1/chat/completions', body: { model, stream, messages: [{ role: 'user', content: prompt }] }, headers: {} };
  if (api === 'responses') return { path: '/v1/responses', body: { model, stream, input: prompt }, headers: {} };
  return {
    path: '/v1/messages',
    body: { model, stream, max_tokens: 400, messages: [{ role: 'user', content: prompt }] },
    headers: { 'anthropic-version': '2023-06-01' },
  };
}

async function streamedText(api: Api, res: Response): Promise<string> {
  let text = '';
  for await (const ev of readSseEvents(res.body!)) {
    if (ev.data === '[DONE]') continue;
    const data = JSON.parse(ev.data);
    if (api === 'chat') text += data.choices?.[0]?.delta?.content ?? '';
    else if (api === 'responses' && data.type === 'response.output_text.delta') text += data.delta;
    else if (api === 'messages' && data.type === 'content_block_delta' && data.delta.type === 'text_delta') text += data.delta.text;
  }
  return text;
}

function jsonText(api: Api, body: any): string {
  if (api === 'chat') return body.choices[0].message.content;
  if (api === 'responses')
    return body.output
      .flatMap((i: any) => (i.type === 'message' ? i.content : []))
      .map((p: any) => p.text ?? '')
      .join('');
  return body.content.map((b: any) => (b.type === 'text' ? b.text : '')).join('');
}

async function ask(api: Api, key: string, model: string, prompt: string, stream = false): Promise<Answer> {
  const { path, body, headers } = bodyFor(api, model, prompt, stream);
  const auth: Record<string, string> = api === 'messages' ? { 'x-api-key': key } : { authorization: `Bearer ${key}` };
  const res = await workerFetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    body: JSON.stringify(body),
  });
  const decisionId = res.headers.get('x-cailos-decision-id') ?? '';
  const endpoint = res.headers.get('x-cailos-endpoint') ?? '';
  if (res.status !== 200) return { status: res.status, text: await res.text(), decisionId, endpoint };
  const text = stream ? await streamedText(api, res) : jsonText(api, await res.json());
  return { status: res.status, text, decisionId, endpoint };
}

async function decision(
  key: string,
  id: string,
): Promise<{
  api: string;
  status: number;
  errorClass: string | null;
  trace: { attempts: { endpointId: string; outcome: string }[]; shield: unknown };
}> {
  const res = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return res.json();
}

let key: string;
beforeAll(async () => {
  key = (await createTestKey({ name: 'inbound-parity' })).key;
});
afterEach(clearFaults);

describe('fallback behaves identically on every inbound API', () => {
  const cases = APIS.flatMap((api) => [false, true].map((stream) => ({ api, stream })));
  it.each(cases)('$api (stream: $stream): a 503 on the chosen endpoint falls back and the trace shows it', async ({ api, stream }) => {
    const prompt = `Summarise the fallback test for ${api}${stream ? ' streamed' : ''}.`;
    const first = await ask(api, key, 'auto', prompt, stream);
    expect(first.status).toBe(200);
    expect(first.endpoint).not.toBe('');

    const fault = await admin('/sim/faults', { body: { target: first.endpoint, fault: 'http_503', times: 5 } });
    expect(fault.status).toBeLessThan(300);

    const second = await ask(api, key, 'auto', prompt, stream);
    expect(second.status).toBe(200);
    expect(second.text).toContain(prompt);
    expect(second.endpoint).not.toBe(first.endpoint);

    const d = await decision(key, second.decisionId);
    expect(d.api).toBe(api);
    const tried = d.trace.attempts.filter((a) => a.outcome !== 'skipped');
    expect(tried[0]).toMatchObject({ endpointId: first.endpoint, outcome: 'failed' });
    expect(tried.at(-1)).toMatchObject({ endpointId: second.endpoint, outcome: 'ok' });
  });
});

describe('a stream that breaks after the answer began ends with an error on every inbound API', () => {
  const lastEvent: Record<Api, (data: any) => boolean> = {
    chat: (d) => d.error?.code === 'stream_interrupted',
    responses: (d) => d.type === 'response.failed' && d.response.status === 'failed',
    messages: (d) => d.type === 'error' && d.error.type === 'api_error',
  };

  it.each(APIS)('%s', async (api) => {
    const prompt = `Explain truncated streams for ${api}.`;
    const first = await ask(api, key, 'auto', prompt, true);
    await admin('/sim/faults', { body: { target: first.endpoint, fault: 'truncated_sse', times: 1 } });
    const { path, body, headers } = bodyFor(api, 'auto', prompt, true);
    const auth: Record<string, string> = api === 'messages' ? { 'x-api-key': key } : { authorization: `Bearer ${key}` };
    const res = await workerFetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-endpoint')).toBe(first.endpoint);
    const frames: unknown[] = [];
    for await (const ev of readSseEvents(res.body!)) frames.push(ev.data === '[DONE]' ? '[DONE]' : JSON.parse(ev.data));
    expect(lastEvent[api](frames.at(-1))).toBe(true);
    const d = await decision(key, res.headers.get('x-cailos-decision-id')!);
    expect(d).toMatchObject({ status: 502, errorClass: 'stream_interrupted' });
  });
});

describe('llmshield behaves identically on every inbound API', () => {
  const EMAIL = 'dana.whitfield@example.org';
  const prompt = `Please draft a short reply to ${EMAIL} about the invoice.`;

  async function upstreamBodies(): Promise<string> {
    const { data } = (await (await admin('/sim/received')).json()) as { data: { body: string }[] };
    expect(data.length).toBeGreaterThan(0);
    return data.map((d) => d.body).join('\n');
  }

  afterEach(async () => {
    await admin('/sim/recorder', { body: { on: false } });
  });

  const cases = APIS.flatMap((api) => [false, true].map((stream) => ({ api, stream })));
  it.each(cases)('$api (stream: $stream): the provider never sees the email, the answer carries it intact', async ({ api, stream }) => {
    await admin('/sim/recorder', { body: { on: true } });
    const answer = await ask(api, key, 'auto', prompt, stream);
    expect(answer.status).toBe(200);
    // The simulated model echoes the user's message, so the placeholder travels back and must be restored.
    expect(answer.text).toContain(EMAIL);
    expect(answer.text).not.toMatch(/\[EMAIL_\d+\]/);
    const upstream = await upstreamBodies();
    expect(upstream).not.toContain(EMAIL);
    expect(upstream).toMatch(/\[EMAIL_1\]/);
  });

  it('records the same shield summary for the same prompt on all three APIs', async () => {
    const summaries = [];
    for (const api of APIS) {
      const answer = await ask(api, key, 'auto', prompt);
      summaries.push((await decision(key, answer.decisionId)).trace.shield);
    }
    expect(summaries[0]).not.toBe('off');
    expect(Object.values(summaries[0] as Record<string, number>).some((n) => n > 0)).toBe(true);
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
  });
});
