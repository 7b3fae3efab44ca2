import Anthropic from '@anthropic-ai/sdk';
import { jsonSchemaOutputFormat } from '@anthropic-ai/sdk/helpers/json-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * Anthropic's structured outputs (`output_config.format`) through /v1/messages with the official SDK:
 * the answer parses against the schema whichever wire format answers it, and a request no endpoint
 * can answer that way is refused with Anthropic's 400.
 */

let client: Anthropic;
let key: string;

beforeAll(async () => {
  key = (await createTestKey({ name: 'anthropic-structured' })).key;
  client = new Anthropic({ baseURL: BASE, apiKey: key, fetch: workerFetch as typeof fetch, maxRetries: 0 });
});

const schema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    population: { type: 'integer' },
    coastal: { type: 'boolean' },
    districts: { type: 'array', items: { type: 'string' } },
  },
  required: ['city', 'population', 'coastal', 'districts'],
  additionalProperties: false,
} as const;

/** What the schema demands, checked field by field (the SDK's parse is JSON.parse only). */
function expectMatchesSchema(value: unknown): void {
  expect(value).toBeTypeOf('object');
  const v = value as Record<string, unknown>;
  expect(Object.keys(v).sort()).toEqual(['city', 'coastal', 'districts', 'population']);
  expect(typeof v.city).toBe('string');
  expect(Number.isInteger(v.population)).toBe(true);
  expect(typeof v.coastal).toBe('boolean');
  expect(Array.isArray(v.districts) && v.districts.every((d) => typeof d === 'string')).toBe(true);
}

const question: Anthropic.MessageParam[] = [{ role: 'user', content: 'Describe Lisbon as data.' }];

describe('output_config.format on /v1/messages', () => {
  it.each(['auto', 'claude-haiku', 'gpt-4o-mini', 'gemini-flash'])(
    '%s: the SDK parses an answer that matches the schema',
    async (model) => {
      const data = await client.messages.parse({
        model,
        max_tokens: 400,
        messages: question,
        output_config: { format: jsonSchemaOutputFormat(schema) },
      });
      expectMatchesSchema(data.parsed_output);
      expect(data.content).toHaveLength(1);
      expect(data.content[0].type).toBe('text');
      expect(data.stop_reason).toBe('end_turn');
    },
  );

  it('streams the JSON text, which parses against the schema', async () => {
    const stream = client.messages.stream({
      model: 'claude-haiku',
      max_tokens: 400,
      messages: question,
      output_config: { format: { type: 'json_schema', schema } },
    });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const final = await stream.finalMessage();
    expectMatchesSchema(JSON.parse(text));
    expect((final.content[0] as Anthropic.TextBlock).text).toBe(text);
  });

  it('routes only to endpoints that can produce it: a model without structured output is a 400', async () => {
    const err = await client.messages
      .create({ model: 'qwq-32b', max_tokens: 100, messages: question, output_config: { format: { type: 'json_schema', schema } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    const body = (err as InstanceType<typeof Anthropic.BadRequestError>).error as {
      type: string;
      error: { type: string; message: string };
    };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('json_schema');
  });

  it('refuses a format other than json_schema in Anthropic’s envelope', async () => {
    const res = await workerFetch(`${BASE}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({
        model: 'auto',
        max_tokens: 50,
        messages: question,
        output_config: { format: { type: 'regex', pattern: '.*' } },
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });
});
