/** Shared helpers for detectors: character classes and boundary checks. */

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits and underscore: characters that glue a match into a larger identifier. */
export function isWordChar(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{L}\p{N}_]/u.test(ch);
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
