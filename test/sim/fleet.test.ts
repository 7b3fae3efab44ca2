import { afterEach, describe, expect, it } from 'vitest';
import { clearSimFaults, setSimFault } from '../../src/sim';
import { simFetch, type SimProfile } from '../../src/sim/fleet';
import { chatRequest, readEvents } from './helpers';

const profile: SimProfile = { endpointId: 'groq/llama-3.3-70b', format: 'openai', ttftMs: 300, tokensPerSec: 100 };
const fast = { latencyScale: 0.01 };
const question = { messages: [{ role: 'user', content: 'Summarize the plot of Hamlet for me, please.' }] };
const weatherTools = {
  messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather for a city',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 3 } },
          required: ['city'],
        },
      },
    },
  ],
};

afterEach(() => clearSimFaults());

function streamContent(events: { data: string }[]) {
  let content = '';
  const args: string[] = [];
  let finish: string | null = null;
  for (const e of events) {
    if (e.data === '[DONE]') continue;
    const chunk = JSON.parse(e.data);
    for (const choice of chunk.choices) {
      content += choice.delta.content ?? '';
      for (const tc of choice.delta.tool_calls ?? []) args[tc.index] = (args[tc.index] ?? '') + (tc.function?.arguments ?? '');
      finish = choice.finish_reason ?? finish;
    }
  }
  return { content, args, finish };
}

