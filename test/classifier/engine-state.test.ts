import { describe, expect, it } from 'vitest';
import modelBytes from '../../src/classifier/model/intent.bin';
import { createIntentEngine } from '../../src/classifier/engine';
import { WordTable } from '../../src/classifier/word-table';
import reference from './fixtures/parity.json';

/**
 * The engine reuses its buffers and keeps a per-isolate table of the words it has met: a prompt's scores must
 * not depend on which prompts came before it, nor on whether its words were already in the table.
 */
const texts = (reference as { text: string }[]).map((r) => r.text);
const long = Array.from({ length: 400 }, (_, i) => `word${i % 37} {x: ${i}} 数据${i % 5}`).join(' ');
const prompts = [...texts, long, '', 'ok', `${long}\nFix this error: TypeError at line 3`];

describe('intent engine state across calls', () => {
  it('gives a prompt the same scores whatever was classified before it (A, B, A)', () => {
    const engine = createIntentEngine(modelBytes);
    for (let i = 0; i < prompts.length; i++) {
      const a = prompts[i];
      const b = prompts[(i * 7 + 3) % prompts.length];
      const first = engine.score(a, i % 2 === 0);
      engine.score(b, i % 3 === 0);
      engine.represent(b);
      expect(engine.score(a, i % 2 === 0), a.slice(0, 60)).toEqual(first);
    }
  });

  it('scores a prompt as a fresh engine does, after the word table has filled and started over', () => {
    const warm = createIntentEngine(modelBytes);
    // Four times as many distinct words as the table holds (8,192), so it empties and refills several times.
    for (let i = 0; i < 180; i++) warm.score(Array.from({ length: 190 }, (_, j) => `w${i}x${j}`).join(' '));
    for (const text of prompts) {
      const fresh = createIntentEngine(modelBytes);
      expect(warm.score(text, true), text.slice(0, 60)).toEqual(fresh.score(text, true));
      expect(warm.score(text), text.slice(0, 60)).toEqual(fresh.score(text));
    }
  });
});

describe('word table', () => {
  // Two 7-letter words with the same 32-bit FNV hash (found by search): only their characters tell them apart.
  const [a, b] = ['ugesvsm', 'kjmtbzn'];

  it('gives words with the same hash their own slots', () => {
    const table = new WordTable(8);
    expect(table.find(a, 0, a.length, 1)).toBe(-1);
    const sa = table.insert(a, 1);
    expect(table.find(b, 0, b.length, 1)).toBe(-1);
    const sb = table.insert(b, 1);
    expect(sb).not.toBe(sa);
    expect(table.find(`x ${a}`, 2, 9, 1)).toBe(sa);
    expect(table.find(b, 0, b.length, 1)).toBe(sb);
    expect(table.find(a, 0, a.length, 3)).toBe(-1); // same text, another token kind
  });

  it('starts over when full and then finds only the words added since', () => {
    const table = new WordTable(4);
    const words = Array.from({ length: 10 }, (_, i) => `word${i}`);
    const slots = words.map((w) => (table.find(w, 0, w.length, 1), table.insert(w, 1)));
    expect(slots).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1]);
    expect(words.map((w) => table.find(w, 0, w.length, 1))).toEqual([-1, -1, -1, -1, -1, -1, -1, -1, 0, 1]);
  });

  it('keeps the engine scores of two same-hash words apart', () => {
    const engine = createIntentEngine(modelBytes);
    engine.score(`${a} please`);
    expect(engine.score(`${b} please`)).toEqual(createIntentEngine(modelBytes).score(`${b} please`));
  });
});
