import { describe, expect, it } from 'vitest';
import { costOfUsage, type Endpoint } from '../../src/catalog';
import { type ChatRequest, chatRequest } from '../../src/hub';
import type { StreamEvent } from '../../src/providers';
import { anthropicAdapter } from '../../src/providers/anthropic';
import { openaiAdapter } from '../../src/providers/openai';
import type { UpstreamTarget } from '../../src/providers/types';
import { findChunkingMismatch, feedWhole } from '../helpers/sse-chunking';

/**
 * Anthropic-only request features through the adapters: cache_control breakpoints and extended
 * thinking reach Anthropic endpoints in Anthropic's shape (per the endpoint's catalog capabilities),
 * come back (thinking blocks with their signature, cache usage split by TTL), and never reach an
 * OpenAI-format endpoint.
 */

const base: Omit<Endpoint, 'capabilities'> = {
  id: 'anthropic/claude-test',
  provider: 'anthropic',
  model: 'claude-test',
  codename: 'claude-sonnet',
  wireFormat: 'anthropic',
  pricing: {
    inputPerMTok: 3,
    outputPerMTok: 15,
    cachedInputPerMTok: 0.3,
    cacheWritePerMTok: 3.75,
    cacheWrite1hPerMTok: 6,
    asOf: '2026-01-01',
    source: 'test',
  },
  contextWindow: 200_000,
  maxOutputTokens: 64_000,
  trustLevel: 1,
  regions: ['us'],
  latency: { ttftMs: 600, tokensPerSec: 70 },
  qualityPrior: 0.9,
};
const caps = { tools: true, vision: true, jsonSchema: true, streaming: true };
const adaptive: Endpoint = { ...base, capabilities: { ...caps, reasoning: true, adaptiveThinking: true } };
const budgetOnly: Endpoint = { ...base, capabilities: { ...caps, reasoning: true } };
const noThinking: Endpoint = { ...base, capabilities: caps };
const gpt5: Endpoint = {
  ...base,
  id: 'openai/gpt-5',
  provider: 'openai',
  model: 'gpt-5',
  wireFormat: 'openai',
  capabilities: { ...caps, reasoning: true },
};
const gpt4o: Endpoint = { ...gpt5, id: 'openai/gpt-4o', model: 'gpt-4o', capabilities: caps };

const target = (endpoint: Endpoint): UpstreamTarget => ({ endpoint, baseUrl: 'https://upstream.test/v1', apiKey: 'k' });
const req = (body: Record<string, unknown>): ChatRequest => chatRequest.parse({ model: 'auto', max_tokens: 4000, ...body });
const anthropicBody = (r: ChatRequest, endpoint = adaptive, stream = false) =>
  JSON.parse(anthropicAdapter.buildRequest(r, target(endpoint), { stream }).body) as Record<string, unknown>;
const openaiBody = (r: ChatRequest, endpoint = gpt5) => JSON.parse(openaiAdapter.buildRequest(r, target(endpoint), { stream: false }).body);

const EPH = { type: 'ephemeral' } as const;
const HOUR = { type: 'ephemeral', ttl: '1h' } as const;

const cachedConversation = () =>
  req({
    tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } }, cache_control: HOUR }],
    messages: [
      {
        role: 'system',
        content: [
          { type: 'text', text: 'You are a librarian.' },
          { type: 'text', text: 'The catalog: …', cache_control: HOUR },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Long document', cache_control: EPH },
          { type: 'text', text: 'Question one?' },
        ],
      },
      {
        role: 'assistant',
        content: 'Answer one.',
        thinking_blocks: [{ type: 'thinking', thinking: 'Let me look.', signature: 'sig-1' }],
        tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
        cache_control: EPH,
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'found' },
      { role: 'user', content: 'Question two?', cache_control: EPH },
    ],
  });