describe('simFetch (simulated provider)', () => {
  it('answers a non-streaming request with a simulated chat.completion', async () => {
    const res = await simFetch(chatRequest(question), profile, fast);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-simulated')).toBe('true');
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as any;
    expect(body.system_fingerprint).toBe('cailos-sim');
    expect(body.choices[0].message.content).toContain('"Summarize the plot of Hamlet for me, please."');
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('is deterministic per endpoint and differs between endpoints', async () => {
    const text = async (p: SimProfile) =>
      ((await (await simFetch(chatRequest(question), p, fast)).json()) as any).choices[0].message.content;
    const a = await text(profile);
    expect(await text(profile)).toBe(a);
    expect(await text({ ...profile, endpointId: 'together/llama-3.3-70b' })).not.toBe(a);
  });

  it('streams frames that concatenate to the non-streaming content', async () => {
    const plain = ((await (await simFetch(chatRequest(question), profile, fast)).json()) as any).choices[0].message.content;
    const res = await simFetch(chatRequest({ ...question, stream: true, stream_options: { include_usage: true } }), profile, fast);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('x-cailos-simulated')).toBe('true');
    const events = await readEvents(res);
    expect(events.at(-1)!.data).toBe('[DONE]');
    const { content, finish } = streamContent(events);
    expect(content).toBe(plain);
    expect(finish).toBe('stop');
    expect(JSON.parse(events.at(-2)!.data).usage.completion_tokens).toBeGreaterThan(0);
  });

  it('streams tool calls that reassemble to the non-streaming arguments', async () => {
    const plain = ((await (await simFetch(chatRequest(weatherTools), profile, fast)).json()) as any).choices[0];
    expect(plain.finish_reason).toBe('tool_calls');
    const { args, finish } = streamContent(await readEvents(await simFetch(chatRequest({ ...weatherTools, stream: true }), profile, fast)));
    expect(finish).toBe('tool_calls');
    expect(args).toEqual(plain.message.tool_calls.map((c: any) => c.function.arguments));
    expect(JSON.parse(args[0]).city).toBeTypeOf('string');
  });

  it('answers an invalid body with a native 400', async () => {
    const bad = new Request('https://sim.invalid/v1/chat/completions', { method: 'POST', body: '{not json' });
    const res = await simFetch(bad, profile, fast);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.type).toBe('invalid_request_error');
    const noMessages = await simFetch(chatRequest({ messages: [] }), profile, fast);
    expect(noMessages.status).toBe(400);
  });

  it('paces a non-streaming answer by ttft + tokens / tps', async () => {
    const slowProfile = { ...profile, ttftMs: 400, tokensPerSec: 50 };
    const start = Date.now();
    const res = await simFetch(chatRequest(question), slowProfile, { latencyScale: 0.1 });
    const body = (await res.json()) as any;
    const elapsed = Date.now() - start;
    const expected = (400 + (body.usage.completion_tokens / 50) * 1000) * 0.1;
    expect(elapsed).toBeGreaterThanOrEqual(expected * 0.8);
    expect(elapsed).toBeLessThan(expected * 3 + 200);
  });

  it('paces a stream: first frame after ttft, the rest by tokens / tps', async () => {
    const slowProfile = { ...profile, ttftMs: 400, tokensPerSec: 50 };
    const start = Date.now();
    const res = await simFetch(chatRequest({ ...question, stream: true }), slowProfile, { latencyScale: 0.1 });
    const headersAt = Date.now() - start;
    const reader = res.body!.getReader();
    await reader.read();
    const firstAt = Date.now() - start;
    while (!(await reader.read()).done);
    const total = Date.now() - start;
    const plain = (await (await simFetch(chatRequest(question), { ...slowProfile }, fast)).json()) as any;
    const expected = (400 + (plain.usage.completion_tokens / 50) * 1000) * 0.1;
    expect(headersAt).toBeLessThan(30);
    expect(firstAt).toBeGreaterThanOrEqual(40 * 0.8);
    expect(total).toBeGreaterThanOrEqual(expected * 0.8);
    expect(total).toBeLessThan(expected * 3 + 200);
  });

  it('rejects with an AbortError when aborted while waiting, and before starting', async () => {
    const controller = new AbortController();
    const pending = simFetch(chatRequest(question, controller.signal), { ...profile, ttftMs: 10_000 }, { latencyScale: 1 });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(simFetch(chatRequest(question, controller.signal), profile, fast)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('errors a paced stream when aborted mid-way', async () => {
    const controller = new AbortController();
    const res = await simFetch(
      chatRequest({ ...question, stream: true }, controller.signal),
      { ...profile, tokensPerSec: 2 },
      { latencyScale: 1 },
    );
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('simFetch faults', () => {
  const errorCases = [
    ['http_500', 500, undefined],
    ['http_503', 503, undefined],
    ['overloaded', 503, 'overloaded'],
    ['rate_limit', 429, 'rate_limit_exceeded'],
    ['bad_request', 400, null],
    ['context_length', 400, 'context_length_exceeded'],
  ] as const;
  for (const [fault, status, code] of errorCases) {
    it(`${fault} answers HTTP ${status} in the OpenAI error envelope`, async () => {
      setSimFault(profile.endpointId, fault, { retryAfterSeconds: 9 });
      for (const stream of [false, true]) {
        const res = await simFetch(chatRequest({ ...question, stream }), profile, fast);
        expect(res.status).toBe(status);
        expect(res.headers.get('x-cailos-simulated')).toBe('true');
        const body = (await res.json()) as any;
        expect(body.error.message).toMatch(/Simulated fault/);
        if (code !== undefined) expect(body.error.code).toBe(code);
        if (fault === 'rate_limit') expect(res.headers.get('retry-after')).toBe('9');
      }
    });
  }

  it('connection_refused rejects like fetch does', async () => {
    setSimFault('groq/', 'connection_refused');
    await expect(simFetch(chatRequest(question), profile, fast)).rejects.toThrow(
      new TypeError('fetch failed: connection refused (simulated)'),
    );
  });

  it('hang_before_headers never answers, and ends within 100 ms of an abort', async () => {
    setSimFault('*', 'hang_before_headers');
    const controller = new AbortController();
    const pending = simFetch(chatRequest(question, controller.signal), profile, fast);
    const outcome = await Promise.race([
      pending.then(
        () => 'answered',
        () => 'rejected',
      ),
      new Promise((r) => setTimeout(() => r('hanging'), 150)),
    ]);
    expect(outcome).toBe('hanging');
    const abortedAt = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - abortedAt).toBeLessThan(100);
  });

  it('hang_mid_stream sends the first piece then stalls until aborted', async () => {
    setSimFault(profile.endpointId, 'hang_mid_stream');
    const controller = new AbortController();
    const res = await simFetch(chatRequest({ ...question, stream: true }, controller.signal), profile, fast);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('"content":"Simulated') && !seen.includes('"content":"This')) seen += decoder.decode((await reader.read()).value);
    const next = reader.read();
    const outcome = await Promise.race([
      next.then(
        () => 'data',
        () => 'error',
      ),
      new Promise((r) => setTimeout(() => r('stalled'), 150)),
    ]);
    expect(outcome).toBe('stalled');
    const abortedAt = Date.now();
    controller.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - abortedAt).toBeLessThan(100);
  });

  it('hang_mid_stream ends when the consumer cancels the body', async () => {
    setSimFault(profile.endpointId, 'hang_mid_stream');
    const res = await simFetch(chatRequest({ ...question, stream: true }), profile, fast);
    const reader = res.body!.getReader();
    await reader.read();
    const cancelledAt = Date.now();
    await reader.cancel();
    expect((await reader.read()).done).toBe(true);
    expect(Date.now() - cancelledAt).toBeLessThan(100);
  });

  it('hang_mid_stream on a non-streaming request hangs before headers until aborted', async () => {
    setSimFault(profile.endpointId, 'hang_mid_stream');
    const controller = new AbortController();
    const pending = simFetch(chatRequest(question, controller.signal), profile, fast);
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stream_error_event sends an in-stream error after setup (500 when not streaming)', async () => {
    setSimFault(profile.endpointId, 'stream_error_event');
    const res = await simFetch(chatRequest({ ...question, stream: true }), profile, fast);
    expect(res.status).toBe(200);
    const events = await readEvents(res);
    expect(JSON.parse(events[0].data).choices[0].delta.role).toBe('assistant');
    expect(JSON.parse(events[1].data).error.message).toMatch(/Simulated fault/);
    expect(events).toHaveLength(2);
    expect((await simFetch(chatRequest(question), profile, fast)).status).toBe(500);
  });

  it('garbage_json answers 200 with bodies that are not JSON', async () => {
    setSimFault(profile.endpointId, 'garbage_json');
    const res = await simFetch(chatRequest(question), profile, fast);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    const events = await readEvents(await simFetch(chatRequest({ ...question, stream: true }), profile, fast));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(() => JSON.parse(e.data)).toThrow();
  });

  it('truncated_sse stops after half the frames without [DONE] (non-stream: half a JSON body)', async () => {
    const full = await readEvents(await simFetch(chatRequest({ ...question, stream: true }), profile, fast));
    setSimFault(profile.endpointId, 'truncated_sse');
    const cut = await readEvents(await simFetch(chatRequest({ ...question, stream: true }), profile, fast));
    expect(cut.length).toBe(Math.floor(full.length / 2));
    const withoutClock = (data: string) => data.replace(/"created":\d+/, '"created":0');
    expect(cut.map((e) => withoutClock(e.data))).toEqual(full.slice(0, cut.length).map((e) => withoutClock(e.data)));
    expect(cut.some((e) => e.data === '[DONE]' || JSON.parse(e.data).choices[0]?.finish_reason)).toBe(false);
    const res = await simFetch(chatRequest(question), profile, fast);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"id":"chatcmpl-sim')).toBe(true);
  });

  it('slow multiplies latency by 20', async () => {
    const timed = async () => {
      const start = Date.now();
      await (await simFetch(chatRequest(question), profile, { latencyScale: 0.02 })).text();
      return Date.now() - start;
    };
    const normal = await timed();
    setSimFault(profile.endpointId, 'slow');
    const slow = await timed();
    expect(slow).toBeGreaterThanOrEqual(normal * 10);
    expect(slow).toBeGreaterThan(100);
  });

  it('times limits how often a fault fires', async () => {
    setSimFault(profile.endpointId, 'http_500', { times: 1 });
    expect((await simFetch(chatRequest(question), profile, fast)).status).toBe(500);
    expect((await simFetch(chatRequest(question), profile, fast)).status).toBe(200);
  });
});
