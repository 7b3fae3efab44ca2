import type { Detection } from '../types';
import { hasContextWord } from './util';

/* ---------- credit cards ---------- */

// A plain digit run, or digit groups separated by single spaces or dashes (separator required between
// groups so the pattern cannot backtrack over long digit runs); the validator picks the longest valid prefix.
const CARD_CANDIDATE = /(?<![\d.,-])(?:\d{13,19}|\d{2,6}(?:[ -]\d{1,6}){1,8})(?!\d)/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer identification ranges (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
export function issuerKnown(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19;
  if (p2 >= 51 && p2 <= 55) return n === 16;
  if (p4 >= 2221 && p4 <= 2720) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16 && n <= 19;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19;
  if (p2 === 62) return n >= 16 && n <= 19;
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19;
  return false;
}

export function detectCreditCards(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const raw = m[0];
    // Group boundaries: index just after each digit run, so a prefix never ends on a separator.
    const ends: number[] = [];
    let digits = '';
    const digitsAtEnd: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (c >= '0' && c <= '9') {
        digits += c;
        if (i + 1 === raw.length || raw[i + 1] < '0' || raw[i + 1] > '9') {
          ends.push(i + 1);
          digitsAtEnd.push(digits);
        }
      }
    }
    // Separators must be consistent: either none, or the same one throughout a prefix.
    for (let g = ends.length - 1; g >= 0; g--) {
      const d = digitsAtEnd[g];
      if (d.length < 13 || d.length > 19) continue;
      const span = raw.slice(0, ends[g]);
      if (span.includes(' ') && span.includes('-')) continue;
      if (!issuerKnown(d) || !luhnValid(d)) continue;
      if (/^(\d)\1+$/.test(d)) continue;
      out.push({ type: 'CREDIT_CARD', start: m.index, end: m.index + ends[g] });
      break;
    }
  }
  return out;
}

/* ---------- IBAN ---------- */

const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,31}/g;

export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? code - 55 : code - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

export function detectIbans(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    const raw = m[0];
    const len = IBAN_LENGTHS[raw.slice(0, 2)];
    if (!len) continue;
    let compact = '';
    let endInRaw = -1;
    for (let i = 0; i < raw.length && compact.length < len; i++) {
      if (raw[i] === ' ') continue;
      compact += raw[i];
      if (compact.length === len) endInRaw = i + 1;
    }
    if (endInRaw < 0) continue;
    const after = text[m.index + endInRaw];
    if (after && /[A-Za-z0-9]/.test(after)) continue;
    if (!ibanChecksumValid(compact)) continue;
    out.push({ type: 'IBAN', start: m.index, end: m.index + endInRaw });
  }
  return out;
}

/* ---------- US SSN ---------- */

const SSN_SEPARATED = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const SSN_PLAIN = /(?<![\d-])(\d{3})(\d{2})(\d{4})(?![\d-])/g;
const SSN_CONTEXT = /\b(ssn|social security|social sec|ss#|ss no)/i;

export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  // Widely published sample numbers.
  if (area + group + serial === '123456789' || area + group + serial === '078051120') return false;
  return true;
}

export function detectSsns(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(SSN_SEPARATED)) {
    if (!ssnValid(m[1], m[3], m[4])) continue;
    out.push({ type: 'US_SSN', start: m.index, end: m.index + m[0].length });
  }
  // Undelimited 9-digit numbers are SSNs only when the text says so nearby.
  for (const m of text.matchAll(SSN_PLAIN)) {
    if (!ssnValid(m[1], m[2], m[3])) continue;
    if (!hasContextWord(text, m.index - 40, m.index, SSN_CONTEXT)) continue;
    out.push({ type: 'US_SSN', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
