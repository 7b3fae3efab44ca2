import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, streamText } from 'ai';
import OpenAI from 'openai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flushRequestLog } from '../../src/db/request-log';
import { itemIdKey, MAX_ITEM_ID_CHARS, sealItemId } from '../../src/api/responses/item-ids';
import { admin, BASE, createTestKey, env, openaiClient, workerFetch } from '../helpers/gateway';
import { storedD1Text, storedKvText } from '../helpers/stored-text';

/**
 * Cailos stores no responses, so an output item's id carries the item itself, sealed (AES-GCM) for the
 * team that received it; an `item_reference` to such an id is replaced by the item. The simulated fleet
 * records what it received, which shows the referenced item reached the model.
 */

type Item = OpenAI.Responses.ResponseOutputItem;
type Message = OpenAI.Responses.ResponseOutputMessage;
/** Cailos always names a function call. */
type Call = OpenAI.Responses.ResponseFunctionToolCall & { id: string };
type Received = { endpointId: string; body: { messages: { role: string; content: unknown; tool_calls?: unknown[] }[] } };

let client: OpenAI;
let teamId: string;
let apiKey: string;
let otherTeam: OpenAI;

const weatherTool: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Get the current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};

/** A tool whose arguments the simulated model fills with exactly `value` (its schema's `const`). */
const constTool = (value: string): OpenAI.Responses.FunctionTool => ({
  type: 'function',
  name: 'store_blob',
  description: 'Store a blob',
  parameters: { type: 'object', properties: { blob: { const: value } }, required: ['blob'] },
  strict: false,
});

beforeAll(async () => {
  // llmshield off: the tests compare what the model received with what was sent.
  const key = await createTestKey({ name: 'item-reference', team: 'team-items', settings: { shield: { mode: 'off' } } });
  apiKey = key.key;
  teamId = key.teamId;
  client = openaiClient(key.key);
  otherTeam = openaiClient((await createTestKey({ name: 'item-reference-other', team: 'team-items-other' })).key);
});

afterEach(async () => {
  await admin('/sim/recorder', { body: { on: false } });
});

async function received(): Promise<Received[]> {
  const { data } = (await (await admin('/sim/received')).json()) as { data: { endpointId: string; body: string }[] };
  return data.map((d) => ({ endpointId: d.endpointId, body: JSON.parse(d.body) as Received['body'] }));
}

const messageOf = (output: Item[]) => output.find((i): i is Message => i.type === 'message')!;
const callOf = (output: Item[]) => output.find((i) => i.type === 'function_call') as Call;
const textOf = (m: Message) => m.content.map((c) => (c.type === 'output_text' ? c.text : '')).join('');

/** Random text that does not compress: what makes an item too large for an id. */
function noise(chars: number): string {
  const bytes = new Uint8Array(Math.ceil((chars * 3) / 4));
  for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).slice(0, chars);
}

/** Sends `input` with the recorder on; returns the answer and the messages the model received. */
async function follow(input: OpenAI.Responses.ResponseInput, tools?: OpenAI.Responses.Tool[]) {
  await admin('/sim/recorder', { body: { on: true } });
  const answer = await client.responses.create({ model: 'auto', input, ...(tools ? { tools } : {}) });
  const bodies = await received();
  expect(bodies).toHaveLength(1);
  return { answer, messages: bodies[0].body.messages };
}

