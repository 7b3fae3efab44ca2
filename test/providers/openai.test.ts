import { describe, expect, it } from 'vitest';
import { chatRequest, type FinishReason } from '../../src/hub';
import type { Endpoint } from '../../src/catalog';
import { allEndpoints } from '../../src/catalog/catalog';
import { PROVIDERS } from '../../src/catalog/providers';
import { openaiAdapter } from '../../src/providers/openai';
import { adapterFor } from '../../src/providers/registry';
import type { NormalizedResponse, StreamEvent, UpstreamTarget } from '../../src/providers/types';
import { openaiSimFormat } from '../../src/sim/formats/openai';
import type { SimErrorKind, SimTurn } from '../../src/sim/types';
import requestCases from '../fixtures/openai/requests.json';
import responseCases from '../fixtures/openai/responses.json';
import streamFixtures from '../fixtures/openai/streams.json';
import { thrownUpstreamError } from '../helpers/errors';
import { allChunkingOutcomes, contentOf, feedWhole, findChunkingMismatch } from '../helpers/sse-chunking';
import { sseFixture, type StreamFixture } from './fixtures';

/**
 * The adapter most providers use (every catalog provider whose wire format is 'openai'). Golden fixtures in
 * test/fixtures/openai/ are written from OpenAI's published Chat Completions reference: request bodies,
 * `chat.completion` objects and `chat.completion.chunk` streams (with stream_options.include_usage).
 */

const endpoint: Endpoint = {
  id: 'openai/gpt-4o',
  provider: 'openai',
  model: 'gpt-4o-2024-08-06',
  codename: 'gpt-4o',
  wireFormat: 'openai',
  pricing: { inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25, asOf: '2026-01-01', source: 'test fixture' },
  contextWindow: 128_000,
  maxOutputTokens: 16_384,
  capabilities: { tools: true, vision: true, jsonSchema: true, streaming: true },
  trustLevel: 1,
  regions: ['global'],
  latency: { ttftMs: 400, tokensPerSec: 90 },
  qualityPrior: 0.85,
};
const target: UpstreamTarget = { endpoint, baseUrl: 'https://api.openai.com/v1/', apiKey: 'sk-test-openai' };
const translator = () => openaiAdapter.createStreamTranslator();
const streamCases = (streamFixtures as StreamFixture[]).map((f) => ({ ...f, text: sseFixture('openai', f.sse) }));

function build(input: unknown, stream = false) {
  const http = openaiAdapter.buildRequest(chatRequest.parse(input), target, { stream });
  return { http, body: JSON.parse(http.body) as Record<string, unknown> };
}

describe('openai adapter registration', () => {
  it('is the adapter of every provider that speaks the openai wire format', () => {
    const openaiProviders = Object.values(PROVIDERS).filter((p) => p.wireFormat === 'openai');
    expect(openaiProviders.length).toBeGreaterThanOrEqual(15);
    expect(adapterFor('openai')).toBe(openaiAdapter);
    expect(openaiAdapter.format).toBe('openai');
  });
});

