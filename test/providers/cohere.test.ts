import { describe, expect, it } from 'vitest';
import { thrownUpstreamError } from '../helpers/errors';
import { chatRequest } from '../../src/hub';
import type { Endpoint } from '../../src/catalog';
import { cohereAdapter } from '../../src/providers/cohere';
import { UpstreamError } from '../../src/providers';
import type { StreamEvent, UpstreamTarget } from '../../src/providers/types';
import { cohereSimFormat } from '../../src/sim/formats/cohere';
import type { SimErrorKind, SimTurn } from '../../src/sim/types';
import requestFixtures from '../fixtures/cohere/requests.json';
import responseFixtures from '../fixtures/cohere/responses.json';
import streamFixtures from '../fixtures/cohere/streams.json';
import { allChunkingOutcomes, contentOf, feedWhole } from '../helpers/sse-chunking';
import { sseFixture, type StreamFixture } from './fixtures';

const endpoint: Endpoint = {
  id: 'cohere/command-a-03-2025',
  provider: 'cohere',
  model: 'command-a-03-2025',
  codename: 'command-a',
  wireFormat: 'cohere',
  pricing: { inputPerMTok: 2.5, outputPerMTok: 10, asOf: '2026-11-01', source: 'test' },
  contextWindow: 256_000,
  maxOutputTokens: 8_000,
  capabilities: { tools: true, vision: false, jsonSchema: true, streaming: true },
  trustLevel: 1,
  regions: ['us'],
  latency: { ttftMs: 300, tokensPerSec: 80 },
  qualityPrior: 0.8,
};
const target: UpstreamTarget = { endpoint, baseUrl: 'https://api.cohere.com/', apiKey: 'co-test-key' };

describe('cohere buildRequest (golden fixtures)', () => {
  for (const fixture of requestFixtures) {
    it(fixture.name, () => {
      const req = chatRequest.parse(fixture.input);
      const http = cohereAdapter.buildRequest(req, target, { stream: fixture.stream });
      expect(http.url).toBe('https://api.cohere.com/v2/chat');
      expect(http.method).toBe('POST');
      expect(http.headers.authorization).toBe('Bearer co-test-key');
      expect(http.headers['content-type']).toBe('application/json');
      expect(JSON.parse(http.body)).toEqual(fixture.expected);
    });
  }

  it('rejects a named tool_choice that is not among the tools, not retryable', () => {
    const req = chatRequest.parse({
      model: 'auto',
      messages: [{ role: 'user', content: 'x' }],
      tools: [{ type: 'function', function: { name: 'a' } }],
      tool_choice: { type: 'function', function: { name: 'b' } },
    });
    const err = thrownUpstreamError(() => cohereAdapter.buildRequest(req, target, { stream: false }));
    expect(err.failure).toMatchObject({ kind: 'bad_request', retryable: false });
  });

  it('rejects an image in a system message (Cohere system content is text only)', () => {
    const req = chatRequest.parse({
      model: 'auto',
      messages: [
        { role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] },
        { role: 'user', content: 'x' },
      ],
    });
    const err = thrownUpstreamError(() => cohereAdapter.buildRequest(req, target, { stream: false }));
    expect(err.failure).toMatchObject({ kind: 'bad_request', retryable: true });
  });

  it('drops tool_choice when no tools are sent', () => {
    const req = chatRequest.parse({ model: 'auto', messages: [{ role: 'user', content: 'x' }], tool_choice: 'required' });
    const body = JSON.parse(cohereAdapter.buildRequest(req, target, { stream: false }).body);
    expect(body.tool_choice).toBeUndefined();
    expect(body.tools).toBeUndefined();
  });
});

describe('cohere parseResponse (golden fixtures)', () => {
  for (const fixture of responseFixtures) {
    it(fixture.name, () => {
      if ('error' in fixture && fixture.error) {
        const err = thrownUpstreamError(() => cohereAdapter.parseResponse(fixture.body));
        expect(err.failure).toMatchObject(fixture.error);
        return;
      }
      const res = cohereAdapter.parseResponse(fixture.body);
      expect(res).toEqual(fixture.expected);
      expect(res.upstreamModel).toBeUndefined();
    });
  }
});

