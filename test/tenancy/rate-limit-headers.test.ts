import { describe, expect, it } from 'vitest';
import { formatResetDuration } from '../../src/tenancy/rate-headers';
import { BASE, chat, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';

/**
 * OpenAI's x-ratelimit-* headers on every /v1 response that passed key authentication: successes,
 * streams and 429s alike (src/tenancy/rate-headers.ts).
 */

const messages = [{ role: 'user', content: 'hello there' }];
const RESET = /^(\d+h)?(\d+m)?(\d+(\.\d+)?s|\d+ms)$/;

function limits(res: Response): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const unit of ['requests', 'tokens'])
    for (const what of ['limit', 'remaining', 'reset']) out[`${what}-${unit}`] = res.headers.get(`x-ratelimit-${what}-${unit}`);
  return out;
}

describe('reset durations, written as OpenAI writes them', () => {
  it.each([
    [0, '0s'],
    [20, '20ms'],
    [999, '999ms'],
    [1000, '1s'],
    [7660, '7.66s'],
    [59_900, '59.9s'],
    [360_000, '6m0s'],
    [3_723_000, '1h2m3s'],
  ])('%i ms → %s', (ms, text) => expect(formatResetDuration(ms)).toBe(text));
});

describe('x-ratelimit-* headers', () => {
  it('a completion carries the key’s request and token limits, and what is left of them', async () => {
    const { key } = await createTestKey({ name: 'headers-json', settings: { requestsPerMinute: 60, tokensPerMinute: 100_000 } });
    // ~1,500 tokens of prompt (4 characters per token).
    const res = await chat(key, { model: 'auto', messages: [{ role: 'user', content: 'tokens '.repeat(860) }], max_tokens: 50 });
    expect(res.status, await res.clone().text()).toBe(200);
    const h = limits(res);
    expect(h['limit-requests']).toBe('60');
    // The first lease took 3 of the minute's 60; this request used one of them.
    expect(h['remaining-requests']).toBe('59');
    expect(h['reset-requests']).toBe('1s');
    expect(h['limit-tokens']).toBe('100000');
    const left = Number(h['remaining-tokens']);
    // Reserved ~1,550 tokens and settled to the ~1,520 used (less what the bucket refilled meanwhile).
    expect(left).toBeLessThan(99_000);
    expect(left).toBeGreaterThan(97_000);
    expect(h['reset-tokens']).toMatch(RESET);
    const second = limits(await chat(key, { model: 'auto', messages, max_tokens: 50 }));
    expect(Number(second['remaining-requests'])).toBe(58);
  });

  it('a stream carries them too, and the openai client reads them', async () => {
    const { key } = await createTestKey({ name: 'headers-stream', settings: { requestsPerMinute: 100, tokensPerMinute: 50_000 } });
    const res = await chat(key, { model: 'auto', messages, stream: true });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(limits(res)['limit-requests']).toBe('100');
    expect(limits(res)['limit-tokens']).toBe('50000');
    await res.text();
    const { response } = await openaiClient(key)
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('100');
    expect(Number(response.headers.get('x-ratelimit-remaining-requests'))).toBeLessThan(100);
    expect(response.headers.get('x-ratelimit-reset-tokens')).toMatch(RESET);
  });

  it('a 429 for the rate carries them with retry-after; a refused key carries none', async () => {
    const { key } = await createTestKey({ name: 'headers-429', settings: { requestsPerMinute: 1 } });
    expect((await chat(key, { model: 'auto', messages })).status).toBe(200);
    const refused = await chat(key, { model: 'auto', messages });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limit_exceeded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const h = limits(refused);
    expect(h['limit-requests']).toBe('1');
    expect(h['remaining-requests']).toBe('0');
    expect(h['reset-requests']).toMatch(RESET);
    const unknown = await chat('cai_' + 'x'.repeat(40), { model: 'auto', messages });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('x-ratelimit-limit-requests')).toBeNull();
  });

  it('without a token limit the token headers are left out; other /v1 routes carry the request ones', async () => {
    const { key } = await createTestKey({ name: 'headers-no-tpm', settings: { requestsPerMinute: 30 } });
    const res = await chat(key, { model: 'auto', messages });
    const h = limits(res);
    expect(h['limit-requests']).toBe('30');
    expect(h['limit-tokens']).toBeNull();
    expect(h['remaining-tokens']).toBeNull();
    expect(h['reset-tokens']).toBeNull();
    const models = await workerFetch(`${BASE}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(models.status).toBe(200);
    expect(models.headers.get('x-ratelimit-limit-requests')).toBe('30');
    const bad = await chat(key, { model: 'auto', messages: [] });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-ratelimit-limit-requests')).toBe('30');
  });
});