describe('openai buildRequest', () => {
  it('POSTs JSON to <baseUrl>/chat/completions with a bearer key', () => {
    const { http } = build({ model: 'auto', messages: [{ role: 'user', content: 'x' }] });
    expect(http.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(http.method).toBe('POST');
    expect(http.headers).toEqual({
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: 'Bearer sk-test-openai',
    });
    expect(build({ model: 'auto', messages: [{ role: 'user', content: 'x' }] }, true).http.headers.accept).toBe('text/event-stream');
  });

  it('sends no authorization header for a keyless self-hosted server', () => {
    const http = openaiAdapter.buildRequest(
      chatRequest.parse({ model: 'auto', messages: [{ role: 'user', content: 'x' }] }),
      { endpoint, baseUrl: 'http://10.0.0.5:8000/v1', apiKey: '' },
      { stream: false },
    );
    expect(http.url).toBe('http://10.0.0.5:8000/v1/chat/completions');
    expect(http.headers).not.toHaveProperty('authorization');
  });

  for (const c of requestCases) {
    it(`golden: ${c.name}`, () => {
      expect(build(c.input, c.stream ?? false).body).toEqual(c.expected);
    });
  }

  it('n other than 1 never reaches an adapter: the hub schema rejects it', () => {
    for (const n of [0, 2, 5]) {
      expect(chatRequest.safeParse({ model: 'auto', messages: [{ role: 'user', content: 'x' }], n }).success, `n=${n}`).toBe(false);
    }
  });

  it('caps at the endpoint it is built for, not a fixed number', () => {
    const small: UpstreamTarget = { ...target, endpoint: { ...endpoint, maxOutputTokens: 8_192 } };
    const req = chatRequest.parse({
      model: 'auto',
      messages: [{ role: 'user', content: 'x' }],
      max_tokens: 9_000,
      max_completion_tokens: 8_000,
    });
    const body = JSON.parse(openaiAdapter.buildRequest(req, small, { stream: false }).body);
    expect([body.max_tokens, body.max_completion_tokens]).toEqual([8_192, 8_000]);
    // The request object itself is left alone (a fallback to a larger endpoint gets the original value).
    expect(req.max_tokens).toBe(9_000);
  });

  it('sends max_completion_tokens where the catalog says the provider refuses max_tokens (OpenAI reasoning models)', () => {
    const strict: UpstreamTarget = { ...target, endpoint: { ...endpoint, outputLimitField: 'max_completion_tokens' } };
    const build = (extra: Record<string, number>) =>
      JSON.parse(
        openaiAdapter.buildRequest(chatRequest.parse({ model: 'auto', messages: [{ role: 'user', content: 'x' }], ...extra }), strict, {
          stream: false,
        }).body,
      );
    expect(build({ max_tokens: 64 })).toMatchObject({ max_completion_tokens: 64 });
    expect(build({ max_tokens: 64 })).not.toHaveProperty('max_tokens');
    // Both given: the tighter cap wins; above the endpoint's maximum: capped.
    expect(build({ max_tokens: 64, max_completion_tokens: 32 }).max_completion_tokens).toBe(32);
    expect(build({ max_tokens: 99_999 }).max_completion_tokens).toBe(16_384);
    expect(build({ max_completion_tokens: 100 })).toEqual(expect.objectContaining({ max_completion_tokens: 100 }));
  });

  it("the catalog marks OpenAI's own endpoints, and only them", () => {
    const marked = allEndpoints().filter((e) => e.outputLimitField === 'max_completion_tokens');
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked.map((e) => e.provider))).toEqual(new Set(['openai']));
  });
});

describe('openai parseResponse', () => {
  for (const c of responseCases) {
    it(`golden: ${c.name}`, () => {
      if ('error' in c && c.error) {
        expect(thrownUpstreamError(() => openaiAdapter.parseResponse(c.body)).failure).toMatchObject(c.error);
        return;
      }
      expect(openaiAdapter.parseResponse(c.body)).toEqual((c as { expected: NormalizedResponse }).expected);
    });
  }

  const withFinish = (finish_reason: unknown, tool_calls?: unknown[]) => ({
    choices: [{ index: 0, message: { role: 'assistant', content: tool_calls ? null : 'x', tool_calls }, finish_reason }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
  const call = { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } };

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['function_call', 'tool_calls'],
    // Spellings some OpenAI-compatible servers use.
    ['eos', 'stop'],
    ['end_turn', 'stop'],
  ] as [string, FinishReason][])('finish_reason %s → %s', (native, hub) => {
    expect(openaiAdapter.parseResponse(withFinish(native)).finishReason).toBe(hub);
  });

  it('a missing or unknown finish_reason is tool_calls when the message has tool calls, else stop', () => {
    expect(openaiAdapter.parseResponse(withFinish(null)).finishReason).toBe('stop');
    expect(openaiAdapter.parseResponse(withFinish('something_new')).finishReason).toBe('stop');
    expect(openaiAdapter.parseResponse(withFinish(null, [call])).finishReason).toBe('tool_calls');
    expect(openaiAdapter.parseResponse(withFinish('constructor')).finishReason).toBe('stop');
  });

  it('tool calls finished with "stop" (what OpenAI sends for a named tool_choice) keep stop, as OpenAI reports it', () => {
    const r = openaiAdapter.parseResponse(withFinish('stop', [call]));
    expect(r.finishReason).toBe('stop');
    expect(r.message.tool_calls).toEqual([call]);
  });

  it('tolerates compatible servers that send object arguments or omit tool-call ids', () => {
    const r = openaiAdapter.parseResponse(
      withFinish('tool_calls', [
        { type: 'function', function: { name: 'a', arguments: { city: 'Oslo' } } },
        { id: 'call_b', function: { name: 'b' } },
      ]),
    );
    expect(r.message.tool_calls).toEqual([
      { id: 'call_0', type: 'function', function: { name: 'a', arguments: '{"city":"Oslo"}' } },
      { id: 'call_b', type: 'function', function: { name: 'b', arguments: '{}' } },
    ]);
  });

  it('total_tokens is recomputed from prompt and completion tokens', () => {
    const r = openaiAdapter.parseResponse({ ...withFinish('stop'), usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 999 } });
    expect(r.usage).toEqual({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 });
  });
});