describe('cohere stream translator (golden fixtures, every chunking)', () => {
  for (const fixture of streamFixtures as StreamFixture[]) {
    const sse = sseFixture('cohere', fixture.sse);
    it(fixture.name, () => {
      const whole = feedWhole(sse, cohereAdapter.createStreamTranslator);
      expect(whole.events).toEqual(fixture.expected);
      if ('error' in fixture && fixture.error) {
        expect(whole.error?.name).toBe('UpstreamError');
        expect(whole.error?.failure).toMatchObject(fixture.error);
      } else {
        expect(whole.error).toBeUndefined();
      }
      const outcomes = allChunkingOutcomes(sse, cohereAdapter.createStreamTranslator, 50, 7);
      // whole + one per byte boundary + 50 random chunkings
      expect(outcomes.length).toBe(1 + new TextEncoder().encode(sse).length + 1 + 50);
      const expected = JSON.stringify(whole);
      for (const { label, outcome } of outcomes) {
        if (JSON.stringify(outcome) !== expected) expect({ label, outcome }).toEqual({ label, outcome: whole });
      }
    });
  }

  it('a standalone error event throws stream_error', () => {
    const sse =
      'event: message-start\ndata: {"type":"message-start","id":"x","delta":{"message":{"role":"assistant"}}}\n\n' +
      'data: {"type":"error","error":"upstream overloaded"}\n\n';
    const out = feedWhole(sse, cohereAdapter.createStreamTranslator);
    expect(out.error?.failure).toMatchObject({ kind: 'stream_error', retryable: true });
  });

  it('non-JSON data is malformed', () => {
    const out = feedWhole('data: not json\n\n', cohereAdapter.createStreamTranslator);
    expect(out.error?.failure).toMatchObject({ kind: 'malformed', retryable: true });
  });

  it('falls back to the event: name when the payload has no type', () => {
    const sse =
      'event: content-delta\ndata: {"delta":{"message":{"content":{"text":"hi"}}}}\n\n' +
      'event: message-end\ndata: {"delta":{"finish_reason":"COMPLETE"}}\n\n';
    const out = feedWhole(sse, cohereAdapter.createStreamTranslator);
    expect(out.error).toBeUndefined();
    expect(contentOf(out.events)).toBe('hi');
    expect(out.events.at(-1)).toEqual({ type: 'done' });
  });
});

describe('cohere classifyError', () => {
  const classify = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    cohereAdapter.classifyError(status, typeof body === 'string' ? body : JSON.stringify(body), new Headers(headers));

  it('429 is a retryable rate limit with retry-after', () => {
    expect(
      classify(
        429,
        { id: 'e1', message: 'You are using a Trial key, which is limited to 10 API calls / minute.' },
        { 'retry-after': '12' },
      ),
    ).toEqual({
      kind: 'rate_limit',
      retryable: true,
      status: 429,
      retryAfterMs: 12_000,
      message: 'You are using a Trial key, which is limited to 10 API calls / minute.',
    });
    expect(classify(429, {}).retryAfterMs).toBeUndefined();
  });

  it('5xx are retryable server failures', () => {
    for (const status of [500, 502, 503, 504]) {
      expect(classify(status, { id: 'e', message: 'internal server error' })).toMatchObject({ kind: 'server', retryable: true, status });
    }
  });

  it('400 about too many tokens is a retryable context_length failure', () => {
    const body = {
      id: 'e',
      message:
        'too many tokens: total number of tokens in the prompt cannot exceed 256000 - received 300512. Try using a shorter prompt, or enabling prompt truncating.',
    };
    expect(classify(400, body)).toMatchObject({ kind: 'context_length', retryable: true, status: 400 });
    expect(classify(400, { message: "input exceeds the model's context window" })).toMatchObject({ kind: 'context_length' });
  });

  it('other 400 / 422 are non-retryable bad requests', () => {
    expect(classify(400, { id: 'e', message: 'invalid request: messages must not be empty' })).toEqual({
      kind: 'bad_request',
      retryable: false,
      status: 400,
      message: 'invalid request: messages must not be empty',
    });
    expect(classify(422, { message: 'unprocessable' })).toMatchObject({ kind: 'bad_request', retryable: false });
  });

  it('401/403 are retryable auth failures, 404 retryable not_found', () => {
    expect(classify(401, { message: 'invalid api token' })).toMatchObject({ kind: 'auth', retryable: true });
    expect(classify(403, { message: 'forbidden' })).toMatchObject({ kind: 'auth', retryable: true });
    expect(classify(404, { message: "model 'command-x' not found" })).toMatchObject({ kind: 'not_found', retryable: true });
  });

  it('non-JSON bodies get a generic message', () => {
    expect(classify(502, '<html>Bad Gateway</html>')).toMatchObject({ kind: 'server', message: 'Cohere returned HTTP 502' });
  });
});

