import OpenAI from 'openai';
import { zodResponseFormat, zodTextFormat } from 'openai/helpers/zod';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin, BASE, clearFaults, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';
import { decisionTrace, exhaustRequests, failNext, listPrice, openrouterNote, providerOf, recordingFetch } from './helpers';

/**
 * The official `openai` client (v7) against Cailos, as a developer adopting it writes code: OpenRouter's
 * routing fields sent as extra create params (the client sends params it does not model as-is, in the
 * body), `usage.cost`, the models API and embeddings. Headers are read with `.withResponse()`.
 */

let key: string;
let client: OpenAI;
let openKey: string;

beforeAll(async () => {
  key = (await createTestKey({ name: 'compat-openai' })).key;
  client = openaiClient(key);
  // Allows level 0 (free tiers), so `data_collection: "deny"` has something to exclude.
  openKey = (await createTestKey({ name: 'compat-openai-open', settings: { minTrustLevel: 0 } })).key;
});

afterEach(async () => {
  await clearFaults();
  await admin('/breakers', { method: 'DELETE' });
});

const ask = [{ role: 'user' as const, content: 'Name three birds of the Tagus estuary.' }];

/**
 * OpenRouter's fields are not in the client's types: a developer spreads them in (or uses
 * `// @ts-expect-error`); the client sends them unchanged.
 */
type Extra = Record<string, unknown>;
const chatParams = (model: string, extra: Extra = {}) =>
  ({ model, messages: ask, ...extra }) as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;

async function routedChat(model: string, extra: Extra = {}, c = client, apiKey = key) {
  const { data, response } = await c.chat.completions.create(chatParams(model, extra)).withResponse();
  return { data, response, trace: await decisionTrace(apiKey, response.headers.get('x-cailos-decision-id')) };
}