describe('openai stream translator (golden fixtures, every chunking)', () => {
  for (const c of streamCases) {
    it(`golden: ${c.name}`, () => {
      const outcome = feedWhole(c.text, translator);
      expect(outcome.events).toEqual(c.expected);
      if (c.error) {
        expect(outcome.error?.name).toBe('UpstreamError');
        expect(outcome.error?.failure).toEqual(c.error);
      } else {
        expect(outcome.error).toBeUndefined();
      }
    });

    it(`chunking-independent: ${c.name} (every byte boundary + 50 random chunkings)`, () => {
      const outcomes = allChunkingOutcomes(c.text, translator, 50, 7);
      expect(outcomes.length).toBe(1 + new TextEncoder().encode(c.text).length + 1 + 50);
      expect(findChunkingMismatch(c.text, translator, 50, 7)).toBeUndefined();
    });
  }

  it('CRLF line endings translate identically under every chunking', () => {
    const tools = streamCases.find((c) => c.sse === 'stream-tool-calls.sse')!;
    const crlf = tools.text.replace(/\n/g, '\r\n');
    expect(feedWhole(crlf, translator)).toEqual({ events: tools.expected });
    expect(findChunkingMismatch(crlf, translator, 50, 11)).toBeUndefined();
  });

  const frame = (json: unknown) => `data: ${JSON.stringify(json)}\n\n`;
  const chunk = (delta: unknown, finish_reason: string | null = null, usage: unknown = null) =>
    frame({ object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason }], usage });

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['function_call', 'tool_calls'],
  ] as [string, FinishReason][])('streamed finish_reason %s → %s', (native, hub) => {
    const out = feedWhole(chunk({ content: 'x' }) + chunk({}, native) + 'data: [DONE]\n\n', translator);
    expect(out.error).toBeUndefined();
    expect(out.events.filter((e) => e.type === 'delta' && e.finishReason)).toEqual([{ type: 'delta', delta: {}, finishReason: hub }]);
  });

  it('an unknown streamed finish_reason after tool-call deltas is tool_calls', () => {
    const sse =
      chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] }) +
      chunk({}, 'something_new') +
      'data: [DONE]\n\n';
    expect(feedWhole(sse, translator).events.at(-2)).toEqual({ type: 'delta', delta: {}, finishReason: 'tool_calls' });
  });

  it('usage carried on the finish chunk itself (some compatible servers) is reported once', () => {
    const sse =
      chunk({ content: 'Hi' }) + chunk({}, 'stop', { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5 }) + 'data: [DONE]\n\n';
    expect(feedWhole(sse, translator)).toEqual({
      events: [
        { type: 'delta', delta: { content: 'Hi' }, finishReason: null },
        { type: 'delta', delta: {}, finishReason: 'stop' },
        { type: 'usage', usage: { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5 } },
        { type: 'done' },
      ],
    });
  });

  it('tool-call deltas without an index take their position in the array', () => {
    const sse =
      chunk({
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'a', arguments: '{}' } },
          { id: 'call_b', type: 'function', function: { name: 'b', arguments: '{}' } },
        ],
      }) +
      chunk({}, 'tool_calls') +
      'data: [DONE]\n\n';
    const first = feedWhole(sse, translator).events[0] as Extract<StreamEvent, { type: 'delta' }>;
    expect(first.delta.tool_calls?.map((t) => [t.index, t.id])).toEqual([
      [0, 'call_a'],
      [1, 'call_b'],
    ]);
  });

  it('non-JSON data is malformed, retryable', () => {
    const out = feedWhole(chunk({ content: 'a' }) + 'data: {"choices": [\n\n', translator);
    expect(contentOf(out.events)).toBe('a');
    expect(out.error?.failure).toMatchObject({ kind: 'malformed', retryable: true, status: 200 });
  });

  it('an empty body fails: no finish_reason was ever seen', () => {
    expect(feedWhole('', translator).error?.failure).toMatchObject({ kind: 'stream_error', retryable: true });
  });
});

