import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admin, BASE, chat, clearFaults, createTestKey, workerFetch } from '../helpers/gateway';
import { OPENAPI_SOURCE, schemaErrors, type SchemaName } from './openapi-schema';

/**
 * Bodies the gateway sends, validated against OpenAI's published OpenAPI document (the vendored subset
 * in test/fixtures/openai-openapi/): whole answers, every streamed chunk or event, and error bodies,
 * from real requests to the worker (simulated fleet).
 */

let key: string;

beforeAll(async () => {
  key = (await createTestKey({ name: 'openapi-conformance', settings: { shield: { mode: 'off' } } })).key;
});

afterEach(clearFaults);

function expectConforms(name: SchemaName, value: unknown): void {
  expect(schemaErrors(name, value), `${name} (openai-openapi ${OPENAPI_SOURCE.version} @${OPENAPI_SOURCE.commit.slice(0, 7)})`).toEqual([]);
}

function post(path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${key}` }): Promise<Response> {
  return workerFetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** `data:` payloads of an SSE body, `[DONE]` excluded. */
async function sseData(res: Response): Promise<unknown[]> {
  return (await res.text())
    .split('\n\n')
    .flatMap((frame) => frame.split('\n').filter((l) => l.startsWith('data: ')))
    .map((l) => l.slice('data: '.length))
    .filter((d) => d !== '[DONE]')
    .map((d) => JSON.parse(d) as unknown);
}

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const ASK_WEATHER = [{ role: 'user', content: 'What is the weather in Lisbon?' }];

interface ChatBody {
  choices: { message: { refusal?: unknown; tool_calls?: unknown[] }; finish_reason: string }[];
}

describe('chat completions conform to CreateChatCompletionResponse / CreateChatCompletionStreamResponse', () => {
  it('a text answer, refusal null included', async () => {
    const res = await chat(key, { model: 'auto', messages: [{ role: 'user', content: 'Describe the avocet.' }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ChatBody;
    expectConforms('CreateChatCompletionResponse', body);
    expect(body.choices[0].message.refusal).toBeNull();
  });

  it('a tool call', async () => {
    const res = await chat(key, { model: 'auto', messages: ASK_WEATHER, tools: [WEATHER_TOOL] });
    const body = (await res.json()) as ChatBody;
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(body.choices[0].message.tool_calls).toHaveLength(1);
    expectConforms('CreateChatCompletionResponse', body);
  });

  it('every chunk of a stream with include_usage, the usage chunk included', async () => {
    const res = await chat(key, {
      model: 'auto',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Describe the stilt.' }],
    });
    const chunks = (await sseData(res)) as { usage?: unknown }[];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.at(-1)!.usage).toBeTruthy();
    for (const chunk of chunks) expectConforms('CreateChatCompletionStreamResponse', chunk);
  });

  it('every chunk of a streamed tool call', async () => {
    const res = await chat(key, { model: 'auto', stream: true, messages: ASK_WEATHER, tools: [WEATHER_TOOL] });
    const chunks = (await sseData(res)) as { choices: { delta: { tool_calls?: unknown } }[] }[];
    expect(chunks.some((c) => c.choices[0]?.delta.tool_calls)).toBe(true);
    for (const chunk of chunks) expectConforms('CreateChatCompletionStreamResponse', chunk);
  });
});

describe('errors conform to ErrorResponse', () => {
  const cases: [string, () => Promise<Response>, number][] = [
    ['an unknown model', () => chat(key, { model: 'no-such-model', messages: ASK_WEATHER }), 404],
    ['malformed JSON', () => post('/v1/chat/completions', '{"model":'), 400],
    ['a wrongly typed field', () => chat(key, { model: 'auto', messages: ASK_WEATHER, temperature: 'hot' }), 400],
    ['a missing key', () => post('/v1/chat/completions', { model: 'auto', messages: ASK_WEATHER }, {}), 401],
    ['an unknown route', () => post('/v1/completions', { model: 'auto', prompt: 'x' }), 404],
    [
      'a stored-response field on /v1/responses',
      () => post('/v1/responses', { model: 'auto', input: 'x', previous_response_id: 'r' }),
      400,
    ],
  ];
  for (const [what, send, status] of cases) {
    it(what, async () => {
      const res = await send();
      expect(res.status).toBe(status);
      expectConforms('ErrorResponse', await res.json());
    });
  }

  it('the error frame that ends a stream broken off after the answer began', async () => {
    await admin('/sim/faults', { body: { target: '*', fault: 'truncated_sse', times: 1 } });
    const res = await chat(key, {
      model: 'llama-3.1-8b',
      stream: true,
      messages: [{ role: 'user', content: 'Write a long essay about the sea.' }],
    });
    const frames = (await sseData(res)) as { error?: unknown }[];
    const last = frames.at(-1)!;
    expect(last.error).toBeTruthy();
    expectConforms('ErrorResponse', last);
    for (const chunk of frames.slice(0, -1)) expectConforms('CreateChatCompletionStreamResponse', chunk);
  });
});

describe('the Responses API conforms to Response / ResponseStreamEvent', () => {
  // No `strict`: the echo must still carry it (null), as the schema requires.
  const tool = {
    type: 'function',
    name: 'get_weather',
    description: 'Get the current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  };

  it('a response with a function call, its tools echoed and usage detailed', async () => {
    const res = await post('/v1/responses', { model: 'auto', input: 'What is the weather in Lisbon?', tools: [tool] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      output: { type: string }[];
      tools: { strict: unknown }[];
      usage: { input_tokens_details: { cache_write_tokens: unknown } };
    };
    expect(body.output.some((o) => o.type === 'function_call')).toBe(true);
    expect(body.tools[0].strict).toBeNull();
    expect(body.usage.input_tokens_details.cache_write_tokens).toBe(0);
    expectConforms('Response', body);
  });

  it('a response with strict function tools echoes strict as sent', async () => {
    const res = await post('/v1/responses', { model: 'auto', input: 'What is the weather in Porto?', tools: [{ ...tool, strict: false }] });
    const body = (await res.json()) as { tools: { strict: unknown }[] };
    expect(body.tools[0].strict).toBe(false);
    expectConforms('Response', body);
  });

  it('every event of a streamed response, and the response it completes with', async () => {
    const res = await post('/v1/responses', { model: 'auto', input: 'What is the weather in Faro?', tools: [tool], stream: true });
    const events = (await sseData(res)) as { type: string; response?: unknown }[];
    expect(events.map((e) => e.type)).toContain('response.function_call_arguments.delta');
    for (const event of events) expectConforms('ResponseStreamEvent', event);
    const completed = events.find((e) => e.type === 'response.completed')!;
    expectConforms('Response', completed.response);
  });

  it('every event of a streamed text response', async () => {
    const res = await post('/v1/responses', { model: 'auto', input: 'Describe the curlew.', stream: true });
    const events = (await sseData(res)) as { type: string }[];
    expect(events.map((e) => e.type)).toContain('response.output_text.delta');
    for (const event of events) expectConforms('ResponseStreamEvent', event);
  });
});
