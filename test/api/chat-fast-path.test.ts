import { describe, expect, it } from 'vitest';
import { chatRequest, plainChatRequest, withModelFromModels } from '../../src/hub';
import { mulberry32 } from '../../src/lib';

/** What /v1/chat/completions validates with: the schema, OpenRouter's `models` form included. */
const chatBody = withModelFromModels(chatRequest);

const rand = mulberry32(20261207);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

// Per field: valid values, boundaries and invalid ones (wrong type, out of range, not an integer).
const VALUES: Record<string, unknown[]> = {
  model: ['gpt-4o-mini', 'auto', '', 3, null, ['x']],
  temperature: [0, 2, 0.7, null, -0.01, 2.01, '1', true],
  top_p: [0, 1, 0.5, null, 1.5, -1, 'x'],
  max_tokens: [1, 64, 2 ** 53 - 1, null, 0, -5, 1.5, '64', 2 ** 53],
  max_completion_tokens: [1, 100, null, 0, 2.5],
  seed: [0, -3, 42, null, 1.1, '1'],
  user: ['u-1', '', 7, null],
  n: [1, null, 2, '1'],
  presence_penalty: [-2, 2, 0, null, 2.5, -3],
  frequency_penalty: [0.5, null, 9],
  stream: [true, false, null, 'true', 1],
  stream_options: [{ include_usage: true }, { include_usage: false }, {}, null, { include_usage: 1 }, { other: true }, [], 'x'],
  // Fields outside the plain shape: the schema alone decides (valid or not).
  tools: [[{ type: 'function', function: { name: 'f' } }], [{ type: 'function', function: { name: 'bad name!' } }]],
  routing: [{ max_attempts: 2 }, { unknown: 1 }],
  models: [['a', 'b'], []],
  metadata: [{ a: 1 }],
  trust_level: [1, 9],
};

const CONTENTS: unknown[] = ['hello', '', 'é 😀', null, 5, [{ type: 'text', text: 'hi' }], [{ type: 'bogus' }], undefined];
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'bogus', 3];

function message(): Record<string, unknown> {
  const m: Record<string, unknown> = { role: pick(ROLES) };
  const content = pick(CONTENTS);
  if (content !== undefined || rand() < 0.5) m.content = content;
  if (rand() < 0.3) m.name = pick(['alice', 4, null]);
  if (rand() < 0.1) m.cache_control = pick([{ type: 'ephemeral' }, { type: 'x' }]);
  if (rand() < 0.1) m.extra = 1;
  if (rand() < 0.1) m.tool_call_id = 'call_1';
  // Keys in another order than the schema's.
  return rand() < 0.3 ? Object.fromEntries(Object.entries(m).reverse()) : m;
}

function body(): string {
  const b: Record<string, unknown> = {};
  const fields = Object.keys(VALUES).filter((k) => k !== 'model');
  // Mostly the plain shape, so that both paths are exercised in depth.
  const plain = rand() < 0.6;
  if (rand() < 0.95) b.model = plain && rand() < 0.9 ? 'gpt-4o-mini' : pick(VALUES.model);
  if (rand() < 0.95)
    b.messages =
      rand() < 0.05
        ? pick([[], 'hi', null])
        : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
            const m = message();
            if (plain && rand() < 0.8) return { role: pick(['system', 'user', 'assistant', 'developer']), content: `text ${rand()}` };
            return m;
          });
  for (const k of fields) {
    if (rand() < (plain ? 0.25 : 0.15)) {
      const vs = VALUES[k];
      b[k] = plain && rand() < 0.8 ? vs[0] : pick(vs);
    }
  }
  const entries = Object.entries(b);
  if (rand() < 0.5) entries.sort(() => rand() - 0.5);
  let text = JSON.stringify(Object.fromEntries(entries));
  // Keys that name Object.prototype members, as JSON.parse makes them: own properties.
  if (rand() < 0.05) text = text.replace(/^\{/, `{"${pick(['__proto__', 'constructor', 'toString'])}":1${text === '{}' ? '' : ','}`);
  return text;
}

describe('the plain chat body recognised without the schema', () => {
  it('accepts only what the schema accepts and returns exactly what the schema returns (field order included)', () => {
    let recognised = 0;
    let schemaOk = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = body();
      const fast = plainChatRequest(JSON.parse(text));
      const slow = chatBody.safeParse(JSON.parse(text));
      if (slow.success) schemaOk++;
      if (fast === undefined) continue;
      recognised++;
      expect(slow.success, text).toBe(true);
      expect(JSON.stringify(fast), text).toBe(JSON.stringify(slow.data));
      expect(fast).toEqual(slow.data);
    }
    // Both paths were exercised in depth.
    expect(recognised).toBeGreaterThan(1_000);
    expect(schemaOk - recognised).toBeGreaterThan(500);
  });

  it('recognises the common request shapes', () => {
    const messages = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi', name: 'ann' },
    ];
    for (const b of [
      { model: 'gpt-4o-mini', messages },
      { model: 'auto', messages, max_tokens: 64, stream: true, stream_options: { include_usage: true } },
      { messages, temperature: 0.2, top_p: 1, model: 'x', seed: 7, user: 'u', n: 1 },
    ])
      expect(plainChatRequest(b)).toEqual(chatBody.parse(b));
    // Not the plain shape: the schema decides.
    expect(plainChatRequest({ model: 'x', messages: [{ role: 'tool', content: 'r', tool_call_id: 'c' }] })).toBeUndefined();
    expect(plainChatRequest({ model: 'x', messages, tools: [] })).toBeUndefined();
    expect(plainChatRequest({ model: 'x', messages, max_tokens: 0 })).toBeUndefined();
  });
});
