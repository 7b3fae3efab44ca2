import { describe, expect, it } from 'vitest';
import {
  checkConstraint,
  extractAnswer,
  gradeItem,
  gradeJudgeScore,
  matchAnswer,
  matchValue,
  parseJsonContent,
  parseNumber,
  resolvePointer,
} from '../../src/evals/graders';
import type { EvalItem, EvalOutput } from '../../src/evals/types';
import { getEvalItem } from '../../src/evals';

const text = (content: string | null): EvalOutput => ({ content, toolCalls: [] });
const calls = (...c: [string, unknown][]): EvalOutput => ({
  content: null,
  toolCalls: c.map(([name, args]) => ({ name, arguments: typeof args === 'string' ? args : JSON.stringify(args) })),
});
const item = (id: string): EvalItem => {
  const it = getEvalItem(id);
  if (!it) throw new Error(`missing ${id}`);
  return it;
};

describe('answer extraction', () => {
  it('takes the last ANSWER line and strips markdown', () => {
    expect(extractAnswer('ANSWER: 3\nthinking more\n**ANSWER: 4**')).toBe('4');
    expect(extractAnswer('Final answer: `Paris`')).toBe('Paris');
  });
  it('falls back to the last non-empty line and ignores think blocks', () => {
    expect(extractAnswer('<think>ANSWER: 9</think>\nThe result is\n42\n\n')).toBe('42');
    expect(extractAnswer('')).toBeNull();
    expect(extractAnswer(null)).toBeNull();
  });
});

describe('answer matchers', () => {
  it('exact respects case only when asked', () => {
    expect(matchAnswer('au', { type: 'exact', value: 'Au' }).pass).toBe(true);
    expect(matchAnswer('Acknowledged', { type: 'exact', value: 'ACKNOWLEDGED', caseSensitive: true }).pass).toBe(false);
    expect(matchAnswer('ACKNOWLEDGED', { type: 'exact', value: 'ACKNOWLEDGED', caseSensitive: true }).pass).toBe(true);
  });
  it('normalized ignores case, quotes, whitespace and trailing punctuation', () => {
    expect(matchAnswer(' "Saturday." ', { type: 'normalized', value: 'saturday' }).pass).toBe(true);
    expect(matchAnswer('Friday', { type: 'normalized', value: 'saturday' }).pass).toBe(false);
  });
  it('numeric parses separators and currency within tolerance', () => {
    expect(parseNumber('$1,210.00')).toBe(1210);
    expect(parseNumber('about 299 792 km/s')).toBe(299792);
    expect(matchAnswer('$1,210', { type: 'numeric', value: 1210 }).pass).toBe(true);
    expect(matchAnswer('0.4000', { type: 'numeric', value: 0.4, tolerance: 0.001 }).pass).toBe(true);
    expect(matchAnswer('0.41', { type: 'numeric', value: 0.4, tolerance: 0.001 }).pass).toBe(false);
    expect(matchAnswer('none', { type: 'numeric', value: 1 }).reason).toMatch(/no number/);
    expect(matchAnswer('1024 ÷ 16 + 7 = 71', { type: 'numeric', value: 71 }).pass).toBe(true);
    expect(matchAnswer('36 apples (3 × 12)', { type: 'numeric', value: 36 }).pass).toBe(true);
  });
  it('exact tolerates one trailing period only', () => {
    expect(matchAnswer('2025-03-14.', { type: 'exact', value: '2025-03-14' }).pass).toBe(true);
    expect(matchAnswer('2025-03-14!', { type: 'exact', value: '2025-03-14' }).pass).toBe(false);
  });
  it('one_of and regex', () => {
    expect(matchAnswer('The Pacific Ocean', { type: 'one_of', values: ['Pacific', 'the Pacific Ocean'] }).pass).toBe(true);
    expect(matchAnswer('Atlantic', { type: 'one_of', values: ['Pacific'] }).pass).toBe(false);
    expect(matchAnswer('ann and bob', { type: 'regex', pattern: '^ann\\s*(,|and)\\s*bob$', flags: 'i', example: '' }).pass).toBe(true);
    expect(matchAnswer('bob', { type: 'regex', pattern: '^ann', example: '' }).pass).toBe(false);
  });
});

