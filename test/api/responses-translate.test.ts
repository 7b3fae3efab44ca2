import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/hub';
import { completionToResponse } from '../../src/api/responses/from-chat';
import { type ResponsesRequest, responsesRequest } from '../../src/api/responses/schema';
import { ResponsesStreamTranslator } from '../../src/api/responses/stream';
import { responsesToChatRequest } from '../../src/api/responses/to-chat';
import { TEXT_THEN_TOOL, USAGE, chunk, completion, usageChunk } from './fixtures';

const req = (body: Record<string, unknown>): ResponsesRequest => responsesRequest.parse({ model: 'auto', ...body });

function refusal(body: Record<string, unknown>): ApiError {
  try {
    responsesToChatRequest(req(body));
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('Responses request → ChatRequest', () => {
  it('maps a string input and instructions to system + user', () => {
    const chat = responsesToChatRequest(req({ input: 'Hello', instructions: 'Be brief.', max_output_tokens: 50, temperature: 0.2 }));
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello' },
    ]);
    expect(chat.max_completion_tokens).toBe(50);
    expect(chat.temperature).toBe(0.2);
    expect(chat.stream).toBe(false);
  });

  it('maps message, function_call and function_call_output items, dropping reasoning', () => {
    const chat = responsesToChatRequest(
      req({
        input: [
          { role: 'developer', content: 'Use tools.' },
          {
            type: 'message',
            role: 'user',
            content: [
              { type: 'input_text', text: 'Weather?' },
              { type: 'input_image', image_url: 'https://example.com/a.png', detail: 'low' },
            ],
          },
          { type: 'reasoning', id: 'rs_1', summary: [] },
          {
            type: 'message',
            id: 'msg_1',
            status: 'completed',
            role: 'assistant',
            content: [{ type: 'output_text', text: 'Checking.', annotations: [] }],
          },
          { type: 'function_call', id: 'fc_1', call_id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}', status: 'completed' },
          { type: 'function_call', id: 'fc_2', call_id: 'call_b', name: 'get_time', arguments: '{}' },
          { type: 'function_call_output', call_id: 'call_a', output: 'Rain' },
          { type: 'function_call_output', call_id: 'call_b', output: [{ type: 'input_text', text: '10:00' }] },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      { role: 'developer', content: 'Use tools.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
        ],
      },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
          { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'Rain' },
      { role: 'tool', tool_call_id: 'call_b', content: [{ type: 'text', text: '10:00' }] },
    ]);
  });

  it('maps function tools, tool_choice and a json_schema text format; does not forward Responses-only fields', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const chat = responsesToChatRequest(
      req({
        input: 'x',
        tools: [{ type: 'function', name: 'f', description: 'does f', parameters: schema, strict: true }],
        tool_choice: { type: 'function', name: 'f' },
        parallel_tool_calls: false,
        text: { format: { type: 'json_schema', name: 'out', schema, strict: true } },
        include: ['reasoning.encrypted_content'],
        truncation: 'auto',
        store: false,
        routing: { max_attempts: 2 },
      }),
    );
    expect(chat.tools).toEqual([{ type: 'function', function: { name: 'f', description: 'does f', parameters: schema, strict: true } }]);
    expect(chat.tool_choice).toEqual({ type: 'function', function: { name: 'f' } });
    expect(chat.parallel_tool_calls).toBe(false);
    expect(chat.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'out', schema, strict: true } });
    expect(chat.routing).toEqual({ max_attempts: 2 });
    expect(chat).not.toHaveProperty('include');
    expect(chat).not.toHaveProperty('truncation');
    expect(chat).not.toHaveProperty('store');
    expect(responsesToChatRequest(req({ input: 'x', tool_choice: 'required' })).tool_choice).toBe('required');
  });

  it('refuses what needs server-side state, with a 400 that says why', () => {
    const prev = refusal({ input: 'x', previous_response_id: 'resp_1' });
    expect(prev.status).toBe(400);
    expect(prev.code).toBe('previous_response_id_unsupported');
    expect(prev.message).toMatch(/never stores/);
    expect(refusal({ input: 'x', store: true }).code).toBe('store_unsupported');
    expect(refusal({ input: 'x', conversation: 'conv_1' }).code).toBe('conversation_unsupported');
    expect(refusal({ input: 'x', background: true }).code).toBe('background_unsupported');
    expect(refusal({ input: [{ type: 'item_reference', id: 'msg_1' }] }).code).toBe('item_reference_unsupported');
  });

  it('refuses built-in tools, files and unknown items', () => {
    expect(refusal({ input: 'x', tools: [{ type: 'web_search' }] }).param).toBe('tools[0]');
    expect(refusal({ input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'f' }] }] }).param).toBe('input[0].content[0]');
    expect(refusal({ input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'f' }] }] }).code).toBe('unsupported_content');
    expect(refusal({ input: [{ type: 'computer_call', id: 'c' }] }).code).toBe('unsupported_input_item');
    expect(refusal({ input: [] }).code).toBe('empty_input');
    expect(refusal({ input: 'x', tools: [{ type: 'function', name: 'bad name!' }] }).status).toBe(400);
  });
});

