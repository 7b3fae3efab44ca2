import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BASE, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';
import { exhaustRequests, listPrice, recorder, simReceived } from './helpers';

/**
 * The official Anthropic SDK against Cailos with nothing but `baseURL` and a Cailos key, as a developer
 * moving a Claude app over writes it: messages (plain, streamed, structured, with cache_control and
 * thinking), countTokens, the models API in Anthropic's shape, `usage.cost`, and the SDK's error classes.
 */

let key: string;
let client: Anthropic;
const clientFor = (apiKey: string, maxRetries = 0) =>
  new Anthropic({ baseURL: BASE, apiKey, fetch: workerFetch as typeof fetch, maxRetries });

beforeAll(async () => {
  key = (await createTestKey({ name: 'compat-anthropic' })).key;
  client = clientFor(key);
});

afterEach(() => recorder(false));

const HAIKU = 'anthropic/claude-haiku-4-5-20251001';
const SONNET = 'anthropic/claude-sonnet-4-6';
const question: Anthropic.MessageParam[] = [{ role: 'user', content: 'Describe the Iberian lynx in two sentences.' }];
const textOf = (m: Anthropic.Message) => m.content.map((b) => (b.type === 'text' ? b.text : '')).join('');

/** Cailos adds `cost` (USD billed) to Anthropic's usage object; the SDK passes unknown fields through. */
type CostUsage = { cost?: number };

describe('messages.create and usage.cost', () => {
  it('answers in the Messages shape; usage.cost is the catalog price and x-cailos-cost says the same', async () => {
    const { data, response } = await client.messages.create({ model: 'claude-haiku', max_tokens: 300, messages: question }).withResponse();
    expect(data.type).toBe('message');
    expect(data.stop_reason).toBe('end_turn');
    expect(textOf(data)).toContain('Iberian lynx');
    const cost = (data.usage as Anthropic.Usage & CostUsage).cost!;
    expect(cost).toBeGreaterThan(0);
    const endpoint = response.headers.get('x-cailos-endpoint')!;
    expect(cost).toBeCloseTo(listPrice(endpoint, data.usage.input_tokens, data.usage.output_tokens), 15);
    expect(Number(response.headers.get('x-cailos-cost'))).toBe(cost);
  });

  it('stream: message_delta carries usage.cost (the SDK’s finalMessage() keeps only the usage fields it knows)', async () => {
    const stream = client.messages.stream({ model: 'claude-haiku', max_tokens: 300, messages: question });
    let deltaUsage: (Anthropic.MessageDeltaUsage & CostUsage) | undefined;
    let text = '';
    stream.on('streamEvent', (ev) => {
      if (ev.type === 'message_delta') deltaUsage = ev.usage;
    });
    stream.on('text', (t) => (text += t));
    const final = await stream.finalMessage();
    expect(text).toContain('Iberian lynx');
    expect(final.usage.output_tokens).toBeGreaterThan(0);
    expect(deltaUsage!.cost).toBeGreaterThan(0);
    const endpoint = (await stream.withResponse()).response.headers.get('x-cailos-endpoint')!;
    expect(deltaUsage!.cost).toBeCloseTo(listPrice(endpoint, final.usage.input_tokens, final.usage.output_tokens), 15);
  });
});

describe('messages.countTokens', () => {
  it('counts system, tools and messages, cache_control and thinking included', async () => {
    const tools: Anthropic.Tool[] = [
      {
        name: 'find_species',
        description: 'Look up a species',
        input_schema: { type: 'object', properties: { name: { type: 'string' } } },
      },
    ];
    const bare = await client.messages.countTokens({ model: 'claude-sonnet', messages: question });
    expect(bare.input_tokens).toBeGreaterThan(0);
    const full = await client.messages.countTokens({
      model: 'claude-sonnet',
      system: [{ type: 'text', text: 'You are a field guide to Iberian wildlife.', cache_control: { type: 'ephemeral' } }],
      tools,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: question,
    });
    expect(full.input_tokens).toBeGreaterThan(bare.input_tokens);
  });
});

describe('output_config.format (structured output)', () => {
  const Species = z.object({ name: z.string(), population: z.number().int(), endangered: z.boolean(), ranges: z.array(z.string()) });

  it.each(['claude-haiku', 'gpt-4o-mini'])('%s: messages.parse with zodOutputFormat gives a schema-valid parsed_output', async (model) => {
    const msg = await client.messages.parse({
      model,
      max_tokens: 500,
      messages: question,
      output_config: { format: zodOutputFormat(Species) },
    });
    expect(Species.safeParse(msg.parsed_output).success).toBe(true);
  });

  it('streamed: the text parses against the schema', async () => {
    const stream = client.messages.stream({
      model: 'claude-haiku',
      max_tokens: 500,
      messages: question,
      output_config: { format: zodOutputFormat(Species) },
    });
    const final = await stream.finalMessage();
    expect(Species.safeParse(JSON.parse(textOf(final))).success).toBe(true);
  });
});