describe('constraints', () => {
  it('checks each constraint kind both ways', () => {
    const cases: [Parameters<typeof checkConstraint>[1], string, string][] = [
      [{ type: 'word_count', min: 3, max: 3 }, 'red green blue', 'red green'],
      [{ type: 'lowercase' }, 'red green', 'Red green'],
      [{ type: 'uppercase' }, 'BANANA', 'Banana'],
      [{ type: 'includes', value: 'moon' }, 'The Moon rose', 'The sun rose'],
      [{ type: 'excludes', value: 'e' }, 'warm buns', 'fresh bread'],
      [{ type: 'starts_with', value: 'Waves', caseSensitive: true }, 'Waves crash.', 'waves crash.'],
      [{ type: 'ends_with', value: '?' }, 'Who was it?', 'It was him.'],
      [{ type: 'max_chars', value: 5 }, 'abcde', 'abcdef'],
      [{ type: 'line_count', min: 3, max: 3 }, 'a\nb\nc', 'a\nb'],
      [{ type: 'regex', pattern: '^[a-z]*at$' }, 'hat', 'hot'],
    ];
    for (const [c, good, bad] of cases) {
      expect(checkConstraint(good, c), `${c.type} on good`).toBeNull();
      expect(checkConstraint(bad, c), `${c.type} on bad`).toBeTypeOf('string');
    }
  });
  it('grades a constraints item with partial credit', () => {
    const it1 = item('instr-001');
    expect(gradeItem(it1, text('Sure.\nANSWER: red green blue'))).toMatchObject({ pass: true, score: 1 });
    const r = gradeItem(it1, text('ANSWER: Red, Green and Blue'));
    expect(r.pass).toBe(false);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(1);
  });
});

describe('intelligence and vision items', () => {
  it('passes the right answer and fails a wrong one', () => {
    expect(gradeItem(item('math-001'), text('17*23 = 391\nANSWER: 391')).pass).toBe(true);
    expect(gradeItem(item('math-001'), text('ANSWER: 392')).pass).toBe(false);
    expect(gradeItem(item('vision-001'), text('ANSWER: 3')).pass).toBe(true);
    expect(gradeItem(item('vision-001'), text('ANSWER: 5')).pass).toBe(false);
    expect(gradeItem(item('sql-002'), text('ANSWER: IT')).pass).toBe(true);
    expect(gradeItem(item('code-003'), text('ANSWER: 1,3,10')).pass).toBe(false);
  });
});

describe('tool-call grader', () => {
  it('passes the expected call with matching arguments', () => {
    expect(gradeItem(item('tool-002'), calls(['get_weather', { city: 'Tokyo, Japan', unit: 'fahrenheit' }])).pass).toBe(true);
  });
  it('fails a wrong argument value, a wrong tool, no call and invalid JSON', () => {
    expect(gradeItem(item('tool-002'), calls(['get_weather', { city: 'Tokyo', unit: 'celsius' }])).pass).toBe(false);
    expect(gradeItem(item('tool-002'), calls(['get_time', { timezone: 'Asia/Tokyo' }])).pass).toBe(false);
    expect(gradeItem(item('tool-002'), text('It is warm.')).reason).toBe('no tool call');
    expect(gradeItem(item('tool-002'), calls(['get_weather', '{city: Tokyo'])).reason).toMatch(/not a JSON object/);
  });
  it('validates arguments against the tool schema', () => {
    const r = gradeItem(item('tool-004'), calls(['convert_currency', { amount: '250', from: 'USD', to: 'EUR' }]));
    expect(r.pass).toBe(false);
    expect(r.reason).toMatch(/violate its schema/);
    expect(gradeItem(item('tool-004'), calls(['convert_currency', { amount: 250, from: 'USD', to: 'EUR', extra: 1 }])).pass).toBe(false);
  });
  it('matches parallel calls as a set, in any order, and rejects missing or extra calls', () => {
    const it2 = item('tool-par-001');
    expect(gradeItem(it2, calls(['get_weather', { city: 'Rome' }], ['get_weather', { city: 'Paris' }])).pass).toBe(true);
    const missing = gradeItem(it2, calls(['get_weather', { city: 'Paris' }]));
    expect(missing).toMatchObject({ pass: false, score: 0.5 });
    const extra = gradeItem(
      it2,
      calls(['get_weather', { city: 'Rome' }], ['get_weather', { city: 'Paris' }], ['get_weather', { city: 'Oslo' }]),
    );
    expect(extra.pass).toBe(false);
    expect(gradeItem(it2, calls(['get_weather', { city: 'Paris' }], ['get_weather', { city: 'Paris' }])).pass).toBe(false);
  });
  it('knows when not to call', () => {
    expect(gradeItem(item('tool-none-001'), text('The capital of France is Paris.')).pass).toBe(true);
    expect(gradeItem(item('tool-none-001'), calls(['get_weather', { city: 'Paris' }])).pass).toBe(false);
    expect(gradeItem(item('tool-none-005'), text('It is 18°C and cloudy in Paris.')).pass).toBe(true);
    expect(gradeItem(item('tool-none-005'), text('It is cloudy in Paris.')).pass).toBe(false);
  });
  it('predicate matchers', () => {
    expect(matchValue('Asia/Tokyo', { $contains: 'tokyo' })).toBe(true);
    expect(matchValue('de', { $oneOf: ['German', 'de'] })).toBe(true);
    expect(matchValue('fr', { $oneOf: ['German', 'de'] })).toBe(false);
    expect(matchValue(129.985, { $approx: 129.99, tolerance: 0.01 })).toBe(true);
    expect(matchValue('America/New_York', { $regex: 'new[ _]york', flags: 'i', example: '' })).toBe(true);
    expect(matchValue(undefined, { $present: true, example: 1 })).toBe(false);
    expect(matchValue([1, 3, 5], [1, 3, 5])).toBe(true);
    expect(matchValue([1, 5, 3], [1, 3, 5])).toBe(false);
  });
});

