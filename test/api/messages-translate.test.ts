import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/hub';
import { anthropicErrorBody, anthropicErrorType } from '../../src/api/messages/errors';
import { completionToMessage, toAnthropicUsage } from '../../src/api/messages/from-chat';
import { type MessagesRequest, messagesRequest } from '../../src/api/messages/schema';
import { MessagesStreamTranslator } from '../../src/api/messages/stream';
import { messagesToChatRequest } from '../../src/api/messages/to-chat';
import { TEXT_THEN_TOOL, chunk, completion, usageChunk, translationRefusal } from './fixtures';

const req = (body: Record<string, unknown>): MessagesRequest => messagesRequest.parse({ model: 'auto', max_tokens: 100, ...body });

const refusal = (body: Record<string, unknown>): ApiError => translationRefusal(req(body));

describe('Messages request → ChatRequest', () => {
  it('maps system, text, images, tool_use and tool_result blocks', () => {
    const chat = messagesToChatRequest(
      req({
        system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
        stop_sequences: ['END'],
        temperature: 0.5,
        metadata: { user_id: 'u1' },
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
              { type: 'image', source: { type: 'url', url: 'https://example.com/b.jpg' } },
              { type: 'text', text: 'Weather?' },
            ],
          },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'hmm', signature: 'sig' },
              { type: 'text', text: 'Checking.' },
              { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'Rain' }] },
              { type: 'text', text: 'And tomorrow?' },
            ],
          },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: 'timeout', is_error: true }] },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }] },
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          { type: 'image_url', image_url: { url: 'https://example.com/b.jpg' } },
          { type: 'text', text: 'Weather?' },
        ],
      },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
        thinking_blocks: [{ type: 'thinking', thinking: 'hmm', signature: 'sig' }],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: [{ type: 'text', text: 'Rain' }] },
      { role: 'user', content: 'And tomorrow?' },
      { role: 'tool', tool_call_id: 'toolu_2', content: 'Error: timeout' },
    ]);
    expect(chat.max_tokens).toBe(100);
    expect(chat.stop).toEqual(['END']);
    expect(chat.temperature).toBe(0.5);
    expect(chat.user).toBe('u1');
  });

  it('maps tools and every tool_choice', () => {
    const tools = [{ name: 'f', description: 'does f', input_schema: { type: 'object', properties: {} } }];
    const base = { tools, messages: [{ role: 'user', content: 'x' }] };
    const chat = messagesToChatRequest(req(base));
    expect(chat.tools).toEqual([
      { type: 'function', function: { name: 'f', description: 'does f', parameters: { type: 'object', properties: {} } } },
    ]);
    expect(messagesToChatRequest(req({ ...base, tool_choice: { type: 'auto' } })).tool_choice).toBe('auto');
    expect(messagesToChatRequest(req({ ...base, tool_choice: { type: 'any' } })).tool_choice).toBe('required');
    expect(messagesToChatRequest(req({ ...base, tool_choice: { type: 'none' } })).tool_choice).toBe('none');
    const named = messagesToChatRequest(req({ ...base, tool_choice: { type: 'tool', name: 'f', disable_parallel_tool_use: true } }));
    expect(named.tool_choice).toEqual({ type: 'function', function: { name: 'f' } });
    expect(named.parallel_tool_calls).toBe(false);
  });

  it('refuses server tools, document blocks and misplaced tool_use', () => {
    expect(
      refusal({ tools: [{ type: 'web_search_20250305', name: 'web_search' }], messages: [{ role: 'user', content: 'x' }] }).param,
    ).toBe('tools[0]');
    expect(refusal({ messages: [{ role: 'user', content: [{ type: 'document', source: {} }] }] }).code).toBe('unsupported_content');
    expect(refusal({ messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'a', name: 'f', input: {} }] }] }).status).toBe(400);
    expect(refusal({ stop_sequences: ['a', 'b', 'c', 'd', 'e'], messages: [{ role: 'user', content: 'x' }] }).param).toBe('stop_sequences');
  });

  it('requires max_tokens, as Anthropic does', () => {
    expect(messagesRequest.safeParse({ model: 'auto', messages: [{ role: 'user', content: 'x' }] }).success).toBe(false);
  });
});