describe('cohere sim format round trip through the adapter', () => {
  const openaiRequest = chatRequest.parse({
    model: 'auto',
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture, and the weather?' },
          { type: 'image_url', image_url: { url: 'https://x/y.png' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Oslo"}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'sunny, 21°C' },
    ],
    tools: [
      { type: 'function', function: { name: 'get_weather', description: 'weather', parameters: { type: 'object' } } },
      { type: 'function', function: { name: 'get_time' } },
    ],
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
    response_format: { type: 'json_schema', json_schema: { name: 's', schema: { type: 'object' } } },
    max_tokens: 64,
    stop: ['END'],
  });

  it('parses the adapter request into the format-neutral view', () => {
    const http = cohereAdapter.buildRequest(openaiRequest, target, { stream: true });
    const view = cohereSimFormat.parseRequest(JSON.parse(http.body), new URL(http.url));
    expect(view).toEqual({
      model: 'command-a-03-2025',
      stream: true,
      includeUsage: true,
      allText: ['Be brief.', 'What is in this picture, and the weather?', '', 'sunny, 21°C'].join('\n'),
      lastUserText: 'What is in this picture, and the weather?',
      lastIsToolResult: true,
      toolResultText: 'sunny, 21°C',
      calledToolNames: ['get_weather'],
      tools: [{ name: 'get_weather', description: 'weather', parameters: { type: 'object' } }],
      toolChoice: 'required',
      parallelToolCalls: true,
      jsonSchema: { type: 'object' },
      imageCount: 1,
      maxTokens: 64,
      stop: ['END'],
    });
  });

  it('rejects invalid native bodies', () => {
    const url = new URL('https://sim/v2/chat');
    expect(() => cohereSimFormat.parseRequest({ messages: [] }, url)).toThrow();
    expect(() => cohereSimFormat.parseRequest({ model: 'm', messages: [{ role: 'wizard', content: 'x' }] }, url)).toThrow();
    expect(() =>
      cohereSimFormat.parseRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], tool_choice: 'AUTO' }, url),
    ).toThrow();
  });

  const textTurn: SimTurn = {
    text: 'Hello — wörld 🌍, fine.',
    toolCalls: [],
    finishReason: 'stop',
    usage: { promptTokens: 30, completionTokens: 9 },
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
    expect(cohereAdapter.parseResponse(cohereSimFormat.renderResponse(textTurn, 'm'))).toEqual({
      message: { role: 'assistant', content: textTurn.text },
      finishReason: 'stop',
      usage: { prompt_tokens: 30, completion_tokens: 9, total_tokens: 39 },
    });
    expect(cohereAdapter.parseResponse(cohereSimFormat.renderResponse({ ...textTurn, finishReason: 'length' }, 'm')).finishReason).toBe(
      'length',
    );
    const tools = cohereAdapter.parseResponse(cohereSimFormat.renderResponse(toolTurn, 'm'));
    expect(tools.finishReason).toBe('tool_calls');
    expect(tools.message.content).toBeNull();
    expect(tools.message.tool_calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: toolTurn.toolCalls[0].arguments } },
      { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
  });

  function streamOf(turn: SimTurn): string {
    const view = cohereSimFormat.parseRequest(
      JSON.parse(cohereAdapter.buildRequest(openaiRequest, target, { stream: true }).body),
      new URL('https://sim/v2/chat'),
    );
    return cohereSimFormat.renderStream(turn, 'm', view).join('');
  }

  function toolCallsOf(events: StreamEvent[]): { id?: string; name?: string; arguments: string }[] {
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
    return calls;
  }

  it('renders SSE the translator reassembles under every chunking', () => {
    for (const turn of [textTurn, toolTurn]) {
      const sse = streamOf(turn);
      const outcomes = allChunkingOutcomes(sse, cohereAdapter.createStreamTranslator, 50, 3);
      const expected = JSON.stringify(outcomes[0].outcome);
      for (const { outcome } of outcomes) expect(JSON.stringify(outcome)).toBe(expected);
      const { events, error } = outcomes[0].outcome;
      expect(error).toBeUndefined();
      expect(contentOf(events)).toBe(turn.text);
      expect(toolCallsOf(events)).toEqual(turn.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })));
      expect(events.filter((e) => e.type === 'delta' && e.finishReason).map((e) => (e as { finishReason: string }).finishReason)).toEqual([
        turn.finishReason,
      ]);
      expect(events.find((e) => e.type === 'usage')).toEqual({
        type: 'usage',
        usage: {
          prompt_tokens: turn.usage.promptTokens,
          completion_tokens: turn.usage.completionTokens,
          total_tokens: turn.usage.promptTokens + turn.usage.completionTokens,
        },
      });
      expect(events.at(-1)).toEqual({ type: 'done' });
    }
  });

  it('every frame is one complete SSE block', () => {
    const view = cohereSimFormat.parseRequest(
      { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true },
      new URL('https://sim/v2/chat'),
    );
    for (const frame of cohereSimFormat.renderStream(toolTurn, 'm', view)) expect(frame).toMatch(/^event: [a-z-]+\ndata: \{.*\}\n\n$/);
  });

  it('an in-stream error becomes a retryable stream_error', () => {
    const view = cohereSimFormat.parseRequest(
      { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true },
      new URL('https://sim/v2/chat'),
    );
    const frames = cohereSimFormat.renderStream(textTurn, 'm', view);
    // Cut before message-end, as a fleet fault would.
    const sse = frames.slice(0, 3).join('') + cohereSimFormat.renderStreamError('backend exploded');
    const out = feedWhole(sse, cohereAdapter.createStreamTranslator);
    expect(contentOf(out.events)).toBe('Hello');
    expect(out.error?.failure).toMatchObject({ kind: 'stream_error', retryable: true });
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
      const err = cohereSimFormat.renderError(kind, 'simulated failure', 3);
      const failure = cohereAdapter.classifyError(err.status, err.body, new Headers(err.headers));
      expect(failure, kind).toMatchObject(want);
      if (kind === 'rate_limit') expect(failure.retryAfterMs).toBe(3000);
    }
  });
});
