import type { Detection } from '../types';
import { FUNCTION_WORDS } from './words';

/*
 * Street addresses: a street core (house number + street name + suffix, a street-type prefix such as
 * "rue"/"via"/"calle", a compound street word such as "...straat"/"...strasse"/"...gata" with a number,
 * or a house number + name after an address cue), then greedily extended over an optional unit
 * (Apt/Suite/Unit), up to four short comma- or line-separated city/state/zip/country segments, and
 * house numbers written before the core.
 */

const NAME_WORD = String.raw`[\p{L}][\p{L}\p{M}'’.-]*`;
const SUFFIXES =
  'street|st|road|rd|avenue|ave|av|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|terrace|ter|circle|cir|highway|hwy|parkway|pkwy|square|sq|trail|trl|crescent|cres|close|grove|gardens|row|walk|alley|plaza|pike|path|loop|mews|heights|hollow|ridge|view';
const PLAIN_SUFFIXES = new Set([
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'drive',
  'lane',
  'ln',
  'boulevard',
  'blvd',
  'highway',
  'hwy',
]);
const PREFIXES =
  'rue|avenue|av\\.|via|viale|corso|piazza|calle|avenida|avda\\.?|paseo|plaza|carrera|rua|travessa|largo|strada|ulica|ul\\.|aleja|al\\.|chemin|allée|boulevard|bd|camino|Πλατεία|Οδός|Λεωφόρος|οδός';
// Street words written as one compound ("Nassaustraat", "Auerstrasse", "Aðalgata"); checked with endsWith
// so the pattern itself stays a cheap word + number scan.
const COMPOUND_ENDINGS = [
  'straat',
  'strasse',
  'straße',
  'str.',
  'gasse',
  'weg',
  'gata',
  'gatan',
  'vej',
  'veien',
  'vegen',
  'plein',
  'laan',
  'allee',
  'platz',
  'damm',
  'gade',
  'utca',
  'útja',
  'katu',
  'tie',
  'väg',
  'vägen',
  'steig',
  'kade',
  'singel',
  'gracht',
  'dreef',
];
function isCompoundStreet(word: string): boolean {
  const w = word.toLowerCase();
  return w.length >= 5 && COMPOUND_ENDINGS.some((e) => w.endsWith(e) && w.length > e.length + 1);
}

const HOUSE_NUMBER = String.raw`\d{1,6}[A-Za-z]?`;
// 1) number + name words + suffix (+ optional number)
const NUMBER_NAME_SUFFIX = new RegExp(
  String.raw`(?<![\w.,-])${HOUSE_NUMBER}(?:[ ]+(?:${NAME_WORD})){1,4}?[ ]+(?:${SUFFIXES})\.?(?![\p{L}\d])`,
  'giu',
);
// 2) street-type prefix + name words (+ number)
const PREFIX_NAME = new RegExp(
  String.raw`(?<![\p{L}])(?:${PREFIXES})[ ]+(?:${NAME_WORD})(?:[ ]+(?:${NAME_WORD}|\d{1,5}[A-Za-z]?\b)){0,3}`,
  'giu',
);
// 3) compound street word + number, or number + compound street word
const WORD_NUMBER = /(?<![\p{L}])([\p{L}][\p{L}\p{M}.]{3,})[ ]+\d{1,5}[A-Za-z]?\b/gu;
const NUMBER_WORD = /(?<![\w.,-])\d{1,6}[A-Za-z]?[ ]+([\p{L}][\p{L}\p{M}.]{3,})(?![\p{L}])/gu;
// 5) address cue + (numbers) + name words + number
const CUE =
  /\b(?:address(?:es)?|lives? (?:at|on|in)|lived (?:at|on|in)|living (?:at|on|in)|located at|return(?:ed)? to|moved to|ship(?:ping)? to|deliver(?:ed|y)? to|send (?:it |them )?to|mail (?:it )?to|is at|located on|reside(?:s)? at)\b/gi;
