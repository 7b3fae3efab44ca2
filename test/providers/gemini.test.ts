import { thrownUpstreamError } from '../helpers/errors';
import { describe, expect, it } from 'vitest';
import { type ChatRequest, chatRequest } from '../../src/hub';
import type { Endpoint } from '../../src/catalog';
import { geminiAdapter } from '../../src/providers/gemini';
import { reduceSchemaForGemini } from '../../src/providers/gemini/schema';
import type { UpstreamTarget } from '../../src/providers/types';
import { UpstreamError } from '../../src/providers';
import { geminiSimFormat } from '../../src/sim/formats/gemini';
import type { SimTurn } from '../../src/sim/types';
import requestCases from '../fixtures/gemini/requests.json';
import responseCases from '../fixtures/gemini/responses.json';
import streamFixtures from '../fixtures/gemini/streams.json';
import { allChunkingOutcomes, feedWhole, findChunkingMismatch } from '../helpers/sse-chunking';
import { sseFixture, type StreamFixture } from './fixtures';

const endpoint = { id: 'google/gemini-2.5-flash', provider: 'google', model: 'gemini-2.5-flash', wireFormat: 'gemini' } as Endpoint;
const target: UpstreamTarget = { endpoint, baseUrl: 'https://generativelanguage.googleapis.com/v1beta/', apiKey: 'test-key' };
const translator = () => geminiAdapter.createStreamTranslator();

function build(input: unknown, stream = false) {
  const req = chatRequest.parse(input);
  const http = geminiAdapter.buildRequest(req, target, { stream });
  return { http, body: JSON.parse(http.body) };
}

describe('gemini buildRequest', () => {
  it('targets generateContent / streamGenerateContent with the API key header', () => {
    const plain = build({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] }).http;
    expect(plain.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent');
    expect(plain.method).toBe('POST');
    expect(plain.headers).toEqual({ 'content-type': 'application/json', 'x-goog-api-key': 'test-key' });
    const streamed = build({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] }, true).http;
    expect(streamed.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  for (const c of requestCases) {
    it(`golden: ${c.name}`, () => {
      expect(build(c.input).body).toEqual(c.expected);
    });
  }

  it('a tool result whose tool_call_id was never called is a non-retryable bad request', () => {
    const err = thrownUpstreamError(() =>
      build({
        model: 'auto',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'tool', tool_call_id: 'nope', content: '1' },
        ],
      }),
    );
    expect(err.failure).toMatchObject({ kind: 'bad_request', retryable: false });
  });

  it('non-object tool arguments are wrapped, not lost', () => {
    const { body } = build({
      model: 'auto',
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: 'not json' } }] },
        { role: 'tool', tool_call_id: 'c1', content: '[1,2]' },
      ],
    });
    expect(body.contents[1].parts[0]).toEqual({ functionCall: { name: 'f', args: { value: 'not json' } } });
    expect(body.contents[2].parts[0]).toEqual({ functionResponse: { name: 'f', response: { content: [1, 2] } } });
  });

  it('Gemini 3+ replayed calls carry the documented signature sentinel on the first call of a turn', () => {
    const input = requestCases[3].input;
    const gemini3: UpstreamTarget = { ...target, endpoint: { ...endpoint, model: 'gemini-3-pro-preview' } };
    const body = JSON.parse(geminiAdapter.buildRequest(chatRequest.parse(input), gemini3, { stream: false }).body);
    expect(body.contents[1].parts).toEqual([
      { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'skip_thought_signature_validator' },
      { functionCall: { name: 'get_time', args: { city: 'Rome' } } },
    ]);
    // Older models get the plain parts (the golden fixture above runs against gemini-2.5-flash).
    expect(build(input).body.contents[1].parts[0].thoughtSignature).toBeUndefined();
  });

  it('a non-base64 data URL is base64-encoded as UTF-8', () => {
    const { body } = build({
      model: 'auto',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/svg+xml,%3Csvg%3E%C3%A9' } }] }],
    });
    expect(body.contents[0].parts[0].inlineData).toEqual({ mimeType: 'image/svg+xml', data: btoa('<svg>\u00c3\u00a9') });
  });

  it('a system-only conversation becomes the user turn (Gemini needs one content)', () => {
    const { body } = build({ model: 'auto', messages: [{ role: 'system', content: 'Write a haiku.' }] });
    expect(body.contents).toEqual([{ role: 'user', parts: [{ text: 'Write a haiku.' }] }]);
    expect(body.systemInstruction).toBeUndefined();
  });

  it('does not forward Cailos or OpenAI-only fields', () => {
    const { body } = build({
      model: 'auto',
      messages: [{ role: 'user', content: 'x' }],
      user: 'u1',
      routing: { max_attempts: 2 },
      trust_level: 2,
      parallel_tool_calls: false,
      stream_options: { include_usage: true },
    });
    expect(Object.keys(body).sort()).toEqual(['contents', 'generationConfig']);
  });
});