describe('an output item id carries the item, sealed for the team', () => {
  it('a message from a plain response is referenced by its id; the model receives the message', async () => {
    const first = await client.responses.create({ model: 'auto', input: 'Name a wading bird.' });
    const message = messageOf(first.output);
    expect(message.id).toMatch(/^msg_[A-Za-z0-9_-]+$/);
    expect(message.id.length).toBeLessThanOrEqual(MAX_ITEM_ID_CHARS);
    expect(message.id).not.toContain('wading');
    const { answer, messages } = await follow([
      { role: 'user', content: 'Name a wading bird.' },
      { type: 'item_reference', id: message.id },
      { role: 'user', content: 'Where does it nest?' },
    ]);
    expect(answer.output_text).toContain('Where does it nest?');
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1].content).toBe(textOf(message));
  });

  it('a function_call is referenced by its id, and its output answered', async () => {
    const input: OpenAI.Responses.ResponseInput = [{ role: 'user', content: 'What is the weather in Lisbon?' }];
    const first = await client.responses.create({ model: 'auto', input, tools: [weatherTool] });
    const call = callOf(first.output);
    expect(call.id).toMatch(/^fc_[A-Za-z0-9_-]+$/);
    const { answer, messages } = await follow(
      [...input, { type: 'item_reference', id: call.id }, { type: 'function_call_output', call_id: call.call_id, output: 'Sunny, 24 C' }],
      [weatherTool],
    );
    expect(answer.output_text).toContain('Sunny, 24 C');
    expect(messages[1]).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: call.call_id, type: 'function', function: { name: 'get_weather', arguments: call.arguments } }],
    });
  });

  it('streamed: the terminal response lists the items under sealed ids, which resolve', async () => {
    const stream = client.responses.stream({ model: 'auto', input: 'Tell me about the osprey.' });
    const eventIds = new Set<string>();
    stream.on('response.output_item.added', (ev) => eventIds.add(ev.item.id!));
    stream.on('response.output_item.done', (ev) => eventIds.add(ev.item.id!));
    const final = await stream.finalResponse();
    const message = messageOf(final.output);
    // Events name the item from its start, before its content exists: one stable id, not the sealed one.
    expect(eventIds.size).toBe(1);
    expect(eventIds.has(message.id)).toBe(false);
    const { messages } = await follow([
      { role: 'user', content: 'Tell me about the osprey.' },
      { type: 'item_reference', id: message.id },
      { role: 'user', content: 'And its call?' },
    ]);
    expect(messages[1]).toMatchObject({ role: 'assistant', content: textOf(message) });
  });

  it('streamed: a function_call keeps the id of its events (the OpenAI SDK checks it), so it is sent in full', async () => {
    const stream = client.responses.stream({
      model: 'auto',
      input: 'Weather in Porto?',
      tools: [weatherTool],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    let eventId = '';
    stream.on('response.output_item.done', (ev) => (eventId = ev.item.id!));
    const final = await stream.finalResponse();
    const call = callOf(final.output);
    expect(call.id).toBe(eventId);
    const err = await client.responses
      .create({
        model: 'auto',
        input: [
          { role: 'user', content: 'Weather in Porto?' },
          { type: 'item_reference', id: call.id },
        ],
      })
      .catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('item_reference_unresolvable');
    // The item itself, as the OpenAI SDK's examples send it back, works.
    const { messages } = await follow(
      [{ role: 'user', content: 'Weather in Porto?' }, call, { type: 'function_call_output', call_id: call.call_id, output: 'Rain, 14 C' }],
      [weatherTool],
    );
    expect(messages[1].tool_calls).toEqual([
      { id: call.call_id, type: 'function', function: { name: 'get_weather', arguments: call.arguments } },
    ]);
  });

  it('streamed and cut by max_output_tokens: the OpenAI SDK reads the incomplete response (ids unchanged)', async () => {
    const stream = client.responses.stream({ model: 'auto', input: 'Write a long essay about the sea.', max_output_tokens: 16 });
    let eventId = '';
    stream.on('response.output_item.done', (ev) => (eventId = ev.item.id!));
    const final = await stream.finalResponse();
    expect(final.status).toBe('incomplete');
    expect(messageOf(final.output).id).toBe(eventId);
  });

  it('plain and cut by max_output_tokens: the incomplete message is referenced', async () => {
    const first = await client.responses.create({ model: 'auto', input: 'Write a long essay about the sea.', max_output_tokens: 16 });
    expect(first.status).toBe('incomplete');
    const message = messageOf(first.output);
    const { messages } = await follow([
      { role: 'user', content: 'Write a long essay about the sea.' },
      { type: 'item_reference', id: message.id },
      { role: 'user', content: 'Go on.' },
    ]);
    expect(messages[1]).toMatchObject({ role: 'assistant', content: textOf(message) });
  });

  it('an id built with this deployment’s secret for this team resolves (the id is the whole item)', async () => {
    const id = await sealItemId(await itemIdKey('test-pepper'), teamId, {
      type: 'message',
      id: 'msg_x',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'The avocet nests on bare mud.', annotations: [], logprobs: [] }],
    });
    const { messages } = await follow([
      { role: 'user', content: 'Hi' },
      { type: 'item_reference', id: id! },
      { role: 'user', content: 'Go on.' },
    ]);
    expect(messages[1]).toMatchObject({ role: 'assistant', content: 'The avocet nests on bare mud.' });
  });
});

