import { describe, expect, it } from 'vitest';
import { admin, chat, createTestKey } from '../helpers/gateway';

/**
 * Tokens per minute, per key and per team (src/tenancy/token-rate.ts): a request reserves its estimated
 * input plus its output cap when it is admitted and is settled to its real usage when it ends.
 */

/** ~1,500 tokens of prompt by the 4-characters-per-token estimate (the simulated fleet counts the same way). */
const BIG = 'tokens '.repeat(860);
const ask = (key: string, content: string, maxTokens: number) =>
  chat(key, { model: 'auto:cost', max_tokens: maxTokens, messages: [{ role: 'user', content }] });

async function errorOf(res: Response): Promise<{ code: string; message: string; type: string }> {
  return ((await res.json()) as { error: { code: string; message: string; type: string } }).error;
}

async function team(id: string, settings: Record<string, unknown>): Promise<void> {
  const res = await admin('/teams', { body: { id, settings } });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe('tokens per minute', () => {
  it('a key over its token rate gets 429 rate_limit_exceeded with retry-after; a smaller request still fits', async () => {
    const { key } = await createTestKey({ name: 'tpm-key', settings: { tokensPerMinute: 2_000 } });
    const first = await ask(key, BIG, 20);
    expect(first.status, await first.clone().text()).toBe(200);
    const second = await ask(key, BIG, 20);
    expect(second.status).toBe(429);
    const retryAfter = Number(second.headers.get('retry-after'));
    // ~1,050 tokens short at 2,000 a minute: about half a minute.
    expect(retryAfter).toBeGreaterThanOrEqual(20);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const e = await errorOf(second);
    expect(e.code).toBe('rate_limit_exceeded');
    expect(e.message).toContain('2000 tokens per minute');
    expect(Number(second.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(1_000);
    // What the first request did not use of its reservation is back: a small request fits.
    const small = await ask(key, 'hello', 100);
    expect(small.status, await small.clone().text()).toBe(200);
  });

  it('a reservation settles to real usage: requests reserving most of the minute each still run one after another', async () => {
    const { key } = await createTestKey({ name: 'tpm-settle', settings: { tokensPerMinute: 3_000 } });
    for (let i = 0; i < 4; i++) {
      // Reserves ~2,510 tokens of 3,000, uses a few dozen.
      const res = await ask(key, 'hello there', 2_500);
      expect(res.status, await res.clone().text()).toBe(200);
      await res.text();
    }
  });

  it('a request larger than the whole minute runs when the bucket is full, and the next waits', async () => {
    const { key } = await createTestKey({ name: 'tpm-too-big', settings: { tokensPerMinute: 1_000 } });
    // ~1,500 tokens of prompt + 20: more than a minute's 1,000.
    const first = await ask(key, BIG, 20);
    expect(first.status, await first.clone().text()).toBe(200);
    const second = await ask(key, 'hello', 20);
    expect(second.status).toBe(429);
    expect((await errorOf(second)).code).toBe('rate_limit_exceeded');
  });

  it('a team token rate holds across the team’s keys', async () => {
    const teamId = `tpm-team-${crypto.randomUUID().slice(0, 8)}`;
    await team(teamId, { tokensPerMinute: 2_000 });
    const a = await createTestKey({ name: 'tpm-team-a', team: teamId });
    const b = await createTestKey({ name: 'tpm-team-b', team: teamId });
    expect((await ask(a.key, BIG, 20)).status).toBe(200);
    const refused = await ask(b.key, BIG, 20);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const e = await errorOf(refused);
    expect(e.code).toBe('rate_limit_exceeded');
    expect(e.message).toContain(`team ${teamId}`);
    expect(refused.headers.get('x-ratelimit-limit-tokens')).toBe('2000');
  });

  it('a team request rate holds across the team’s keys', async () => {
    const teamId = `rpm-team-${crypto.randomUUID().slice(0, 8)}`;
    await team(teamId, { requestsPerMinute: 2 });
    const a = await createTestKey({ name: 'rpm-team-a', team: teamId });
    const b = await createTestKey({ name: 'rpm-team-b', team: teamId });
    expect((await ask(a.key, 'hello', 20)).status).toBe(200);
    expect((await ask(b.key, 'hello', 20)).status).toBe(200);
    const refused = await ask(a.key, 'hello', 20);
    expect(refused.status).toBe(429);
    const e = await errorOf(refused);
    expect(e.code).toBe('rate_limit_exceeded');
    expect(e.message).toContain(`team ${teamId}`);
    expect(refused.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
  });
});
