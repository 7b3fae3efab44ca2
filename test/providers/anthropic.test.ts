import { describe, expect, it } from 'vitest';
import { type ChatRequest, chatRequest, type FinishReason, type Usage } from '../../src/hub';
import type { Endpoint } from '../../src/catalog';
import { anthropicAdapter } from '../../src/providers/anthropic';
import { UpstreamError, type StreamEvent } from '../../src/providers';
import type { NormalizedResponse, UpstreamTarget } from '../../src/providers/types';
import { anthropicSimFormat } from '../../src/sim/formats/anthropic';
import type { SimTurn } from '../../src/sim/types';
import requestCases from '../fixtures/anthropic/requests.json';
import responseCases from '../fixtures/anthropic/responses.json';
import streamFixtures from '../fixtures/anthropic/streams.json';
import { allChunkingOutcomes, feedWhole, findChunkingMismatch } from '../helpers/sse-chunking';
import { sseFixture, type StreamFixture } from './fixtures';

/**
 * Golden fixtures (test/fixtures/anthropic/) written by hand from Anthropic's published Messages API
 * reference: hub requests and the Messages bodies they must become, native responses and SSE streams
 * and the hub results they must translate to.
 */

const endpoint: Endpoint = {
  id: 'anthropic/claude-sonnet-4-5',
  provider: 'anthropic',
  model: 'claude-sonnet-4-5',
  codename: 'claude-sonnet-4.5',
  wireFormat: 'anthropic',
  pricing: { inputPerMTok: 3, outputPerMTok: 15, asOf: '2026-01-01', source: 'test fixture' },
  contextWindow: 200_000,
  maxOutputTokens: 64_000,
  capabilities: { tools: true, vision: true, jsonSchema: true, streaming: true },
  trustLevel: 2,
  regions: ['us'],
  latency: { ttftMs: 600, tokensPerSec: 70 },
  qualityPrior: 0.9,
};
const target: UpstreamTarget = { endpoint, baseUrl: 'https://api.anthropic.com/v1', apiKey: 'sk-ant-test' };

const streamCases = (streamFixtures as StreamFixture[]).map((f) => ({ ...f, text: sseFixture('anthropic', f.sse) }));

/** Every Anthropic stop_reason and the hub finish_reason it maps to. */
const stopReasonCases: [string, FinishReason][] = [
  ['end_turn', 'stop'],
  ['stop_sequence', 'stop'],
  ['pause_turn', 'stop'],
  ['max_tokens', 'length'],
  ['model_context_window_exceeded', 'length'],
  ['tool_use', 'tool_calls'],
  ['refusal', 'content_filter'],
];

const translator = () => anthropicAdapter.createStreamTranslator();

