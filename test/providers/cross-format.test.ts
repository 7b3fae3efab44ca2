import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestKey, openaiClient } from '../helpers/gateway';

/**
 * The same streamed tool-call conversation, served by an endpoint of each wire format, must give
 * identical OpenAI-side results. Each simulated endpoint plays the same scripted turn, rendered in
 * its native JSON/SSE and translated back by the gateway's adapters.
 */

const ENDPOINTS = {
  openai: 'openai/gpt-4o',
  anthropic: 'anthropic/claude-sonnet-4-6',
  gemini: 'google/gemini-2.5-flash',
  cohere: 'cohere/command-a-03-2025',
};

const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
        required: ['city'],
      },
    },
  },
  {
    type: 'function' as const,
    function: {
      name: 'get_time',
      description: 'Local time for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];
const toolCalls = [
  { name: 'get_weather', arguments: JSON.stringify({ city: 'Zürich "Altstadt"', unit: 'c' }) },
  { name: 'get_time', arguments: JSON.stringify({ city: 'Tōkyō' }) },
];
const finalText = 'It is 21 °C in Zürich and 09:30 in Tōkyō — “have a nice day”.';

let client: ReturnType<typeof openaiClient>;
beforeAll(async () => {
  // Cohere's default terms train on API data (trust 0): the key opts in to reach it.
  client = openaiClient((await createTestKey({ name: 'cross-format', settings: { minTrustLevel: 0 } })).key);
});
afterEach(async () => {
  await admin('/sim/scripts', { method: 'DELETE' });
});

interface Collected {
  content: string;
  calls: { index: number; id: string; name: string; arguments: string }[];
  finish: string | null;
  usage: { prompt_tokens: number; completion_tokens: number } | null;
  chunksWithRole: number;
}

async function streamed(model: string, messages: Parameters<typeof client.chat.completions.create>[0]['messages']): Promise<Collected> {
  const stream = await client.chat.completions.create({ model, messages, tools, stream: true, stream_options: { include_usage: true } });
  const out: Collected = { content: '', calls: [], finish: null, usage: null, chunksWithRole: 0 };
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (chunk.usage) out.usage = chunk.usage;
    if (!choice) continue;
    if (choice.delta.role) out.chunksWithRole++;
    if (choice.delta.content) out.content += choice.delta.content;
    for (const tc of choice.delta.tool_calls ?? []) {
      const call = (out.calls[tc.index] ??= { index: tc.index, id: '', name: '', arguments: '' });
      if (tc.id) call.id = tc.id;
      if (tc.function?.name) call.name += tc.function.name;
      if (tc.function?.arguments) call.arguments += tc.function.arguments;
    }
    if (choice.finish_reason) {
      expect(out.finish).toBeNull();
      out.finish = choice.finish_reason;
    }
  }
  return out;
}

describe('one conversation, four wire formats, identical OpenAI-side results', () => {
  it('streams parallel tool calls and the final answer identically from openai, anthropic, gemini and cohere endpoints', async () => {
    const results: Record<string, { first: Collected; second: Collected }> = {};
    for (const [format, endpoint] of Object.entries(ENDPOINTS)) {
      await admin('/sim/scripts', { body: { target: endpoint, toolCalls, times: 1 } });
      const question = { role: 'user' as const, content: 'What is the weather in Zürich and the time in Tōkyō?' };
      const first = await streamed(endpoint, [question]);
      await admin('/sim/scripts', { body: { target: endpoint, text: finalText, times: 1 } });
      const second = await streamed(endpoint, [
        question,
        {
          role: 'assistant',
          content: null,
          tool_calls: first.calls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments } })),
        },
        ...first.calls.map((c, i) => ({
          role: 'tool' as const,
          tool_call_id: c.id,
          content: i === 0 ? '{"temp_c":21}' : '{"time":"09:30"}',
        })),
      ]);
      results[format] = { first, second };
    }
    for (const [format, { first, second }] of Object.entries(results)) {
      expect(first.finish, format).toBe('tool_calls');
      expect(first.content, format).toBe('');
      expect(
        first.calls.map((c) => [c.index, c.name, JSON.parse(c.arguments)]),
        format,
      ).toEqual(toolCalls.map((c, i) => [i, c.name, JSON.parse(c.arguments)]));
      for (const c of first.calls) expect(c.id.length, format).toBeGreaterThan(0);
      expect(first.chunksWithRole, format).toBe(1);
      expect(first.usage!.prompt_tokens, format).toBeGreaterThan(0);
      expect(first.usage!.completion_tokens, format).toBeGreaterThan(0);
      expect(second.finish, format).toBe('stop');
      expect(second.content, format).toBe(finalText);
      expect(second.calls, format).toEqual([]);
      expect(second.usage!.completion_tokens, format).toBeGreaterThan(0);
    }
    // Identical across formats (tool-call ids aside: Gemini has none, the adapter mints them).
    const strip = ({ first, second }: { first: Collected; second: Collected }) => ({
      first: { ...first, calls: first.calls.map(({ id: _id, ...rest }) => rest), usage: null },
      second: { ...second, usage: null },
    });
    const reference = strip(results.openai);
    for (const format of ['anthropic', 'gemini', 'cohere']) expect(strip(results[format]), format).toEqual(reference);
  });

  it('non-streaming: the same scripted turn gives the same message from every format', async () => {
    const messages: { role: 'user'; content: string }[] = [{ role: 'user', content: 'Weather and time please.' }];
    const bodies = [];
    for (const endpoint of Object.values(ENDPOINTS)) {
      await admin('/sim/scripts', { body: { target: endpoint, toolCalls, times: 1 } });
      const res = await client.chat.completions.create({ model: endpoint, messages, tools });
      bodies.push({
        finish: res.choices[0].finish_reason,
        content: res.choices[0].message.content ?? '',
        calls: res.choices[0].message.tool_calls?.map((c) =>
          c.type === 'function' ? [c.function.name, JSON.parse(c.function.arguments)] : null,
        ),
      });
    }
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(bodies[0].finish).toBe('tool_calls');
  });
});
