import type { Detection } from '../types';
import { hasContextWord } from './util';

/*
 * Payment card numbers: a digit run, or digit groups joined by one kind of separator (space, dash or
 * dot), checked against the issuer table (prefix and length per scheme) and the Luhn checksum.
 * Dotted numbers must use a card grouping (4-4-4-4…, 4-6-5, 4-6-4) so version strings and dotted ids
 * are not read as cards.
 */

// A phone number's digits (`+49 1504 …`) are not a card. Separator required between groups so the pattern cannot backtrack over long digit runs; the validator
// picks the longest valid prefix that ends at a group boundary.
const CARD_CANDIDATE = /(?<![\w.,+-])(?:\d{12,19}|\d{6}[ .-]\d{13}|\d{2,6}(?:[ .-]\d{1,7}){1,8})(?!\d)/g;
const UNIONPAY_CONTEXT = /\b(card|unionpay|union pay|credit|debit|cc|pan)\b|银联|卡/i;

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

interface Scheme {
  name: string;
  /** Inclusive ranges of the leading digits, each bound written with as many digits as it compares. */
  ranges: ReadonlyArray<readonly [string, string]>;
  min: number;
  max: number;
  lengths?: readonly number[];
  /** Most UnionPay cards pass Luhn, but the scheme does not require it. */
  luhnOptional?: boolean;
}

const SCHEMES: readonly Scheme[] = [
  { name: 'visa', ranges: [['4', '4']], min: 13, max: 19, lengths: [13, 16, 19] },
  { name: 'mastercard', ranges: [['51', '55'], ['2221', '2720']], min: 16, max: 16 },
  { name: 'amex', ranges: [['34', '34'], ['37', '37']], min: 15, max: 15 },
  { name: 'discover', ranges: [['6011', '6011'], ['644', '649'], ['65', '65'], ['622126', '622925']], min: 16, max: 19 },
  { name: 'jcb', ranges: [['3528', '3589']], min: 16, max: 19 },
  { name: 'jcb-legacy', ranges: [['2131', '2131'], ['1800', '1800']], min: 15, max: 15 },
  { name: 'diners', ranges: [['300', '305'], ['36', '36'], ['38', '39']], min: 14, max: 19 },
  {
    name: 'maestro',
    ranges: [['5018', '5018'], ['5020', '5020'], ['5038', '5038'], ['5893', '5893'], ['6304', '6304'], ['6759', '6759'], ['6761', '6763']],
    min: 12,
    max: 19,
  },
  { name: 'unionpay', ranges: [['62', '62']], min: 16, max: 19, luhnOptional: true },
  { name: 'rupay', ranges: [['60', '60'], ['65', '65'], ['81', '82'], ['508', '508']], min: 16, max: 16 },
  { name: 'mir', ranges: [['2200', '2204']], min: 16, max: 16 },
]; // prettier-ignore

function inRange(d: string, [lo, hi]: readonly [string, string]): boolean {
  const p = d.slice(0, lo.length);
  return p.length === lo.length && p >= lo && p <= hi;
}

/** The schemes whose prefix and length fit the digits. */
function schemesOf(d: string): Scheme[] {
  return SCHEMES.filter(
    (s) => d.length >= s.min && d.length <= s.max && (!s.lengths || s.lengths.includes(d.length)) && s.ranges.some((r) => inRange(d, r)),
  );
}

/** Issuer identification: some scheme issues numbers of this prefix and length. */
export function issuerKnown(d: string): boolean {
  return schemesOf(d).length > 0;
}

/** Valid card number: a scheme fits and the Luhn check passes (or the scheme does not require it). */
function cardValid(d: string, hasContext: () => boolean): boolean {
  const schemes = schemesOf(d);
  if (schemes.length === 0) return false;
  if (luhnValid(d)) return true;
  return schemes.some((s) => s.luhnOptional) && hasContext();
}

const DOT_GROUPINGS = [/^\d{4}(?:\.\d{4}){2,3}(?:\.\d{1,4})?$/, /^\d{4}\.\d{6}\.\d{4,5}$/, /^\d{6}\.\d{13}$/];

export function detectCreditCards(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const raw = m[0];
    // Group boundaries: index just after each digit run, so a prefix never ends on a separator.
    const ends: number[] = [];
    const digitsAtEnd: string[] = [];
    let digits = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        digits += raw[i];
        const n = raw.charCodeAt(i + 1);
        if (i + 1 === raw.length || n < 48 || n > 57) {
          ends.push(i + 1);
          digitsAtEnd.push(digits);
        }
      }
    }
    const context = () => hasContextWord(text, m.index - 40, m.index, UNIONPAY_CONTEXT);
    for (let g = ends.length - 1; g >= 0; g--) {
      const d = digitsAtEnd[g];
      if (d.length < 12 || d.length > 19) continue;
      const span = raw.slice(0, ends[g]);
      // One kind of separator throughout.
      const seps = new Set(span.replace(/\d/g, ''));
      if (seps.size > 1) continue;
      if (seps.has('.') && !DOT_GROUPINGS.some((p) => p.test(span))) continue;
      // A dotted card is not the head of a longer dotted run (an OID, a version string).
      if (seps.has('.') && /^\.\d/.test(text.slice(m.index + ends[g], m.index + ends[g] + 2))) continue;
      if (/^(\d)\1+$/.test(d) || !cardValid(d, context)) continue;
      out.push({ type: 'CREDIT_CARD', start: m.index, end: m.index + ends[g] });
      break;
    }
  }
  return out;
}
