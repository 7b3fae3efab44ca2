/*
 * Tokens and hashed features of the name tagger. The same code featurizes the training data
 * (training/shield/export-features.ts) and the text at run time, so the two never disagree.
 *
 * A token is a word (letters with inner apostrophes or hyphens), a digit run, a line break or any other
 * single character. A word's features: the word, its prefixes and suffixes, character trigrams, its shape,
 * its length, list membership (given names, surnames, common words) and whether the text is written in
 * lower case. Every feature is an FNV-1a hash into BUCKETS rows of the embedding table.
 */
import { GIVEN_NAMES, SURNAMES_SET } from '../names';
import { charClass } from '../detectors/util';
import { COMMON_WORDS, FUNCTION_WORDS } from '../detectors/words';

export const BUCKETS = 1 << 15;
export const MAX_FEATURES = 24;

export interface Token {
  start: number;
  end: number;
  kind: 0 | 1 | 2 | 3; // word, number, line break, other character
}

/*
 * The tokens are the matches of /\n|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+|[^\s]/gu, found by a scan of the
 * character codes (the text is tokenized on every request); whitespace is the regex's \s.
 */
const isLetterOrMark = (cp: number) => charClass(cp) !== 3;

/** The regex's \s: WhiteSpace and LineTerminator code units. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      out.push({ start: i, end: i + 1, kind: 2 });
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    const cp = c < 0xd800 ? c : text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isLetterOrMark(cp)) {
      let j = i + width;
      for (;;) {
        while (j < n) {
          const p = text.codePointAt(j)!;
          if (!isLetterOrMark(p)) break;
          j += p > 0xffff ? 2 : 1;
        }
        const s = j < n ? text.charCodeAt(j) : -1;
        if ((s === 39 || s === 0x2019 || s === 45) && j + 1 < n && isLetterOrMark(text.codePointAt(j + 1)!)) {
          j++;
          continue;
        }
        break;
      }
      out.push({ start: i, end: j, kind: 0 });
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      out.push({ start: i, end: j, kind: 1 });
      i = j;
    } else {
      out.push({ start: i, end: i + width, kind: 3 });
      i += width;
    }
  }
  return out;
}

/**
 * Lower-case text: at most one word (the first) starts with a capital, not counting all-caps words
 * (acronyms). Then lower-case words are name candidates too.
 */
export function isLowerText(text: string, tokens: Token[]): boolean {
  let capitalized = 0;
  for (const t of tokens) {
    if (t.kind !== 0) continue;
    const c = text[t.start];
    if (c !== c.toLowerCase() && c === c.toUpperCase()) {
      const word = text.slice(t.start, t.end);
      if (word.length > 1 && word === word.toUpperCase()) continue;
      if (++capitalized > 1) return false;
    }
  }
  return true;
}

// Characters that glue a word into an identifier, path, handle or property access.
const GLUE = new Set(['_', '$', '@', '#', '/', '\\', '=', '<', '>', '{', '}', '[', ']', '`']);

// A surname written with its particle glued on ("deBrum", "d'Almeida", "dell'Acqua", "vanDyke") starts in
// lower case but reads as a capitalized name word.
const PARTICLE_CAPITAL = /(?:(?:d|l|dell|dall|o)['’]|de|da|di|du|del|della|van|von|mac|la|le)\p{Lu}\p{Ll}/uy;
function particleCapital(text: string, t: Token): boolean {
  // Most lower-case words fail on their first letter, before the pattern runs.
  const c = text[t.start];
  if (c !== 'd' && c !== 'l' && c !== 'o' && c !== 'v' && c !== 'm') return false;
  PARTICLE_CAPITAL.lastIndex = t.start;
  return PARTICLE_CAPITAL.test(text);
}

/** Words the tagger judges: capitalized or particle-prefixed (any word in lower-case text), not part of code. */
export function isCandidate(text: string, t: Token, lowerText: boolean): boolean {
  if (t.kind !== 0) return false;
  const c = text[t.start];
  const upper = c !== c.toLowerCase();
  if (!upper && !lowerText && !particleCapital(text, t)) return false;
  const prev = text[t.start - 1];
  const next = text[t.end];
  if (prev !== undefined && (GLUE.has(prev) || (prev === '.' && /[\p{L}\d]/u.test(text[t.start - 2] ?? '')))) return false;
  if (next === '_' || next === '(' || (next !== undefined && /\d/.test(next))) return false;
  if (next === '.' && /[\p{L}\d]/u.test(text[t.end + 1] ?? '')) return false;
  return true;
}

/**
 * Candidates of a text: isCandidate, plus, in mixed-case text, a lower-case given name of the lists and
 * the lower-case word right after it ("verlie f feil" in a capitalized sentence stays unjudged unless it
 * starts with a listed given name).
 */
export function candidateMask(text: string, tokens: Token[], lowerText: boolean): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isCandidate(text, t, lowerText)) {
      mask[i] = 1;
      continue;
    }
    if (lowerText || t.kind !== 0 || t.end - t.start < 3) continue;
    const key = text.slice(t.start, t.end);
    if (!GIVEN_NAMES.has(key) || COMMON_WORDS.has(key) || FUNCTION_WORDS.has(key)) continue;
    if (!isCandidate(text, t, true)) continue;
    mask[i] = 1;
    // The following words of the name: an initial and/or a surname, lower-case too.
    for (let j = i + 1, n = 0; j < tokens.length && n < 3; j++, n++) {
      const u = tokens[j];
      if (u.kind === 3 && text[u.start] === '.' && n > 0) continue;
      if (u.kind !== 0 || text.slice(tokens[j - 1].end, u.start).length > 1 || !isCandidate(text, u, true)) break;
      const w = text.slice(u.start, u.end);
      if (FUNCTION_WORDS.has(w) || (COMMON_WORDS.has(w) && !SURNAMES_SET.has(w))) break;
      mask[j] = 1;
    }
  }
  return mask;
}