function body(req: ChatRequest, stream = false): Record<string, unknown> {
  return JSON.parse(anthropicAdapter.buildRequest(req, target, { stream }).body);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('anthropic buildRequest', () => {
  it('targets /messages with Anthropic headers', () => {
    const req = anthropicAdapter.buildRequest(
      { model: 'auto', messages: [{ role: 'user', content: 'x' }] },
      { ...target, baseUrl: 'https://api.anthropic.com/v1/' },
      { stream: false },
    );
    expect(req.url).toBe('https://api.anthropic.com/v1/messages');
    expect(req.method).toBe('POST');
    expect(req.headers).toEqual({ 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
  });

  for (const c of requestCases) {
    it(`golden: ${c.name}`, () => {
      expect(body(chatRequest.parse(c.input), c.stream ?? false)).toEqual(c.expected);
    });
  }

  it('parallel_tool_calls:false without tool_choice still disables parallel use', () => {
    const b = body({
      model: 'auto',
      messages: [{ role: 'user', content: 'x' }],
      tools: [{ type: 'function', function: { name: 'f' } }],
      parallel_tool_calls: false,
    });
    expect(b.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
  });

  it('sends temperature without top_p when both are set, and keeps temperature 0', () => {
    const b = body({ model: 'auto', messages: [{ role: 'user', content: 'x' }], temperature: 0, top_p: 0.5 });
    expect(b.temperature).toBe(0);
    expect(b).not.toHaveProperty('top_p');
  });

  it('json_schema alongside client tools lets the model choose either (any)', () => {
    const b = body({
      model: 'auto',
      messages: [{ role: 'user', content: 'x' }],
      tools: [{ type: 'function', function: { name: 'lookup' } }],
      response_format: { type: 'json_schema', json_schema: { name: 'answer.v1', schema: { type: 'object' } } },
    });
    expect((b.tools as { name: string }[]).map((t) => t.name)).toEqual(['lookup', 'cailos_json_answer_v1']);
    expect(b.tool_choice).toEqual({ type: 'any' });
  });

  it('never sets stream unless asked', () => {
    expect(body({ model: 'auto', messages: [{ role: 'user', content: 'x' }], stream: true }, false)).not.toHaveProperty('stream');
  });

  it.each([
    ['invalid JSON arguments', '{"city": "Par', /not valid JSON/],
    ['non-object arguments', '[1,2]', /must be a JSON object/],
  ])("rejects assistant tool calls with %s as a request error (not the endpoint's failure)", (_label, args, pattern) => {
    const err = thrown(() =>
      body({
        model: 'auto',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: args } }] },
        ],
      }),
    );
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).failure).toMatchObject({ kind: 'bad_request', retryable: true, status: 0 });
    expect((err as Error).message).toMatch(pattern);
  });

  it('rejects http image URLs and images in system messages', () => {
    expect(() =>
      body({
        model: 'auto',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://example.com/a.png' } }] }],
      }),
    ).toThrow(/https URL or a base64 data URL/);
    expect(() =>
      body({
        model: 'auto',
        messages: [
          { role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://e.com/a.png' } }] },
          { role: 'user', content: 'x' },
        ],
      }),
    ).toThrow(/only contain text/);
  });
});

describe('anthropic parseResponse', () => {
  for (const c of responseCases) {
    it(`golden: ${c.name}`, () => {
      if ('error' in c && c.error) {
        const err = thrown(() => anthropicAdapter.parseResponse(c.body));
        expect(err).toBeInstanceOf(UpstreamError);
        expect((err as UpstreamError).failure).toMatchObject(c.error);
        return;
      }
      expect(anthropicAdapter.parseResponse(c.body)).toEqual((c as { expected: NormalizedResponse }).expected);
    });
  }

  it.each(stopReasonCases)('stop_reason %s → %s', (stopReason, finish) => {
    const r = anthropicAdapter.parseResponse({
      content: [{ type: 'text', text: 'x' }],
      stop_reason: stopReason,
      usage: { input_tokens: 1, output_tokens: 1 },
    });
    expect(r.finishReason).toBe(finish);
  });
});

describe('anthropic stream translator', () => {
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

  it('takes cumulative input counts from message_delta when the API repeats them there', () => {
    const t = translator();
    t.push({ data: JSON.stringify({ type: 'message_start', message: { usage: { input_tokens: 5, output_tokens: 1 } } }) });
    t.push({
      data: JSON.stringify({
        type: 'message_delta',
        delta: { stop_reason: 'end_turn' },
        usage: { input_tokens: 9, cache_read_input_tokens: 3, output_tokens: 4 },
      }),
    });
    const out = t.push({ data: JSON.stringify({ type: 'message_stop' }) });
    expect(out[0]).toEqual({
      type: 'usage',
      usage: {
        prompt_tokens: 12,
        completion_tokens: 4,
        total_tokens: 16,
        prompt_tokens_details: { cached_tokens: 3, cache_creation_tokens: 0 },
      },
    });
  });

  it('non-JSON data and deltas for unknown blocks are malformed', () => {
    expect((thrown(() => translator().push({ event: 'message_start', data: '{oops' })) as UpstreamError).failure.kind).toBe('malformed');
    const t = translator();
    const err = thrown(() =>
      t.push({ data: JSON.stringify({ type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'x' } }) }),
    );
    expect((err as UpstreamError).failure).toMatchObject({ kind: 'malformed', retryable: true });
  });
});

