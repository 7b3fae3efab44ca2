import { describe, expect, it } from 'vitest';
import { createShieldSession } from '../../src/shield';

const MB = 1 << 20;
const BUDGET_MS = 8000; // generous: workerd under test, shared CI cores

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function distinctPhones(size: number): string {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < size; i++) {
    const p = `call ${1_000_000 + ((i * 7919) % 8_999_999)} `;
    parts.push(p);
    len += p.length;
  }
  return parts.join('').slice(0, size);
}

describe('bad input finishes within a time budget', () => {
  const inputs: Array<[string, string]> = [
    [
      '1 MB of mixed prose with PII',
      repeatTo('Hi, my name is Sofia Rossi, mail sofia@example.com, call +44 20 7946 0958. The build 1.2.3 passed. ', MB),
    ],
    ['1 MB of digits only', repeatTo('0123456789', MB)],
    ['1 MB of digits and spaces', repeatTo('4111 1111 1111 1112 ', MB)],
    ['1 MB without spaces', repeatTo('abcDEF123', MB)],
    ['1 MB of RTL, emoji and combining marks', repeatTo('שלום עולם مرحبا 👩🏽‍💻 e\u0301\u0302 Ζωή ', MB)],
    ['1 MB of brackets and colons', repeatTo('[[::]]::[PERSON_:', MB)],
    ['1 MB of capitalized words', repeatTo('Maria Garcia Dr Street Road Mr Ms ', MB)],
    ['1 MB of distinct phone numbers after a context word', distinctPhones(MB)],
    ['1 MB of compound street words', repeatTo('Aastraat 1 rue Aa 12 Aa Aa Aa St ', MB)],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const s = createShieldSession();
      const { value: cloaked, ms } = timed(() => s.cloakText(text));
      expect(ms).toBeLessThan(BUDGET_MS);
      expect(typeof cloaked).toBe('string');
      const { value: restored, ms: restoreMs } = timed(() => s.restoreText(cloaked));
      expect(restoreMs).toBeLessThan(BUDGET_MS);
      expect(restored).toBe(text);
    });
  }

  it('odd Unicode survives a round trip', () => {
    const s = createShieldSession();
    const text = 'مرحبا Sofia Rossi 👍🏽 sofia@example.com ‮reversed‬ e\u0301 \u0000 \uFEFF\uD800';
    expect(s.restoreText(s.cloakText(text))).toBe(text);
  });

  it('streaming a 1 MB response chunk by chunk stays fast', () => {
    const s = createShieldSession();
    s.cloakText('Sofia Rossi sofia@example.com');
    const restorer = s.createStreamRestorer();
    const text = repeatTo('Thanks [PERSON_1], I wrote to [EMAIL_1]. a < b [ ok ', MB / 4);
    const chunks = text.match(/[\s\S]{1,20}/g)!;
    const t0 = performance.now();
    let out = '';
    for (const c of chunks) out += restorer.pushContent(c);
    out += restorer.flush().content;
    expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
    expect(out).toBe(s.restoreText(text));
  });
});