describe('ChatCompletion → Messages object', () => {
  it('turns text and tool calls into content blocks, with Anthropic usage', () => {
    const msg = completionToMessage(
      completion(
        {
          role: 'assistant',
          content: 'Hi',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
        },
        'tool_calls',
      ),
      'd1',
    );
    expect(msg).toEqual({
      id: 'msg_d1',
      type: 'message',
      role: 'assistant',
      model: 'sim-model',
      content: [
        { type: 'text', text: 'Hi' },
        { type: 'tool_use', id: 'call_1', name: 'f', input: { a: 1 } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 90, output_tokens: 30, cache_read_input_tokens: 20, cache_creation_input_tokens: 10 },
    });
  });

  it('maps finish reasons to stop reasons', () => {
    expect(completionToMessage(completion({ role: 'assistant', content: 'a' }, 'stop'), 'd').stop_reason).toBe('end_turn');
    expect(completionToMessage(completion({ role: 'assistant', content: 'a' }, 'length'), 'd').stop_reason).toBe('max_tokens');
    expect(completionToMessage(completion({ role: 'assistant', content: 'a' }, 'content_filter'), 'd').stop_reason).toBe('refusal');
  });

  it('refuses (502) tool arguments that are not a JSON object rather than inventing an input', () => {
    const bad = completion(
      { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{oops' } }] },
      'tool_calls',
    );
    expect(() => completionToMessage(bad, 'd')).toThrow(ApiError);
    expect(toAnthropicUsage({ prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 })).toEqual({
      input_tokens: 5,
      output_tokens: 1,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });
});

describe('chunk stream → Messages events', () => {
  it('emits Anthropic’s sequence with input_json_delta and usage on message_delta', () => {
    const t = new MessagesStreamTranslator('d1');
    const events = [...TEXT_THEN_TOOL.flatMap((c) => t.push(c)), ...t.finish()];
    expect(events.map((e) => e.type)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0]).toMatchObject({ message: { id: 'msg_d1', model: 'sim-model', role: 'assistant', content: [] } });
    expect(events[6]).toEqual({
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'tool_use', id: 'call_1', name: 'get_weather', input: {} },
    });
    const json = events
      .filter((e) => (e.delta as { type?: string })?.type === 'input_json_delta')
      .map((e) => (e.delta as { partial_json: string }).partial_json);
    expect(JSON.parse(json.join(''))).toEqual({ city: 'Oslo' });
    expect(events.at(-2)).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { input_tokens: 90, output_tokens: 30, cache_read_input_tokens: 20, cache_creation_input_tokens: 10 },
    });
  });

  it('reports max_tokens and ends a failed stream with an error event', () => {
    const t = new MessagesStreamTranslator('d1');
    const events = [...[chunk({ content: 'ab' }), chunk({}, 'length'), usageChunk()].flatMap((c) => t.push(c)), ...t.finish()];
    expect(events.at(-2)).toMatchObject({ delta: { stop_reason: 'max_tokens' } });
    const f = new MessagesStreamTranslator('d2');
    const failed = [
      ...f.push(chunk({ content: 'ab' })),
      ...f.fail({ error: { message: 'boom', type: 'upstream_error', param: null, code: 'stream_interrupted' } }),
    ];
    expect(failed.at(-1)).toEqual({ type: 'error', error: { type: 'api_error', message: 'boom' } });
  });
});

describe('Anthropic error envelope', () => {
  it('maps statuses to Anthropic error types', () => {
    expect([400, 401, 402, 403, 404, 413, 422, 429, 500, 502, 503, 504, 529].map(anthropicErrorType)).toEqual([
      'invalid_request_error',
      'authentication_error',
      'billing_error',
      'permission_error',
      'not_found_error',
      'request_too_large',
      'invalid_request_error',
      'rate_limit_error',
      'api_error',
      'api_error',
      'overloaded_error',
      'timeout_error',
      'overloaded_error',
    ]);
    expect(anthropicErrorBody(new ApiError(429, { message: 'slow down', type: 'rate_limit_error' }))).toEqual({
      type: 'error',
      error: { type: 'rate_limit_error', message: 'slow down' },
    });
  });
});
