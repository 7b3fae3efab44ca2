import Anthropic from '@anthropic-ai/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, BASE, clearFaults, createTestKey, workerFetch } from '../helpers/gateway';

/** The official Anthropic SDK against POST /v1/messages, with nothing but base URL and a Cailos key. */

let client: Anthropic;
let key: string;

const client4 = (apiKey: string) => new Anthropic({ baseURL: BASE, apiKey, fetch: workerFetch as typeof fetch, maxRetries: 0 });

// 1x1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Get the current weather for a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

beforeAll(async () => {
  key = (await createTestKey({ name: 'anthropic-sdk' })).key;
  client = client4(key);
});

describe('Anthropic SDK → /v1/messages', () => {
  it('answers a plain request in the Messages shape, with usage and Cailos headers', async () => {
    const { data, response } = await client.messages
      .create({
        model: 'auto',
        max_tokens: 300,
        system: 'Be brief.',
        messages: [{ role: 'user', content: 'Say hello to the blue heron.' }],
      })
      .withResponse();
    expect(data.type).toBe('message');
    expect(data.role).toBe('assistant');
    expect(data.id).toMatch(/^msg_/);
    expect(data.stop_reason).toBe('end_turn');
    expect(data.content[0].type).toBe('text');
    expect((data.content[0] as Anthropic.TextBlock).text).toContain('Say hello to the blue heron.');
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    expect(data.usage.output_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-cailos-decision-id')).toBeTruthy();
    expect(response.headers.get('x-cailos-endpoint')).toBeTruthy();
  });

  it('streams with the Anthropic event sequence and the final message matches', async () => {
    const stream = client.messages.stream({
      model: 'auto:speed',
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Tell me about the red kite.' }],
    });
    const types: string[] = [];
    let text = '';
    stream.on('streamEvent', (ev) => types.push(ev.type));
    stream.on('text', (delta) => (text += delta));
    const final = await stream.finalMessage();
    expect(types[0]).toBe('message_start');
    expect(types).toContain('content_block_start');
    expect(types.filter((t) => t === 'content_block_delta').length).toBeGreaterThan(1);
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(text).toContain('Tell me about the red kite.');
    expect((final.content[0] as Anthropic.TextBlock).text).toBe(text);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.input_tokens).toBeGreaterThan(0);
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });

  it('calls a tool, then answers from the tool_result turn', async () => {
    const question: Anthropic.MessageParam = { role: 'user', content: 'What is the weather in Lisbon right now?' };
    const first = await client.messages.create({ model: 'auto', max_tokens: 300, tools: [weatherTool], messages: [question] });
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(use?.name).toBe('get_weather');
    expect(typeof (use!.input as { city: unknown }).city).toBe('string');

    const second = await client.messages.create({
      model: 'auto',
      max_tokens: 300,
      tools: [weatherTool],
      messages: [
        question,
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: use!.id, content: 'Sunny, 24 C' }] },
      ],
    });
    expect(second.stop_reason).toBe('end_turn');
    const text = second.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    expect(text).toContain('Sunny, 24 C');
  });

  it('streams a tool call as input_json_delta events that assemble to the tool input', async () => {
    const stream = client.messages.stream({
      model: 'auto',
      max_tokens: 300,
      tools: [weatherTool],
      tool_choice: { type: 'tool', name: 'get_weather' },
      messages: [{ role: 'user', content: 'Weather in Porto please.' }],
    });
    let partial = '';
    stream.on('streamEvent', (ev) => {
      if (ev.type === 'content_block_delta' && ev.delta.type === 'input_json_delta') partial += ev.delta.partial_json;
    });
    const final = await stream.finalMessage();
    expect(final.stop_reason).toBe('tool_use');
    const use = final.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(use?.name).toBe('get_weather');
    expect(partial.length).toBeGreaterThan(0);
    expect(use!.input).toEqual(JSON.parse(partial));
  });

  it('accepts an image block', async () => {
    const msg = await client.messages.create({
      model: 'auto',
      max_tokens: 300,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
            { type: 'text', text: 'What is in this picture?' },
          ],
        },
      ],
    });
    const text = msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    expect(text).toContain('The request carried 1 image');
  });

  it('answers a bad key with an Anthropic-shaped 401', async () => {
    const bad = client4(`cai_${'x'.repeat(40)}`);
    const err = await bad.messages.create({ model: 'auto', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.error).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
  });

  it('answers a bad body with an Anthropic-shaped 400', async () => {
    const err = await client.messages.create({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] } as never).catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(err.status).toBe(400);
    expect(err.error.type).toBe('error');
    expect(err.error.error.type).toBe('invalid_request_error');
    expect(err.error.error.message).toMatch(/max_tokens/);
  });

  it('answers an unknown model with an Anthropic-shaped 404', async () => {
    const err = await client.messages
      .create({ model: 'no-such-model', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
    expect(err.error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  it('refuses Anthropic server tools clearly', async () => {
    const err = await client.messages
      .create({
        model: 'auto',
        max_tokens: 10,
        tools: [{ type: 'web_search_20250305', name: 'web_search' } as never],
        messages: [{ role: 'user', content: 'hi' }],
      })
      .catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.error.error.message).toMatch(/custom tools/);
  });

  it('takes model specs like claude-sonnet and auto:cost', async () => {
    for (const model of ['auto:cost', 'claude-sonnet']) {
      const { data, response } = await client.messages
        .create({ model, max_tokens: 100, messages: [{ role: 'user', content: 'ping' }] })
        .withResponse();
      expect(data.content.length).toBeGreaterThan(0);
      if (model === 'claude-sonnet') expect(data.model).toMatch(/claude/);
      expect(response.headers.get('x-cailos-endpoint')).toBeTruthy();
    }
  });

  it('surfaces a stream that breaks mid-answer as an SDK error', async () => {
    const params = { model: 'auto', max_tokens: 300, messages: [{ role: 'user' as const, content: 'Explain the broken stream.' }] };
    const { response } = await client.messages.create(params).withResponse();
    await admin('/sim/faults', { body: { target: response.headers.get('x-cailos-endpoint'), fault: 'truncated_sse', times: 1 } });
    try {
      const err = await client.messages
        .stream(params)
        .finalMessage()
        .catch((e) => e);
      expect(err).toBeInstanceOf(Anthropic.APIError);
      expect(err.error).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    } finally {
      await clearFaults();
    }
  });

  it('answers unknown routes under /v1/messages in the Anthropic envelope', async () => {
    const res = await workerFetch(`${BASE}/v1/messages/batches`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });
});
