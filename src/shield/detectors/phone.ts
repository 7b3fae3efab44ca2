import { isPossiblePhoneNumber, isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';
import type { Detection } from '../types';
import { labelledValuesCached } from './fields';
import { digitsOf, hasContextWord } from './util';

// Digits with at most one separator between them (no backtracking over long runs), optional (area) and
// an extension ("x12", "ext. 45", ", ext. 8382", "#12").
const PHONE_CANDIDATE =
  /(?<![\w+\-.\/])(?:\+ ?)?(?:\(\d{1,5}\)[ .-]?)?\d(?:[ .\-\/]?\d|[ .\-]?\(\d{1,5}\)){5,18}(?:,? ?(?:x|ext\.?|extension|#) ?\d{1,6})?(?![\w\-\/]|\.\d)/gi;
// Words before a number (within 30 characters) that make it a phone number: English and the field labels
// of other languages; single letters only as field labels at a line start ("T 020 7946 0958").
const CONTEXT =
  /\b(phone|telephone|tel|ph|call|calling|called|mobile|mob|cell|cellphone|fax|office|desk|contact|whatsapp|sms|text me|ring|reach me|dial|landline|hotline|number|telefon|telefono|teléfono|téléphone|tél|tlf|puh|puhelin|handy|gsm|nummer|numéro|numero|número|celular|móvil|cellulare)\b|(?:^|\n)[ \t]*[TMPF]\.?:? $|тел/i;
const EXTENSION = /,? ?(?:x|ext\.?|extension|#) ?\d{1,6}$/i;
// A calendar date inside the candidate: year first or last, month and day in range.
const DATE_LIKE =
  /\b(?:1[89]|20)\d\d([-.\/])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])\b|\b(?:0?[1-9]|[12]\d|3[01])([-.\/])(?:0?[1-9]|[12]\d|3[01])\2(?:1[89]|20)\d\d\b/;
const US_NATIONAL = /^(?:1[ .\-])?(?:\(\d{3}\) ?|\d{3}[ .\-])\d{3}[ .\-]\d{4}$/;
const TRUNK_NATIONAL = /^(?:\(0\d{1,4}\) ?|0\d{1,4}[ .\-\/])\d{2,8}(?:[ .\-]\d{2,4}){0,3}$/;
// Three or more digit groups ("34 41 63 03", "612-83-01-24", "(976)993-05-37"): how people write phone
// numbers, and rarely anything else once dates, thousands and IP addresses are excluded.
const GROUPED = /^(?:\(\d{1,5}\)[ .-]?\d{2,5}|\d{1,5})(?:[ .\-\/]\d{2,5}){1,5}$/;
// The Russian and Central Asian national form: trunk 8, the area code in brackets, the subscriber number in
// dashed pairs ("8 (8712) 85-44-41", "8 (39422) 9-92-35", "8.(912).817-28-77").
const TRUNK_8 = /^8[ .]?\(\d{3,5}\)[ .]?\d{1,3}(?:-\d{2}){2}$/;
// A short local number ("432 981", "226-04-91", "235-7865"): a phone number only beside a phone word or field.
const SHORT_LOCAL = /^(?:\d{3}[ -]\d{3}|\d{2,3}-\d{2}-\d{2}|\d{3}[ -]\d{4})$/;
// ZIP+4 and Brazilian CEP postcodes look like two-group trunk numbers.
const POSTCODE = /^\d{5}-\d{3,4}$/;
const PAREN_AREA = /^\(\d{1,5}\)/;
const THOUSANDS = /^\d{1,3}(?:([ .,])\d{3})(?:\1\d{3})*$/;
const SAME_DOTS = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// Bare national numbers with a trunk 0 ("0667781995"): accepted only when valid in one of these.
const BARE_TRUNK_COUNTRIES: CountryCode[] = ['FR', 'GB', 'DE', 'NL', 'BE', 'IT', 'ES', 'AU', 'CH', 'AT', 'PT', 'IE'];

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

/** Phone-shaped without context: several digit groups, not a date, an amount or an IP address. */
function groupedShape(core: string, digitCount: number, hasExtension: boolean): boolean {
  // An extension makes "912 961 475, ext. 8382" a phone number, not an amount.
  if (!GROUPED.test(core) || (THOUSANDS.test(core) && !hasExtension) || SAME_DOTS.test(core)) return false;
  const groups = core.split(/[ .\-\/)]+/).filter(Boolean).length;
  if (groups >= 3) return digitCount >= 8 && digitCount <= 13;
  // Two groups: only with a bracketed area code ("(11) 96906-2289").
  return PAREN_AREA.test(core) && digitCount >= 9 && digitCount <= 12;
}

function contextAround(text: string, start: number, end: number): boolean {
  if (hasContextWord(text, start - 30, start, CONTEXT)) return true;
  // A word after the number counts only within the same sentence ("555 0199 (mobile)").
  const after = text.slice(end, end + 20);
  const stop = after.search(/[.!?;\n]/);
  return hasContextWord(after, 0, stop < 0 ? after.length : stop, CONTEXT);
}

export function detectPhones(text: string): Detection[] {
  const out: Detection[] = [];
  const state = { calls: 0, memo: new Map<string, boolean>() };
  const fields = labelledValuesCached(text).filter((f) => f.kind === 'phone');
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const raw = m[0];
    const core = raw.replace(EXTENSION, '');
    const digits = digitsOf(core);
    if (digits.length < 6 || digits.length > 15) continue;
    if (DATE_LIKE.test(core)) continue;
    const start = m.index;
    const end = m.index + raw.length;
    const context = contextAround(text, start, end) || fields.some((f) => start >= f.start && start < f.end);
    // A short local number is taken beside a phone word and only then; six digits are never more.
    const shortLocal = digits.length <= 7 && SHORT_LOCAL.test(core) && !US_NATIONAL.test(core);
    if (shortLocal && context) {
      out.push({ type: 'PHONE', start, end });
      continue;
    }
    if (digits.length === 6) continue;
    const bare = /^\d+$/.test(core);
    let accepted = false;
    if (core.startsWith('+')) {
      accepted = parsePhoneNumberFromString(core)?.isPossible() ?? false;
    } else if (core.startsWith('00') && digits.length >= 10) {
      // International call prefix 00 (or 011 from NANP): parse as if dialled from a country using it.
      // Written without separators it must be a valid number, not just one of a possible length.
      const de = parsePhoneNumberFromString(core, 'DE');
      accepted = bare
        ? (de?.isValid() ?? false)
        : (de?.isPossible() ?? false) || (parsePhoneNumberFromString(core, 'US')?.isPossible() ?? false);
    }
    if (!accepted && context) accepted = possibleSomewhere(core, digits.length, state);
    if (accepted || bare) {
      // A bare digit run is a phone number only with a context word or as a valid trunk-0 national number
      // (otherwise: IDs, amounts, timestamps).
      if (!accepted && bare && digits[0] === '0' && digits[1] !== '0' && digits.length >= 9 && digits.length <= 11) {
        accepted = BARE_TRUNK_COUNTRIES.some((c) => isValidPhoneNumber(core, c));
      }
      if (accepted) out.push({ type: 'PHONE', start, end });
      continue;
    }
    if (US_NATIONAL.test(core)) accepted = isValidPhoneNumber(core, 'US') || isValidPhoneNumber(core, 'CA');
    if (!accepted && TRUNK_NATIONAL.test(core) && !POSTCODE.test(core)) accepted = TRUNK_COUNTRIES.some((c) => isValidPhoneNumber(core, c));
    if (!accepted && TRUNK_8.test(core)) accepted = isPossiblePhoneNumber(core, 'RU');
    if (!accepted && groupedShape(core, digits.length, core.length < raw.length)) accepted = possibleSomewhere(core, digits.length, state);
    if (accepted) out.push({ type: 'PHONE', start, end });
  }
  return out;
}
