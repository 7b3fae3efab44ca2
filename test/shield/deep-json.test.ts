import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, admin, chat, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * llmshield reads JSON inside tool results and tool-call arguments. Nesting depth is the client's to
 * choose (any depth JSON.parse accepts), so a deeply nested document must be cloaked like a shallow
 * one — never a 500 — on every inbound API. The simulated provider records what it received.
 */

const EMAIL = 'jane.doe@example.org';
const DEPTH = 5000;

/** {"a":{"a":…{"note":"mail EMAIL"}…}} nested `depth` levels (~25 KB at 5,000). */
function deepObject(depth: number): string {
  return '{"a":'.repeat(depth) + JSON.stringify({ note: `mail ${EMAIL}` }) + '}'.repeat(depth);
}

/** [[[…["mail EMAIL"]…]]] — one byte per level, so the 8 MB body limit allows millions of levels. */
function deepArray(depth: number): string {
  return '['.repeat(depth) + JSON.stringify(`mail ${EMAIL}`) + ']'.repeat(depth);
}

let key: string;
beforeAll(async () => {
  // Keys have llmshield on by default; spelled out so the test states what it relies on.
  key = (await createTestKey({ name: 'shield-deep-json', settings: { shield: { mode: 'on' } } })).key;
});
afterEach(async () => {
  await admin('/sim/recorder', { body: { on: false } });
});

async function received(): Promise<string> {
  const { data } = (await (await admin('/sim/received')).json()) as { data: { body: string }[] };
  expect(data.length).toBeGreaterThan(0);
  return data.map((d) => d.body).join('\n');
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return workerFetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The same conversation (a tool call answered by a deep JSON result) in each inbound dialect. */
const requests = (args: string, result: string): Array<[string, () => Promise<Response>]> => [
  [
    'chat completions',
    () =>
      chat(key, {
        model: 'openai/gpt-4o',
        messages: [
          { role: 'user', content: 'look it up' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: args } }] },
          { role: 'tool', tool_call_id: 'c1', content: result },
        ],
      }),
  ],
  [
    'responses',
    () =>
      post('/v1/responses', {
        model: 'openai/gpt-4o',
        input: [
          { role: 'user', content: 'look it up' },
          { type: 'function_call', call_id: 'c1', name: 'lookup', arguments: args },
          { type: 'function_call_output', call_id: 'c1', output: result },
        ],
      }),
  ],
  [
    'messages',
    () =>
      post(
        '/v1/messages',
        {
          model: 'openai/gpt-4o',
          max_tokens: 100,
          messages: [
            { role: 'user', content: 'look it up' },
            { role: 'assistant', content: [{ type: 'tool_use', id: 'c1', name: 'lookup', input: { q: 'x' } }] },
            { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c1', content: result }] },
          ],
        },
        { 'anthropic-version': '2023-06-01' },
      ),
  ],
];

/** The OpenAI-format body the simulated provider received, parsed (the deep JSON travels inside strings). */
async function receivedMessages(): Promise<{ role: string; content: string | null; tool_calls?: { function: { arguments: string } }[] }[]> {
  const { data } = (await (await admin('/sim/received')).json()) as { data: { body: string }[] };
  expect(data).toHaveLength(1);
  return (JSON.parse(data[0].body) as { messages: never[] }).messages;
}

const cloaked = (doc: string) => doc.replace(EMAIL, '[EMAIL_1]');

describe('llmshield on deeply nested JSON', () => {
  const args = deepObject(DEPTH);
  const result = deepArray(DEPTH);
  for (const [api, send] of requests(args, result)) {
    it(`${api}: a tool result and arguments nested ${DEPTH} levels are cloaked, not a 500`, async () => {
      await admin('/sim/recorder', { body: { on: true } });
      const res = await send();
      expect(
        res.status,
        await res
          .clone()
          .text()
          .then((t) => t.slice(0, 300)),
      ).toBe(200);
      const upstream = await received();
      expect(upstream).not.toContain(EMAIL);
      const messages = await receivedMessages();
      // The documents arrive whole, same nesting and formatting, with only the value cloaked.
      expect(messages.find((m) => m.role === 'tool')!.content).toBe(cloaked(result));
      if (api !== 'messages') expect(messages.find((m) => m.tool_calls)!.tool_calls![0].function.arguments).toBe(cloaked(args));
    });
  }

  it('100,000 levels (half a megabyte) are cloaked too, never a 500', async () => {
    const [, send] = requests('{}', deepArray(100_000))[0];
    await admin('/sim/recorder', { body: { on: true } });
    const res = await send();
    expect(
      res.status,
      await res
        .clone()
        .text()
        .then((t) => t.slice(0, 300)),
    ).toBe(200);
    expect(await received()).not.toContain(EMAIL);
    expect((await receivedMessages()).find((m) => m.role === 'tool')!.content).toBe(cloaked(deepArray(100_000)));
  });
});
