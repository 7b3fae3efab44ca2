import { afterEach, describe, expect, it } from 'vitest';
import { eventStreamResponse, STREAM_AHEAD_BYTES } from '../../src/api/event-stream-response';
import { admin, chat, createTestKey, simStreamEnds } from '../helpers/gateway';

const encoder = new TextEncoder();
const frame = (s: string) => encoder.encode(`data: ${s}\n\n`);
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A source of `count` items that records how many the pump pulled and whether it was closed. */
function source(count: number) {
  const state = { pulled: 0, closed: false };
  async function* items(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < count; i++) {
        state.pulled++;
        yield i;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, items: items() };
}

describe('eventStreamResponse', () => {
  it('writes every frame in order, then the end frame, and closes', async () => {
    const pending: Promise<unknown>[] = [];
    const { items } = source(5);
    const res = eventStreamResponse(items, { frame: (i) => frame(String(i)), end: () => frame('[DONE]') }, { 'x-test': '1' }, (p) =>
      pending.push(p),
    );
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('x-test')).toBe('1');
    expect(await res.text()).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\ndata: [DONE]\n\n');
    await Promise.all(pending);
  });

  it('leaves out the end frame when end() returns null', async () => {
    const res = eventStreamResponse(source(2).items, { frame: (i) => frame(String(i)), end: () => null }, {}, () => undefined);
    expect(await res.text()).toBe('data: 0\n\ndata: 1\n\n');
  });

  it('runs ahead of a client that does not read by at most STREAM_AHEAD_BYTES, then delivers everything', async () => {
    const frameBytes = 1024;
    const { state, items } = source(1000);
    const payload = 'x'.repeat(frameBytes - 8);
    const res = eventStreamResponse(items, { frame: () => frame(payload) }, {}, () => undefined);
    await tick(50);
    // A few frames beyond the mark may be in flight (one pulled item waits on `ready`).
    expect(state.pulled).toBeGreaterThan(8);
    expect(state.pulled * frameBytes).toBeLessThanOrEqual(STREAM_AHEAD_BYTES + 4 * frameBytes);
    const body = await res.text();
    expect(body.length).toBe(1000 * frameBytes);
    expect(state.pulled).toBe(1000);
    expect(state.closed).toBe(true);
  });

  it('stops pulling and closes the source when the client goes away', async () => {
    const { state, items } = source(100_000);
    const pending: Promise<unknown>[] = [];
    const frameBytes = 1008; // "data: " + 1000 digits + two newlines
    const res = eventStreamResponse(items, { frame: (i) => frame(String(i).padStart(1000, '0')) }, {}, (p) => pending.push(p));
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await Promise.all(pending);
    expect(state.closed).toBe(true);
    // What the buffer held before the client left, and a few frames more: not the rest of the 100,000.
    expect(state.pulled * frameBytes).toBeLessThanOrEqual(STREAM_AHEAD_BYTES + 8 * frameBytes);
  });
});

describe('a client that leaves in the middle of a streamed answer', () => {
  afterEach(async () => {
    await admin('/sim/scripts', { method: 'DELETE' });
    await admin('/sim/recorder', { body: { on: false } });
  });

  it("stops the provider's stream right away instead of reading it to the end", async () => {
    const { key } = await createTestKey({ name: 'leaves-early' });
    await admin('/sim/recorder', { body: { on: true } });
    // A long answer: ~2,000 tokens paced by the simulated endpoint (hundreds of ms even at the tests' time scale).
    await admin('/sim/scripts', { body: { target: '*', text: 'lorem ipsum dolor sit amet '.repeat(400), times: 1 } });
    const res = await chat(key, { model: 'llama-3.1-8b', stream: true, messages: [{ role: 'user', content: 'Write a long essay.' }] });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();

    const ends = await simStreamEnds();
    expect(ends).toHaveLength(1);
    // `aborted`: the request's signal (enable_request_signal) reached the upstream call first; `cancelled`: the
    // pump's failed write closed the chain and the upstream body was cancelled. Either way: not `completed`.
    expect(['aborted', 'cancelled']).toContain(ends[0].outcome);
    expect(ends[0].framesSent).toBeLessThan(ends[0].frames / 2);
  });
});
