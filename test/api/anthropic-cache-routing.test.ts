import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, BASE, createTestKey, decisionTrace, workerFetch } from '../helpers/gateway';

/**
 * cache_control and thinking from /v1/messages, as the providers receive them (the simulated fleet's
 * recorder), and cache affinity: a conversation that marks cache breakpoints stays on the endpoint
 * holding its prompt cache while that endpoint passes the request's constraints.
 */

const HAIKU = 'anthropic/claude-haiku-4-5-20251001';
const SONNET = 'anthropic/claude-sonnet-4-6';

let key: string;
let client: Anthropic;
const clientFor = (apiKey: string) => new Anthropic({ baseURL: BASE, apiKey, fetch: workerFetch as typeof fetch, maxRetries: 0 });

beforeAll(async () => {
  key = (await createTestKey({ name: 'anthropic-cache' })).key;
  client = clientFor(key);
});

async function recording(on: boolean): Promise<void> {
  expect((await admin('/sim/recorder', { body: { on } })).status).toBe(200);
}

/** The bodies the simulated endpoint received since recording started. */
async function received(endpointId: string): Promise<Record<string, unknown>[]> {
  const res = (await (await admin('/sim/received')).json()) as { data: { endpointId: string; body: string }[] };
  return res.data.filter((r) => r.endpointId === endpointId).map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

const trace = (apiKey: string, decisionId: string) =>
  decisionTrace<{ stages: { stage: string; note?: string }[]; chain: string[] }>(apiKey, decisionId);

const MANUAL = `You answer questions about the Cailos manual. ${'The gateway routes each request to an endpoint. '.repeat(40)}`;
const cachedSystem: Anthropic.TextBlockParam[] = [{ type: 'text', text: MANUAL, cache_control: { type: 'ephemeral' } }];
const tool: Anthropic.Tool = {
  name: 'search_manual',
  description: 'Search the manual',
  input_schema: { type: 'object', properties: { q: { type: 'string' } } },
  cache_control: { type: 'ephemeral', ttl: '1h' },
};

describe('what providers receive', () => {
  beforeEach(() => recording(true));
  afterAll(() => recording(false));

  it('an Anthropic endpoint gets every cache_control breakpoint; an OpenAI-format one none', async () => {
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: [{ type: 'text', text: 'Where is routing described?', cache_control: { type: 'ephemeral' } }] },
    ];
    await client.messages.create({ model: HAIKU, max_tokens: 200, system: cachedSystem, tools: [tool], messages });
    const [toAnthropic] = await received(HAIKU);
    expect(toAnthropic.system).toEqual([{ type: 'text', text: MANUAL, cache_control: { type: 'ephemeral' } }]);
    expect(toAnthropic.tools).toEqual([{ ...tool }]);
    expect(toAnthropic.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Where is routing described?', cache_control: { type: 'ephemeral' } }] },
    ]);

    await client.messages.create({ model: 'openai/gpt-4o-mini', max_tokens: 200, system: cachedSystem, tools: [tool], messages });
    const [toOpenAI] = await received('openai/gpt-4o-mini');
    expect(JSON.stringify(toOpenAI)).not.toContain('cache_control');
    expect((toOpenAI.messages as { content: unknown }[])[0].content).toEqual([{ type: 'text', text: MANUAL }]);
  });

  it('thinking goes to Anthropic endpoints in the form each model takes, as reasoning_effort to a reasoning OpenAI model', async () => {
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Plan a three-day trip to Porto.' }];
    // This SDK version's types no longer list temperature; the Messages API still takes it.
    const warm = { temperature: 0.2 };
    await client.messages.create({ model: SONNET, max_tokens: 4096, ...warm, thinking: { type: 'adaptive' }, messages });
    await client.messages.create({ model: HAIKU, max_tokens: 4096, thinking: { type: 'adaptive' }, messages });
    await client.messages.create({
      model: HAIKU,
      max_tokens: 4096,
      ...warm,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages,
    });
    await client.messages.create({ model: 'openai/gpt-5', max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages });
    await client.messages.create({
      model: 'openai/gpt-4o-mini',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages,
    });

    const [sonnet] = await received(SONNET);
    expect(sonnet.thinking).toEqual({ type: 'adaptive' });
    expect(sonnet.temperature).toBeUndefined();
    const [haikuAdaptive, haikuBudget] = await received(HAIKU);
    expect(haikuAdaptive.thinking).toBeUndefined(); // Haiku 4.5 takes budgets only
    expect(haikuBudget.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(haikuBudget.temperature).toBeUndefined();
    const [gpt5] = await received('openai/gpt-5');
    expect(gpt5.reasoning_effort).toBe('low');
    expect(gpt5.thinking).toBeUndefined();
    const [mini] = await received('openai/gpt-4o-mini');
    expect(mini.reasoning_effort).toBeUndefined();
    expect(mini.thinking).toBeUndefined();
  });

  it('thinking blocks of the history go back to an Anthropic endpoint verbatim, and nowhere else', async () => {
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: 'Is 91 prime?' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: '91 = 7 × 13.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pk' },
          { type: 'text', text: 'No.' },
        ],
      },
      { role: 'user', content: 'And 97?' },
    ];
    await client.messages.create({ model: SONNET, max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages });
    await client.messages.create({
      model: 'openai/gpt-4o-mini',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages,
    });
    const [sonnet] = await received(SONNET);
    expect((sonnet.messages as { content: unknown }[])[1].content).toEqual([
      { type: 'thinking', thinking: '91 = 7 × 13.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pk' },
      { type: 'text', text: 'No.' },
    ]);
    const [mini] = await received('openai/gpt-4o-mini');
    expect(JSON.stringify(mini)).not.toContain('EqQBCgIYAh');
  });

  it('more than four breakpoints is Anthropic’s 400', async () => {
    const marked = (text: string): Anthropic.TextBlockParam => ({ type: 'text', text, cache_control: { type: 'ephemeral' } });
    const err = await client.messages
      .create({
        model: HAIKU,
        max_tokens: 100,
        system: [marked('a'), marked('b'), marked('c')],
        messages: [{ role: 'user', content: [marked('d'), marked('e')] }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
  });
});

describe('cache affinity', () => {
  const ask = (
    c: Anthropic,
    model: string,
    question: string,
    extra: Record<string, unknown> = {},
    system: Anthropic.MessageCreateParams['system'] = cachedSystem,
  ) => c.messages.create({ model, max_tokens: 200, system, messages: [{ role: 'user', content: question }], ...extra }).withResponse();

  it('keeps a conversation on the endpoint that holds its prompt cache, within the request’s constraints', async () => {
    const first = await ask(client, HAIKU, 'What is a fallback chain?');
    expect(first.response.headers.get('x-cailos-endpoint')).toBe(HAIKU);

    // Left to itself, auto:cost picks a cheaper endpoint than Haiku for this prompt.
    const uncached = await ask(client, 'auto:cost', 'What is a breaker?', {}, MANUAL);
    const cheapest = uncached.response.headers.get('x-cailos-endpoint');
    expect(cheapest).not.toBe(HAIKU);

    const again = await ask(client, 'auto:cost', 'What is a breaker?');
    expect(again.response.headers.get('x-cailos-endpoint')).toBe(HAIKU);
    const t = await trace(key, again.response.headers.get('x-cailos-decision-id')!);
    expect(t.stages.find((s) => s.stage === 'cache_affinity')?.note).toMatch(new RegExp(`^${HAIKU} holds the prompt cache .*moved first$`));
    expect(t.chain[0]).toBe(HAIKU);

    // The conversation goes on: its earlier prefix is still held there.
    const turn2 = await client.messages
      .create({
        model: 'auto:cost',
        max_tokens: 200,
        system: cachedSystem,
        messages: [
          { role: 'user', content: 'What is a breaker?' },
          { role: 'assistant', content: 'A circuit breaker per endpoint.' },
          { role: 'user', content: [{ type: 'text', text: 'When does it open?', cache_control: { type: 'ephemeral' } }] },
        ],
      })
      .withResponse();
    expect(turn2.response.headers.get('x-cailos-endpoint')).toBe(HAIKU);

    // A constraint always wins: with Anthropic denied, the request goes elsewhere and the trace says why.
    const denied = await ask(client, 'auto:cost', 'What is a breaker?', { routing: { providers: { deny: ['anthropic'] } } });
    expect(denied.response.headers.get('x-cailos-provider')).not.toBe('anthropic');
    const td = await trace(key, denied.response.headers.get('x-cailos-decision-id')!);
    expect(td.stages.find((s) => s.stage === 'cache_affinity')?.note).toBe(
      `${HAIKU} holds the prompt cache but did not pass this request's filters`,
    );
  });

  it('is per key: another key’s identical prompt gets no preference', async () => {
    await ask(client, HAIKU, 'What is the eval gate?');
    const other = clientFor((await createTestKey({ name: 'anthropic-cache-other' })).key);
    const res = await ask(other, 'auto:cost', 'What is the eval gate?');
    expect(res.response.headers.get('x-cailos-endpoint')).not.toBe(HAIKU);
  });
});