describe('gemini schema reduction', () => {
  const ALLOWED = new Set([
    'type',
    'format',
    'description',
    'nullable',
    'enum',
    'properties',
    'required',
    'items',
    'minimum',
    'maximum',
    'minItems',
    'maxItems',
    'anyOf',
  ]);
  function assertOnlyAllowedKeys(node: unknown, path = '$'): void {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      expect(ALLOWED.has(key), `${path}.${key}`).toBe(true);
      if (key === 'properties')
        for (const [name, sub] of Object.entries(value as object)) assertOnlyAllowedKeys(sub, `${path}.properties.${name}`);
      else if (key === 'items') assertOnlyAllowedKeys(value, `${path}.items`);
      else if (key === 'anyOf') (value as unknown[]).forEach((sub, i) => assertOnlyAllowedKeys(sub, `${path}.anyOf[${i}]`));
    }
  }

  it('drops every keyword Gemini does not accept, at any depth', () => {
    const messy = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:x',
      $comment: 'c',
      title: 'T',
      strict: true,
      type: 'object',
      additionalProperties: false,
      patternProperties: { '^x': { type: 'string' } },
      properties: {
        a: { type: 'string', pattern: '^[a-z]+$', minLength: 1, maxLength: 5, default: 'x', examples: ['y'], format: 'email' },
        b: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: { type: 'number' },
            properties: { c: { type: 'integer', exclusiveMinimum: 0, format: 'int64' } },
          },
          uniqueItems: true,
        },
        d: {
          anyOf: [
            { type: 'string', title: 'S' },
            { type: 'number', multipleOf: 2 },
          ],
        },
      },
      dependentRequired: { a: ['b'] },
    };
    const reduced = reduceSchemaForGemini(messy);
    assertOnlyAllowedKeys(reduced);
    expect(reduced).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { type: 'array', items: { type: 'object', properties: { c: { type: 'integer', format: 'int64' } } } },
        d: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      },
    });
  });

  it('does not modify its input', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { x: { $ref: '#/$defs/X' } }, $defs: { X: { const: 1 } } };
    const copy = structuredClone(schema);
    reduceSchemaForGemini(schema);
    expect(schema).toEqual(copy);
  });

  it('const becomes a one-value string enum, whatever its JSON type', () => {
    expect(reduceSchemaForGemini({ const: 'x' })).toEqual({ type: 'string', format: 'enum', enum: ['x'] });
    expect(reduceSchemaForGemini({ type: 'integer', const: 3 })).toEqual({ type: 'string', format: 'enum', enum: ['3'] });
    expect(reduceSchemaForGemini({ const: true, description: 'd' })).toEqual({
      type: 'string',
      format: 'enum',
      enum: ['true'],
      description: 'd',
    });
  });

  it('non-string enums become string enums; a null member becomes nullable', () => {
    expect(reduceSchemaForGemini({ type: 'integer', enum: [1, 2, 3] })).toEqual({ type: 'string', format: 'enum', enum: ['1', '2', '3'] });
    expect(reduceSchemaForGemini({ enum: ['a', null] })).toEqual({ type: 'string', format: 'enum', enum: ['a'], nullable: true });
  });

  it('type [X, "null"] becomes type X + nullable; several types become anyOf', () => {
    expect(reduceSchemaForGemini({ type: ['integer', 'null'], minimum: 0 })).toEqual({ type: 'integer', nullable: true, minimum: 0 });
    expect(reduceSchemaForGemini({ type: ['null', 'string'] })).toEqual({ type: 'string', nullable: true });
    expect(reduceSchemaForGemini({ type: ['string', 'number', 'null'], description: 'v' })).toEqual({
      anyOf: [{ type: 'string' }, { type: 'number' }],
      description: 'v',
      nullable: true,
    });
  });

  it('anyOf / oneOf with a null member', () => {
    expect(reduceSchemaForGemini({ anyOf: [{ type: 'null' }, { type: 'array', items: { type: 'string' } }], description: 'list' })).toEqual(
      {
        type: 'array',
        items: { type: 'string' },
        description: 'list',
        nullable: true,
      },
    );
    expect(reduceSchemaForGemini({ oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] })).toEqual({
      anyOf: [{ type: 'string' }, { type: 'integer' }],
      nullable: true,
    });
  });

  it('Object.prototype member names are ordinary names: required, $ref and a "__proto__" property', () => {
    // JSON.parse makes "__proto__" an own key, as a client's body does.
    const schema = JSON.parse(
      '{"type":"object","properties":{"a":{"type":"string"},"__proto__":{"type":"integer"},"r":{"$ref":"#/$defs/constructor"},"p":{"$ref":"__proto__"}},"required":["a","__proto__","constructor","toString"]}',
    );
    const reduced = reduceSchemaForGemini(schema);
    expect(reduced.required).toEqual(['a', '__proto__']);
    const props = reduced.properties as Record<string, { type?: string; description?: string }>;
    expect(Object.keys(props)).toEqual(['a', '__proto__', 'r', 'p']);
    expect(props.__proto__).toEqual({ type: 'integer' });
    // Unresolvable refs become the documented loose object, not Object.prototype's members.
    expect(props.r.description).toMatch(/recursive structure/);
    expect(props.p.description).toMatch(/recursive structure/);
    expect(JSON.parse(JSON.stringify(reduced)).properties.__proto__).toEqual({ type: 'integer' });
  });

  it('inlines $ref definitions ($defs and definitions, chained), use-site description wins', () => {
    const schema = {
      type: 'object',
      properties: {
        home: { $ref: '#/$defs/Address', description: 'Home address' },
        work: { $ref: '#/definitions/Place' },
      },
      $defs: {
        Address: { type: 'object', description: 'An address', properties: { city: { $ref: '#/$defs/City' } }, required: ['city'] },
        City: { type: 'string' },
      },
      definitions: { Place: { $ref: '#/$defs/Address' } },
    };
    const address = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    expect(reduceSchemaForGemini(schema)).toEqual({
      type: 'object',
      properties: { home: { ...address, description: 'Home address' }, work: { ...address, description: 'An address' } },
    });
  });

  it('cuts recursive $refs with the documented fallback instead of looping', () => {
    const schema = {
      $ref: '#/$defs/Node',
      $defs: {
        Node: {
          type: 'object',
          description: 'A tree node',
          properties: { value: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } },
        },
      },
    };
    expect(reduceSchemaForGemini(schema)).toEqual({
      type: 'object',
      description: 'A tree node',
      properties: {
        value: { type: 'string' },
        children: {
          type: 'array',
          items: { type: 'object', description: 'A tree node (recursive structure; nested levels are not constrained)' },
        },
      },
    });
  });

  it('an unresolvable $ref falls back to an unconstrained object', () => {
    expect(reduceSchemaForGemini({ $ref: 'https://example.com/schema.json' })).toEqual({
      type: 'object',
      description: '(recursive structure; nested levels are not constrained)',
    });
  });

  it('merges allOf parts', () => {
    expect(
      reduceSchemaForGemini({
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          { properties: { b: { type: 'number' } }, required: ['b'] },
        ],
      }),
    ).toEqual({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['a', 'b'] });
  });

  it('keeps supported formats and bounds, drops unknown formats, filters required to known properties', () => {
    expect(
      reduceSchemaForGemini({
        type: 'object',
        properties: {
          at: { type: 'string', format: 'date-time' },
          ratio: { type: 'number', format: 'double', minimum: 0, maximum: 1 },
          id: { type: 'string', format: 'uuid' },
          list: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], minItems: 1, maxItems: 2 },
          any: { type: 'array' },
        },
        required: ['at', 'ghost'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        ratio: { type: 'number', format: 'double', minimum: 0, maximum: 1 },
        id: { type: 'string' },
        list: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
        any: { type: 'array', items: {} },
      },
      required: ['at'],
    });
  });

  it('never sends an empty properties object (Gemini rejects it)', () => {
    expect(
      reduceSchemaForGemini({ type: 'object', properties: { meta: { type: 'object', properties: {}, additionalProperties: true } } }),
    ).toEqual({
      type: 'object',
      properties: { meta: { type: 'object' } },
    });
  });

  it('infers object / array types from properties / items', () => {
    expect(reduceSchemaForGemini({ properties: { a: { items: { type: 'string' } } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'array', items: { type: 'string' } } },
    });
  });
});

