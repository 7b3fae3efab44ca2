import type { EntityType } from './types';

/*
 * Placeholder format: `[LABEL_N]`, e.g. `[PERSON_1]`, `[EMAIL_2]`, `[CARD_1]`: upper-case label, underscore,
 * a per-request, per-label number counted from 1 in order of first appearance. Square brackets and
 * underscores survive tokenizers and JSON; models keep them far more reliably than exotic delimiters.
 * Collisions with user text are avoided, not hoped away: every placeholder-looking string already in the
 * input (in any tolerated variant) is reserved, and the session never issues that label+number.
 *
 * Tolerated variants on the way back (only for tokens this session issued): lost brackets `PERSON_1`,
 * one lost bracket, other case `[person_1]`, space or dash instead of underscore when a bracket is kept
 * (`[PERSON 1]`, `[PERSON-1`), and a space inside the brackets `[ PERSON_1 ]`.
 */

export const LABELS: Record<EntityType, string> = {
  PERSON: 'PERSON',
  EMAIL: 'EMAIL',
  PHONE: 'PHONE',
  CREDIT_CARD: 'CARD',
  IBAN: 'IBAN',
  US_SSN: 'SSN',
  IP_ADDRESS: 'IP',
  SECRET: 'SECRET',
  ADDRESS: 'ADDRESS',
};

export const LABEL_LIST: readonly string[] = Object.values(LABELS);

export function formatToken(label: string, n: number): string {
  return `[${label}_${n}]`;
}

export function tokenKey(label: string, n: string | number): string {
  return `${label.toUpperCase()}_${Number(n)}`;
}

/** One placeholder-looking occurrence in a text. */
export interface TokenMatch {
  start: number;
  end: number;
  key: string; // LABEL_N, canonical
}

// Built only from the constant label list, never from user data.
const TOKEN_LIKE = new RegExp(`(\\[ ?)?(${LABEL_LIST.join('|')})[_ -](\\d{1,7})( ?\\])?`, 'gi');

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}

/**
 * Every tolerated token variant in text. `prevChar` is the character just before text (for streaming),
 * so `xPERSON_1` split across chunks is still not a token.
 */
export function scanTokens(text: string, prevChar = ''): TokenMatch[] {
  const out: TokenMatch[] = [];
  TOKEN_LIKE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_LIKE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const open = m[1] !== undefined;
    const close = m[4] !== undefined;
    const before = start > 0 ? text[start - 1] : prevChar;
    // Without any bracket only the exact `LABEL_N` shape counts; `IP 1` in prose is not a placeholder.
    if (!open && !close && m[0][m[2].length] !== '_') continue;
    if (!open && isWordChar(before)) continue;
    if (!close && isWordChar(text[end])) {
      // `PERSON_12` is not `PERSON_1`; the regex already took all digits, so this is `PERSON_1x`.
      continue;
    }
    out.push({ start, end, key: tokenKey(m[2], m[3]) });
  }
  return out;
}
