import Anthropic from '@anthropic-ai/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * POST /v1/messages/count_tokens with the SDK's `client.messages.countTokens`: Anthropic's
 * `{input_tokens}` from the gateway's own estimate, the very number routing and the budget hold use
 * for the same request; authenticated like /v1/messages.
 */

let client: Anthropic;
let key: string;

beforeAll(async () => {
  key = (await createTestKey({ name: 'anthropic-count-tokens' })).key;
  client = new Anthropic({ baseURL: BASE, apiKey: key, fetch: workerFetch as typeof fetch, maxRetries: 0 });
});

const tools: Anthropic.Tool[] = [
  {
    name: 'get_weather',
    description: 'Get the current weather for a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
];
const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'What is the weather like in Lisbon this afternoon?' }];
const system = 'You are a concise assistant for travellers.';

/** The routing decision's input estimate for a request (its trace is stored after the answer). */
async function routedEstimate(decisionId: string): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const res = await workerFetch(`${BASE}/v1/routing/decisions/${decisionId}`, { headers: { authorization: `Bearer ${key}` } });
    if (res.status === 200) {
      const d = (await res.json()) as { trace: { requirements: { estimatedInputTokens: number } } };
      return d.trace.requirements.estimatedInputTokens;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`decision ${decisionId} never appeared`);
}

describe('POST /v1/messages/count_tokens', () => {
  it('answers {input_tokens} equal to the estimate routing makes for the same request', async () => {
    const counted = await client.messages.countTokens({ model: 'auto', system, tools, messages });
    expect(Object.keys(counted)).toEqual(['input_tokens']);
    expect(counted.input_tokens).toBeGreaterThan(0);
    const { response } = await client.messages.create({ model: 'auto', max_tokens: 200, system, tools, messages }).withResponse();
    expect(await routedEstimate(response.headers.get('x-cailos-decision-id')!)).toBe(counted.input_tokens);
  });

  it('counts the system prompt, the tools and every message', async () => {
    const bare = (await client.messages.countTokens({ model: 'auto', messages })).input_tokens;
    expect((await client.messages.countTokens({ model: 'auto', system, messages })).input_tokens).toBeGreaterThan(bare);
    expect((await client.messages.countTokens({ model: 'auto', tools, messages })).input_tokens).toBeGreaterThan(bare);
    const longer: Anthropic.MessageParam[] = [
      ...messages,
      { role: 'assistant', content: 'Sunny, 24 °C.' },
      { role: 'user', content: 'And tomorrow?' },
    ];
    expect((await client.messages.countTokens({ model: 'auto', messages: longer })).input_tokens).toBeGreaterThan(bare);
  });

  it('needs a key, and answers a bad one in Anthropic’s envelope', async () => {
    const anonymous = new Anthropic({ baseURL: BASE, apiKey: 'cai_not_a_key', fetch: workerFetch as typeof fetch, maxRetries: 0 });
    const err = await anonymous.messages.countTokens({ model: 'auto', messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    const res = await workerFetch(`${BASE}/v1/messages/count_tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'auto', messages }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
  });

  it('refuses an invalid body with Anthropic’s 400', async () => {
    const res = await workerFetch(`${BASE}/v1/messages/count_tokens`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'auto', messages: [] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });
});
