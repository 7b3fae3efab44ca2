import { afterEach, describe, expect, it } from 'vitest';
import type { WireFormat } from '../../src/catalog';
import { clearSimFaults, setSimFault, simFetch } from '../../src/sim';

/** The fleet core's pacing and faults are format-neutral: check them on every simulated format. */
const question = 'Summarize the plot of Hamlet, please.';
const requests: Record<WireFormat, (stream: boolean) => [string, unknown]> = {
  openai: (stream) => ['https://sim.invalid/v1/chat/completions', { model: 'm', stream, messages: [{ role: 'user', content: question }] }],
  anthropic: (stream) => [
    'https://sim.invalid/v1/messages',
    { model: 'm', max_tokens: 300, stream, messages: [{ role: 'user', content: question }] },
  ],
  gemini: (stream) => [
    `https://sim.invalid/v1beta/models/m:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
    { contents: [{ role: 'user', parts: [{ text: question }] }] },
  ],
  cohere: (stream) => ['https://sim.invalid/v2/chat', { model: 'm', stream, messages: [{ role: 'user', content: question }] }],
};

function request(format: WireFormat, stream: boolean, signal?: AbortSignal): Request {
  const [url, body] = requests[format](stream);
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}

async function readAll(res: Response): Promise<{ text: string; chunks: number; firstAt: number }> {
  const start = Date.now();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  let firstAt = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (firstAt < 0) firstAt = Date.now() - start;
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
  return { text, chunks, firstAt };
}

afterEach(() => clearSimFaults());

describe.each(['openai', 'anthropic', 'gemini', 'cohere'] as const)('simFetch over the %s format', (format) => {
  const profile = { endpointId: `${format}/m`, format, ttftMs: 400, tokensPerSec: 50 };

  it('answers both ways with the quote, streaming after ttft', async () => {
    const plain = await simFetch(request(format, false), profile, { latencyScale: 0.01 });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('x-cailos-simulated')).toBe('true');
    expect(await plain.text()).toContain(question);
    const res = await simFetch(request(format, true), profile, { latencyScale: 0.1 });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const { text, chunks, firstAt } = await readAll(res);
    expect(chunks).toBeGreaterThan(3);
    expect(firstAt).toBeGreaterThanOrEqual(40 * 0.8);
    expect(text).toContain('Hamlet');
  });

  it('truncated_sse sends half the frames; hang_mid_stream stalls until aborted', async () => {
    const full = await readAll(await simFetch(request(format, true), profile, { latencyScale: 0.01 }));
    setSimFault(profile.endpointId, 'truncated_sse', { times: 1 });
    const cut = await readAll(await simFetch(request(format, true), profile, { latencyScale: 0.01 }));
    expect(cut.chunks).toBe(Math.max(1, Math.floor(full.chunks / 2)));

    setSimFault(profile.endpointId, 'hang_mid_stream');
    const controller = new AbortController();
    const res = await simFetch(request(format, true, controller.signal), profile, { latencyScale: 0.01 });
    const pending = readAll(res);
    setTimeout(() => controller.abort(), 150);
    const startedAt = Date.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const waited = Date.now() - startedAt;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(250);
  });

  it('stream_error_event puts the native error event in a 200 stream', async () => {
    setSimFault(profile.endpointId, 'stream_error_event');
    const res = await simFetch(request(format, true), profile, { latencyScale: 0.01 });
    expect(res.status).toBe(200);
    const { text } = await readAll(res);
    expect(text).toContain('Simulated fault (stream_error_event)');
  });
});