describe('openai classifyError', () => {
  const classify = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    openaiAdapter.classifyError(status, typeof body === 'string' ? body : JSON.stringify(body), new Headers(headers));
  const envelope = (message: string, type: string, code: string | null, param: string | null = null) => ({
    error: { message, type, param, code },
  });

  it('400 context_length_exceeded is retryable (a larger window may take it)', () => {
    const message =
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 130542 tokens. Please reduce the length of the messages.";
    expect(classify(400, envelope(message, 'invalid_request_error', 'context_length_exceeded', 'messages'))).toEqual({
      kind: 'context_length',
      retryable: true,
      status: 400,
      message: `upstream 400: ${message}`,
    });
    // By code alone, and by message alone (compatible servers that set no code).
    expect(classify(400, envelope('Input is too long.', 'invalid_request_error', 'context_length_exceeded'))).toMatchObject({
      kind: 'context_length',
    });
    expect(classify(400, { error: { message: 'Requested tokens exceed context window of 8192' } })).toMatchObject({
      kind: 'context_length',
    });
    expect(classify(413, { error: { message: 'prompt is too long' } })).toMatchObject({ kind: 'context_length', retryable: true });
  });

  it('other 400 / 422 are non-retryable bad requests', () => {
    const message = "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.";
    expect(classify(400, envelope(message, 'invalid_request_error', null, 'tool_choice'))).toEqual({
      kind: 'bad_request',
      retryable: false,
      status: 400,
      message: `upstream 400: ${message}`,
    });
    expect(classify(422, { detail: 'unprocessable' })).toMatchObject({ kind: 'bad_request', retryable: false });
  });

  it('401 and 403 are retryable auth failures (another provider holds a working key)', () => {
    const message = 'Incorrect API key provided: sk-abc***xyz. You can find your API key at https://platform.openai.com/account/api-keys.';
    expect(classify(401, envelope(message, 'invalid_request_error', 'invalid_api_key'))).toEqual({
      kind: 'auth',
      retryable: true,
      status: 401,
      message: `upstream 401: ${message}`,
    });
    expect(
      classify(403, envelope('Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory')),
    ).toMatchObject({ kind: 'auth', retryable: true });
  });

  it('402 (the account is out of credit, as OpenRouter answers) is retryable like auth: the request is not at fault', () => {
    expect(classify(402, JSON.stringify({ error: { message: 'Insufficient credits', code: 402 } }))).toMatchObject({
      kind: 'auth',
      retryable: true,
    });
  });

  it('404 model_not_found is retryable', () => {
    const body = envelope('The model `gpt-9` does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found');
    expect(classify(404, body)).toMatchObject({ kind: 'not_found', retryable: true, status: 404 });
  });

  it('408 is a retryable timeout', () => {
    expect(classify(408, 'Request Timeout')).toEqual({
      kind: 'timeout',
      retryable: true,
      status: 408,
      message: 'upstream 408: Request Timeout',
    });
  });

  it('429 is a retryable rate limit; retry-after (seconds), retry-after-ms and an HTTP date are read', () => {
    const rate = envelope(
      'Rate limit reached for gpt-4o in organization org-abc on requests per min (RPM): Limit 500, Used 500, Requested 1.',
      'requests',
      'rate_limit_exceeded',
    );
    expect(classify(429, rate, { 'retry-after': '20' })).toEqual({
      kind: 'rate_limit',
      retryable: true,
      status: 429,
      retryAfterMs: 20_000,
      message: `upstream 429: ${rate.error.message}`,
    });
    expect(classify(429, rate, { 'retry-after': '0.5' }).retryAfterMs).toBe(500);
    expect(classify(429, rate, { 'retry-after-ms': '1500', 'retry-after': '2' }).retryAfterMs).toBe(1500);
    expect(classify(429, rate, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }).retryAfterMs).toBe(0);
    expect(classify(429, rate).retryAfterMs).toBeUndefined();
    const quota = envelope(
      'You exceeded your current quota, please check your plan and billing details.',
      'insufficient_quota',
      'insufficient_quota',
    );
    expect(classify(429, quota)).toMatchObject({ kind: 'rate_limit', retryable: true });
  });

  it('5xx are retryable server failures, 529 is overloaded', () => {
    const server = envelope('The server had an error while processing your request. Sorry about that!', 'server_error', null);
    expect(classify(500, server)).toMatchObject({ kind: 'server', retryable: true, status: 500 });
    const busy = envelope('The engine is currently overloaded, please try again later.', 'server_error', null);
    expect(classify(503, busy)).toMatchObject({ kind: 'server', retryable: true, status: 503 });
    expect(classify(502, '<html><body>502 Bad Gateway</body></html>')).toEqual({
      kind: 'server',
      retryable: true,
      status: 502,
      message: 'upstream 502: <html><body>502 Bad Gateway</body></html>',
    });
    expect(classify(504, '')).toMatchObject({ kind: 'server', message: 'upstream 504: no body' });
    expect(classify(529, server)).toMatchObject({ kind: 'overloaded', retryable: true });
  });

  it('long upstream messages are cut, so an error never carries a whole echoed prompt', () => {
    const long = 'x'.repeat(5_000);
    expect(classify(400, envelope(long, 'invalid_request_error', null)).message).toBe(`upstream 400: ${'x'.repeat(500)}`);
    expect(classify(500, long).message).toBe(`upstream 500: ${'x'.repeat(200)}`);
  });
});

