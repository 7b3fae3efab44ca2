import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';
import { numberedStreets } from '../../src/shield/detectors/address-numbered';
import { parenRoleNames } from '../../src/shield/detectors/person-roles';
import { nextWord } from '../../src/shield/detectors/util';
import { tokenize } from '../../src/shield/model/features';

// The tagger's tokens and the person rules' words are found by scans of character codes; each must give
// exactly the matches of the regex it stands for, on any text.
const TOKEN = /\n|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+|[^\s]/gu;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]|[\p{L}]/gu;

const tokensByRegex = (text: string) =>
  [...text.matchAll(TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: m[0] === '\n' ? 2 : /^\d/.test(m[0]) ? 1 : /^[\p{L}\p{M}]/u.test(m[0]) ? 0 : 3,
  }));
const wordsByRegex = (text: string) => [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
const wordsByScan = (text: string) => {
  const end = new Int32Array(1);
  const out: number[][] = [];
  for (let at = nextWord(text, 0, end); at >= 0; at = nextWord(text, end[0], end)) out.push([at, end[0]]);
  return out;
};

// Letters, marks (combining, spacing), apostrophes, hyphens, digits of other scripts, every kind of space,
// astral letters and symbols, lone surrogates.
const PIECES = [
  'a',
  'Z',
  'é',
  'e\u0301',
  '\u0301',
  '\u0903',
  "'",
  '’',
  '-',
  '--',
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u2028',
  '\ufeff',
  '\u180e',
  '\u200b',
  '\u0085',
  '\u3000',
  '0',
  '9',
  '٣',
  '½',
  'ß',
  'ſ',
  'K',
  'Я',
  '東',
  'ก',
  '\u0e31',
  'ǅ',
  'ʰ',
  '〆',
  '😀',
  '𝒜',
  '\u{10400}',
  '\u{1e900}',
  '\u{1d167}',
  '\ud800',
  '\udc00',
  '.',
  '@',
  '_',
  '(',
];

function randomTexts(count: number): string[] {
  let seed = 20261207;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    let s = '';
    for (let k = Math.floor(rnd() * 24); k > 0; k--)
      s += rnd() < 0.2 ? String.fromCharCode(Math.floor(rnd() * 0x10000)) : PIECES[Math.floor(rnd() * PIECES.length)];
    return s;
  });
}

describe('character-code scans match their regexes', () => {
  it('tagger tokens: every BMP code unit alone and between letters, and random texts', () => {
    const texts = randomTexts(5000);
    for (let c = 0; c < 0x10000; c += 1) {
      const ch = String.fromCharCode(c);
      texts.push(`a${ch}b`, `x'${ch}`, `${ch}1`);
    }
    const differing = texts.filter((t) => JSON.stringify(tokenize(t)) !== JSON.stringify(tokensByRegex(t)));
    // Escaped (lone surrogates), a few: the report must survive the trip to the test runner.
    expect(differing.slice(0, 5).map((t) => JSON.stringify(t))).toEqual([]);
  });

  it('person words: every BMP code unit alone and between letters, and random texts', () => {
    const texts = randomTexts(5000);
    for (let c = 0; c < 0x10000; c += 1) {
      const ch = String.fromCharCode(c);
      texts.push(`a${ch}b`, `x'${ch}`, `${ch}a`);
    }
    const differing = texts.filter((t) => JSON.stringify(wordsByScan(t)) !== JSON.stringify(wordsByRegex(t)));
    // Escaped (lone surrogates), a few: the report must survive the trip to the test runner.
    expect(differing.slice(0, 5).map((t) => JSON.stringify(t))).toEqual([]);
  });
});

describe('pre-scans of the person and numbered-street rules keep their detections', () => {
  const found = (t: string) => detectEntities(t).map((d) => [d.type, t.slice(d.start, d.end)]);

  it('a bracketed role in any case (Unicode case folding too) before contact details', () => {
    const names = (t: string) => parenRoleNames(t).map((d) => t.slice(d.start, d.end));
    expect(names('Emergency contact: Rimon (COACH) 72040114')).toEqual(['Rimon']);
    expect(names('Kontakt: Tawita (ſister) 72040114')).toEqual(['Tawita']);
    expect(found('Emergency contacts: Rimon (Coach) +686 750 50439, A. Baryn (son), +79181234567.')).toEqual([
      ['PERSON', 'Rimon'],
      ['PHONE', '+686 750 50439'],
      ['PERSON', 'A. Baryn'],
      ['PHONE', '+79181234567'],
    ]);
  });

  it('a number before ", Street", after a ticket number and after a house marker', () => {
    expect(found('Ticket #12: deliver to 138, Misraħ il-Kbira, Attard.')).toEqual([['ADDRESS', '138, Misraħ il-Kbira, Attard']]);
    expect(found('House No. 141, Ramhlun North, Aizawl')).toEqual([['ADDRESS', 'House No. 141, Ramhlun North, Aizawl']]);
    // A house number ending in a letter, before the comma.
    const streets = (t: string) => numberedStreets(t).map(([a, b]) => t.slice(a, b));
    expect(streets('Ticket #7: House 139/6A, Baridhara')).toEqual(['House 139/6A, Baridhara']);
    expect(streets('at #121K, Model Town Phase 2')).toEqual(['#121K, Model Town Phase 2']);
  });
});
