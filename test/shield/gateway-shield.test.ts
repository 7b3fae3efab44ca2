import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admin, chat, createTestKey, openaiClient } from '../helpers/gateway';

/**
 * llmshield on the real request path: the (simulated) provider records what it receives and must
 * never see a canary value, while the client gets the original text back — streamed or not, in
 * text and in tool calls. The simulated model echoes the user's message, so placeholders travel
 * back through the answer and have to be restored.
 */

const CANARIES = {
  email: 'jane.doe@example.org',
  phone: '+1 415 555 0123',
  card: '4111 1111 1111 1111',
  iban: 'DE89 3704 0044 0532 0130 00',
  ssn: '536-22-1234',
  ip: '192.168.10.77',
  person: 'Dr. Margaret Thornton',
};
const canaryText = `Hi, I am ${CANARIES.person}. Mail ${CANARIES.email}, call ${CANARIES.phone}, card ${CANARIES.card}, IBAN ${CANARIES.iban}, SSN ${CANARIES.ssn}, host ${CANARIES.ip}.`;

let key: string;
beforeAll(async () => {
  // Every wire format includes Cohere, whose default terms train on API data (trust 0): the key opts in.
  key = (await createTestKey({ name: 'shield-e2e', settings: { minTrustLevel: 0 } })).key;
});
afterEach(async () => {
  await admin('/sim/recorder', { body: { on: false } });
  await admin('/sim/scripts', { method: 'DELETE' });
});

async function received(): Promise<string> {
  const res = await admin('/sim/received');
  const { data } = (await res.json()) as { data: { body: string }[] };
  expect(data.length).toBeGreaterThan(0);
  return data.map((d) => d.body).join('\n');
}

function expectNoCanary(upstream: string) {
  for (const value of Object.values(CANARIES)) expect(upstream).not.toContain(value);
  expect(upstream).toMatch(/\[(EMAIL|PERSON|PHONE)_1\]/);
}

describe('llmshield through the gateway', () => {
  it('non-streaming: the provider sees placeholders, the client gets the originals back', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    const res = await chat(key, {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: `Customer: ${CANARIES.email}` },
        { role: 'user', content: canaryText },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    const answer = body.choices[0].message.content;
    for (const value of [CANARIES.email, CANARIES.person.replace('Dr. ', '')]) expect(answer).toContain(value);
    expect(answer).not.toMatch(/\[(EMAIL|PERSON|PHONE|CREDIT_CARD|CARD|IBAN|US_SSN|SSN|IP_ADDRESS|IP)_\d+\]/);
    expectNoCanary(await received());
  });

  it('streaming, every wire format: restored across chunk boundaries', async () => {
    for (const model of ['openai/gpt-4o', 'anthropic/claude-sonnet-4-6', 'google/gemini-2.5-flash', 'cohere/command-a-03-2025']) {
      await admin('/sim/recorder', { body: { on: true } });
      const stream = await openaiClient(key).chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: canaryText }],
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text, model).toContain(CANARIES.email);
      expect(text, model).toContain(CANARIES.card);
      expect(text, model).not.toMatch(/\[[A-Z_]+_\d+\]/);
      expectNoCanary(await received());
    }
  });

  it('tool calls: arguments the model writes with placeholders come back with the values, as valid JSON', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'send_email',
          description: 'Send an email',
          parameters: { type: 'object', properties: { to: { type: 'string' }, body: { type: 'string' } }, required: ['to', 'body'] },
        },
      },
    ];
    // Script the model to address the placeholder it was given (what a real model does).
    await admin('/sim/recorder', { body: { on: true } });
    await admin('/sim/scripts', {
      body: {
        target: 'openai/gpt-4o',
        toolCalls: [{ name: 'send_email', arguments: JSON.stringify({ to: '[EMAIL_1]', body: 'Hello EMAIL_1, "quoted"' }) }],
        times: 2,
      },
    });
    const client = openaiClient(key);
    const plain = await client.chat.completions.create({
      model: 'openai/gpt-4o',
      tools,
      messages: [{ role: 'user', content: `Email ${CANARIES.email} please` }],
    });
    const call = plain.choices[0].message.tool_calls![0];
    if (call.type !== 'function') throw new Error('expected function call');
    expect(JSON.parse(call.function.arguments)).toEqual({ to: CANARIES.email, body: `Hello ${CANARIES.email}, "quoted"` });
    const streamed = await client.chat.completions.create({
      model: 'openai/gpt-4o',
      tools,
      stream: true,
      messages: [{ role: 'user', content: `Email ${CANARIES.email} please` }],
    });
    let args = '';
    for await (const chunk of streamed) for (const tc of chunk.choices[0]?.delta.tool_calls ?? []) args += tc.function?.arguments ?? '';
    expect(JSON.parse(args)).toEqual({ to: CANARIES.email, body: `Hello ${CANARIES.email}, "quoted"` });
    const upstream = await received();
    expect(upstream).not.toContain(CANARIES.email);
  });

  it('tool results sent back by the client are cloaked with the same placeholder numbering', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    const res = await chat(key, {
      model: 'gpt-4o',
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
      messages: [
        { role: 'user', content: `Find ${CANARIES.email}` },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: JSON.stringify({ q: CANARIES.email }) } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: `owner ${CANARIES.email}, phone ${CANARIES.phone}` },
      ],
    });
    expect(res.status).toBe(200);
    const upstream = await received();
    expect(upstream).not.toContain(CANARIES.email);
    expect(upstream).not.toContain(CANARIES.phone);
    expect(upstream.match(/\[EMAIL_1\]/g)!.length).toBeGreaterThanOrEqual(3);
    expect(upstream).not.toContain('[EMAIL_2]');
  });

  it('block mode rejects with a 400 naming the entity types, never the values; off mode passes through', async () => {
    const blocked = await createTestKey({ name: 'shield-block', settings: { shield: { mode: 'block' } } });
    const res = await chat(blocked.key, { model: 'auto', messages: [{ role: 'user', content: canaryText }] });
    expect(res.status).toBe(400);
    const err = ((await res.json()) as { error: { message: string; code: string } }).error;
    expect(err.code).toBe('pii_blocked');
    expect(err.message).toMatch(/EMAIL/);
    for (const value of Object.values(CANARIES)) expect(err.message).not.toContain(value);

    const off = await createTestKey({ name: 'shield-off', settings: { shield: { mode: 'off' } } });
    await admin('/sim/recorder', { body: { on: true } });
    expect((await chat(off.key, { model: 'auto', messages: [{ role: 'user', content: canaryText }] })).status).toBe(200);
    expect(await received()).toContain(CANARIES.email);
  });
});
