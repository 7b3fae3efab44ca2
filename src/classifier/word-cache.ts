import type { Tokenizer } from '@huggingface/tokenizers';

/**
 * Segments a prompt word by word, with a cache of each word's segmentation, in a tokenizer instance.
 *
 * Tokenizing was ~22 % of an `auto` request's CPU in workerd (bench/overhead/cpu-profile.md), nearly all of
 * it the Unigram model's Viterbi lattice, which the JS library builds over the whole normalized prompt at
 * once (it ignores the Metaspace pre-tokenizer's `split`). No piece of the vocabulary holds the word marker
 * `▁` anywhere but first (checked here at load), so no piece spans two words, every word boundary lies on
 * every segmentation, and the best segmentation of the prompt is the best segmentation of each word in turn:
 * segmenting per word gives the same pieces. Prompts reuse most of their words, so a word's pieces are
 * cached — the design of the Rust `tokenizers` Unigram cache. Equality of the ids:
 * test/classifier/word-cache.test.ts.
 *
 * Privacy: the cache is isolate memory only, bounded, and never persisted or logged. Words with digits or
 * `@` (numbers, emails, phone numbers, ids) are never cached: they rarely repeat and are the personal data
 * most worth not keeping around; long words are not cached either. The cache is shared by all keys of the
 * isolate; a hit saves microseconds, far below the milliseconds of network jitter, so whether another tenant
 * used a word cannot be read from response times.
 */
/**
 * ~6 MB of heap when full (measured in Node with 30,000 distinct words of real prompts), against the isolate's
 * 128 MB. Smaller caches hit less on new prompts: after 3,600 real prompts, segmenting 2,000 unseen ones took
 * 0.128 ms each uncached, 0.092 ms with 10,000 words and 0.047 ms with 30,000 (Node, one-off check).
 */
export const WORD_CACHE_LIMIT = 30_000;
const MAX_CACHED_WORD_CHARS = 32;
const UNCACHEABLE = /[\d@]/;
const WORD_MARKER = '\u2581';

interface UnigramModel {
  vocab?: string[];
  tokenize?: (normalized: string) => string[];
  encode?: (tokens: string[]) => string[];
}

/** Splits before every word marker after the first character: "▁a▁▁b" → ["▁a", "▁", "▁b"]. */
export function splitWords(normalized: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = normalized.indexOf(WORD_MARKER, 1); i >= 0; i = normalized.indexOf(WORD_MARKER, i + 1)) {
    words.push(normalized.slice(start, i));
    start = i;
  }
  words.push(normalized.slice(start));
  return words;
}

/**
 * Returns false, leaving the tokenizer as it was, when the model is not the expected Unigram (library
 * internals changed) or its vocabulary has a piece that could span words.
 */
export function memoizeWordPieces(tokenizer: Tokenizer, limit = WORD_CACHE_LIMIT): boolean {
  const model = (tokenizer as unknown as { model?: UnigramModel }).model;
  if (typeof model?.tokenize !== 'function' || typeof model.encode !== 'function' || !Array.isArray(model.vocab)) return false;
  if (model.vocab.some((piece) => piece.indexOf(WORD_MARKER, 1) >= 0)) return false;
  const segment = model.tokenize.bind(model);
  const cache = new Map<string, string[]>();
  const piecesOf = (word: string): string[] => {
    const hit = cache.get(word);
    if (hit) return hit;
    const pieces = segment(word);
    if (word.length <= MAX_CACHED_WORD_CHARS && !UNCACHEABLE.test(word)) {
      // Oldest first out (Map keeps insertion order): O(1), and frequent words come straight back.
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      cache.set(word, pieces);
    }
    return pieces;
  };
  model.encode = (tokens: string[]): string[] => {
    const out: string[] = [];
    for (const token of tokens) for (const word of splitWords(token)) for (const piece of piecesOf(word)) out.push(piece);
    return out;
  };
  return true;
}
