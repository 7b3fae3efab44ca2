import Anthropic from '@anthropic-ai/sdk';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog';
import { BASE, createTestKey, workerFetch } from '../helpers/gateway';
import { decision } from './helpers';

/**
 * Anthropic → Anthropic through /v1/messages with the official SDK, against the loopback fake's
 * Messages endpoint (bench/lib/fake-anthropic.ts; Anthropic is a "real" provider in this project):
 * what is sent upstream (cache_control, thinking, thinking blocks of the history), thinking blocks and
 * signatures back to the client whole and streamed, and cache usage returned and priced.
 */

const SONNET = 'anthropic/claude-sonnet-4-6';
const sonnet = getEndpoint(SONNET)!;
const fakeUrl = () => (env as unknown as { FAKE_UPSTREAM_URL: string }).FAKE_UPSTREAM_URL;

let key: string;
let client: Anthropic;
beforeAll(async () => {
  key = (await createTestKey({ name: 'anthropic-passthrough' })).key;
  client = new Anthropic({ baseURL: BASE, apiKey: key, fetch: workerFetch as typeof fetch, maxRetries: 0 });
});

/** Text no other request (or test file, running beside this one) sends. */
const nonce = () => `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The bodies the fake Anthropic received that contain `marker`. */
async function receivedWith(marker: string): Promise<Record<string, unknown>[]> {
  const all = (await (await fetch(`${fakeUrl()}/__control/anthropic-requests`)).json()) as { body: Record<string, unknown> }[];
  return all.map((r) => r.body).filter((b) => JSON.stringify(b).includes(marker));
}

describe('thinking, Anthropic to Anthropic', () => {
  it('returns the thinking block with its signature, and sends it back unchanged on the next turn', async () => {
    const q = `Is 91 prime? ${nonce()}`;
    const first = await client.messages.create({
      model: SONNET,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [{ role: 'user', content: q }],
    });
    const [sent] = await receivedWith(q);
    expect(sent.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(first.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    const thinking = first.content[0] as Anthropic.ThinkingBlock;
    expect(thinking.thinking).toBe(`Thinking about: ${q}`);
    expect(thinking.signature).toMatch(/^sig-[0-9a-f]{32}$/);

    const next = `And 97? ${nonce()}`;
    await client.messages.create({
      model: SONNET,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [
        { role: 'user', content: q },
        { role: 'assistant', content: first.content },
        { role: 'user', content: next },
      ],
    });
    const [second] = await receivedWith(next);
    expect((second.messages as { content: unknown }[])[1].content).toEqual([
      { type: 'thinking', thinking: thinking.thinking, signature: thinking.signature },
      { type: 'text', text: (first.content[1] as Anthropic.TextBlock).text },
    ]);
  });

  it('streams thinking_delta and signature_delta, and the SDK assembles the same block', async () => {
    const q = `Name a prime above 100. ${nonce()}`;
    const stream = client.messages.stream({
      model: SONNET,
      max_tokens: 4096,
      thinking: { type: 'adaptive' },
      messages: [{ role: 'user', content: q }],
    });
    const deltas: string[] = [];
    stream.on('streamEvent', (ev) => {
      if (ev.type === 'content_block_delta') deltas.push(ev.delta.type);
    });
    const final = await stream.finalMessage();
    expect(deltas).toContain('thinking_delta');
    expect(deltas).toContain('signature_delta');
    expect(final.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    const block = final.content[0] as Anthropic.ThinkingBlock;
    expect(block.thinking).toBe(`Thinking about: ${q}`);
    expect(block.signature).toMatch(/^sig-[0-9a-f]{32}$/);
    expect((final.content[1] as Anthropic.TextBlock).text).toBe(`Fake anthropic/claude-sonnet-4-6 answers: ${q}`);
  });
});

describe('prompt caching, Anthropic to Anthropic', () => {
  const manual = (marker: string) => `Manual ${marker}. ${'Every request is routed to the best endpoint. '.repeat(60)}`;
  const tools = (): Anthropic.Tool[] => [
    {
      name: 'search',
      input_schema: { type: 'object', properties: { q: { type: 'string' } } },
      cache_control: { type: 'ephemeral', ttl: '1h' },
    },
  ];

  /** USD for Anthropic's usage at the catalog's prices (reads, 5-minute and 1-hour writes apart). */
  function priced(u: Anthropic.Usage): number {
    const p = sonnet.pricing;
    const h1 = u.cache_creation?.ephemeral_1h_input_tokens ?? 0;
    const m5 = (u.cache_creation_input_tokens ?? 0) - h1;
    return (
      (u.input_tokens * p.inputPerMTok +
        (u.cache_read_input_tokens ?? 0) * p.cachedInputPerMTok! +
        m5 * p.cacheWritePerMTok! +
        h1 * p.cacheWrite1hPerMTok! +
        u.output_tokens * p.outputPerMTok) /
      1e6
    );
  }

  it('sends the breakpoints, returns cache writes then reads in the usage, and bills them at their prices', async () => {
    const marker = nonce();
    const system: Anthropic.TextBlockParam[] = [{ type: 'text', text: manual(marker), cache_control: { type: 'ephemeral' } }];
    const ask = (question: string) =>
      client.messages
        .create({ model: SONNET, max_tokens: 300, system, tools: tools(), messages: [{ role: 'user', content: question }] })
        .withResponse();

    const first = await ask(`What is routed? ${marker}`);
    const [sent] = await receivedWith(`What is routed? ${marker}`);
    expect(sent.system).toEqual(system);
    expect(sent.tools).toEqual([
      {
        name: 'search',
        input_schema: { type: 'object', properties: { q: { type: 'string' } } },
        cache_control: { type: 'ephemeral', ttl: '1h' },
      },
    ]);

    const u1 = first.data.usage;
    expect(u1.cache_read_input_tokens).toBe(0);
    expect(u1.cache_creation_input_tokens).toBeGreaterThan(100);
    expect(u1.cache_creation?.ephemeral_1h_input_tokens).toBeGreaterThan(0);
    expect(u1.cache_creation?.ephemeral_5m_input_tokens).toBeGreaterThan(0);
    const d1 = await decision(key, first.response.headers.get('x-cailos-decision-id')!);
    expect(d1.costUsd).toBeCloseTo(priced(u1), 12);

    const second = await ask(`What is a fallback? ${marker}`);
    const u2 = second.data.usage;
    expect(u2.cache_read_input_tokens).toBe(u1.cache_creation_input_tokens);
    expect(u2.cache_creation_input_tokens).toBe(0);
    const d2 = await decision(key, second.response.headers.get('x-cailos-decision-id')!);
    expect(d2.costUsd).toBeCloseTo(priced(u2), 12);
    expect(d2.costUsd).toBeLessThan(d1.costUsd);
  });

  it('reports the cache usage at the end of a stream too', async () => {
    const marker = nonce();
    const system: Anthropic.TextBlockParam[] = [{ type: 'text', text: manual(marker), cache_control: { type: 'ephemeral' } }];
    const run = (question: string) =>
      client.messages.stream({ model: SONNET, max_tokens: 300, system, messages: [{ role: 'user', content: question }] }).finalMessage();
    const first = await run(`Stream one ${marker}`);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(100);
    const second = await run(`Stream two ${marker}`);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.input_tokens).toBeGreaterThan(0);
  });
});