describe('an id that does not unseal is a 400 naming the workaround', () => {
  async function refusal(api: OpenAI, id: string) {
    const err = await api.responses
      .create({
        model: 'auto',
        input: [
          { role: 'user', content: 'Hi' },
          { type: 'item_reference', id },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    const e = err as InstanceType<typeof OpenAI.BadRequestError>;
    expect(e.code).toBe('item_reference_unresolvable');
    expect(e.param).toBe('input[1].id');
    expect(e.message).toContain('store: false');
    return e;
  }

  it('another team’s id', async () => {
    const first = await client.responses.create({ model: 'auto', input: 'Name a wading bird.' });
    const e = await refusal(otherTeam, messageOf(first.output).id);
    expect(e.message).not.toContain('wading');
  });

  it('a tampered id (one character changed)', async () => {
    const first = await client.responses.create({ model: 'auto', input: 'Name a wading bird.' });
    const id = messageOf(first.output).id;
    const at = Math.floor(id.length / 2);
    await refusal(client, id.slice(0, at) + (id[at] === 'A' ? 'B' : 'A') + id.slice(at + 1));
  });

  it('an id sealed under another secret (another deployment), a message id relabelled fc_, and made-up ids', async () => {
    const item = {
      type: 'message' as const,
      id: 'msg_x',
      status: 'completed' as const,
      role: 'assistant' as const,
      content: [{ type: 'output_text' as const, text: 'forged', annotations: [], logprobs: [] }],
    };
    await refusal(client, (await sealItemId(await itemIdKey('another-deployment'), teamId, item))!);
    const genuine = (await sealItemId(await itemIdKey('test-pepper'), teamId, item))!;
    await refusal(client, genuine.replace(/^msg_/, 'fc_'));
    await refusal(client, 'msg_123');
    await refusal(client, `msg_${'A'.repeat(MAX_ITEM_ID_CHARS)}`);
  });

  it('the id a stream announced for an item (not sealed) says so', async () => {
    const stream = await client.responses.create({ model: 'auto', input: 'Tell me about the osprey.', stream: true });
    let eventId = '';
    for await (const ev of stream) if (ev.type === 'response.output_item.added') eventId = ev.item.id!;
    const e = await refusal(client, eventId);
    expect(e.message).toMatch(/stream/);
  });

  it('the Vercel AI SDK streamText with its default store: the follow-up is refused, naming providerOptions', async () => {
    const openai = createOpenAI({ baseURL: `${BASE}/v1`, apiKey, fetch: workerFetch as typeof fetch });
    const history = [{ role: 'user' as const, content: 'Name a wading bird.' }];
    const first = streamText({ model: openai('gpt-4o'), messages: history });
    await first.consumeStream();
    const turn = [...history, ...(await first.response).messages, { role: 'user' as const, content: 'Where does it nest?' }];
    let error: unknown;
    const second = streamText({ model: openai('gpt-4o'), messages: turn, onError: ({ error: e }) => void (error = e) });
    await second.consumeStream();
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(400);
    expect((error as APICallError).message).toContain('store: false');
    // The documented workaround: the SDK then sends the message itself.
    const fixed = streamText({ model: openai('gpt-4o'), messages: turn, providerOptions: { openai: { store: false } } });
    expect(await fixed.text).toContain('Where does it nest?');
  });
});

describe('ids are bounded', () => {
  it(`an item too large for a ${MAX_ITEM_ID_CHARS}-character id gets a plain id, and referencing it says why`, async () => {
    // Random base64 text deflates to about 3/4 of its size; base64url brings it back: ~90,000 characters.
    const blob = noise(90_000);
    const first = await client.responses.create({ model: 'auto', input: 'Store it.', tools: [constTool(blob)] });
    const call = callOf(first.output);
    expect(call.arguments).toContain(blob);
    expect(call.id).toMatch(/^fc_[A-Za-z0-9]{24}_\d+$/);
    const e = await refusal(call.id);
    expect(e.message).toMatch(/too large/);

    async function refusal(id: string) {
      const err = await client.responses
        .create({
          model: 'auto',
          input: [
            { role: 'user', content: 'Hi' },
            { type: 'item_reference', id },
          ],
        })
        .catch((x: unknown) => x);
      expect((err as { code?: string }).code).toBe('item_reference_unresolvable');
      return err as Error;
    }
  });

  it('a large item that compresses fits, and its id stays under the bound', async () => {
    const blob = 'the avocet sweeps its upturned bill through the shallows. '.repeat(600);
    const first = await client.responses.create({ model: 'auto', input: 'Store it.', tools: [constTool(blob)] });
    const call = callOf(first.output);
    expect(call.id.length).toBeLessThan(blob.length / 4);
    const { messages } = await follow(
      [
        { role: 'user', content: 'Store it.' },
        { type: 'item_reference', id: call.id },
      ],
      [constTool(blob)],
    );
    expect(JSON.parse((messages[1].tool_calls![0] as { function: { arguments: string } }).function.arguments)).toEqual({ blob });
  });

  it('sealing refuses what cannot fit: no id longer than the bound is ever issued', async () => {
    const key = await itemIdKey('test-pepper');
    const call = (args: string) => ({
      type: 'function_call' as const,
      id: 'fc_x',
      call_id: 'call_1',
      name: 'f',
      arguments: args,
      status: 'completed' as const,
    });
    expect(await sealItemId(key, teamId, call(noise(100_000)))).toBeNull();
    const fits = await sealItemId(key, teamId, call(noise(40_000)));
    expect(fits!.length).toBeLessThanOrEqual(MAX_ITEM_ID_CHARS);
  });
});

describe('privacy', () => {
  it('neither the text nor the ids that carry it land in D1 or KV', async () => {
    const marker = `MARKER-${crypto.randomUUID()}`;
    const first = await client.responses.create({
      model: 'auto',
      input: `Please repeat ${marker}`,
      tools: [constTool(`arg ${marker}`)],
      tool_choice: 'none',
    });
    const message = messageOf(first.output);
    expect(textOf(message)).toContain(marker);
    const withCall = await client.responses.create({ model: 'auto', input: `Store ${marker}`, tools: [constTool(`arg ${marker}`)] });
    const call = callOf(withCall.output);
    const streamed = await client.responses.stream({ model: 'auto', input: `stream ${marker}` }).finalResponse();
    const second = await client.responses.create({
      model: 'auto',
      input: [
        { role: 'user', content: `Please repeat ${marker}` },
        { type: 'item_reference', id: message.id },
        { type: 'item_reference', id: call.id },
        { type: 'function_call_output', call_id: call.call_id, output: 'stored' },
        { type: 'item_reference', id: messageOf(streamed.output).id },
        { role: 'user', content: 'Thanks.' },
      ],
      tools: [constTool(`arg ${marker}`)],
    });
    expect(second.status).toBe('completed');
    await new Promise((r) => setTimeout(r, 10));
    await flushRequestLog();
    const d1 = await storedD1Text();
    const kv = await storedKvText();
    for (const needle of [marker, message.id.slice(4, 40), call.id.slice(3, 40)]) {
      expect(d1).not.toContain(needle);
      expect(kv).not.toContain(needle);
    }
  });
});