describe('cache_control to an Anthropic endpoint', () => {
  it('marks the system blocks, content blocks, the last block of a marked message and the tools', () => {
    const body = anthropicBody(cachedConversation());
    expect(body.system).toEqual([
      { type: 'text', text: 'You are a librarian.' },
      { type: 'text', text: 'The catalog: …', cache_control: HOUR },
    ]);
    expect(body.tools).toEqual([{ name: 'lookup', input_schema: { type: 'object' }, cache_control: HOUR }]);
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Long document', cache_control: EPH },
          { type: 'text', text: 'Question one?' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Let me look.', signature: 'sig-1' },
          { type: 'text', text: 'Answer one.' },
          { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x' }, cache_control: EPH },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: 'found' },
          { type: 'text', text: 'Question two?', cache_control: EPH },
        ],
      },
    ]);
  });

  it('keeps the plain string system prompt when nothing in it is marked', () => {
    const body = anthropicBody(
      req({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi', cache_control: EPH },
        ],
      }),
    );
    expect(body.system).toBe('Be brief.');
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: EPH }] }]);
  });

  it('puts a breakpoint inside a tool result on the tool_result block', () => {
    const body = anthropicBody(
      req({
        messages: [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 't1', content: [{ type: 'text', text: 'big result', cache_control: EPH }] },
        ],
      }),
    );
    expect((body.messages as { content: unknown }[])[2].content).toEqual([
      { type: 'tool_result', tool_use_id: 't1', content: 'big result', cache_control: EPH },
    ]);
  });
});

describe('cache_control and thinking to an OpenAI-format endpoint', () => {
  it('are not sent', () => {
    const body = openaiBody(cachedConversation(), gpt4o);
    const text = JSON.stringify(body);
    expect(text).not.toContain('cache_control');
    expect(text).not.toContain('thinking');
    expect(text).not.toContain('sig-1');
    expect(body.messages[1].content).toEqual([
      { type: 'text', text: 'Long document' },
      { type: 'text', text: 'Question one?' },
    ]);
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }]);
  });

  it('maps a thinking budget to reasoning_effort on a reasoning endpoint only, and never overrides the client’s', () => {
    const ask = (thinking: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      req({ messages: [{ role: 'user', content: 'x' }], thinking, ...extra });
    expect(openaiBody(ask({ type: 'enabled', budget_tokens: 1024 })).reasoning_effort).toBe('low');
    expect(openaiBody(ask({ type: 'enabled', budget_tokens: 8000 })).reasoning_effort).toBe('medium');
    expect(openaiBody(ask({ type: 'enabled', budget_tokens: 32000 })).reasoning_effort).toBe('high');
    expect(openaiBody(ask({ type: 'adaptive' })).reasoning_effort).toBe('medium');
    expect(openaiBody(ask({ type: 'disabled' })).reasoning_effort).toBeUndefined();
    expect(openaiBody(ask({ type: 'enabled', budget_tokens: 32000 }, { reasoning_effort: 'low' })).reasoning_effort).toBe('low');
    const plain = openaiBody(ask({ type: 'enabled', budget_tokens: 8000 }), gpt4o);
    expect(plain.reasoning_effort).toBeUndefined();
    expect(plain.thinking).toBeUndefined();
  });
});

