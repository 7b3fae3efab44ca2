import { beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog';
import { createTestKey, openaiClient } from '../helpers/gateway';

let client: ReturnType<typeof openaiClient>;

beforeAll(async () => {
  const { key } = await createTestKey({ name: 'openai-client' });
  client = openaiClient(key);
});

describe('the official openai client against the gateway (simulated fleet)', () => {
  it('answers a non-streaming completion with usage, a rateable id and the routing headers', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'auto', messages: [{ role: 'user', content: 'Say hello to the gateway.' }] })
      .withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.id).toMatch(/^chatcmpl-[0-9A-Za-z]{24}$/);
    expect(data.choices[0].message.role).toBe('assistant');
    expect(data.choices[0].message.content).toContain('Say hello to the gateway.');
    expect(data.usage!.prompt_tokens).toBeGreaterThan(0);
    expect(data.usage!.completion_tokens).toBeGreaterThan(0);
    const endpoint = response.headers.get('x-cailos-endpoint')!;
    expect(endpoint).toMatch(/\//);
    expect(data.model).toBe(endpoint.slice(endpoint.indexOf('/') + 1));
    expect(response.headers.get('x-cailos-provider')).toBe(endpoint.split('/')[0]);
    // A bare `auto` takes the classifier's strategy for this prompt; the trace says so.
    const decision = (await client.get(`/routing/decisions/${data.id}`)) as {
      trace: { strategy: string; strategySource: string; classification: { taskClass: string } };
    };
    expect(decision.trace.strategySource).toBe('classifier');
    expect(response.headers.get('x-cailos-strategy')).toBe(decision.trace.strategy);
    expect(decision.trace.classification.taskClass).toBeTruthy();
    expect(response.headers.get('x-cailos-decision-id')).toBe(data.id.slice('chatcmpl-'.length));
    expect(response.headers.get('x-cailos-simulated')).toBe('true');
  });

  it('streams chunks with usage at the end when include_usage is set', async () => {
    const stream = await client.chat.completions.create({
      model: 'auto:speed',
      messages: [{ role: 'user', content: 'Stream me a short answer please.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null = null;
    let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
    let first = true;
    for await (const chunk of stream) {
      if (first) {
        expect(chunk.choices[0]?.delta.role).toBe('assistant');
        first = false;
      }
      if (chunk.choices[0]?.delta.content) text += chunk.choices[0].delta.content;
      if (chunk.choices[0]?.finish_reason) finish = chunk.choices[0].finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toContain('Stream me a short answer please.');
    expect(finish).toBe('stop');
    expect(usage!.completion_tokens).toBeGreaterThan(0);
  });

  it('calls a tool and continues after the tool result', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          description: 'Get the weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
        },
      },
    ];
    const first = await client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools,
    });
    const call = first.choices[0].message.tool_calls?.[0];
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    expect(call?.type).toBe('function');
    if (call?.type !== 'function') throw new Error('expected a function call');
    expect(call.function.name).toBe('get_weather');
    expect(typeof JSON.parse(call.function.arguments).city).toBe('string');
    const second = await client.chat.completions.create({
      model: 'auto',
      tools,
      messages: [
        { role: 'user', content: 'What is the weather in Paris?' },
        first.choices[0].message,
        { role: 'tool', tool_call_id: call.id, content: '{"temp_c": 21, "sky": "clear"}' },
      ],
    });
    expect(second.choices[0].finish_reason).toBe('stop');
    expect(second.choices[0].message.content).toBeTruthy();
  });

  it('returns valid JSON in JSON mode and schema-valid JSON with json_schema', async () => {
    const jsonMode = await client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'Give me a JSON object describing a cat.' }],
      response_format: { type: 'json_object' },
    });
    expect(() => JSON.parse(jsonMode.choices[0].message.content!)).not.toThrow();
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
      required: ['name', 'age'],
      additionalProperties: false,
    };
    const structured = await client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'Invent a person.' }],
      response_format: { type: 'json_schema', json_schema: { name: 'person', schema, strict: true } },
    });
    const parsed = JSON.parse(structured.choices[0].message.content!);
    expect(typeof parsed.name).toBe('string');
    expect(Number.isInteger(parsed.age)).toBe(true);
  });

  it('auto:cost and auto:quality pick different endpoints, cost the cheaper one', async () => {
    const messages = [{ role: 'user' as const, content: 'Explain recursion in one paragraph.' }];
    const cheap = await client.chat.completions.create({ model: 'auto:cost', messages }).withResponse();
    const best = await client.chat.completions.create({ model: 'auto:quality', messages }).withResponse();
    const cheapEndpoint = cheap.response.headers.get('x-cailos-endpoint');
    const bestEndpoint = best.response.headers.get('x-cailos-endpoint');
    expect(cheapEndpoint).not.toBe(bestEndpoint);
    expect(cheap.response.headers.get('x-cailos-strategy')).toBe('cost');
    expect(best.response.headers.get('x-cailos-strategy')).toBe('quality');
  });

  it('a plain model name stays on that model (transparent gateway mode)', async () => {
    for (const model of ['llama-3.3-70b', 'llama-3.3-70b:cost', 'gpt-oss-120b:speed', 'claude-sonnet']) {
      const codename = model.split(':')[0];
      const { data, response } = await client.chat.completions
        .create({ model, messages: [{ role: 'user', content: 'hi' }] })
        .withResponse();
      const endpointId = response.headers.get('x-cailos-endpoint')!;
      expect(getEndpoint(endpointId)?.codename).toBe(codename);
      expect(data.model).toBe(getEndpoint(endpointId)?.model);
      const decision = (await client.get(`/routing/decisions/${data.id}`)) as { endpointId: string; trace: { chain: string[] } };
      expect(decision.endpointId).toBe(endpointId);
      expect(decision.trace.chain.length).toBeGreaterThan(0);
      for (const id of decision.trace.chain) expect(getEndpoint(id)?.codename).toBe(codename);
    }
  });

  it('lists models including auto and its strategies', async () => {
    const models = await client.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toContain('auto');
    expect(ids).toContain('auto:cost');
    expect(ids).toContain('gpt-4o');
    for (const m of models.data) {
      expect(m.object).toBe('model');
      expect(typeof m.created).toBe('number');
      expect(typeof m.owned_by).toBe('string');
    }
  });
});
