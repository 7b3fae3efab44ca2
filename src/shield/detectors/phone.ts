import { isPossiblePhoneNumber, isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';
import type { Detection } from '../types';
import { digitsOf, hasContextWord } from './util';

// Digits with at most one separator between them (no backtracking over long runs), optional (area) and ext.
const PHONE_CANDIDATE =
  /(?<![\w+\-.\/])(?:\+ ?)?(?:\(\d{1,5}\) ?)?\d(?:[ .\-]?\d|[ .\-]?\(\d{1,4}\)){5,18}(?: ?(?:x|ext\.?|extension) ?\d{1,6})?(?![\w\-\/]|\.\d)/gi;
const CONTEXT =
  /\b(phone|telephone|tel|ph|call|calling|called|mobile|mob|cell|cellphone|fax|office|desk|contact|whatsapp|sms|text me|ring|reach me|dial|landline|hotline)\b/i;
const EXTENSION = /(?: ?(?:x|ext\.?|extension) ?\d{1,6})$/i;
const DATE_LIKE = /\b\d{4}[-.]\d{1,2}[-.]\d{1,2}\b|\b\d{1,2}[-.]\d{1,2}[-.]\d{4}\b/;
const US_NATIONAL = /^(?:\(\d{3}\) ?|\d{3}[ .\-])\d{3}[ .\-]\d{4}$/;
const TRUNK_NATIONAL = /^(?:\(0\d{1,4}\) ?|0\d{1,4}[ .\-])\d{2,4}(?:[ .\-]\d{2,4}){1,3}$/;

// Countries tried when the number has no country code; covers the main numbering-plan shapes.
const COUNTRIES: CountryCode[] = [
  'US',
  'GB',
  'DE',
  'FR',
  'AU',
  'IN',
  'NL',
  'ES',
  'IT',
  'BR',
  'CA',
  'CH',
  'SE',
  'PL',
  'JP',
  'CN',
  'MX',
  'ZA',
  'IE',
  'BE',
  'AT',
  'DK',
  'NO',
  'FI',
  'NZ',
  'SG',
  'RU',
  'TR',
  'IL',
  'AR',
  'KR',
  'PT',
  'CZ',
  'GR',
];
const TRUNK_COUNTRIES: CountryCode[] = ['GB', 'DE', 'FR', 'AU', 'NL', 'IT', 'ES', 'BE', 'AT', 'CH', 'IE', 'NZ'];

// libphonenumber costs microseconds per call; bound the work one text can cause (e.g. 1 MB of
// "call 1234567 ..."). Past the budget a context-backed candidate is judged by its digit count alone.
const VALIDATION_BUDGET = 3000;

function possibleSomewhere(number: string, digitCount: number, state: { calls: number; memo: Map<string, boolean> }): boolean {
  const cached = state.memo.get(number);
  if (cached !== undefined) return cached;
  let ok = false;
  if (state.calls >= VALIDATION_BUDGET) {
    ok = digitCount >= 7 && digitCount <= 13;
  } else {
    for (const c of COUNTRIES) {
      state.calls++;
      if (isPossiblePhoneNumber(number, c)) {
        ok = true;
        break;
      }
    }
  }
  state.memo.set(number, ok);
  return ok;
}

export function detectPhones(text: string): Detection[] {
  const out: Detection[] = [];
  const state = { calls: 0, memo: new Map<string, boolean>() };
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const raw = m[0];
    const core = raw.replace(EXTENSION, '');
    const digits = digitsOf(core);
    if (digits.length < 7 || digits.length > 15) continue;
    if (DATE_LIKE.test(core)) continue;
    if (/^\d+$/.test(core) && !raw.startsWith('+')) {
      // A bare digit run is a phone number only with a context word (otherwise: IDs, amounts, timestamps).
      if (!hasContextWord(text, m.index - 30, m.index, CONTEXT)) continue;
    }
    const start = m.index;
    const end = m.index + raw.length;
    let accepted = false;
    if (core.startsWith('+')) {
      accepted = parsePhoneNumberFromString(core)?.isPossible() ?? false;
    } else if (core.startsWith('00') && digits.length >= 10) {
      // International call prefix 00 (or 011 from NANP): parse as if dialled from a country using it.
      accepted =
        (parsePhoneNumberFromString(core, 'DE')?.isPossible() ?? false) || (parsePhoneNumberFromString(core, 'US')?.isPossible() ?? false);
    }
    if (!accepted && (hasContextWord(text, start - 30, start, CONTEXT) || hasContextWord(text, end, end + 20, CONTEXT))) {
      accepted = possibleSomewhere(core, digits.length, state);
    }
    if (!accepted && US_NATIONAL.test(core)) {
      accepted = isValidPhoneNumber(core, 'US') || isValidPhoneNumber(core, 'CA');
    }
    if (!accepted && TRUNK_NATIONAL.test(core)) {
      accepted = TRUNK_COUNTRIES.some((c) => isValidPhoneNumber(core, c));
    }
    if (accepted) out.push({ type: 'PHONE', start, end });
  }
  return out;
}
