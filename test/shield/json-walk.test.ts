import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/hub';
import { createShieldSession } from '../../src/shield';
import { mapJsonStrings, mapValueStrings } from '../../src/shield/walk';

const upper = (s: string) => s.toUpperCase();

describe('mapJsonStrings', () => {
  it('maps string values only, keeps keys, numbers and formatting byte for byte', () => {
    const json = '{ "name" : "ann",\n  "n": 12345678901234567890, "f": 1.0, "list": ["x", {"k": "y"}], "t": true }';
    expect(mapJsonStrings(json, upper)).toBe(
      '{ "name" : "ANN",\n  "n": 12345678901234567890, "f": 1.0, "list": ["X", {"k": "Y"}], "t": true }',
    );
  });

  it('decodes escapes before mapping and re-escapes what it changed', () => {
    const seen: string[] = [];
    const out = mapJsonStrings('{"a\\"b":"Jos\\u00e9 \\"q\\"","c":"same"}', (s) => (seen.push(s), s === 'same' ? s : `<${s}>`));
    expect(seen).toEqual(['José "q"', 'same']);
    expect(JSON.parse(out!)).toEqual({ 'a"b': '<José "q">', c: 'same' });
    expect(out).toContain('"c":"same"');
  });

  it('visits strings in document order, top-level strings included; invalid JSON is null', () => {
    const seen: string[] = [];
    mapJsonStrings('[{"2":"b","1":"a"},"c"]', (s) => (seen.push(s), s));
    expect(seen).toEqual(['b', 'a', 'c']);
    expect(mapJsonStrings('"top"', upper)).toBe('"TOP"');
    expect(mapJsonStrings('{"a":', upper)).toBeNull();
  });

  it('a document nested 200,000 levels deep is mapped without exhausting the stack', () => {
    const depth = 200_000;
    const json = '{"a":['.repeat(depth) + '"deep"' + ']}'.repeat(depth);
    expect(mapJsonStrings(json, upper)).toBe(json.replace('"deep"', '"DEEP"'));
  });
});

describe('mapValueStrings', () => {
  it('copies nested values with strings mapped, keys and other values untouched, input unchanged', () => {
    const input = JSON.parse('{"a":["x",1,null,{"b":"y"}],"__proto__":"z"}') as Record<string, unknown>;
    const out = mapValueStrings(input, upper) as Record<string, unknown>;
    expect(JSON.stringify(out)).toBe('{"a":["X",1,null,{"b":"Y"}],"__proto__":"Z"}');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(input)).toBe('{"a":["x",1,null,{"b":"y"}],"__proto__":"z"}');
  });

  it('a value nested 200,000 levels deep is mapped without exhausting the stack', () => {
    let deep: unknown = 'deep';
    for (let i = 0; i < 200_000; i++) deep = { a: [deep] };
    let out = mapValueStrings(deep, upper);
    for (let i = 0; i < 200_000; i++) out = (out as { a: unknown[] }).a[0];
    expect(out).toBe('DEEP');
  });
});

describe('session: names', () => {
  it('a message name becomes one placeholder and its occurrences in text share it', () => {
    const s = createShieldSession();
    const out = s.cloakRequest({
      model: 'auto',
      messages: [{ role: 'user', name: 'Xochiquetzal', content: 'Xochiquetzal here; XochiquetzalX is not her' }],
    });
    expect(out.messages[0]).toEqual({ role: 'user', name: '[PERSON_1]', content: '[PERSON_1] here; XochiquetzalX is not her' });
    expect(s.restoreText('Hi [PERSON_1]')).toBe('Hi Xochiquetzal');
  });

  it('a role name is cloaked in the name field only, never in the conversation; block mode does not refuse it', () => {
    const req = {
      model: 'auto',
      messages: [
        { role: 'user' as const, name: 'Planner', content: 'The Planner and the helper agree.' },
        { role: 'user' as const, name: 'helper', content: 'ok' },
      ],
    };
    const named = (r: ChatRequest) => r.messages as { name?: string; content: unknown }[];
    const out = createShieldSession().cloakRequest(req);
    expect(named(out).map((m) => [m.name, m.content])).toEqual([
      ['[PERSON_1]', 'The Planner and the helper agree.'],
      ['[PERSON_2]', 'ok'],
    ]);
    const blocked = createShieldSession({ mode: 'block' }).cloakRequest(req);
    expect(named(blocked).map((m) => m.name)).toEqual(['[PERSON_1]', '[PERSON_2]']);
  });

  it('block mode refuses a text naming a participant by the name field', () => {
    const s = createShieldSession({ mode: 'block' });
    expect(() =>
      s.cloakRequest({ model: 'auto', messages: [{ role: 'user', name: 'Xochiquetzal', content: 'Xochiquetzal here' }] }),
    ).toThrow(/PERSON/);
  });

  it('without PERSON in the policy a name is text like any other', () => {
    const s = createShieldSession({ entities: ['EMAIL'] });
    const out = s.cloakRequest({ model: 'auto', messages: [{ role: 'user', name: 'jane@example.org', content: 'hi Xochiquetzal' }] });
    expect(out.messages[0]).toEqual({ role: 'user', name: '[EMAIL_1]', content: 'hi Xochiquetzal' });
  });
});