describe('anthropic classifyError', () => {
  const errBody = (type: string, message: string) => JSON.stringify({ type: 'error', error: { type, message } });
  it.each([
    [
      429,
      errBody('rate_limit_error', 'Number of requests has exceeded your rate limit'),
      { 'retry-after': '7' },
      { kind: 'rate_limit', retryable: true, retryAfterMs: 7000 },
    ],
    [529, errBody('overloaded_error', 'Overloaded'), {}, { kind: 'overloaded', retryable: true, message: 'Overloaded' }],
    [500, errBody('api_error', 'Internal server error'), {}, { kind: 'server', retryable: true }],
    [503, '<html>bad gateway</html>', {}, { kind: 'server', retryable: true, message: 'upstream error 503' }],
    [
      400,
      errBody('invalid_request_error', 'prompt is too long: 208000 tokens > 200000 maximum'),
      {},
      { kind: 'context_length', retryable: true },
    ],
    [
      400,
      errBody('invalid_request_error', 'input length and `max_tokens` exceed context limit: 190000 + 64000 > 200000'),
      {},
      { kind: 'context_length', retryable: true },
    ],
    [
      400,
      errBody('invalid_request_error', 'messages.0.content: Field required'),
      {},
      { kind: 'bad_request', retryable: false, message: 'messages.0.content: Field required' },
    ],
    [422, errBody('invalid_request_error', 'bad'), {}, { kind: 'bad_request', retryable: false }],
    [401, errBody('authentication_error', 'invalid x-api-key'), {}, { kind: 'auth', retryable: true }],
    [403, errBody('permission_error', 'no access'), {}, { kind: 'auth', retryable: true }],
    [404, errBody('not_found_error', 'model: claude-x'), {}, { kind: 'not_found', retryable: true }],
  ] as const)('%i %s', (status, text, headers, expected) => {
    const failure = anthropicAdapter.classifyError(status, text, new Headers(headers));
    expect(failure).toMatchObject({ status, ...expected });
  });

  it('429 without retry-after has no retryAfterMs', () => {
    expect(anthropicAdapter.classifyError(429, '{}', new Headers()).retryAfterMs).toBeUndefined();
  });
});

/** Rebuild a turn's observable parts from hub stream events. */
function collect(events: StreamEvent[]) {
  let content = '';
  const calls: { id: string; name: string; arguments: string }[] = [];
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;
  let done = false;
  for (const e of events) {
    if (e.type === 'usage') usage = e.usage;
    else if (e.type === 'done') done = true;
    else {
      content += e.delta.content ?? '';
      for (const tc of e.delta.tool_calls ?? []) {
        calls[tc.index] ??= { id: '', name: '', arguments: '' };
        if (tc.id) calls[tc.index].id = tc.id;
        if (tc.function?.name) calls[tc.index].name = tc.function.name;
        calls[tc.index].arguments += tc.function?.arguments ?? '';
      }
      if (e.finishReason) finishReason = e.finishReason;
    }
  }
  return { content, calls, finishReason, usage, done };
}