describe('ChatCompletion → Responses object', () => {
  const ctx = { decisionId: 'd1', createdAt: 5, request: req({ input: 'x', instructions: 'inst' }) };

  it('turns text and tool calls into output items with usage', () => {
    const res = completionToResponse(
      completion(
        {
          role: 'assistant',
          content: 'Hi',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
        },
        'tool_calls',
      ),
      ctx,
    );
    expect(res).toMatchObject({
      id: 'resp_d1',
      object: 'response',
      status: 'completed',
      model: 'sim-model',
      instructions: 'inst',
      store: false,
      created_at: 5,
    });
    expect(res.output).toEqual([
      {
        type: 'message',
        id: 'msg_d1_0',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Hi', annotations: [], logprobs: [] }],
      },
      { type: 'function_call', id: 'fc_d1_1', call_id: 'call_1', name: 'f', arguments: '{"a":1}', status: 'completed' },
    ]);
    expect(res.usage).toEqual({
      input_tokens: 120,
      input_tokens_details: { cached_tokens: 20, cache_write_tokens: 10 },
      output_tokens: 30,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 150,
    });
  });

  it('marks a length-truncated answer incomplete', () => {
    const res = completionToResponse(completion({ role: 'assistant', content: 'cut' }, 'length'), ctx);
    expect(res.status).toBe('incomplete');
    expect(res.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(res.output[0].status).toBe('incomplete');
  });
});

describe('chunk stream → Responses events', () => {
  const ctx = { decisionId: 'd1', createdAt: 5, request: req({ input: 'x' }) };

  it('emits the documented sequence, with argument deltas, and a final response equal to the stream', () => {
    const t = new ResponsesStreamTranslator(ctx);
    const events = [...TEXT_THEN_TOOL.flatMap((c) => t.push(c)), ...t.finish()];
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const argDeltas = events
      .filter((e) => e.type === 'response.function_call_arguments.delta')
      .map((e) => e.delta)
      .join('');
    expect(argDeltas).toBe('{"city":"Oslo"}');
    expect(events.find((e) => e.type === 'response.function_call_arguments.done')).toMatchObject({
      arguments: '{"city":"Oslo"}',
      name: 'get_weather',
      output_index: 1,
      item_id: 'fc_d1_1',
    });
    expect(events.find((e) => e.type === 'response.output_text.done')).toMatchObject({ text: 'Let me check.', item_id: 'msg_d1_0' });
    expect((events[0].response as { status: string }).status).toBe('in_progress');
    const done = events.at(-1)!.response as ReturnType<typeof completionToResponse>;
    expect(done.status).toBe('completed');
    expect(done.output).toEqual([
      {
        type: 'message',
        id: 'msg_d1_0',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Let me check.', annotations: [], logprobs: [] }],
      },
      { type: 'function_call', id: 'fc_d1_1', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}', status: 'completed' },
    ]);
    expect(done.usage?.input_tokens).toBe(USAGE.prompt_tokens);
    expect(done.usage?.output_tokens).toBe(USAGE.completion_tokens);
    // Items added in progress are not mutated by later deltas.
    expect((events[2].item as { status: string }).status).toBe('in_progress');
  });

  it('ends a length-truncated stream with response.incomplete', () => {
    const t = new ResponsesStreamTranslator(ctx);
    const events = [...[chunk({ content: 'ab' }), chunk({}, 'length'), usageChunk()].flatMap((c) => t.push(c)), ...t.finish()];
    expect(events.at(-1)).toMatchObject({
      type: 'response.incomplete',
      response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
    });
  });

  it('ends with response.failed when the upstream fails mid-answer', () => {
    const t = new ResponsesStreamTranslator(ctx);
    const events = [
      ...t.push(chunk({ content: 'ab' })),
      ...t.fail({ error: { message: 'boom', type: 'upstream_error', param: null, code: 'stream_interrupted' } }),
    ];
    expect(events.at(-1)).toMatchObject({
      type: 'response.failed',
      response: { status: 'failed', error: { code: 'server_error', message: 'boom' } },
    });
  });
});