const CUE_BODY = new RegExp(
  String.raw`^[\s\S]{0,24}?(?<![\w])(${HOUSE_NUMBER}(?:[ ]+\d{1,6})?[ ]+${NAME_WORD}(?:[ ]+(?:${NAME_WORD}|\d{1,5}\.?))*?(?:[ ]+\d{1,5}[A-Za-z]?\.?|(?=[,\n])))`,
  'u',
);
// 5b) house number + name words + number, directly followed by a unit line ("11 Školní 939\n Apt. 827")
const NUMBER_NAME_NUMBER_UNIT = new RegExp(
  String.raw`(?<![\w.,-])${HOUSE_NUMBER}(?:[ ]+${NAME_WORD}){1,3}[ ]+\d{1,5}[A-Za-z]?\.?(?=[ ,]*\n?[^\S\n]*(?:apt|apartment|suite|ste|unit|flat)\b)`,
  'giu',
);
// 6) a postal code after a ZIP label
const ZIP =
  /\b(?:zip|zip code|zipcode|postal code|postcode|post code)\s*[:#]?\s*(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/gi;

const UNIT =
  /^(?:,?[ \t]*\n?[ \t]*|,[ ]*|[ ]+)(?:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|#)\.?[ ]?#?[\p{L}\d-]{1,6}\.?/iu;
const SEGMENT_SEP = /^(?:[ \t]*(?:,|\n)[ \t,\n]*)/;
const SAME_LINE_SEP = /^[ ]+/;

const HAS_UPPER = /\p{Lu}/u;
const HAS_DIGIT = /\d/;

function isAddressToken(tok: string, lowerText: boolean): boolean {
  if (/^\d{1,6}(?:-\d{4})?$/.test(tok)) return true; // zip, locality number
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
    const m = /^([^\s,]+)/.exec(text.slice(pos, pos + 60));
    if (!m || !isAddressToken(m[1].replace(/[.]$/, ''), lowerText)) break;
    // A token ending a sentence ends the address, without its period.
    if (m[1].length > 1 && m[1].endsWith('.') && !/^\p{Lu}\p{Ll}?\.$/u.test(m[1])) {
      pos += m[1].length - 1;
      taken++;
      break;
    }
    pos += m[1].length;
    taken++;
    const sp = /^ +(?=[^\s,])/.exec(text.slice(pos, pos + 4));
    if (!sp) break;
    // Only continue if the next token is also an address token.
    const nextTok = /^([^\s,]+)/.exec(text.slice(pos + sp[0].length, pos + sp[0].length + 60));
    if (!nextTok || !isAddressToken(nextTok[1].replace(/[.]$/, ''), lowerText)) break;
    pos += sp[0].length;
  }
  return taken > 0 ? pos : from;
}

function extendEnd(text: string, end: number, lowerText: boolean): number {
  const unit = UNIT.exec(text.slice(end, end + 40));
  if (unit) end += unit[0].length;
  // Same-line city/state/zip after the core or unit.
  const sameLine = SAME_LINE_SEP.exec(text.slice(end, end + 4));
  if (sameLine) {
    const after = takeTokens(text, end + sameLine[0].length, lowerText, 4);
    if (after > end + sameLine[0].length) end = after;
  }
  for (let segments = 0; segments < 4; segments++) {
    const sep = SEGMENT_SEP.exec(text.slice(end, end + 16));
    if (!sep) break;
    const segStart = end + sep[0].length;
    const unitHere = UNIT.exec(text.slice(end, end + 40));
    if (unitHere) {
      end += unitHere[0].length;
      continue;
    }
    const segEnd = takeTokens(text, segStart, lowerText, 4);
    if (segEnd === segStart) break;
    // A segment must end at a separator or end of text, otherwise it is the start of a sentence.
    const tail = text.slice(segEnd, segEnd + 2);
    if (tail !== '' && !/^(?:[,\n]| *$| +\p{Lu}| \d|[.?!;)])/u.test(tail) && !/^ ?\n/.test(tail)) {
      // keep what we have but stop
      end = segEnd;
      break;
    }
    end = segEnd;
  }
  return end;
}

function leadingNumbersStart(text: string, start: number): number {
  let s = start;
  for (let k = 0; k < 2; k++) {
    const m = /(?:^|(?<=[\s,:]))\d{1,6}[A-Za-z]? +$/.exec(text.slice(Math.max(0, s - 10), s));
    if (!m) break;
    s -= m[0].length;
  }
  return s;
}