describe('anthropic sim format round-trips through the adapter', () => {
  const toolTurn: SimTurn = {
    text: 'Looking up both — ok 🙂',
    textPieces: ['Looking ', 'up both', ' — ok 🙂'],
    toolCalls: [
      { id: 'toolu_sim_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'toolu_sim_2', name: 'get_weather', arguments: '{"city":"Oslo","unit":"c","note":"a longer argument value"}' },
    ],
    finishReason: 'tool_calls',
    usage: { promptTokens: 120, completionTokens: 40, cachedTokens: 100 },
  };

  it('parses what buildRequest produced into a sensible view', () => {
    const built = anthropicAdapter.buildRequest(
      {
        model: 'auto',
        messages: [
          { role: 'system', content: 'Be brief.' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Weather?' },
              { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ' } },
            ],
          },
          {
            role: 'assistant',
            tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
          },
          { role: 'tool', tool_call_id: 'toolu_1', content: 'sunny, 18C' },
        ],
        tools: [
          {
            type: 'function',
            function: {
              name: 'get_weather',
              description: 'Weather',
              parameters: { type: 'object', properties: { city: { type: 'string' } } },
            },
          },
        ],
        tool_choice: 'required',
        parallel_tool_calls: false,
        max_tokens: 300,
        stop: ['###'],
      },
      target,
      { stream: true },
    );
    const view = anthropicSimFormat.parseRequest(JSON.parse(built.body), new URL(built.url));
    expect(view).toMatchObject({
      model: 'claude-sonnet-4-5',
      stream: true,
      includeUsage: true,
      lastUserText: 'Weather?',
      lastIsToolResult: true,
      toolResultText: 'sunny, 18C',
      toolChoice: 'required',
      parallelToolCalls: false,
      imageCount: 1,
      maxTokens: 300,
      stop: ['###'],
      tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
    });
    expect(view.allText).toContain('Be brief.');
    expect(view.allText).toContain('sunny, 18C');
    expect(view.jsonSchema).toBeUndefined();
  });

  it('sees json_object requests as JSON mode and json_schema as a forced tool', () => {
    const jsonObject = anthropicAdapter.buildRequest(
      { model: 'auto', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } },
      target,
      { stream: false },
    );
    expect(anthropicSimFormat.parseRequest(JSON.parse(jsonObject.body), new URL(jsonObject.url)).jsonSchema).toEqual({});
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    const jsonSchema = anthropicAdapter.buildRequest(
      {
        model: 'auto',
        messages: [{ role: 'user', content: 'x' }],
        response_format: { type: 'json_schema', json_schema: { name: 'nums', schema } },
      },
      target,
      { stream: false },
    );
    const view = anthropicSimFormat.parseRequest(JSON.parse(jsonSchema.body), new URL(jsonSchema.url));
    expect(view.toolChoice).toEqual({ name: 'cailos_json_nums' });
    expect(view.tools[0].parameters).toEqual(schema);
  });

  it('rejects invalid native bodies', () => {
    const url = new URL('https://sim.local/v1/messages');
    expect(() => anthropicSimFormat.parseRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, url)).toThrow(/max_tokens/);
    expect(() => anthropicSimFormat.parseRequest({ model: 'm', max_tokens: 5, messages: [{ role: 'system', content: 'x' }] }, url)).toThrow(
      /role/,
    );
    expect(() => anthropicSimFormat.parseRequest({ model: 'm', max_tokens: 5, messages: [] }, url)).toThrow(/messages/);
  });

  it('renderResponse → parseResponse gives the turn back', () => {
    const r = anthropicAdapter.parseResponse(anthropicSimFormat.renderResponse(toolTurn, 'claude-sim'));
    expect(r.message.content).toBe(toolTurn.text);
    expect(r.message.tool_calls?.map((c) => ({ id: c.id, name: c.function.name, arguments: JSON.parse(c.function.arguments) }))).toEqual(
      toolTurn.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: JSON.parse(c.arguments) })),
    );
    expect(r.finishReason).toBe('tool_calls');
    expect(r.usage).toMatchObject({ prompt_tokens: 120, completion_tokens: 40, prompt_tokens_details: { cached_tokens: 100 } });
    expect(r.upstreamModel).toBe('claude-sim');
  });

  it.each(['stop', 'length', 'content_filter'] as const)('finish reason %s survives the round trip', (finishReason) => {
    const turn: SimTurn = {
      text: 'abc',
      textPieces: ['a', 'bc'],
      toolCalls: [],
      finishReason,
      usage: { promptTokens: 3, completionTokens: 2 },
    };
    expect(anthropicAdapter.parseResponse(anthropicSimFormat.renderResponse(turn, 'm')).finishReason).toBe(finishReason);
    const frames = anthropicSimFormat.renderStream(
      turn,
      'm',
      anthropicSimFormat.parseRequest(
        { model: 'm', max_tokens: 9, messages: [{ role: 'user', content: 'q' }] },
        new URL('https://sim.local'),
      ),
    );
    expect(collect(feedWhole(frames.join(''), translator).events).finishReason).toBe(finishReason);
  });

  it('renderStream frames → translator gives the turn back under every chunking', () => {
    const view = anthropicSimFormat.parseRequest(
      { model: 'claude-sim', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'q' }] },
      new URL('https://sim.local'),
    );
    const frames = anthropicSimFormat.renderStream(toolTurn, 'claude-sim', view);
    for (const f of frames) expect(f).toMatch(/^event: [a-z_]+\ndata: \{.*\}\n\n$/s);
    expect(frames.some((f) => f.startsWith('event: ping'))).toBe(true);
    const sse = frames.join('');
    const outcome = feedWhole(sse, translator);
    expect(outcome.error).toBeUndefined();
    const got = collect(outcome.events);
    expect(got.content).toBe(toolTurn.text);
    expect(got.calls.map((c) => ({ ...c, arguments: JSON.parse(c.arguments) }))).toEqual(
      toolTurn.toolCalls.map((c) => ({ ...c, arguments: JSON.parse(c.arguments) })),
    );
    expect(got.finishReason).toBe('tool_calls');
    expect(got.usage).toMatchObject({ prompt_tokens: 120, completion_tokens: 40, prompt_tokens_details: { cached_tokens: 100 } });
    expect(got.done).toBe(true);
    expect(findChunkingMismatch(sse, translator, 50, 3)).toBeUndefined();
  });

  it('a forced JSON tool streamed by the sim comes out as content', () => {
    const turn: SimTurn = {
      text: '',
      textPieces: [],
      toolCalls: [{ id: 'toolu_j', name: 'cailos_json_nums', arguments: '{"a":1,"b":[2,3],"label":"a fairly long string"}' }],
      finishReason: 'tool_calls',
      usage: { promptTokens: 10, completionTokens: 10 },
    };
    const view = anthropicSimFormat.parseRequest(
      { model: 'm', max_tokens: 9, messages: [{ role: 'user', content: 'q' }] },
      new URL('https://sim.local'),
    );
    const got = collect(feedWhole(anthropicSimFormat.renderStream(turn, 'm', view).join(''), translator).events);
    expect(JSON.parse(got.content)).toEqual(JSON.parse(turn.toolCalls[0].arguments));
    expect(got.calls).toEqual([]);
    expect(got.finishReason).toBe('stop');
    const r = anthropicAdapter.parseResponse(anthropicSimFormat.renderResponse(turn, 'm'));
    expect(JSON.parse(r.message.content ?? '')).toEqual(JSON.parse(turn.toolCalls[0].arguments));
    expect(r.finishReason).toBe('stop');
  });

  it('native errors classify as the kind the sim meant', () => {
    const cases = [
      ['overloaded', 529, 'overloaded'],
      ['rate_limit', 429, 'rate_limit'],
      ['server', 500, 'server'],
      ['bad_request', 400, 'bad_request'],
      ['context_length', 400, 'context_length'],
      ['auth', 401, 'auth'],
    ] as const;
    for (const [kind, status, expectedKind] of cases) {
      const e = anthropicSimFormat.renderError(kind, 'simulated failure', 3);
      expect(e.status).toBe(status);
      const failure = anthropicAdapter.classifyError(e.status, e.body, new Headers(e.headers));
      expect(failure.kind).toBe(expectedKind);
      if (kind === 'rate_limit') expect(failure.retryAfterMs).toBe(3000);
    }
    expect(JSON.parse(anthropicSimFormat.renderError('overloaded', 'busy').body)).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'busy' },
    });
  });

  it('an in-stream error frame becomes a retryable UpstreamError', () => {
    const view = anthropicSimFormat.parseRequest(
      { model: 'm', max_tokens: 9, messages: [{ role: 'user', content: 'q' }] },
      new URL('https://sim.local'),
    );
    const frames = anthropicSimFormat.renderStream(toolTurn, 'm', view);
    const sse = frames.slice(0, 5).join('') + anthropicSimFormat.renderStreamError('simulated mid-stream failure');
    const outcome = feedWhole(sse, translator);
    expect(outcome.error?.failure).toMatchObject({ kind: 'overloaded', retryable: true, message: 'simulated mid-stream failure' });
    expect(collect(outcome.events).content.length).toBeGreaterThan(0);
    expect(findChunkingMismatch(sse, translator, 20, 5)).toBeUndefined();
  });
});