describe('openai sim format round trip through the adapter', () => {
  const request = chatRequest.parse({
    model: 'auto',
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather in Paris?' },
          { type: 'image_url', image_url: { url: 'https://x/y.png' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21°C' },
    ],
    tools: [{ type: 'function', function: { name: 'get_weather', description: 'weather', parameters: { type: 'object' } } }],
    tool_choice: 'required',
    parallel_tool_calls: false,
    response_format: { type: 'json_schema', json_schema: { name: 's', schema: { type: 'object' } } },
    max_tokens: 64,
    stop: 'END',
  });
  const http = openaiAdapter.buildRequest(request, target, { stream: true });
  const view = openaiSimFormat.parseRequest(JSON.parse(http.body), new URL(http.url));

  it('parses the adapter request into the format-neutral view (usage always requested)', () => {
    expect(view).toEqual({
      model: 'gpt-4o-2024-08-06',
      stream: true,
      includeUsage: true,
      allText: ['Be brief.', 'Weather in Paris?', '\nget_weather {"city":"Paris"}', 'sunny, 21°C'].join('\n'),
      lastUserText: 'Weather in Paris?',
      lastIsToolResult: true,
      toolResultText: 'sunny, 21°C',
      calledToolNames: ['get_weather'],
      tools: [{ name: 'get_weather', description: 'weather', parameters: { type: 'object' } }],
      toolChoice: 'required',
      parallelToolCalls: false,
      jsonSchema: { type: 'object' },
      imageCount: 1,
      maxTokens: 64,
      stop: ['END'],
    });
  });

  const textTurn: SimTurn = {
    text: 'Hello — wörld 🌍, fine.',
    toolCalls: [],
    finishReason: 'stop',
    usage: { promptTokens: 30, completionTokens: 9, cachedTokens: 16 },
    textPieces: ['Hello', ' — wörld', ' 🌍, fine.'],
  };
  const toolTurn: SimTurn = {
    text: '',
    toolCalls: [
      { id: 'call_1', name: 'get_weather', arguments: '{"location":"Oslo, Norway","unit":"celsius"}' },
      { id: 'call_2', name: 'get_time', arguments: '{}' },
    ],
    finishReason: 'tool_calls',
    usage: { promptTokens: 50, completionTokens: 20 },
    textPieces: [],
  };

  it('renders JSON responses the adapter parses back', () => {
    expect(openaiAdapter.parseResponse(openaiSimFormat.renderResponse(textTurn, 'gpt-sim'))).toEqual({
      message: { role: 'assistant', content: textTurn.text },
      finishReason: 'stop',
      usage: { prompt_tokens: 30, completion_tokens: 9, total_tokens: 39, prompt_tokens_details: { cached_tokens: 16 } },
      upstreamModel: 'gpt-sim',
    });
    const tools = openaiAdapter.parseResponse(openaiSimFormat.renderResponse(toolTurn, 'gpt-sim'));
    expect(tools.finishReason).toBe('tool_calls');
    expect(tools.message.content).toBeNull();
    expect(tools.message.tool_calls).toEqual(
      toolTurn.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
    );
  });

  it('renders SSE the translator reassembles under every chunking', () => {
    for (const turn of [textTurn, toolTurn]) {
      const sse = openaiSimFormat.renderStream(turn, 'gpt-sim', view).join('');
      const { events, error } = feedWhole(sse, translator);
      expect(error).toBeUndefined();
      expect(contentOf(events)).toBe(turn.text);
      const calls: { id?: string; name?: string; arguments: string }[] = [];
      for (const e of events) {
        if (e.type !== 'delta') continue;
        for (const d of e.delta.tool_calls ?? []) {
          calls[d.index] ??= { arguments: '' };
          if (d.id) calls[d.index].id = d.id;
          if (d.function?.name) calls[d.index].name = d.function.name;
          calls[d.index].arguments += d.function?.arguments ?? '';
        }
      }
      expect(calls).toEqual(turn.toolCalls);
      expect(events.filter((e) => e.type === 'delta' && e.finishReason).length).toBe(1);
      expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
      expect(events.at(-1)).toEqual({ type: 'done' });
      expect(findChunkingMismatch(sse, translator, 50, 3)).toBeUndefined();
    }
  });

  it('an in-stream error becomes a retryable stream_error after the content already sent', () => {
    const frames = openaiSimFormat.renderStream(textTurn, 'gpt-sim', view);
    const out = feedWhole(frames.slice(0, 2).join('') + openaiSimFormat.renderStreamError('backend exploded'), translator);
    expect(contentOf(out.events)).toBe('Hello');
    expect(out.error?.failure).toMatchObject({ kind: 'stream_error', retryable: true, message: 'upstream stream error: backend exploded' });
  });

  it("an in-stream rate limit in OpenAI's shape (type 'tokens', code rate_limit_exceeded) is a rate_limit", () => {
    const frame = 'data: {"error":{"message":"Rate limit reached","type":"tokens","code":"rate_limit_exceeded"}}\n\n';
    const out = feedWhole(frame, translator);
    expect(out.error?.failure).toMatchObject({ kind: 'rate_limit', retryable: true });
  });

  it('native errors classify to the matching kinds', () => {
    const expected: Record<SimErrorKind, { kind: string; retryable: boolean; status: number }> = {
      server: { kind: 'server', retryable: true, status: 500 },
      overloaded: { kind: 'server', retryable: true, status: 503 },
      rate_limit: { kind: 'rate_limit', retryable: true, status: 429 },
      bad_request: { kind: 'bad_request', retryable: false, status: 400 },
      context_length: { kind: 'context_length', retryable: true, status: 400 },
      auth: { kind: 'auth', retryable: true, status: 401 },
    };
    for (const [kind, want] of Object.entries(expected) as [SimErrorKind, (typeof expected)[SimErrorKind]][]) {
      const err = openaiSimFormat.renderError(kind, 'simulated failure', 3);
      const failure = openaiAdapter.classifyError(err.status, err.body, new Headers(err.headers));
      expect(failure, kind).toMatchObject(want);
      if (kind === 'rate_limit') expect(failure.retryAfterMs).toBe(3000);
    }
  });
});
