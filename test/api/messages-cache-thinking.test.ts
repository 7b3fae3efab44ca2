import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/hub';
import { completionToMessage } from '../../src/api/messages/from-chat';
import { type MessagesRequest, messagesRequest } from '../../src/api/messages/schema';
import { MessagesStreamTranslator } from '../../src/api/messages/stream';
import { messagesToChatRequest } from '../../src/api/messages/to-chat';
import { chunk, completion, usageChunk, translationRefusal } from './fixtures';

/**
 * The Messages dialect's Anthropic-only fields through the hub: cache_control breakpoints, thinking
 * (config, history blocks, answers and streams) and output_config.format. Pure translator tests.
 */

const req = (body: Record<string, unknown>): MessagesRequest => messagesRequest.parse({ model: 'auto', max_tokens: 4096, ...body });
const EPH = { type: 'ephemeral' } as const;
const HOUR = { type: 'ephemeral', ttl: '1h' } as const;

const refusal = (body: Record<string, unknown>): ApiError => translationRefusal(req(body));

describe('cache_control into the hub request', () => {
  it('keeps breakpoints on system blocks, content blocks, tool results, assistant turns and tools', () => {
    const chat = messagesToChatRequest(
      req({
        system: [
          { type: 'text', text: 'Rules.' },
          { type: 'text', text: 'Manual.', cache_control: HOUR },
        ],
        tools: [{ name: 'f', input_schema: { type: 'object' }, cache_control: EPH }],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Doc', cache_control: EPH },
              { type: 'text', text: 'Q?' },
            ],
          },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {}, cache_control: EPH }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'r' }] },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Rules.' },
          { type: 'text', text: 'Manual.', cache_control: HOUR },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Doc', cache_control: EPH },
          { type: 'text', text: 'Q?' },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }],
        cache_control: EPH,
      },
      { role: 'tool', tool_call_id: 't1', content: 'r' },
    ]);
    expect(chat.tools).toEqual([{ type: 'function', function: { name: 'f', parameters: { type: 'object' } }, cache_control: EPH }]);
    const result = messagesToChatRequest(
      req({ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'r', cache_control: HOUR }] }] }),
    );
    expect(result.messages).toEqual([{ role: 'tool', tool_call_id: 't1', content: 'r', cache_control: HOUR }]);
  });

  it('refuses more than four breakpoints, as Anthropic does', () => {
    const marked = (text: string) => ({ type: 'text', text, cache_control: EPH });
    const err = refusal({
      system: [marked('a'), marked('b')],
      messages: [{ role: 'user', content: [marked('c'), marked('d'), marked('e')] }],
    });
    expect(err.status).toBe(400);
    expect(err.code).toBe('too_many_cache_breakpoints');
    expect(() =>
      messagesToChatRequest(req({ system: [marked('a')], messages: [{ role: 'user', content: [marked('c'), marked('d')] }] })),
    ).not.toThrow();
  });

  it('refuses a cache_control that is not ephemeral', () => {
    const err = refusal({ messages: [{ role: 'user', content: [{ type: 'text', text: 'x', cache_control: { type: 'forever' } }] }] });
    expect(err.status).toBe(400);
  });
});

describe('thinking into the hub request', () => {
  it('carries the config and the history’s thinking blocks verbatim', () => {
    const chat = messagesToChatRequest(
      req({
        thinking: { type: 'enabled', budget_tokens: 2048 },
        messages: [
          { role: 'user', content: 'Plan a trip.' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'Where to?', signature: 'sig-a' },
              { type: 'redacted_thinking', data: 'opaque' },
              { type: 'text', text: 'Lisbon.' },
            ],
          },
          { role: 'user', content: 'Why?' },
        ],
      }),
    );
    expect(chat.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(chat.messages[1]).toEqual({
      role: 'assistant',
      content: 'Lisbon.',
      thinking_blocks: [
        { type: 'thinking', thinking: 'Where to?', signature: 'sig-a' },
        { type: 'redacted_thinking', data: 'opaque' },
      ],
    });
  });

  it('refuses a budget under 1,024 tokens or not below max_tokens, as Anthropic does', () => {
    const ask = (thinking: Record<string, unknown>, max_tokens = 4096) =>
      refusal({ thinking, max_tokens, messages: [{ role: 'user', content: 'x' }] });
    expect(ask({ type: 'enabled', budget_tokens: 512 }).param).toBe('thinking.budget_tokens');
    expect(ask({ type: 'enabled', budget_tokens: 4096 }, 4096).message).toContain('max_tokens must be greater');
    expect(ask({ type: 'enabled' }).status).toBe(400);
  });
});