describe('structured-output grader', () => {
  const person = item('json-001');
  it('passes valid JSON with the expected values (fenced JSON accepted)', () => {
    const doc = { name: 'Maria Lopez', age: 34, occupation: 'software engineer', city: 'Madrid' };
    expect(gradeItem(person, text(JSON.stringify(doc))).pass).toBe(true);
    expect(gradeItem(person, text('```json\n' + JSON.stringify(doc) + '\n```')).pass).toBe(true);
  });
  it('fails non-JSON, schema violations and wrong values with graded partial scores', () => {
    expect(gradeItem(person, text('Maria is 34.'))).toMatchObject({ pass: false, score: 0 });
    const schemaBad = gradeItem(person, text(JSON.stringify({ name: 'Maria Lopez', age: '34', occupation: 'engineer', city: 'Madrid' })));
    expect(schemaBad).toMatchObject({ pass: false, score: 0.25 });
    const wrong = gradeItem(person, text(JSON.stringify({ name: 'Maria Lopez', age: 35, occupation: 'engineer', city: 'Madrid' })));
    expect(wrong.pass).toBe(false);
    expect(wrong.reason).toContain('/age');
    expect(wrong.score).toBeCloseTo(0.25 + 0.75 * 0.75);
  });
  it('resolves JSON pointers including escapes', () => {
    expect(resolvePointer({ a: [{ b: 1 }], 'x/y': 2 }, '/a/0/b')).toBe(1);
    expect(resolvePointer({ 'x/y': 2 }, '/x~1y')).toBe(2);
    expect(resolvePointer({ a: 1 }, '/a/b')).toBeUndefined();
    expect(parseJsonContent('not json').ok).toBe(false);
  });
});

describe('judge items', () => {
  const sum = item('open-sum-001');
  it('checks hard constraints before the judge', () => {
    expect(gradeItem(sum, text('Bees dance to show where food is.')).pass).toBe(true);
    expect(gradeItem(sum, text(Array.from({ length: 60 }, () => 'word').join(' '))).pass).toBe(false);
    expect(gradeItem(sum, text('  ')).pass).toBe(false);
  });
  it('normalizes judge scores and applies the pass score', () => {
    expect(gradeJudgeScore(sum, 10)).toMatchObject({ pass: true, score: 1 });
    expect(gradeJudgeScore(sum, 7)).toMatchObject({ pass: true });
    expect(gradeJudgeScore(sum, 6).pass).toBe(false);
    expect(gradeJudgeScore(sum, 1).score).toBe(0);
    expect(gradeJudgeScore(sum, null).pass).toBe(false);
  });
});