describe('thinking to an Anthropic endpoint', () => {
  const ask = (thinking: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    req({ messages: [{ role: 'user', content: 'x' }], thinking, temperature: 0.3, top_p: 0.9, ...extra });

  it('forwards each form only where the catalog says the model takes it', () => {
    expect(anthropicBody(ask({ type: 'enabled', budget_tokens: 2048 }), budgetOnly).thinking).toEqual({
      type: 'enabled',
      budget_tokens: 2048,
    });
    expect(anthropicBody(ask({ type: 'adaptive', display: 'omitted' }), adaptive).thinking).toEqual({
      type: 'adaptive',
      display: 'omitted',
    });
    expect(anthropicBody(ask({ type: 'adaptive' }), budgetOnly).thinking).toBeUndefined();
    expect(anthropicBody(ask({ type: 'enabled', budget_tokens: 2048 }), noThinking).thinking).toBeUndefined();
    expect(anthropicBody(ask({ type: 'disabled' }), budgetOnly).thinking).toEqual({ type: 'disabled' });
    expect(anthropicBody(ask({ type: 'between_tools' }), adaptive).thinking).toBeUndefined();
  });

  it('drops temperature and top_p when the model thinks (Anthropic refuses them), keeps them otherwise', () => {
    const thinking = anthropicBody(ask({ type: 'enabled', budget_tokens: 2048 }), budgetOnly);
    expect(thinking.temperature).toBeUndefined();
    expect(thinking.top_p).toBeUndefined();
    const dropped = anthropicBody(ask({ type: 'enabled', budget_tokens: 2048 }), noThinking);
    expect(dropped.temperature).toBe(0.3);
  });

  it('asks a thinking model for native JSON output instead of forcing a tool', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
    const format = { type: 'json_schema', json_schema: { name: 'out', schema } };
    const thinking = anthropicBody(ask({ type: 'enabled', budget_tokens: 2048 }, { response_format: format }), budgetOnly);
    expect(thinking.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(thinking.tools).toBeUndefined();
    expect(thinking.tool_choice).toBeUndefined();
    const plain = anthropicBody(ask({ type: 'enabled', budget_tokens: 2048 }, { response_format: format }), noThinking);
    expect(plain.output_config).toBeUndefined();
    expect(plain.tool_choice).toEqual({ type: 'tool', name: 'cailos_json_out' });
  });
});

describe('Anthropic answers with thinking and cache usage', () => {
  const answer = {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-test',
    content: [
      { type: 'thinking', thinking: 'Step one.', signature: 'EqQBCgIYAh' },
      { type: 'redacted_thinking', data: 'EmwKAhgB' },
      { type: 'text', text: 'Done.' },
    ],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: 10,
      output_tokens: 20,
      cache_read_input_tokens: 1000,
      cache_creation_input_tokens: 300,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
    },
  };

  it('keeps the thinking blocks verbatim and the 1-hour part of the cache writes', () => {
    const parsed = anthropicAdapter.parseResponse(answer);
    expect(parsed.message).toEqual({
      role: 'assistant',
      content: 'Done.',
      thinking_blocks: [
        { type: 'thinking', thinking: 'Step one.', signature: 'EqQBCgIYAh' },
        { type: 'redacted_thinking', data: 'EmwKAhgB' },
      ],
    });
    expect(parsed.usage).toEqual({
      prompt_tokens: 1310,
      completion_tokens: 20,
      total_tokens: 1330,
      prompt_tokens_details: { cached_tokens: 1000, cache_creation_tokens: 300, cache_creation_1h_tokens: 200 },
    });
  });

  it('prices reads, 5-minute writes and 1-hour writes at their own catalog prices', () => {
    const usage = anthropicAdapter.parseResponse(answer).usage;
    // 10 fresh × 3 + 1000 read × 0.3 + 100 × 3.75 + 200 × 6 + 20 out × 15, per million.
    expect(costOfUsage(adaptive, usage)).toBeCloseTo((10 * 3 + 1000 * 0.3 + 100 * 3.75 + 200 * 6 + 20 * 15) / 1e6, 12);
    const without1hPrice: Endpoint = { ...adaptive, pricing: { ...adaptive.pricing, cacheWrite1hPerMTok: undefined } };
    expect(costOfUsage(without1hPrice, usage)).toBeCloseTo((10 * 3 + 1000 * 0.3 + 300 * 3.75 + 20 * 15) / 1e6, 12);
  });

  it('streams thinking text and signature as thinking deltas, redacted blocks whole', () => {
    const frames = [
      { type: 'message_start', message: { id: 'm', model: 'claude-test', usage: { input_tokens: 5, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Step ' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'one.' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQBCgIYAh' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'redacted_thinking', data: 'EmwKAhgB' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 2, delta: { type: 'text_delta', text: 'Done.' } },
      { type: 'content_block_stop', index: 2 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 20 } },
      { type: 'message_stop' },
    ];
    const text = frames.map((f) => `event: ${f.type}\ndata: ${JSON.stringify(f)}\n\n`).join('');
    const outcome = feedWhole(text, () => anthropicAdapter.createStreamTranslator());
    expect(outcome.error).toBeUndefined();
    expect(findChunkingMismatch(text, () => anthropicAdapter.createStreamTranslator())).toBeUndefined();
    const events: StreamEvent[] = outcome.events;
    const thinking = events.flatMap((e) => (e.type === 'delta' ? (e.delta.thinking_blocks ?? []) : []));
    expect(thinking).toEqual([
      { index: 0, type: 'thinking', thinking: 'Step ' },
      { index: 0, type: 'thinking', thinking: 'one.' },
      { index: 0, type: 'thinking', signature: 'EqQBCgIYAh' },
      { index: 1, type: 'redacted_thinking', data: 'EmwKAhgB' },
    ]);
    const content = events.map((e) => (e.type === 'delta' ? (e.delta.content ?? '') : '')).join('');
    expect(content).toBe('Done.');
  });
});
