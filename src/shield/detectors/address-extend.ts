import { NUMBER_FIRST_UNITS, UNIT_WORDS } from './address-words';
import { FUNCTION_WORDS } from './words';

/*
 * Growing a street core into the whole address: a unit ("Apt. 611", "Zimmer 7", "2e verdieping"), then up
 * to four short segments of city, state, postcode and country, separated by commas or single line breaks
 * (a blank line ends the address).
 */

const UNIT = new RegExp(
  String.raw`^(?:\.?,?[ \t]*\n?[ \t]*|,[ ]*|[ ]+)(?:(?:${UNIT_WORDS})\.?[ ]?(?:#|no\.?|nr\.?)?[ ]?(?=[\p{L}]?\d)[\p{L}\d][\p{L}\d/-]{0,6}|\d{1,3}(?:e|er|ère|ème|\.|st|nd|rd|th)?[ -]?(?:${NUMBER_FIRST_UNITS})\b|\d{1,2}[º°ª][ ]?[\p{L}]{1,5})\.?`,
  'iu',
);
const SEGMENT_SEP = /^(?:[ \t]*,[ \t]*\n?[ \t]*|[ \t]*\n[ \t]*)(?!\n)/;
// Across a blank line only a last segment with a postcode ("\n\n Tunisia 13222").
const BLANK_LINE_SEP = /^[ \t]*\n[ \t]*\n[ \t]*(?!\n)/;
const LAST_SEGMENT = /^(?:[\p{L}][\p{L}\p{M}'’.-]*[ ]+){0,2}\d{4,7}(?:-\d{3,4})?[ \t]*(?:\n|$)/u;
const SAME_LINE_SEP = /^[ ]+/;

// Field labels that start the next line of a signature or form, not a city.
const LABELS = new Set([
  'tel',
  'tel.',
  'phone',
  'mobile',
  'mob',
  'fax',
  'email',
  'e-mail',
  'web',
  'www',
  'cell',
  'office',
  'attn',
  'ref',
  'order',
  'invoice',
  'date',
  'ticket',
  'case',
  'id',
  'name',
  'contact',
  'note',
  'notes',
  'best',
  'regards',
  'thanks',
]);

const POSTCODE_TOKENS = [
  /^\d{1,6}(?:-\d{3,5})?$/, // US ZIP(+4), most of Europe, PT 1000-001, BR CEP, IR 12345-67890
  /^\d{7}$/, // CL
  /^\d{10}$/, // IR written without its dash
  /^\d{2}-\d{3}$/, // PL
  /^[A-Z]{1,2}-?\d{3,5}$/, // LV-1050, MD-2001, AZ1000
  /^(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,4}$/, // halves of UK, CA and IE postcodes: SW1A 1AA, K1A 0B6, D02 X285
  /^[A-Z]{2}-\d{4}-\d{4}$/, // Ghana digital address
  /^[A-Z]\d{4}[A-Z]{3}$/, // AR CPA C1425DKA
  /^[A-Z]\d{2}[A-Z\d]{4}$/, // IE Eircode written without its space
];

// Lower-case words inside place names ("Nioro du Rip", "Krasnodarskiy kray", "Samarqand viloyati").
const PLACE_WORDS = new Set(
  'de du do da di del della des la le las los sur am an im upon en y i och og und kray krai oblast oblast’ viloyati raion rayon region county district province state'.split(
    ' ',
  ),
);

function isAddressToken(tok: string, lowerText: boolean): boolean {
  if (LABELS.has(tok.toLowerCase()) || tok.includes('@')) return false;
  if (PLACE_WORDS.has(tok)) return true;
  if (/^\(\p{L}+\)$/u.test(tok)) return true; // "(şəhər)"
  const upper = lowerText ? tok.toUpperCase() : tok;
  if (POSTCODE_TOKENS.some((p) => p.test(upper))) return true;
  if (/^\p{Lu}{2,3}$/u.test(tok)) return true; // state code
  if (/^[(]?\p{Lu}[\p{L}\p{M}'’.()-]*$/u.test(tok)) return true;
  if (lowerText && /^[\p{L}][\p{L}\p{M}'’.-]*$/u.test(tok) && !FUNCTION_WORDS.has(tok)) return true;
  return false;
}

/** Consume a run of address tokens (city, state, zip, country) separated by single spaces. */
function takeTokens(text: string, from: number, lowerText: boolean, max: number): number {
  let pos = from;
  let taken = 0;
  while (taken < max) {
    const m = /^([^\s,"')\]]+)/.exec(text.slice(pos, pos + 60));
    if (!m || !isAddressToken(m[1].replace(/[.]$/, ''), lowerText)) break;
    // A token ending a sentence ends the address, without its period.
    if (m[1].length > 1 && m[1].endsWith('.') && !/^\p{Lu}\p{Ll}?\.$|^(?:\p{Lu}\.){2,}$/u.test(m[1])) {
      pos += m[1].length - 1;
      taken++;
      break;
    }
    pos += m[1].length;
    taken++;
    const sp = /^ +(?=[^\s,])/.exec(text.slice(pos, pos + 4));
    if (!sp) break;
    // Only continue if the next token is also an address token.
    const nextTok = /^([^\s,"')\]]+)/.exec(text.slice(pos + sp[0].length, pos + sp[0].length + 60));
    if (!nextTok || !isAddressToken(nextTok[1].replace(/[.]$/, ''), lowerText)) break;
    pos += sp[0].length;
  }
  return taken > 0 ? pos : from;
}

export interface Extension {
  end: number;
  /** Address structure was found after the core: a unit, a further segment, or a postcode on the line. */
  evidence: boolean;
}

export function extendEnd(text: string, coreEnd: number, lowerText: boolean): Extension {
  let end = coreEnd;
  let evidence = false;
  // Several designators may follow each other on one line: "d. 95 kv. 89", "bât. 5 n° 89".
  for (let k = 0; k < 3; k++) {
    const unit = UNIT.exec(text.slice(end, end + 40));
    if (!unit) break;
    end += unit[0].length;
    evidence = true;
  }
  // A unit that ends a sentence ("… bât. 5 n° 89. The warden …") ends the address, without the period.
  if (end > coreEnd && text[end - 1] === '.' && /^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3))) return { end: end - 1, evidence };
  // Same-line city/state/zip after the core or unit.
  const sameLine = SAME_LINE_SEP.exec(text.slice(end, end + 4));
  if (sameLine) {
    const after = takeTokens(text, end + sameLine[0].length, lowerText, 4);
    if (after > end + sameLine[0].length) {
      if (/\d/.test(text.slice(end, after))) evidence = true;
      end = after;
    }
  }
  for (let segments = 0; segments < 4; segments++) {
    const blank = BLANK_LINE_SEP.exec(text.slice(end, end + 16));
    if (blank) {
      const last = LAST_SEGMENT.exec(text.slice(end + blank[0].length, end + blank[0].length + 60));
      if (last && !LABELS.has(last[0].split(/\s+/)[0].toLowerCase())) {
        end += blank[0].length + last[0].trimEnd().length;
        evidence = true;
      }
      break;
    }
    const sep = SEGMENT_SEP.exec(text.slice(end, end + 16));
    if (!sep) break;
    const segStart = end + sep[0].length;
    // A new line that opens with a field label ("Time at address: 4 yrs") is the next field, not a city.
    if (sep[0].includes('\n') && /^[\p{L}][\p{L} ]{0,30}:/u.test(text.slice(segStart, segStart + 32))) break;
    const unitHere = UNIT.exec(text.slice(end, end + 40));
    if (unitHere) {
      end += unitHere[0].length;
      evidence = true;
      continue;
    }
    const segEnd = takeTokens(text, segStart, lowerText, 4);
    if (segEnd === segStart) break;
    evidence = true;
    // A segment must end at a separator or end of text, otherwise it is the start of a sentence.
    const tail = text.slice(segEnd, segEnd + 2);
    if (tail !== '' && !/^(?:[,\n]| *$| +\p{Lu}| \d|[.?!;)"])/u.test(tail) && !/^ ?\n/.test(tail)) {
      end = segEnd;
      break;
    }
    end = segEnd;
  }
  return { end, evidence };
}

/** Start of house numbers written before a core ("23 8 Wressle Road"). */
export function leadingNumbersStart(text: string, start: number): number {
  let s = start;
  for (let k = 0; k < 2; k++) {
    const m = /(?:^|(?<=[\s,:]))\d{1,6}[A-Za-z]? +$/.exec(text.slice(Math.max(0, s - 10), s));
    if (!m) break;
    s -= m[0].length;
  }
  return s;
}
