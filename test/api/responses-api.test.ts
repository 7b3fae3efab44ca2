import OpenAI from 'openai';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestKey, openaiClient } from '../helpers/gateway';

/** The official OpenAI SDK against POST /v1/responses. */

let client: OpenAI;

const weatherTool: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Get the current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};

beforeAll(async () => {
  client = openaiClient((await createTestKey({ name: 'responses-api' })).key);
});

describe('OpenAI SDK → /v1/responses', () => {
  it('answers a string input with instructions, usage and Cailos headers', async () => {
    const { data, response } = await client.responses
      .create({ model: 'auto', instructions: 'Be brief.', input: 'Describe the grey wagtail.', max_output_tokens: 400 })
      .withResponse();
    expect(data.object).toBe('response');
    expect(data.id).toMatch(/^resp_/);
    expect(data.status).toBe('completed');
    expect(data.output_text).toContain('Describe the grey wagtail.');
    expect(data.instructions).toBe('Be brief.');
    expect((data as unknown as { store: boolean }).store).toBe(false);
    expect(data.usage!.input_tokens).toBeGreaterThan(0);
    expect(data.usage!.output_tokens).toBeGreaterThan(0);
    expect(data.usage!.total_tokens).toBe(data.usage!.input_tokens + data.usage!.output_tokens);
    expect(response.headers.get('x-cailos-decision-id')).toBeTruthy();
  });

  it('calls a function tool, then answers from the function_call_output', async () => {
    const input: OpenAI.Responses.ResponseInput = [{ role: 'user', content: 'What is the weather in Lisbon?' }];
    const first = await client.responses.create({ model: 'auto', input, tools: [weatherTool] });
    const call = first.output.find((i): i is OpenAI.Responses.ResponseFunctionToolCall => i.type === 'function_call');
    expect(call?.name).toBe('get_weather');
    expect(typeof JSON.parse(call!.arguments).city).toBe('string');
    const second = await client.responses.create({
      model: 'auto',
      tools: [weatherTool],
      input: [
        ...input,
        ...first.output,
        { type: 'function_call_output', call_id: call!.call_id, output: 'Sunny, 24 C' },
      ] as OpenAI.Responses.ResponseInput,
    });
    expect(second.output_text).toContain('Sunny, 24 C');
  });

  it('honours text.format json_schema', async () => {
    const res = await client.responses.create({
      model: 'auto',
      input: 'Give me a city and its country.',
      text: {
        format: {
          type: 'json_schema',
          name: 'place',
          strict: true,
          schema: {
            type: 'object',
            properties: { city: { type: 'string' }, country: { type: 'string' } },
            required: ['city', 'country'],
            additionalProperties: false,
          },
        },
      },
    });
    const parsed = JSON.parse(res.output_text);
    expect(typeof parsed.city).toBe('string');
    expect(typeof parsed.country).toBe('string');
    expect(res.text?.format).toMatchObject({ type: 'json_schema', name: 'place' });
  });

  it('streams the Responses event sequence; the final response matches the deltas', async () => {
    const stream = await client.responses.create({ model: 'auto', input: 'Tell me about the osprey.', stream: true });
    const types: string[] = [];
    let text = '';
    let final: OpenAI.Responses.Response | undefined;
    for await (const ev of stream) {
      types.push(ev.type);
      if (ev.type === 'response.output_text.delta') text += ev.delta;
      if (ev.type === 'response.completed') final = ev.response;
    }
    expect(types.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(types.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(text).toContain('Tell me about the osprey.');
    expect(
      final!.output_text ??
        (final!.output[0] as OpenAI.Responses.ResponseOutputMessage).content.map((c) => ('text' in c ? c.text : '')).join(''),
    ).toBe(text);
    expect(final!.usage!.output_tokens).toBeGreaterThan(0);
  });

  it('streams function call arguments as deltas', async () => {
    const stream = client.responses.stream({
      model: 'auto',
      input: 'Weather in Porto?',
      tools: [weatherTool],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    let args = '';
    stream.on('response.function_call_arguments.delta', (ev) => (args += ev.delta));
    const final = await stream.finalResponse();
    const call = final.output.find((i) => i.type === 'function_call') as OpenAI.Responses.ResponseFunctionToolCall | undefined;
    expect(args.length).toBeGreaterThan(0);
    expect(call!.arguments).toBe(args);
  });

  it('refuses previous_response_id and store: true with a clear 400, and accepts store: false', async () => {
    const prev = await client.responses.create({ model: 'auto', input: 'x', previous_response_id: 'resp_123' }).catch((e) => e);
    expect(prev).toBeInstanceOf(OpenAI.BadRequestError);
    expect(prev.code).toBe('previous_response_id_unsupported');
    expect(prev.message).toMatch(/never stores/);
    const store = await client.responses.create({ model: 'auto', input: 'x', store: true }).catch((e) => e);
    expect(store.status).toBe(400);
    expect(store.code).toBe('store_unsupported');
    const ok = await client.responses.create({ model: 'auto', input: 'hello there', store: false });
    expect(ok.status).toBe('completed');
  });

  it('answers a bad body with an OpenAI-shaped 400 naming the field', async () => {
    const err = await client.responses.create({ model: 'auto', input: 'x', max_output_tokens: -1 }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.param).toBe('max_output_tokens');
  });
});
