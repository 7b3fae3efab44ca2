import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../src/providers/sse';
import { decideTurn } from '../../src/sim/brain';
import { openaiSimFormat } from '../../src/sim/formats/openai';
import { simFormatFor } from '../../src/sim/formats/index';

const url = new URL('https://sim.invalid/v1/chat/completions');

describe('OpenAI simulated wire format', () => {
  it('parses messages, tools, choices, JSON mode, limits and stream options', () => {
    const view = openaiSimFormat.parseRequest(
      {
        model: 'gpt-x',
        stream: true,
        stream_options: { include_usage: true },
        messages: [
          { role: 'system', content: 'Be brief.' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Weather in Paris?' },
              { type: 'image_url', image_url: { url: 'data:x' } },
            ],
          },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
          },
          { role: 'tool', tool_call_id: 'c1', content: '{"temp":21}' },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', description: 'weather', parameters: { type: 'object' } } }],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        parallel_tool_calls: false,
        response_format: { type: 'json_schema', json_schema: { name: 'w', schema: { type: 'object' } } },
        max_tokens: 50,
        max_completion_tokens: 40,
        stop: 'END',
      },
      url,
    );
    expect(view).toMatchObject({
      model: 'gpt-x',
      stream: true,
      includeUsage: true,
      lastUserText: 'Weather in Paris?',
      lastIsToolResult: true,
      toolResultText: '{"temp":21}',
      tools: [{ name: 'get_weather', description: 'weather', parameters: { type: 'object' } }],
      toolChoice: { name: 'get_weather' },
      parallelToolCalls: false,
      jsonSchema: { type: 'object' },
      imageCount: 1,
      maxTokens: 40,
      stop: ['END'],
    });
    expect(view.allText).toContain('Be brief.');
    expect(view.allText).toContain('{"temp":21}');
  });

  it('defaults: auto tool choice, parallel calls, no JSON, plain JSON mode as {}', () => {
    const view = openaiSimFormat.parseRequest({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, url);
    expect(view).toMatchObject({
      stream: false,
      includeUsage: false,
      toolChoice: 'auto',
      parallelToolCalls: true,
      lastIsToolResult: false,
    });
    expect(view.jsonSchema).toBeUndefined();
    const json = openaiSimFormat.parseRequest(
      { model: 'm', messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object' } },
      url,
    );
    expect(json.jsonSchema).toEqual({});
  });

  it('rejects invalid bodies', () => {
    for (const body of [
      null,
      [],
      { messages: [] },
      { model: 'm', messages: [] },
      { model: 'm', messages: [{ role: 'wizard', content: 'x' }] },
      { model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function' }] },
      { model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: -1 },
    ]) {
      expect(() => openaiSimFormat.parseRequest(body, url)).toThrow();
    }
  });

  it('renders a chat.completion marked as simulated', () => {
    const view = openaiSimFormat.parseRequest({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, url);
    const turn = decideTurn(view, 'openai/m');
    const body = openaiSimFormat.renderResponse(turn, 'm') as any;
    expect(body).toMatchObject({ object: 'chat.completion', model: 'm', system_fingerprint: 'cailos-sim' });
    expect(body.id).toMatch(/^chatcmpl-sim/);
    expect(body.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: turn.text } });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('renders stream frames: role first, pieces, tool call deltas, finish, usage, [DONE]', () => {
    const view = openaiSimFormat.parseRequest(
      {
        model: 'm',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'weather in Paris' }],
        tools: [
          {
            type: 'function',
            function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
          },
        ],
      },
      url,
    );
    const turn = decideTurn(view, 'openai/m');
    const frames = openaiSimFormat.renderStream(turn, 'm', view);
    const parser = createSseParser();
    const events = frames.flatMap((f) => parser.push(f));
    expect(events.at(-1)!.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data));
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const usageChunk = chunks.at(-1);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.completion_tokens).toBe(turn.usage.completionTokens);
    const finish = chunks.at(-2);
    expect(finish.choices[0].finish_reason).toBe('tool_calls');
    const deltas = chunks.flatMap((c) => c.choices.flatMap((ch: any) => ch.delta.tool_calls ?? []));
    expect(deltas[0]).toMatchObject({
      index: 0,
      id: turn.toolCalls[0].id,
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(deltas.map((d: any) => d.function.arguments).join('')).toBe(turn.toolCalls[0].arguments);
  });

  it('renders OpenAI error envelopes', () => {
    const rate = openaiSimFormat.renderError('rate_limit', 'slow down', 12);
    expect(rate.status).toBe(429);
    expect(rate.headers?.['retry-after']).toBe('12');
    expect(JSON.parse(rate.body).error).toMatchObject({ message: 'slow down', code: 'rate_limit_exceeded' });
    expect(openaiSimFormat.renderError('overloaded', 'x').status).toBe(503);
    expect(openaiSimFormat.renderError('server', 'x').status).toBe(500);
    expect(openaiSimFormat.renderError('bad_request', 'x').status).toBe(400);
    const ctx = openaiSimFormat.renderError('context_length', 'too long');
    expect([ctx.status, JSON.parse(ctx.body).error.code]).toEqual([400, 'context_length_exceeded']);
    const [event] = createSseParser().push(openaiSimFormat.renderStreamError('boom'));
    expect(JSON.parse(event.data).error.message).toBe('boom');
  });

  it('is the format simFormatFor picks for openai', () => {
    expect(simFormatFor('openai')).toBe(openaiSimFormat);
    for (const format of ['openai', 'anthropic', 'gemini', 'cohere'] as const) expect(simFormatFor(format).format).toBe(format);
  });
});
