import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, embed, embedMany, generateObject, generateText, Output, RetryError, stepCountIs, streamText, tool } from 'ai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin, BASE, clearFaults, createTestKey } from '../helpers/gateway';
import { decisionTrace, exhaustRequests, failNext, listPrice, openrouterNote, providerOf, recordingFetch } from './helpers';

/**
 * The Vercel AI SDK (`ai` 6 with `@ai-sdk/openai` 3) against Cailos, set up as its docs say for another
 * base URL: `createOpenAI({ baseURL, apiKey, fetch })`. In this version `openai('model')` calls the
 * Responses API (/v1/responses); `openai.chat('model')` calls Chat Completions. Both are covered.
 * The fetch is the worker's own (SELF) wrapped by `recordingFetch`, which also serves as the documented
 * fetch middleware that adds OpenRouter's fields to the body.
 */

let key: string;

beforeAll(async () => {
  key = (await createTestKey({ name: 'compat-ai-sdk', settings: { shield: { mode: 'off' } } })).key;
});

afterEach(async () => {
  await clearFaults();
  await admin('/breakers', { method: 'DELETE' });
});

function provider(extraBody: Record<string, unknown> = {}, apiKey = key) {
  const { fetch, sent } = recordingFetch(extraBody);
  return { openai: createOpenAI({ baseURL: `${BASE}/v1`, apiKey, fetch }), sent };
}

// 1x1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const header = (headers: Record<string, string> | undefined, name: string) => headers?.[name] ?? null;

/** `usage` of a raw response body (Chat Completions or Responses), with the gateway's `cost`. */
const costOf = (body: unknown) => (body as { usage?: { cost?: number } }).usage?.cost;

const APIS = [
  { api: 'chat', path: '/v1/chat/completions', model: (p: ReturnType<typeof provider>, id: string) => p.openai.chat(id) },
  { api: 'responses', path: '/v1/responses', model: (p: ReturnType<typeof provider>, id: string) => p.openai.responses(id) },
] as const;

describe('which API the SDK calls', () => {
  it('openai(model) defaults to the Responses API; openai.chat(model) uses Chat Completions', async () => {
    const p = provider();
    const viaDefault = await generateText({ model: p.openai('gpt-4o'), prompt: 'Say hello to the avocet.' });
    const viaChat = await generateText({ model: p.openai.chat('gpt-4o'), prompt: 'Say hello to the avocet.' });
    expect(p.sent.map((s) => new URL(s.url).pathname)).toEqual(['/v1/responses', '/v1/chat/completions']);
    expect(viaDefault.text).toContain('Say hello to the avocet.');
    expect(viaChat.text).toContain('Say hello to the avocet.');
  });
});