describe('output_config.format into the hub request', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
  const expected = { type: 'json_schema', json_schema: { name: 'output', schema, strict: true } };

  it('becomes a json_schema response_format (output_config.format, or the beta output_format)', () => {
    const messages = [{ role: 'user', content: 'Where?' }];
    expect(messagesToChatRequest(req({ messages, output_config: { format: { type: 'json_schema', schema } } })).response_format).toEqual(
      expected,
    );
    expect(messagesToChatRequest(req({ messages, output_format: { type: 'json_schema', schema } })).response_format).toEqual(expected);
    expect(messagesToChatRequest(req({ messages, output_config: { effort: 'high' } })).response_format).toBeUndefined();
  });

  it('refuses a format other than json_schema', () => {
    expect(
      messagesRequest.safeParse({
        model: 'auto',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x' }],
        output_config: { format: { type: 'xml' } },
      }).success,
    ).toBe(false);
  });
});

describe('thinking back to the client', () => {
  it('puts the thinking blocks first in the message, verbatim, and reports cache writes by TTL', () => {
    const msg = completionToMessage(
      completion(
        {
          role: 'assistant',
          content: 'Lisbon.',
          thinking_blocks: [
            { type: 'thinking', thinking: 'Where to?', signature: 'sig-a' },
            { type: 'redacted_thinking', data: 'opaque' },
          ],
        },
        'stop',
        {
          prompt_tokens: 1310,
          completion_tokens: 20,
          total_tokens: 1330,
          prompt_tokens_details: { cached_tokens: 1000, cache_creation_tokens: 300, cache_creation_1h_tokens: 200 },
        },
      ),
      'd1',
    );
    expect(msg.content).toEqual([
      { type: 'thinking', thinking: 'Where to?', signature: 'sig-a' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'Lisbon.' },
    ]);
    expect(msg.usage).toMatchObject({
      input_tokens: 10,
      cache_read_input_tokens: 1000,
      cache_creation_input_tokens: 300,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
    });
  });

  it('streams thinking blocks as Anthropic does: thinking_delta, signature_delta, then the text block', () => {
    const t = new MessagesStreamTranslator('d1');
    const events = [
      ...[
        chunk({ role: 'assistant', thinking_blocks: [{ index: 0, type: 'thinking', thinking: 'Where ' }] }),
        chunk({ thinking_blocks: [{ index: 0, type: 'thinking', thinking: 'to?' }] }),
        chunk({ thinking_blocks: [{ index: 0, type: 'thinking', signature: 'sig-a' }] }),
        chunk({ thinking_blocks: [{ index: 1, type: 'redacted_thinking', data: 'opaque' }] }),
        chunk({ content: 'Lisbon.' }),
        chunk({}, 'stop'),
        usageChunk(),
      ].flatMap((c) => t.push(c)),
      ...t.finish(),
    ];
    const blocks = events.filter((e) => e.type.startsWith('content_block'));
    expect(blocks).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Where ' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'to?' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig-a' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'redacted_thinking', data: 'opaque' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 2, delta: { type: 'text_delta', text: 'Lisbon.' } },
      { type: 'content_block_stop', index: 2 },
    ]);
  });
});
