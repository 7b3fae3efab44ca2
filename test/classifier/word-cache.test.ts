import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import tokenizerModule from '../../src/classifier/model/intent.tokenizer.json';
import { memoizeWordPieces, splitWords } from '../../src/classifier/word-cache';

const tokenizerJson: object = typeof tokenizerModule === 'string' ? JSON.parse(tokenizerModule) : tokenizerModule;
const fresh = () => new Tokenizer(tokenizerJson, {});
const ids = (t: Tokenizer, text: string) => t.encode(text, { add_special_tokens: false }).ids;

const CORPUS = [
  'Please summarise this ticket for the handover.',
  'Summarise the ticket, then hand it over: the handover is due.',
  'Customer Maria Keller (maria.keller@example.com, +49 30 901820) reports the wrong VAT rate.',
  'SELECT name, COUNT(*) FROM users GROUP BY name HAVING COUNT(*) > 1;',
  'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)',
  'Écris un poème sur la mer — très court, s’il te plaît. Ça va?',
  '東京の天気はどうですか？ 明日は雨が降りますか。',
  'Emoji test 🚀🚀 and a supercalifragilisticexpialidociousanddefinitelylongerthanthirtytwo word.',
  '   leading and   repeated   spaces\tand\ttabs\nand newlines   ',
  'the the the The THE tHe',
  '',
];

describe('word segmentation cache (classifier tokenizer)', () => {
  it('is active on the shipped tokenizer library', () => {
    expect(memoizeWordPieces(fresh())).toBe(true);
  });

  it('gives the same ids as the plain tokenizer, on first sight and from the cache', () => {
    const plain = fresh();
    const memo = fresh();
    memoizeWordPieces(memo);
    for (let pass = 0; pass < 2; pass++) {
      for (const text of CORPUS) expect(ids(memo, text), `pass ${pass}: ${JSON.stringify(text)}`).toEqual(ids(plain, text));
    }
  });

  it('stays exact while evicting (tiny limit)', () => {
    const plain = fresh();
    const memo = fresh();
    memoizeWordPieces(memo, 3);
    const texts = [...CORPUS, ...CORPUS.slice().reverse(), CORPUS.join(' ')];
    for (const text of texts) expect(ids(memo, text)).toEqual(ids(plain, text));
  });

  it('splits before each word marker', () => {
    expect(splitWords('▁a▁▁bc▁d')).toEqual(['▁a', '▁', '▁bc', '▁d']);
    expect(splitWords('x▁y')).toEqual(['x', '▁y']);
    expect(splitWords('▁')).toEqual(['▁']);
    expect(splitWords('')).toEqual(['']);
  });

  it('segments a repeated word once, but never caches words with digits or @', () => {
    const memo = fresh();
    const model = (memo as unknown as { model: { tokenize: (w: string) => string[] } }).model;
    const segment = model.tokenize.bind(model);
    const seen: string[] = [];
    model.tokenize = (word: string) => (seen.push(word), segment(word));
    memoizeWordPieces(memo);
    ids(memo, 'handover handover handover');
    ids(memo, 'ticket 901820 ticket 901820 a@b a@b');
    const count = (w: string) => seen.filter((x) => x === `▁${w}`).length;
    expect(count('handover')).toBe(1);
    expect(count('ticket')).toBe(1);
    expect(count('901820')).toBe(2);
    expect(count('a@b')).toBe(2);
  });
});