const P = 0x01000193;
function mix(h: number, c: number): number {
  return Math.imul(h ^ c, P) >>> 0;
}
function hashRange(seed: number, s: string, from: number, to: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = from; i < to; i++) h = mix(h, s.charCodeAt(i));
  return h % BUCKETS;
}
function hashInt(seed: number, v: number): number {
  return mix(mix((0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0, v), v >>> 8) % BUCKETS;
}

function shapeCode(word: string): number {
  // X: upper, x: lower, '-' and '\'' kept; runs collapsed; at most 6 symbols; encoded as base-5 digits.
  let code = 1;
  let last = -1;
  let n = 0;
  for (let i = 0; i < word.length && n < 6; i++) {
    const ch = word[i];
    const s = ch === '-' ? 3 : ch === "'" || ch === '’' ? 4 : ch !== ch.toLowerCase() ? 1 : 2;
    if (s === last) continue;
    code = code * 5 + s;
    last = s;
    n++;
  }
  return code;
}

const ASCII = /^[a-z'’-]+$/;
function keyOf(lower: string): string {
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/[\u0300-\u036f'’]/g, '');
}

/** Feature ids of every token (or of those marked in `need`), MAX_FEATURES per token; unused slots are -1. */
export function featurize(text: string, tokens: Token[], lowerText: boolean, need?: Uint8Array): Int32Array {
  const out = new Int32Array(tokens.length * MAX_FEATURES).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    if (need && !need[i]) continue;
    const t = tokens[i];
    const base = i * MAX_FEATURES;
    let k = 0;
    const add = (id: number) => {
      if (k < MAX_FEATURES) out[base + k++] = id;
    };
    if (t.kind === 1) {
      add(hashInt(20, Math.min(t.end - t.start, 8)));
      continue;
    }
    if (t.kind === 2) {
      add(hashInt(21, 0));
      continue;
    }
    if (t.kind === 3) {
      add(hashInt(22, text.charCodeAt(t.start)));
      continue;
    }
    const word = text.slice(t.start, t.end);
    const lower = word.toLowerCase();
    const key = keyOf(lower);
    add(hashRange(1, lower, 0, lower.length));
    add(hashRange(2, lower, 0, Math.min(3, lower.length)));
    add(hashRange(3, lower, Math.max(0, lower.length - 2), lower.length));
    add(hashRange(4, lower, Math.max(0, lower.length - 3), lower.length));
    add(hashRange(5, lower, Math.max(0, lower.length - 4), lower.length));
    const padded = `<${lower}>`;
    for (let j = 0; j + 3 <= padded.length && j < 12; j++) add(hashRange(6, padded, j, j + 3));
    add(hashInt(7, shapeCode(word)));
    add(hashInt(8, Math.min(word.length, 12)));
    if (GIVEN_NAMES.has(key)) add(hashInt(9, 1));
    if (SURNAMES_SET.has(key)) add(hashInt(10, 1));
    if (COMMON_WORDS.has(key)) add(hashInt(11, 1));
    if (FUNCTION_WORDS.has(key)) add(hashInt(12, 1));
    if (lowerText) add(hashInt(13, 1));
  }
  return out;
}