describe('gemini parseResponse', () => {
  for (const c of responseCases) {
    it(`golden: ${c.name}`, () => {
      expect(geminiAdapter.parseResponse(c.body)).toEqual(c.expected);
    });
  }

  const finishTable: [string, string][] = [
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['BLOCKLIST', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['SPII', 'content_filter'],
    ['OTHER', 'stop'],
    ['LANGUAGE', 'stop'],
    ['MALFORMED_FUNCTION_CALL', 'stop'],
    ['FINISH_REASON_UNSPECIFIED', 'stop'],
  ];
  for (const [native, hub] of finishTable) {
    it(`finishReason ${native} → ${hub}`, () => {
      const body = { candidates: [{ content: { parts: [{ text: 'x' }], role: 'model' }, finishReason: native }] };
      expect(geminiAdapter.parseResponse(body).finishReason).toBe(hub);
    });
  }

  it('the same function calls always get the same ids', () => {
    const body = responseCases[1].body;
    const a = geminiAdapter.parseResponse(structuredClone(body)).message.tool_calls;
    const b = geminiAdapter.parseResponse(structuredClone(body)).message.tool_calls;
    expect(a).toEqual(b);
    expect(new Set(a!.map((t) => t.id)).size).toBe(2);
  });

  const malformedBodies: [string, unknown][] = [
    ['null', null],
    ['a string', 'hello'],
    ['an empty object', {}],
    ['candidates not an array', { candidates: 'x' }],
    ['parts not an array', { candidates: [{ content: { parts: 'x' } }] }],
    ['a functionCall without a name', { candidates: [{ content: { parts: [{ functionCall: { args: {} } }] } }] }],
  ];
  for (const [label, body] of malformedBodies) {
    it(`malformed (${label}) → retryable malformed`, () => {
      expect(thrownUpstreamError(() => geminiAdapter.parseResponse(body)).failure).toMatchObject({ kind: 'malformed', retryable: true });
    });
  }

  it('an error object in a 2xx body is classified', () => {
    const err = thrownUpstreamError(() =>
      geminiAdapter.parseResponse({ error: { code: 503, message: 'overloaded', status: 'UNAVAILABLE' } }),
    );
    expect(err.failure).toMatchObject({ kind: 'server', retryable: true });
  });
});

describe('gemini stream translator', () => {
  const goldens = (streamFixtures as StreamFixture[]).map((f) => ({ ...f, text: sseFixture('gemini', f.sse) }));

  for (const g of goldens) {
    it(`golden: ${g.name}`, () => {
      const outcome = feedWhole(g.text, translator);
      expect(outcome.events).toEqual(g.expected);
      if (g.error) expect(outcome.error?.failure).toMatchObject(g.error);
      else expect(outcome.error).toBeUndefined();
    });

    it(`same output at every byte split and 50 random chunkings: ${g.name}`, () => {
      expect(allChunkingOutcomes(g.text, translator, 50, 7).length).toBe(1 + new TextEncoder().encode(g.text).length + 1 + 50);
      expect(findChunkingMismatch(g.text, translator, 50, 7)).toBeUndefined();
    });
  }

  it('a non-JSON data line is malformed', () => {
    const t = translator();
    expect(thrownUpstreamError(() => t.push({ data: '{not json' })).failure).toMatchObject({ kind: 'malformed', retryable: true });
  });

  it('an INTERNAL error chunk is a retryable server failure', () => {
    const t = translator();
    const err = thrownUpstreamError(() =>
      t.push({ data: JSON.stringify({ error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } }) }),
    );
    expect(err.failure).toMatchObject({ kind: 'server', retryable: true, status: 200 });
  });
});