export function detectAddresses(text: string): Detection[] {
  const lowerText = !HAS_UPPER.test(text);
  const hasDigit = HAS_DIGIT.test(text);
  const cores: Array<[number, number]> = [];
  for (const m of hasDigit ? text.matchAll(NUMBER_NAME_SUFFIX) : []) {
    const parts = m[0].split(/ +/);
    const words = parts.slice(1, -1).map((w) => w.toLowerCase());
    if (words.some((w) => FUNCTION_WORDS.has(w))) continue;
    // "10 page view", "2 table row": in mixed-case text the street name is capitalized (or an ordinal);
    // in all-lower-case text only unambiguous suffixes count.
    if (lowerText) {
      if (!PLAIN_SUFFIXES.has(parts[parts.length - 1].toLowerCase().replace(/\.$/, ''))) continue;
    } else if (!/^(?:\p{Lu}|\d+(?:st|nd|rd|th)$)/u.test(parts[1])) {
      continue;
    }
    cores.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(PREFIX_NAME)) {
    const rest = m[0]
      .split(/ +/)
      .slice(1)
      .map((w) => w.toLowerCase());
    if (FUNCTION_WORDS.has(rest[0])) continue;
    // "Avenue" and "Plaza" alone are common words: require a number or a capitalized name after them.
    if (
      !/\d/.test(m[0]) &&
      !m[0]
        .split(/ +/)
        .slice(1)
        .some((w) => /^\p{Lu}/u.test(w))
    )
      continue;
    let end = m.index + m[0].length;
    const trimmed = m[0].replace(/(?: +(?:[\p{Ll}][\p{L}\p{M}'’.-]*))+$/u, (t) => (/\d/.test(t) ? t : ''));
    if (!lowerText && trimmed.length < m[0].length) end = m.index + trimmed.length;
    if (end - m.index < 6) continue;
    cores.push([m.index, end]);
  }
  if (hasDigit) {
    for (const m of text.matchAll(WORD_NUMBER)) {
      if (!isCompoundStreet(m[1])) continue;
      // Include one capitalized word before the compound ("Korte Noordsstraat 307").
      const before = /(\p{Lu}[\p{L}\p{M}]+) $/u.exec(text.slice(Math.max(0, m.index - 20), m.index));
      const start = before && !FUNCTION_WORDS.has(before[1].toLowerCase()) ? m.index - before[0].length : m.index;
      cores.push([start, m.index + m[0].length]);
    }
    for (const m of text.matchAll(NUMBER_WORD)) {
      if (isCompoundStreet(m[1])) cores.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of hasDigit ? text.matchAll(NUMBER_NAME_NUMBER_UNIT) : []) {
    const words = m[0]
      .split(/ +/)
      .filter((w) => !/^\d/.test(w))
      .map((w) => w.toLowerCase());
    if (words.some((w) => FUNCTION_WORDS.has(w))) continue;
    cores.push([m.index, m.index + m[0].length]);
  }
  for (const m of hasDigit ? text.matchAll(CUE) : []) {
    const bodyFrom = m.index + m[0].length;
    const b = CUE_BODY.exec(text.slice(bodyFrom, bodyFrom + 160));
    if (!b) continue;
    const s = bodyFrom + b[0].length - b[1].length;
    const words = b[1]
      .split(/ +/)
      .filter((w) => !/^\d/.test(w))
      .map((w) => w.toLowerCase());
    if (words.length === 0 || words.some((w) => FUNCTION_WORDS.has(w))) continue;
    cores.push([s, s + b[1].length]);
  }
  const out: Detection[] = [];
  for (const [s, e] of cores) {
    const end = extendEnd(text, e, lowerText);
    out.push({ type: 'ADDRESS', start: leadingNumbersStart(text, s), end });
  }
  for (const m of hasDigit ? text.matchAll(ZIP) : []) {
    const s = m.index + m[0].length - m[1].length;
    out.push({ type: 'ADDRESS', start: s, end: m.index + m[0].length });
  }
  return mergeOverlapping(out);
}

function mergeOverlapping(spans: Detection[]): Detection[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Detection[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
