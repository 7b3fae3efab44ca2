import type { Detection } from '../types';
import { hasContextWord } from './util';

/* ---------- credit cards: cards.ts ---------- */

export { detectCreditCards, issuerKnown, luhnValid } from './cards';

/* ---------- IBAN ---------- */

// The SWIFT registry plus the national IBANs in use outside it (Iran, West and Central Africa).
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AO: 25,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BF: 28,
  BG: 22,
  BH: 22,
  BI: 27,
  BJ: 28,
  BR: 29,
  BY: 28,
  CF: 27,
  CG: 27,
  CH: 21,
  CI: 28,
  CM: 27,
  CR: 22,
  CV: 25,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  DZ: 26,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GA: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GQ: 27,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IR: 26,
  IS: 26,
  IT: 27,
  JO: 30,
  KM: 27,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MA: 28,
  MC: 27,
  MD: 24,
  ME: 22,
  MG: 27,
  MK: 19,
  ML: 28,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  MZ: 25,
  NE: 28,
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
  SN: 28,
  SO: 23,
  ST: 25,
  SV: 28,
  TD: 27,
  TG: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

// Case-insensitive: chat typed in lower case writes IBANs in lower case too.
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,31}/gi;

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
  const re = new RegExp(IBAN_CANDIDATE.source, IBAN_CANDIDATE.flags);
  // A candidate runs on over following words ("… 1332 or CH93 …"); after each one the scan resumes right
  // behind the IBAN found, or one character on, so a second IBAN inside the run is still seen.
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = ibanAt(text, m.index, m[0].toUpperCase());
    if (found > 0) out.push({ type: 'IBAN', start: m.index, end: m.index + found });
    re.lastIndex = m.index + (found > 0 ? found : 1);
  }
  return out;
}

/** Length in the text of a valid IBAN at the start of a candidate, or 0. */
function ibanAt(text: string, start: number, raw: string): number {
  const len = IBAN_LENGTHS[raw.slice(0, 2)];
  if (!len) return 0;
  let compact = '';
  let endInRaw = -1;
  for (let i = 0; i < raw.length && compact.length < len; i++) {
    if (raw[i] === ' ') continue;
    compact += raw[i];
    if (compact.length === len) endInRaw = i + 1;
  }
  if (endInRaw < 0) return 0;
  const after = text[start + endInRaw];
  if (after && /[A-Za-z0-9]/.test(after)) return 0;
  return ibanChecksumValid(compact) ? endInRaw : 0;
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

/**
 * Spaced 3-2-4 groups that continue a longer run of digit groups ("+31 513 13 0942", "513 12 3511 22")
 * are the tail of a phone or account number, not an SSN.
 */
function insideDigitRun(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  if (/[\d+] $/.test(before)) return true;
  return /^ \d/.test(text.slice(end, end + 2));
}

export function detectSsns(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(SSN_SEPARATED)) {
    if (!ssnValid(m[1], m[3], m[4])) continue;
    if (m[2] === ' ' && insideDigitRun(text, m.index, m.index + m[0].length)) continue;
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
