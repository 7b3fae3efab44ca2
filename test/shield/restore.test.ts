import { describe, expect, it } from 'vitest';
import { createShieldSession, type ShieldSession } from '../../src/shield';
import { mulberry32 } from '../../src/lib';

// Values full of regex metacharacters: . + ( ) - / = : and a `$&` replacement pattern nearby.
const VALUES = [
  'first.last+tag@example.co.uk',
  'a.b-c+d@sub.example.org',
  '(212) 555-0147',
  '+44 20 7946 0958',
  '4111 1111 1111 1111',
  '2001:db8::8a2e:370:7334',
  '203.0.113.45',
  'Zq8+Lm3/Np7Rt2Vx9Kb4Wc6Hd1Jf5Gs0T==',
  'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2',
  'DE89 3704 0044 0532 0130 00',
  '536-22-1234',
  'Dr. Fatima Hassan',
  'Sofia Rossi',
];
const FILLER = [
  'a < b',
  'x > y',
  '[',
  ']',
  '[note]',
  'PERSON',
  'email',
  '$&',
  '$1',
  '\\d+',
  '.*?',
  '(a|b)',
  'שלום',
  '👍🏽',
  'é',
  '[PERSON_9]',
  'ok',
  'IP',
];

function randomText(r: () => number): string {
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) {
    parts.push(r() < 0.45 ? VALUES[Math.floor(r() * VALUES.length)] : FILLER[Math.floor(r() * FILLER.length)]);
  }
  return parts.join(' ; ');
}

/** What models do to placeholders: drop brackets, change case, swap the underscore for a space. */
function mangle(s: ShieldSession, cloaked: string, r: () => number): string {
  return cloaked.replace(/\[([A-Z]+)_(\d+)\]/g, (tok, label: string, n: string) => {
    if (s.restoreText(tok) === tok) return tok; // a look-alike from the user's text, not issued
    const k = r();
    if (k < 0.25) return `${label}_${n}`;
    if (k < 0.5) return `[${label.toLowerCase()}_${n}]`;
    if (k < 0.65) return `[${label} ${n}]`;
    return tok;
  });
}

function streamThrough(s: ShieldSession, text: string, r: () => number, maxChunk = 8): string {
  const restorer = s.createStreamRestorer();
  let out = '';
  let i = 0;
  while (i < text.length) {
    const len = 1 + Math.floor(r() * maxChunk);
    out += restorer.pushContent(text.slice(i, i + len));
    i += len;
  }
  return out + restorer.flush().content;
}

describe('restoration property', () => {
  it('random texts come back identical, whole and streamed in random splits, with mangled tokens', () => {
    const r = mulberry32(42);
    for (let iter = 0; iter < 300; iter++) {
      const original = randomText(r);
      const s = createShieldSession();
      const cloaked = s.cloakText(original);
      for (const v of VALUES) if (original.includes(v) && !v.startsWith('Dr.')) expect(cloaked).not.toContain(v);
      expect(s.restoreText(cloaked)).toBe(original);
      expect(streamThrough(s, cloaked, r)).toBe(original);
      const mangled = mangle(s, cloaked, r);
      expect(s.restoreText(mangled)).toBe(original);
      expect(streamThrough(s, mangled, r, 1 + Math.floor(r() * 12))).toBe(original);
    }
  });

  it('streamed tool arguments are restored JSON-escaped', () => {
    const s = createShieldSession();
    s.cloakText('name: Dr. Zoe "Z" O\'Brien\\Jr, mail a"b\\c@example.com');
    const restorer = s.createStreamRestorer();
    const args = '{"who":"PERSON_1","mail":"[EMAIL_1]"}';
    let out = '';
    for (const ch of args) out += restorer.pushToolArguments(0, ch);
    out += restorer.flush().toolArguments[0] ?? '';
    const parsed = JSON.parse(out);
    expect(parsed.who).toBe(s.restoreText('[PERSON_1]'));
    expect(parsed.who).not.toContain('PERSON');
    expect(JSON.parse(s.restoreToolArguments(args))).toEqual(parsed);
  });
});

describe('stream hold-back', () => {
  it('lets angle brackets through and releases a lone [ as soon as the next character rules out a token', () => {
    const s = createShieldSession();
    s.cloakText('Sofia Rossi wrote to sofia@example.com');
    const restorer = s.createStreamRestorer();
    for (const chunk of ['if a < b', ' then [x]', ' <', ' >', ' [[x', ' ]', 'a<b>c', '<<<']) {
      expect(restorer.pushContent(chunk)).toBe(chunk);
    }
    // A trailing "[" may open a placeholder, so it waits for exactly one more character.
    expect(restorer.pushContent(' else [')).toBe(' else ');
    expect(restorer.pushContent(' y')).toBe('[ y');
    expect(restorer.pushContent(' [')).toBe(' ');
    expect(restorer.flush().content).toBe('[');
  });

  it('with no tokens issued nothing is ever held', () => {
    const restorer = createShieldSession().createStreamRestorer();
    for (const chunk of ['[PERS', 'ON_', '1', ']']) expect(restorer.pushContent(chunk)).toBe(chunk);
  });

  it('holds only a possible token tail, never half a token', () => {
    const s = createShieldSession();
    s.cloakText('Sofia Rossi');
    const restorer = s.createStreamRestorer();
    expect(restorer.pushContent('Hello [PER')).toBe('Hello ');
    expect(restorer.pushContent('SON_')).toBe('');
    expect(restorer.pushContent('1')).toBe('');
    expect(restorer.pushContent('] and PERSON_1')).toBe('Sofia Rossi and ');
    expect(restorer.pushContent('0 people')).toBe('PERSON_10 people');
    expect(restorer.pushContent(' [PERSON_2] ')).toBe(' [PERSON_2] ');
    expect(restorer.flush().content).toBe('');
  });

  it('never holds more than the longest issued token plus slack', () => {
    const s = createShieldSession();
    s.cloakText('Sofia Rossi, sofia@example.com');
    const longest = '[PERSON_1]'.length + 3;
    const restorer = s.createStreamRestorer();
    let pushed = '';
    let emitted = '';
    const r = mulberry32(7);
    const text = 'Pe PER [PERSON [PERS PERSON_ EMAIL EMA [EMAIL_ xx [ PERSON_1 ] done';
    for (let i = 0; i < text.length;) {
      const len = 1 + Math.floor(r() * 3);
      pushed += text.slice(i, i + len);
      emitted += restorer.pushContent(text.slice(i, i + len));
      i += len;
      // Nothing restored in this text before the last token, so emitted is a prefix of pushed.
      if (!emitted.includes('Sofia')) expect(pushed.length - emitted.length).toBeLessThanOrEqual(longest);
    }
    emitted += restorer.flush().content;
    expect(emitted).toBe('Pe PER [PERSON [PERS PERSON_ EMAIL EMA [EMAIL_ xx Sofia Rossi done');
  });

  it('restores only tokens this session issued', () => {
    const s = createShieldSession();
    s.cloakText('Sofia Rossi');
    expect(streamThrough(s, 'see [PERSON_9], [EMAIL_1], [PERSON_1]', mulberry32(3))).toBe('see [PERSON_9], [EMAIL_1], Sofia Rossi');
  });
});