describe('cache_control and thinking are accepted and reach Anthropic endpoints', () => {
  const system: Anthropic.TextBlockParam[] = [
    { type: 'text', text: `Field guide. ${'The lynx hunts rabbits at dusk. '.repeat(30)}`, cache_control: { type: 'ephemeral' } },
  ];

  it('cache_control on system, tools and messages: answered, reported in usage, forwarded as sent', async () => {
    await recorder(true);
    const tool: Anthropic.Tool = {
      name: 'find_species',
      description: 'Look up a species',
      input_schema: { type: 'object', properties: { name: { type: 'string' } } },
      cache_control: { type: 'ephemeral', ttl: '1h' },
    };
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: [{ type: 'text', text: 'What does the lynx eat?', cache_control: { type: 'ephemeral' } }] },
    ];
    const msg = await client.messages.create({ model: HAIKU, max_tokens: 300, system, tools: [tool], messages });
    expect(textOf(msg).length + msg.content.length).toBeGreaterThan(0);
    expect(typeof msg.usage.cache_read_input_tokens).toBe('number');
    expect(typeof msg.usage.cache_creation_input_tokens).toBe('number');
    const [sent] = (await simReceived()).filter((r) => r.endpointId === HAIKU);
    expect(sent.body.system).toEqual(system);
    expect(sent.body.tools).toEqual([tool]);
    expect(sent.body.messages).toEqual(messages);
  });

  it('thinking (enabled with a budget, and adaptive) is accepted, streamed too, and forwarded in the form each model takes', async () => {
    await recorder(true);
    const enabled = await client.messages.create({
      model: HAIKU,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: question,
    });
    expect(enabled.stop_reason).toBe('end_turn');
    const stream = client.messages.stream({ model: SONNET, max_tokens: 4096, thinking: { type: 'adaptive' }, messages: question });
    expect(textOf(await stream.finalMessage())).toContain('Iberian lynx');
    const sent = await simReceived();
    expect(sent.find((r) => r.endpointId === HAIKU)!.body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(sent.find((r) => r.endpointId === SONNET)!.body.thinking).toEqual({ type: 'adaptive' });
  });

  it('thinking sent to a model without it is answered, and said dropped', async () => {
    const { data, response } = await client.messages
      .create({ model: 'openai/gpt-4o-mini', max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: question })
      .withResponse();
    expect(textOf(data)).toContain('Iberian lynx');
    expect(response.headers.get('x-cailos-dropped-params')?.split(',')).toContain('thinking');
  });

  it('a history that carries thinking blocks back, as the SDK’s users do, is accepted', async () => {
    const msg = await client.messages.create({
      model: SONNET,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [
        ...question,
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'The user wants two sentences.', signature: 'sig-1' },
            { type: 'text', text: 'The Iberian lynx is a wild cat of Spain and Portugal.' },
          ],
        },
        { role: 'user', content: 'And what does it eat?' },
      ],
    });
    expect(textOf(msg)).toContain('And what does it eat?');
  });
});

describe('more of what Claude apps send', () => {
  it('client.beta.messages (?beta=true, anthropic-beta header) create and countTokens', async () => {
    const msg = await client.beta.messages.create({
      model: 'claude-haiku',
      max_tokens: 100,
      betas: ['prompt-caching-2024-07-31'],
      messages: question,
    });
    expect(msg.content[0]).toMatchObject({ type: 'text' });
    const counted = await client.beta.messages.countTokens({ model: 'claude-haiku', messages: question });
    expect(counted.input_tokens).toBe((await client.messages.countTokens({ model: 'claude-haiku', messages: question })).input_tokens);
  });

  it('a failed tool run (tool_result with is_error) is answered', async () => {
    const msg = await client.messages.create({
      model: 'claude-haiku',
      max_tokens: 300,
      tools: [{ name: 'find_species', description: 'Look up a species', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: 'Look up the lynx.' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: 'find_species', input: { name: 'lynx' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: 'database offline', is_error: true }] },
      ],
    });
    expect(msg.stop_reason).toBe('end_turn');
    expect(textOf(msg)).toContain('database offline');
  });
});

describe('models (Anthropic shape)', () => {
  it('list() pages with limit / after_id and yields every model the OpenAI shape lists', async () => {
    const first = await client.models.list({ limit: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.has_more).toBe(true);
    for (const m of first.data) {
      expect(m.type).toBe('model');
      expect(m.display_name.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(m.created_at))).toBe(false);
    }
    const ids: string[] = [];
    for await (const m of client.models.list({ limit: 7 })) ids.push(m.id);
    const openaiIds: string[] = [];
    for await (const m of openaiClient(key).models.list()) openaiIds.push(m.id);
    expect(ids).toEqual(openaiIds);
    expect(ids).toContain('claude-sonnet');
  });

  it('retrieve() answers a family and auto; an unknown id is NotFoundError in Anthropic’s envelope', async () => {
    expect(await client.models.retrieve('claude-sonnet')).toMatchObject({ type: 'model', id: 'claude-sonnet' });
    expect(await client.models.retrieve('auto')).toMatchObject({ type: 'model', id: 'auto' });
    const err = await client.models.retrieve('no-such-model').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
    expect((err as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });
});

describe('errors through the SDK’s classes', () => {
  it('a bad key is AuthenticationError', async () => {
    const err = await clientFor(`cai_${'x'.repeat(40)}`)
      .messages.create({ model: 'auto', max_tokens: 10, messages: question })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('a 429 is RateLimitError in Anthropic’s envelope, with retry-after; with retries the SDK recovers', async () => {
    const limited = await createTestKey({ name: 'compat-anthropic-rpm', settings: { requestsPerMinute: 20 } });
    await exhaustRequests(limited.key);
    const err = await clientFor(limited.key)
      .messages.create({ model: 'claude-haiku', max_tokens: 50, messages: question })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.RateLimitError);
    const apiErr = err as InstanceType<typeof Anthropic.APIError>;
    expect(apiErr.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(apiErr.headers?.get('retry-after')).toMatch(/^\d+$/);
    const msg = await clientFor(limited.key, 2).messages.create({ model: 'claude-haiku', max_tokens: 50, messages: question });
    expect(msg.type).toBe('message');
  });
});