describe('OpenRouter routing fields as extra create params', () => {
  it('the client sends them in the body unchanged', async () => {
    const { fetch, sent } = recordingFetch();
    const spy = new OpenAI({ apiKey: key, baseURL: `${BASE}/v1`, fetch, maxRetries: 0 });
    await spy.chat.completions.create(chatParams('gpt-4o', { models: ['claude-sonnet'], provider: { order: ['openai'] } }));
    expect(sent[0].body).toMatchObject({ models: ['claude-sonnet'], provider: { order: ['openai'] } });
  });

  it('models: a failing primary falls back to the next model, and the trace says why', async () => {
    await failNext('openai/gpt-4o');
    const { data, response, trace } = await routedChat('openai/gpt-4o', { models: ['claude-sonnet'], route: 'fallback' });
    expect(data.choices[0].message.content).toBeTruthy();
    expect(response.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    expect(data.model).toMatch(/claude-sonnet/);
    expect(trace.chain).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4-6']);
    expect(openrouterNote(trace, 'models')).toContain('claude-sonnet');
  });

  it('provider.order puts those providers first, in that order', async () => {
    const { trace } = await routedChat('llama-3.3-70b:cost', { provider: { order: ['sambanova', 'together'] } });
    expect(trace.chain.slice(0, 2).map(providerOf)).toEqual(['sambanova', 'together']);
    expect(openrouterNote(trace, 'provider.order')).toContain('sambanova');
  });

  it('provider.only / ignore / allow_fallbacks: false restrict the providers', async () => {
    const only = await routedChat('llama-3.3-70b', { provider: { only: ['deepinfra', 'novita'] } });
    expect(only.trace.chain.length).toBeGreaterThan(0);
    expect(only.trace.chain.every((id) => ['deepinfra', 'novita'].includes(providerOf(id)))).toBe(true);

    const ignore = await routedChat('llama-3.3-70b:cost', { provider: { ignore: ['deepinfra', 'openrouter'] } });
    expect(ignore.trace.chain.some((id) => ['deepinfra', 'openrouter'].includes(providerOf(id)))).toBe(false);
    expect(ignore.trace.dropped.find((d) => d.id.startsWith('deepinfra/'))).toMatchObject({ stage: 'policy' });

    const strict = await routedChat('llama-3.3-70b', { provider: { order: ['groq', 'nscale'], allow_fallbacks: false } });
    expect(strict.trace.chain.map(providerOf).sort()).toEqual(['groq', 'nscale']);
  });

  it('provider.sort, :nitro and :floor choose the strategy', async () => {
    const strategy = async (model: string, extra: Extra = {}) =>
      (await client.chat.completions.create(chatParams(model, extra)).withResponse()).response.headers.get('x-cailos-strategy');
    expect(await strategy('llama-3.3-70b', { provider: { sort: 'price' } })).toBe('cost');
    expect(await strategy('llama-3.3-70b', { provider: { sort: 'throughput' } })).toBe('speed');
    expect(await strategy('llama-3.3-70b:nitro')).toBe('speed');
    expect(await strategy('llama-3.3-70b:floor')).toBe('cost');
    expect(await strategy('auto:nitro')).toBe('speed');
  });

  it('provider.max_price drops endpoints above the cap (USD per million tokens)', async () => {
    const { trace } = await routedChat('llama-3.3-70b', { provider: { max_price: { prompt: 0.2, completion: '0.35' } } });
    expect(trace.chain.length).toBeGreaterThan(0);
    for (const id of trace.chain) expect(listPrice(id, 1_000_000, 0)).toBeLessThanOrEqual(0.2);
    const groq = trace.dropped.find((d) => d.id === 'groq/llama-3.3-70b-versatile');
    expect(groq).toMatchObject({ stage: 'budget' });
  });

  it('provider.data_collection: "deny" keeps inputs away from endpoints that may train on them', async () => {
    const openClient = openaiClient(openKey);
    const open = await routedChat('llama-3.3-70b:cost', {}, openClient, openKey);
    expect(open.trace.chain.some((id) => id.startsWith('openrouter-free/'))).toBe(true);
    const deny = await routedChat('llama-3.3-70b:cost', { provider: { data_collection: 'deny' } }, openClient, openKey);
    expect(deny.trace.chain.some((id) => id.startsWith('openrouter-free/'))).toBe(false);
    expect(deny.trace.dropped.find((d) => d.id.startsWith('openrouter-free/'))).toMatchObject({ stage: 'trust' });
  });

  it('provider.zdr: true narrows to zero-retention endpoints; none is the SDK’s UnprocessableEntityError', async () => {
    const { trace } = await routedChat('llama-3.3-70b', { provider: { zdr: true } });
    expect(trace.chain).toEqual(['tinfoil/llama3-3-70b']);
    const err = await client.chat.completions.create(chatParams('gpt-4o', { provider: { zdr: true } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('no_endpoint_meets_constraints');
  });

  it('provider.require_parameters routes past an endpoint whose format would drop a parameter sent', async () => {
    const plain = await routedChat('claude-sonnet', { models: ['gpt-4o'], seed: 7 });
    expect(plain.response.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    expect(plain.response.headers.get('x-cailos-dropped-params')).toBe('seed');
    const strict = await routedChat('claude-sonnet', { models: ['gpt-4o'], seed: 7, provider: { require_parameters: true } });
    expect(strict.response.headers.get('x-cailos-endpoint')).toBe('openai/gpt-4o');
    expect(strict.response.headers.get('x-cailos-dropped-params')).toBeNull();
    expect(strict.trace.dropped.find((d) => d.id === 'anthropic/claude-sonnet-4-6')).toMatchObject({ stage: 'capabilities' });
  });

  it('other gateways’ extensions are dropped and named in x-cailos-dropped-params and the trace', async () => {
    const { response, trace } = await routedChat('openai/gpt-4o', { top_k: 40, transforms: ['middle-out'] });
    expect(response.headers.get('x-cailos-dropped-params')).toBe('top_k,transforms');
    expect(trace.droppedParams).toEqual(['top_k', 'transforms']);
  });

  it('a malformed provider object is the SDK’s BadRequestError naming the param', async () => {
    const err = await client.chat.completions.create(chatParams('gpt-4o', { provider: { order: 'groq' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.APIError>).param).toBe('provider.order');
  });

  it('work on a stream, headers read before the first chunk', async () => {
    await failNext('openai/gpt-4o');
    const { data: stream, response } = await client.chat.completions
      .create({ ...chatParams('openai/gpt-4o', { models: ['claude-sonnet'], top_k: 3 }), stream: true })
      .withResponse();
    expect(response.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    expect(response.headers.get('x-cailos-dropped-params')).toBe('top_k');
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text.length).toBeGreaterThan(0);
  });

  it('work on client.responses.create too', async () => {
    await failNext('openai/gpt-4o');
    const { data, response } = await client.responses
      .create({ model: 'openai/gpt-4o', input: 'Say hello.', ...({ models: ['claude-sonnet'], provider: { ignore: ['groq'] } } as object) })
      .withResponse();
    expect(data.output_text.length).toBeGreaterThan(0);
    expect(response.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    const trace = await decisionTrace(key, response.headers.get('x-cailos-decision-id'));
    expect(trace.chain).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4-6']);
    expect(openrouterNote(trace, 'provider.ignore')).toContain('groq');
  });
});

interface CostUsage {
  cost?: number;
}

describe('usage.cost and x-cailos-cost', () => {
  it('chat, not streamed: usage.cost is the catalog price of the usage, and the header says the same', async () => {
    const { data, response } = await client.chat.completions.create(chatParams('llama-3.3-70b')).withResponse();
    const cost = (data.usage as OpenAI.CompletionUsage & CostUsage).cost!;
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeCloseTo(
      listPrice(response.headers.get('x-cailos-endpoint')!, data.usage!.prompt_tokens, data.usage!.completion_tokens),
      15,
    );
    expect(Number(response.headers.get('x-cailos-cost'))).toBe(cost);
  });

  it('chat, streamed: the final usage chunk carries usage.cost; no header (known only at the end)', async () => {
    const { data: stream, response } = await client.chat.completions
      .create({ ...chatParams('llama-3.3-70b'), stream: true, stream_options: { include_usage: true } })
      .withResponse();
    expect(response.headers.get('x-cailos-cost')).toBeNull();
    let usage: (OpenAI.CompletionUsage & CostUsage) | null | undefined;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    expect(usage!.cost).toBeGreaterThan(0);
    expect(usage!.cost).toBeCloseTo(
      listPrice(response.headers.get('x-cailos-endpoint')!, usage!.prompt_tokens, usage!.completion_tokens),
      15,
    );
  });

  it('chat, the .stream() helper: finalChatCompletion() keeps usage.cost', async () => {
    const stream = client.chat.completions.stream({ model: 'llama-3.3-70b', messages: ask, stream_options: { include_usage: true } });
    const final = await stream.finalChatCompletion();
    expect((final.usage as OpenAI.CompletionUsage & CostUsage).cost).toBeGreaterThan(0);
  });

  it('responses, not streamed and streamed', async () => {
    const { data, response } = await client.responses.create({ model: 'llama-3.3-70b', input: 'Describe the dipper.' }).withResponse();
    const cost = (data.usage as OpenAI.Responses.ResponseUsage & CostUsage).cost!;
    expect(cost).toBeCloseTo(
      listPrice(response.headers.get('x-cailos-endpoint')!, data.usage!.input_tokens, data.usage!.output_tokens),
      15,
    );
    expect(cost).toBeGreaterThan(0);
    expect(Number(response.headers.get('x-cailos-cost'))).toBe(cost);

    const stream = client.responses.stream({ model: 'llama-3.3-70b', input: 'Describe the dipper.' });
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) if (event.type === 'response.completed') completed = event.response;
    const final = await stream.finalResponse();
    expect((completed!.usage as CostUsage).cost).toBeGreaterThan(0);
    expect((final.usage as CostUsage).cost).toBe((completed!.usage as CostUsage).cost);
  });
});

describe('client.models', () => {
  it('list() pages through auto, its strategies and the families', async () => {
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    for (const id of ['auto', 'auto:cost', 'auto:quality', 'gpt-4o', 'claude-sonnet', 'llama-3.3-70b']) expect(ids).toContain(id);
  });

  it("retrieve('auto') is the router; an endpoint id (slash encoded by the SDK) is that endpoint", async () => {
    const auto = (await client.models.retrieve('auto')) as OpenAI.Models.Model & { kind: string; pricing: unknown };
    expect(auto).toMatchObject({ id: 'auto', object: 'model', kind: 'router', pricing: null });
    const groq = (await client.models.retrieve('groq/llama-3.3-70b-versatile')) as OpenAI.Models.Model & {
      kind: string;
      providers: string[];
    };
    expect(groq).toMatchObject({ id: 'groq/llama-3.3-70b-versatile', kind: 'endpoint', providers: ['groq'] });
    const err = await client.models.retrieve('no-such-model').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("retrieve('auto:cost') (the colon percent-encoded by the SDK) names its strategy", async () => {
    const entry = (await client.models.retrieve('auto:cost')) as OpenAI.Models.Model & { strategy: string };
    expect(entry).toMatchObject({ id: 'auto:cost', kind: 'router', strategy: 'cost' });
  });

  it('the listed per-token price is what a request to that endpoint costs', async () => {
    const entry = (await client.models.retrieve('openai/gpt-4o')) as OpenAI.Models.Model & {
      pricing: { prompt: string; completion: string };
    };
    const { data } = await client.chat.completions.create(chatParams('openai/gpt-4o')).withResponse();
    const expected =
      data.usage!.prompt_tokens * Number(entry.pricing.prompt) + data.usage!.completion_tokens * Number(entry.pricing.completion);
    expect((data.usage as OpenAI.CompletionUsage & CostUsage).cost).toBeCloseTo(expected, 15);
  });
});

describe('the SDK’s helpers: structured output and tool runs', () => {
  const City = z.object({ city: z.string(), districts: z.array(z.string()) });

  it('chat.completions.parse with zodResponseFormat', async () => {
    const done = await client.chat.completions.parse({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Lisbon as data.' }],
      response_format: zodResponseFormat(City, 'city'),
    });
    expect(City.safeParse(done.choices[0].message.parsed).success).toBe(true);
  });

  it('responses.parse with zodTextFormat', async () => {
    const done = await client.responses.parse({
      model: 'gpt-4o-mini',
      input: 'Lisbon as data.',
      text: { format: zodTextFormat(City, 'city') },
    });
    expect(City.safeParse(done.output_parsed).success).toBe(true);
  });

  it('chat.completions.runTools calls the function and finishes from its result', async () => {
    const calls: string[] = [];
    const runner = client.chat.completions.runTools({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'What is the weather in Lisbon?' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Get the current weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            parse: JSON.parse,
            function: (args: { city: string }) => {
              calls.push(args.city);
              return 'Sunny, 24 C';
            },
          },
        },
      ],
    });
    expect(await runner.finalContent()).toContain('Sunny, 24 C');
    expect(calls).toHaveLength(1);
  });
});

describe('client.embeddings.create', () => {
  const norm = (v: number[]) => Math.hypot(...v);

  it('one text: a unit vector, usage.cost priced at the endpoint, routing headers and a trace', async () => {
    const { data, response } = await client.embeddings
      .create({ model: 'text-embedding-3-small', input: 'The kingfisher dives.' })
      .withResponse();
    expect(data.data).toHaveLength(1);
    expect(data.data[0].embedding).toHaveLength(1536);
    expect(norm(data.data[0].embedding)).toBeCloseTo(1, 5);
    const endpoint = response.headers.get('x-cailos-endpoint')!;
    const cost = (data.usage as OpenAI.Embeddings.CreateEmbeddingResponse.Usage & CostUsage).cost!;
    expect(cost).toBeCloseTo(listPrice(endpoint, data.usage.prompt_tokens, 0), 15);
    expect(Number(response.headers.get('x-cailos-cost'))).toBeCloseTo(cost, 15);
    const trace = await decisionTrace(key, response.headers.get('x-cailos-decision-id'));
    expect(trace.chain[0]).toBe(endpoint);
  });

  it('a batch keeps order; each vector is the one that text gets alone; dimensions shortens them', async () => {
    const texts = ['heron', 'egret', 'spoonbill'];
    const batch = await client.embeddings.create({ model: 'auto', input: texts });
    expect(batch.model).toBe('text-embedding-3-small');
    expect(batch.data.map((d) => d.index)).toEqual([0, 1, 2]);
    const alone = await client.embeddings.create({ model: 'auto', input: 'egret' });
    expect(batch.data[1].embedding).toEqual(alone.data[0].embedding);
    expect(batch.data[0].embedding).not.toEqual(batch.data[1].embedding);
    const short = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'heron', dimensions: 256 });
    expect(short.data[0].embedding).toHaveLength(256);
  });
});

describe('errors through the SDK’s classes', () => {
  it('a bad key is AuthenticationError (401)', async () => {
    const err = await openaiClient(`cai_${'x'.repeat(40)}`)
      .chat.completions.create(chatParams('gpt-4o'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(401);
  });

  it('an unknown model is NotFoundError with code model_not_found', async () => {
    const err = await client.chat.completions.create(chatParams('no-such-model-xyz')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('model_not_found');
  });

  it('a 429 is RateLimitError with retry-after; with retries the client waits it out and succeeds', async () => {
    const limited = await createTestKey({ name: 'compat-openai-rpm', settings: { requestsPerMinute: 20 } });
    const retryAfter = await exhaustRequests(limited.key);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3);
    const noRetry = await openaiClient(limited.key)
      .chat.completions.create(chatParams('gpt-4o-mini'))
      .catch((e: unknown) => e);
    expect(noRetry).toBeInstanceOf(OpenAI.RateLimitError);
    expect((noRetry as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toMatch(/^\d+$/);

    const { fetch, sent } = recordingFetch();
    const patient = new OpenAI({ apiKey: limited.key, baseURL: `${BASE}/v1`, fetch, maxRetries: 2 });
    const answer = await patient.chat.completions.create(chatParams('gpt-4o-mini'));
    expect(answer.choices[0].message.content).toBeTruthy();
    expect(sent.map((s) => s.status)).toContain(429);
    expect(sent.at(-1)!.status).toBe(200);
  });

  it('the decision of an error-free request is readable with client.get', async () => {
    const { response } = await client.chat.completions.create(chatParams('gpt-4o')).withResponse();
    const id = response.headers.get('x-cailos-decision-id')!;
    await decisionTrace(key, id);
    const decision = (await client.get(`/routing/decisions/${id}`)) as { trace: { chain: string[] } };
    expect(decision.trace.chain[0]).toBe(response.headers.get('x-cailos-endpoint'));
    const res = await workerFetch(`${BASE}/v1/routing/decisions/${id}`);
    expect(res.status).toBe(401);
  });
});