describe('gemini classifyError', () => {
  const h = (init: Record<string, string> = {}) => new Headers(init);
  const body = (code: number, status: string, message: string, details?: unknown[]) =>
    JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } });

  it('429 RESOURCE_EXHAUSTED → rate_limit, retry delay from RetryInfo', () => {
    const f = geminiAdapter.classifyError(
      429,
      body(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', [
        { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '46.5s' },
      ]),
      h(),
    );
    expect(f).toMatchObject({ kind: 'rate_limit', retryable: true, status: 429, retryAfterMs: 46500 });
  });

  it('retry-after header wins over RetryInfo; no delay when neither is given', () => {
    const withHeader = geminiAdapter.classifyError(
      429,
      body(429, 'RESOURCE_EXHAUSTED', 'q', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '9s' }]),
      h({ 'retry-after': '3' }),
    );
    expect(withHeader.retryAfterMs).toBe(3000);
    expect(geminiAdapter.classifyError(429, body(429, 'RESOURCE_EXHAUSTED', 'q'), h()).retryAfterMs).toBeUndefined();
  });

  it('the stream endpoint array form is understood', () => {
    const f = geminiAdapter.classifyError(
      400,
      JSON.stringify([{ error: { code: 400, message: 'bad field', status: 'INVALID_ARGUMENT' } }]),
      h(),
    );
    expect(f).toMatchObject({ kind: 'bad_request', retryable: false });
    expect(f.message).toContain('bad field');
  });

  const table: [number, string, string, string, boolean][] = [
    [500, 'INTERNAL', 'An internal error has occurred.', 'server', true],
    [503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.', 'server', true],
    [504, 'DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.', 'server', true],
    [
      400,
      'INVALID_ARGUMENT',
      'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
      'context_length',
      true,
    ],
    [400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unknown name "foo"', 'bad_request', false],
    [401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.', 'auth', true],
    [403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers.", 'auth', true],
    [404, 'NOT_FOUND', 'models/gemini-9 is not found for API version v1beta.', 'not_found', true],
  ];
  for (const [status, rpc, message, kind, retryable] of table) {
    it(`${status} ${rpc} → ${kind}`, () => {
      const f = geminiAdapter.classifyError(status, body(status, rpc, message), h());
      expect(f).toMatchObject({ kind, retryable, status });
    });
  }

  it('400 API_KEY_INVALID is an auth failure', () => {
    const f = geminiAdapter.classifyError(
      400,
      body(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
      ]),
      h(),
    );
    expect(f).toMatchObject({ kind: 'auth', retryable: true });
  });

  it('a non-JSON body is classified by status alone', () => {
    expect(geminiAdapter.classifyError(502, '<html>Bad Gateway</html>', h())).toMatchObject({
      kind: 'server',
      retryable: true,
      status: 502,
    });
    expect(geminiAdapter.classifyError(400, '', h())).toMatchObject({ kind: 'bad_request', retryable: false });
  });
});

describe('gemini simulated responder round trip', () => {
  const request: ChatRequest = chatRequest.parse({
    model: 'auto',
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"q":"cat"}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: '{"found":true}' },
    ],
    tools: [
      {
        type: 'function',
        function: {
          name: 'lookup',
          description: 'Search',
          parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'], additionalProperties: false },
        },
      },
    ],
    tool_choice: { type: 'function', function: { name: 'lookup' } },
    max_tokens: 77,
    stop: ['END'],
    response_format: { type: 'json_object' },
  });

  it('parses what the adapter sends', () => {
    for (const stream of [false, true]) {
      const http = geminiAdapter.buildRequest(request, target, { stream });
      const view = geminiSimFormat.parseRequest(JSON.parse(http.body), new URL(http.url));
      expect(view).toMatchObject({
        model: 'gemini-2.5-flash',
        stream,
        includeUsage: true,
        lastUserText: 'What is in this picture?',
        lastIsToolResult: true,
        toolResultText: JSON.stringify({ content: { found: true } }),
        tools: [
          { name: 'lookup', description: 'Search', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } },
        ],
        toolChoice: { name: 'lookup' },
        jsonSchema: {},
        imageCount: 1,
        maxTokens: 77,
        stop: ['END'],
      });
      expect(view.allText).toContain('Be brief.');
    }
  });

  it('rejects requests that are not Gemini requests', () => {
    const url = new URL('https://sim.local/v1beta/models/m:generateContent');
    expect(() => geminiSimFormat.parseRequest({ messages: [] }, url)).toThrow();
    expect(() =>
      geminiSimFormat.parseRequest(
        { contents: [{ role: 'user', parts: [{ text: 'x' }] }] },
        new URL('https://sim.local/v1/chat/completions'),
      ),
    ).toThrow();
  });

  const turn: SimTurn = {
    text: 'Hé, voilà 🐱',
    toolCalls: [
      { id: 'x1', name: 'lookup', arguments: '{"q":"cat"}' },
      { id: 'x2', name: 'lookup', arguments: '{"q":"dog"}' },
    ],
    finishReason: 'tool_calls',
    usage: { promptTokens: 21, completionTokens: 9, cachedTokens: 5 },
    textPieces: ['Hé, ', 'voilà ', '🐱'],
  };
  const expectedCalls = [
    { name: 'lookup', arguments: '{"q":"cat"}' },
    { name: 'lookup', arguments: '{"q":"dog"}' },
  ];
  const expectedUsage = { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30, prompt_tokens_details: { cached_tokens: 5 } };

  it('JSON response round-trips through parseResponse', () => {
    const parsed = geminiAdapter.parseResponse(JSON.parse(JSON.stringify(geminiSimFormat.renderResponse(turn, 'gemini-2.5-flash'))));
    expect(parsed.message.content).toBe(turn.text);
    expect(parsed.message.tool_calls!.map((c) => c.function)).toEqual(expectedCalls);
    expect(parsed.finishReason).toBe('tool_calls');
    expect(parsed.usage).toEqual(expectedUsage);
    expect(parsed.upstreamModel).toBe('gemini-2.5-flash');
  });

  it('SSE stream round-trips through the translator at any chunking', () => {
    const frames = geminiSimFormat.renderStream(
      turn,
      'gemini-2.5-flash',
      geminiSimFormat.parseRequest(
        JSON.parse(geminiAdapter.buildRequest(request, target, { stream: true }).body),
        new URL(geminiAdapter.buildRequest(request, target, { stream: true }).url),
      ),
    );
    for (const f of frames) expect(f.endsWith('\r\n\r\n') || f.endsWith('\n\n')).toBe(true);
    const sse = frames.join('');
    const outcome = feedWhole(sse, translator);
    expect(outcome.error).toBeUndefined();
    const deltas = outcome.events.filter((e) => e.type === 'delta');
    expect(deltas.map((e) => (e.type === 'delta' ? (e.delta.content ?? '') : '')).join('')).toBe(turn.text);
    const calls = deltas.flatMap((e) => (e.type === 'delta' ? (e.delta.tool_calls ?? []) : []));
    expect(calls.map((c) => c.index)).toEqual([0, 1]);
    expect(calls.map((c) => ({ name: c.function!.name, arguments: c.function!.arguments }))).toEqual(expectedCalls);
    expect(deltas.at(-1)).toMatchObject({ finishReason: 'tool_calls' });
    expect(outcome.events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: expectedUsage }]);
    expect(outcome.events.at(-1)).toEqual({ type: 'done' });
    expect(findChunkingMismatch(sse, translator, 50, 3)).toBeUndefined();
  });

  it('a text-only stream and a length-limited turn map back', () => {
    const short: SimTurn = {
      text: 'abc',
      toolCalls: [],
      finishReason: 'length',
      usage: { promptTokens: 1, completionTokens: 3 },
      textPieces: ['a', 'bc'],
    };
    const view = geminiSimFormat.parseRequest(
      { contents: [{ role: 'user', parts: [{ text: 'x' }] }] },
      new URL('https://sim.local/v1beta/models/m:streamGenerateContent?alt=sse'),
    );
    expect(view.stream).toBe(true);
    const outcome = feedWhole(geminiSimFormat.renderStream(short, 'm', view).join(''), translator);
    expect(outcome.events).toEqual([
      { type: 'delta', delta: { role: 'assistant', content: 'a' } },
      { type: 'delta', delta: { content: 'bc' } },
      { type: 'delta', delta: {}, finishReason: 'length' },
      { type: 'usage', usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } },
      { type: 'done' },
    ]);
  });

  it('native errors classify back to their kinds', () => {
    const kinds = ['rate_limit', 'overloaded', 'server', 'bad_request', 'context_length', 'auth'] as const;
    const expected = {
      rate_limit: 'rate_limit',
      overloaded: 'server',
      server: 'server',
      bad_request: 'bad_request',
      context_length: 'context_length',
      auth: 'auth',
    };
    for (const kind of kinds) {
      const e = geminiSimFormat.renderError(kind, 'simulated failure', kind === 'rate_limit' ? 12 : undefined);
      const f = geminiAdapter.classifyError(e.status, e.body, new Headers(e.headers));
      expect(f.kind, kind).toBe(expected[kind]);
      if (kind === 'rate_limit') expect(f.retryAfterMs).toBe(12_000);
    }
    expect(geminiSimFormat.renderError('rate_limit', 'x').status).toBe(429);
    expect(geminiSimFormat.renderError('overloaded', 'x').status).toBe(503);
  });

  it('the in-stream error chunk fails the stream retryably', () => {
    const sse =
      geminiSimFormat
        .renderStream(turn, 'm', {} as never)
        .slice(0, 1)
        .join('') + geminiSimFormat.renderStreamError('simulated outage');
    const outcome = feedWhole(sse, translator);
    expect(outcome.events).toEqual([{ type: 'delta', delta: { role: 'assistant', content: 'Hé, ' } }]);
    expect(outcome.error?.failure).toMatchObject({ kind: 'server', retryable: true });
    expect(findChunkingMismatch(sse, translator, 50, 11)).toBeUndefined();
  });
});