describe.each(APIS)('$api', ({ path, model }) => {
  it('generateText: text, usage, finish reason and the Cailos headers', async () => {
    const p = provider();
    const result = await generateText({ model: model(p, 'llama-3.3-70b'), system: 'Be brief.', prompt: 'Describe the avocet.' });
    expect(new URL(p.sent[0].url).pathname).toBe(path);
    expect(result.text).toContain('Describe the avocet.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const endpoint = header(result.response.headers, 'x-cailos-endpoint')!;
    expect(providerOf(endpoint)).toBeTruthy();
    // The SDK's own usage object has no cost field; the raw body it keeps has the gateway's.
    const cost = costOf(result.response.body)!;
    expect(cost).toBeCloseTo(listPrice(endpoint, result.usage.inputTokens!, result.usage.outputTokens!), 15);
    expect(Number(header(result.response.headers, 'x-cailos-cost'))).toBe(cost);
  });

  it('streamText: text in pieces, usage, and usage.cost in the raw final usage', async () => {
    const p = provider();
    const result = streamText({ model: model(p, 'llama-3.3-70b'), prompt: 'Describe the spoonbill.', includeRawChunks: true });
    const raw: unknown[] = [];
    let deltas = 0;
    for await (const part of result.fullStream) {
      if (part.type === 'raw') raw.push(part.rawValue);
      if (part.type === 'text-delta') deltas++;
      if (part.type === 'error') throw part.error;
    }
    expect(deltas).toBeGreaterThan(1);
    expect(await result.text).toContain('Describe the spoonbill.');
    const usage = await result.usage;
    expect(usage.outputTokens).toBeGreaterThan(0);
    const response = await result.response;
    // A stream's cost is known only at its end: no header, it is in the last usage the stream carries.
    expect(header(response.headers, 'x-cailos-cost')).toBeNull();
    const costs = raw
      .map((r) => costOf(r) ?? (r as { response?: { usage?: { cost?: number } } }).response?.usage?.cost)
      .filter((c) => c !== undefined);
    expect(costs).toHaveLength(1);
    expect(costs[0]).toBeCloseTo(listPrice(header(response.headers, 'x-cailos-endpoint')!, usage.inputTokens!, usage.outputTokens!), 15);
  });

  it('a tool loop: the SDK runs the tool and the model answers from its result', async () => {
    const p = provider();
    const calls: string[] = [];
    const weather = tool({
      description: 'Get the current weather for a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        calls.push(city);
        return `Sunny, 24 C in ${city}`;
      },
    });
    const result = await generateText({
      model: model(p, 'gpt-4o'),
      tools: { get_weather: weather },
      stopWhen: stepCountIs(4),
      prompt: 'What is the weather in Lisbon right now?',
    });
    expect(calls).toHaveLength(1);
    expect(result.steps.map((s) => s.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(result.text).toContain('Sunny, 24 C');
    expect(p.sent).toHaveLength(2);
  });

  it('a streamed tool loop', async () => {
    const p = provider();
    const result = streamText({
      model: model(p, 'gpt-4o'),
      tools: {
        get_weather: tool({
          description: 'Get the current weather for a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async () => 'Rain, 12 C',
        }),
      },
      stopWhen: stepCountIs(4),
      prompt: 'What is the weather in Porto right now?',
    });
    expect(await result.text).toContain('Rain, 12 C');
    expect((await result.steps).length).toBe(2);
  });

  it('structured output: Output.object with a zod schema, sent as json_schema', async () => {
    const p = provider();
    const schema = z.object({ city: z.string(), population: z.number().int(), coastal: z.boolean(), districts: z.array(z.string()) });
    const result = await generateText({
      model: model(p, 'gpt-4o-mini'),
      output: Output.object({ schema }),
      prompt: 'Describe Lisbon as data.',
    });
    expect(schema.safeParse(result.output).success).toBe(true);
    const body = p.sent[0].body!;
    const format = (body.response_format ?? (body.text as { format?: unknown } | undefined)?.format) as { type: string };
    expect(format.type).toBe('json_schema');
  });

  it('streamText with Output.object streams partial objects that end schema-valid', async () => {
    const p = provider();
    const schema = z.object({ city: z.string(), districts: z.array(z.string()) });
    const result = streamText({ model: model(p, 'gpt-4o-mini'), output: Output.object({ schema }), prompt: 'Describe Porto as data.' });
    let partials = 0;
    for await (const partial of result.partialOutputStream) if (partial) partials++;
    expect(partials).toBeGreaterThan(0);
    expect(schema.safeParse(await result.output).success).toBe(true);
  });

  it('maxOutputTokens caps the answer and the SDK reports finishReason "length"', async () => {
    const p = provider();
    const result = await generateText({ model: model(p, 'gpt-4o'), prompt: 'Write a long essay about herons.', maxOutputTokens: 5 });
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(5);
  });

  it('an image part reaches the model', async () => {
    const p = provider();
    const result = await generateText({
      model: model(p, 'gpt-4o'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this picture?' },
            { type: 'image', image: PNG, mediaType: 'image/png' },
          ],
        },
      ],
    });
    expect(result.text).toContain('The request carried 1 image');
  });

  it('OpenRouter fields through the fetch middleware: models fallback and provider preferences, in the trace', async () => {
    await failNext('openai/gpt-4o');
    const p = provider({ models: ['claude-sonnet'], provider: { ignore: ['groq'], sort: 'price' } });
    const result = await generateText({ model: model(p, 'openai/gpt-4o'), prompt: 'Say hello.' });
    expect(result.text.length).toBeGreaterThan(0);
    expect(header(result.response.headers, 'x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    const trace = await decisionTrace(key, header(result.response.headers, 'x-cailos-decision-id'));
    expect(trace.chain).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4-6']);
    expect(openrouterNote(trace, 'models')).toContain('claude-sonnet');
    expect(openrouterNote(trace, 'provider.ignore')).toContain('groq');
  });
});

describe('a multi-turn conversation on the Responses API (what useChat does)', () => {
  /** Turn one, then turn two with the SDK's own response messages in the history. */
  async function twoTurns(providerOptions?: { openai: { store: boolean } }) {
    const p = provider();
    const history = [{ role: 'user' as const, content: 'Name a wading bird.' }];
    const first = await generateText({ model: p.openai('gpt-4o'), messages: history, providerOptions });
    const second = await generateText({
      model: p.openai('gpt-4o'),
      messages: [...history, ...first.response.messages, { role: 'user', content: 'Where does it nest?' }],
      providerOptions,
    });
    return { second, secondInput: p.sent[1].body!.input as { type?: string; role?: string }[] };
  }

  it('with store: false the SDK resends the whole history, which Cailos answers', async () => {
    const { second, secondInput } = await twoTurns({ openai: { store: false } });
    expect(secondInput.some((item) => item.role === 'assistant')).toBe(true);
    expect(second.text).toContain('Where does it nest?');
  });

  it('with the SDK’s defaults (store unset: it assumes OpenAI keeps the items) the follow-up is answered too', async () => {
    // The SDK replaces the earlier assistant message by an `item_reference` to its item id.
    const { second, secondInput } = await twoTurns();
    expect(secondInput.some((item) => item.type === 'item_reference')).toBe(true);
    expect(second.text).toContain('Where does it nest?');
  });
});

describe('more through the SDK', () => {
  it('provider.order and :floor through the middleware reorder the chain and set the strategy', async () => {
    const p = provider({ provider: { order: ['sambanova', 'together'] } });
    const result = await generateText({ model: p.openai.chat('llama-3.3-70b:floor'), prompt: 'Say hello.' });
    expect(header(result.response.headers, 'x-cailos-strategy')).toBe('cost');
    const trace = await decisionTrace(key, header(result.response.headers, 'x-cailos-decision-id'));
    expect(trace.chain.slice(0, 2).map(providerOf)).toEqual(['sambanova', 'together']);
  });

  it('parameters no provider format defines are named in x-cailos-dropped-params', async () => {
    const p = provider({ top_k: 20, repetition_penalty: 1.1 });
    const result = await generateText({ model: p.openai.chat('openai/gpt-4o'), prompt: 'Say hello.', seed: 3 });
    expect(p.sent[0].body).toMatchObject({ seed: 3, top_k: 20 });
    expect(header(result.response.headers, 'x-cailos-dropped-params')).toBe('top_k,repetition_penalty');
  });

  it('generateObject (deprecated in ai 6, still in wide use) gets a schema-valid object', async () => {
    const p = provider();
    const schema = z.object({ name: z.string(), wingspanCm: z.number(), habitats: z.array(z.string()) });
    const { object } = await generateObject({ model: p.openai.chat('gpt-4o-mini'), schema, prompt: 'Describe the avocet as data.' });
    expect(schema.safeParse(object).success).toBe(true);
  });
});

describe('embeddings', () => {
  it('embed: one unit vector, usage, and usage.cost in the raw body', async () => {
    const p = provider();
    const result = await embed({ model: p.openai.embedding('text-embedding-3-small'), value: 'The avocet sweeps its bill.' });
    expect(result.embedding).toHaveLength(1536);
    expect(Math.hypot(...result.embedding)).toBeCloseTo(1, 5);
    expect(result.usage.tokens).toBeGreaterThan(0);
    const endpoint = header(result.response?.headers, 'x-cailos-endpoint')!;
    expect(costOf(result.response?.body)).toBeCloseTo(listPrice(endpoint, result.usage.tokens, 0), 15);
    expect(Number(header(result.response?.headers, 'x-cailos-cost'))).toBeCloseTo(costOf(result.response?.body)!, 15);
  });

  it('embedMany keeps order, matches embed, and providerOptions.openai.dimensions shortens the vectors', async () => {
    const p = provider();
    const model = p.openai.embedding('text-embedding-3-small');
    const values = ['heron', 'egret', 'spoonbill'];
    const many = await embedMany({ model, values });
    expect(many.embeddings).toHaveLength(3);
    const one = await embed({ model, value: 'egret' });
    expect(many.embeddings[1]).toEqual(one.embedding);
    expect(many.embeddings[0]).not.toEqual(many.embeddings[1]);
    const short = await embedMany({ model, values, providerOptions: { openai: { dimensions: 256 } } });
    expect(short.embeddings.every((e) => e.length === 256)).toBe(true);
  });
});

describe('errors', () => {
  it('a bad key is an APICallError with status 401, not retried', async () => {
    const p = provider({}, `cai_${'x'.repeat(40)}`);
    const err = await generateText({ model: p.openai.chat('gpt-4o'), prompt: 'hi' }).catch((e: unknown) => e);
    expect(APICallError.isInstance(err)).toBe(true);
    expect((err as APICallError).statusCode).toBe(401);
    expect((err as APICallError).isRetryable).toBe(false);
    expect(p.sent).toHaveLength(1);
  });

  it('a 429 is a retryable APICallError carrying retry-after', async () => {
    const limited = await createTestKey({ name: 'compat-ai-rpm1', settings: { requestsPerMinute: 1 } });
    await exhaustRequests(limited.key);
    const p = provider({}, limited.key);
    const err = await generateText({ model: p.openai.chat('gpt-4o-mini'), prompt: 'hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(err)).toBe(true);
    expect((err as APICallError).statusCode).toBe(429);
    expect((err as APICallError).isRetryable).toBe(true);
    expect((err as APICallError).responseHeaders?.['retry-after']).toMatch(/^\d+$/);
  });

  it('with retries, the SDK waits the retry-after and succeeds', async () => {
    const limited = await createTestKey({ name: 'compat-ai-rpm20', settings: { requestsPerMinute: 20 } });
    expect(await exhaustRequests(limited.key)).toBeLessThanOrEqual(3);
    const p = provider({}, limited.key);
    const result = await generateText({ model: p.openai.chat('gpt-4o-mini'), prompt: 'hi', maxRetries: 2 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(p.sent[0].status).toBe(429);
    expect(p.sent.at(-1)!.status).toBe(200);
    // The SDK honours a retry-after under a minute (instead of its own 2 s backoff): the gateway's must be right.
    const waited = p.sent[1].at - p.sent[0].at;
    expect(waited).toBeGreaterThanOrEqual(Number(p.sent[0].retryAfter) * 1000 - 50);
  });

  // With 1 request a minute the retry-after is a full minute, so the SDK falls back to its 2 s backoff.
  it('retries that all meet a 429 end in a RetryError whose last error is the 429', async () => {
    const limited = await createTestKey({ name: 'compat-ai-rpm1b', settings: { requestsPerMinute: 1 } });
    await exhaustRequests(limited.key);
    const p = provider({}, limited.key);
    const err = await generateText({ model: p.openai.chat('gpt-4o-mini'), prompt: 'hi', maxRetries: 1 }).catch((e: unknown) => e);
    expect(RetryError.isInstance(err)).toBe(true);
    expect(((err as RetryError).lastError as APICallError).statusCode).toBe(429);
    expect(p.sent.map((s) => s.status)).toEqual([429, 429]);
  });
});
