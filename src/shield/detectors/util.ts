/** Shared helpers for detectors: character classes and boundary checks. */

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits and underscore: characters that glue a match into a larger identifier. */
export function isWordChar(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{L}\p{N}_]/u.test(ch);
}

/** /^[A-Za-z-]+$/.test(w), by character codes: word keys are built for every word of a text. */
export function isAsciiWord(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c !== 45 && ((c | 32) < 97 || (c | 32) > 122)) return false;
  }
  return true;
}

/** Per BMP code unit: 0 not yet known, 1 a letter (\p{L}), 2 a mark (\p{M}), 3 neither. */
const CLASS_BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) CLASS_BMP[c] = (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 3;
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;

/** 1 for a letter (\p{L}), 2 for a mark (\p{M}), 3 for anything else (by the regex classes, remembered per BMP unit). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    let k = CLASS_BMP[cp];
    if (k === 0) {
      const ch = String.fromCharCode(cp);
      CLASS_BMP[cp] = k = LETTER.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
    }
    return k;
  }
  const ch = String.fromCodePoint(cp);
  return LETTER.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
}

/**
 * The next match of /[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]|[\p{L}]/gu at or after `from`, by a scan of the character
 * codes (words are read on every request): its start, with its end in `end[0]`; -1 when there is none.
 */
export function nextWord(text: string, from: number, end: Int32Array): number {
  const n = text.length;
  let i = from;
  let cp = 0;
  while (i < n) {
    cp = text.codePointAt(i)!;
    if (charClass(cp) === 1) break;
    i += cp > 0xffff ? 2 : 1;
  }
  if (i >= n) return -1;
  // The longest run of letters, marks, apostrophes and hyphens after the letter, cut after its last letter or mark.
  let j = i + (cp > 0xffff ? 2 : 1);
  let last = j;
  while (j < n) {
    const p = text.codePointAt(j)!;
    if (p === 39 || p === 0x2019 || p === 45) j++;
    else if (charClass(p) !== 3) last = j += p > 0xffff ? 2 : 1;
    else break;
  }
  end[0] = last;
  return i;
}

export function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) out += s[i];
  }
  return out;
}

/** True if any of the words occurs (case-insensitively, as a word start) in text[from, to). */
export function hasContextWord(text: string, from: number, to: number, words: RegExp): boolean {
  const window = text.slice(Math.max(0, from), Math.min(text.length, to));
  words.lastIndex = 0;
  return words.test(window);
}
