import type { Detection } from '../types';
import { markedNumberStreets, numberedStreets } from './address-numbered';
import { colombianStreets, detectAddressExtras, nameSuffixNumberStreets } from './address-extra';
import { extendEnd, leadingNumbersStart } from './address-extend';
import { labelledValuesCached } from './fields';
import { tagStreets } from '../model/tagger';
import {
  COMPOUND_ENDINGS,
  POST_TYPES,
  PREFIX_TYPES,
  AMBIGUOUS_PREFIXES,
  SHORT_ENDINGS,
  STRONG_SUFFIXES,
  WEAK_SUFFIXES,
} from './address-words';
import { COMMON_WORDS, FUNCTION_WORDS } from './words';

/*
 * Street addresses. A street core is found first:
 *  - house number + name words + suffix ("12 Oak Street"; weak suffixes such as "Park" need more address),
 *  - street-type word + name (+ number) ("Rue de Rivoli 8", "Calle Mayor 5", "ulitsa Lenina, 12"),
 *  - name + street-type word + number ("Halász sor 69", "Fatih Sokak 5", "Kalda tee 12"),
 *  - a compound street word with a number ("Nassaustraat 123", "Max-Ernst-Str. 4"),
 *  - after an address cue ("lives at", "Address:", "ship to"): numbers and name words ("Nyallén 9"),
 * then extended over a unit (Apt/Suite/Zimmer…), up to four city/state/postcode/country segments, and house
 * numbers written before the core. Military addresses, lone unit designators and postcodes with a label
 * are in address-extra.ts.
 */

// A box number is an address only with the post office words ("P.O. Box 12", "B.P. 183": address-extra.ts) or
// written as one ("Box 45, Port Vila"); a lower-case "box 12" in capitalized text is a box, not a street.
const LONE_BOX = /^(?:\d+[A-Za-z]?[ ]+box|box\.?,?[ ]+\d+[A-Za-z]?(?:[/-]\d+)?)$/u;

const NAME_WORD = String.raw`(?:[\p{L}][\p{L}\p{M}'’.-]*|\d{1,3}(?:st|nd|rd|th))`;
const PARTICLES = new Set([
  'de',
  'la',
  'del',
  'da',
  'do',
  'dos',
  'das',
  'di',
  'van',
  'von',
  'der',
  'du',
  'des',
  'le',
  'y',
  'e',
  'den',
  'ten',
  'ter',
]);
const HAS_UPPER = /\p{Lu}/u;
const PLACE_PREPOSITION = /\b(?:at|to|on|from)[ ]$/i;
const CAPITALIZED = /^(?:\p{Lu}|\d)/u;

// 1) number + 2–5 words; the suffix is looked up among the words.
const NUMBER_WORDS = new RegExp(String.raw`(?<![\w.,-])\d{1,6}[A-Za-z]?(?:-\d{1,4})?(?:[ ]+${NAME_WORD}){2,5}`, 'gu');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: ReadonlySet<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
const NUMBER_TAIL = String.raw`\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?`;
// A house number may carry its marker: "N° 93", "br. 118", "No. 36", "nr 5", "#12".
// "d. 71" (dom, house) after a Russian-style street: "ul. Lenina, d. 71".
const MARKED_NUMBER = String.raw`(?:(?:no|nr|br|n[°º]|#|d(?=\.))\.?[ ]?)?${NUMBER_TAIL}`;

// 2) street-type word + name words (+ number; not the head of an IP address or a decimal: "via DocuSign from 1.92…").
const PREFIX_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${alternation(PREFIX_TYPES)})(?![\p{L}\p{N}])(?:[ ]+(?!(?:no|nr|br|n[°º])\.?[ ]?\d)${NAME_WORD}(?![\p{N}])){1,4}(?:,?[ ]+${MARKED_NUMBER}(?![\p{L}\p{N}]|[.,]\d))?`,
  'giu',
);
// 3) name words + street-type word + number.
const NAME_TYPE_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:[\p{L}][\p{L}\p{M}'’.-]*[ ]+){1,3})(?:${alternation(POST_TYPES)})(?![\p{L}\p{N}]),?[ ]*${MARKED_NUMBER}(?![\p{L}\p{N}])`,
  'giu',
);
// What every NAME_TYPE_NUMBER match contains: a space, the street-type word, a digit. Found by a scan that only
// starts at spaces, it spares the full pattern (which tries up to three words before the type at every word
// start) on texts without one.
// Without the u flag (ASCII letters and digits stand for \p{L}\p{N}, so it finds a superset) the scan is cheaper.
const TYPE_NUMBER = new RegExp(String.raw`[ ](?:${alternation(POST_TYPES)})(?![A-Za-z0-9]),?[ ]*(?:(?:no|nr|br|n[°º]|#)\.?[ ]?)?\d`, 'i');
// What every PREFIX_NAME match starts with, by the same cheaper scan: texts without a street-type word skip it.
const PREFIX_HINT = new RegExp(String.raw`(?<![A-Za-z0-9])(?:${alternation(PREFIX_TYPES)})(?![A-Za-z0-9])`, 'i');
// 4) compound street word + number, or number + compound street word.
const WORD_NUMBER = new RegExp(String.raw`(?<![\p{L}])([\p{L}][\p{L}\p{M}.-]{3,})[ ]+${NUMBER_TAIL}(?![\p{L}\p{N}])`, 'gu');
const NUMBER_WORD = /(?<![\w.,-])\d{1,6}[A-Za-z]?[ ]+([\p{L}][\p{L}\p{M}.-]{3,})(?![\p{L}])/gu;
// What the number-led and word-led patterns need, found by scans that start only at a digit or at a space
// before one: texts without them skip the full patterns (each tried at every word start).
const NUMBER_THEN_WORD = new RegExp(String.raw`\d[A-Za-z]?(?:-\d{1,4})?[ ]+(?:\p{L}|\d{1,3}(?:st|nd|rd|th))`, 'u'); // NUMBER_WORDS
const NUMBER_THEN_LETTER = /\d[A-Za-z]?[ ]+\p{L}/u; // NUMBER_WORD, NUMBER_NAME_NUMBER
const WORD_THEN_NUMBER = /[\p{L}\p{M}.-][ ]+\d/u; // WORD_NUMBER
// 5) an address cue, then the street written as words and numbers.
// Without the u flag (nothing in it needs it) the scan runs about three times faster.
const CUE =
  /\b(?:address(?:es)?|addr|adr|adresse|adres|adresa|dirección|direccion|indirizzo|endereço|anschrift|osoite|cím|aadress|home|lives? (?:at|on|in)|lived (?:at|on|in)|living (?:at|on|in)|located (?:at|on)|return(?:ed)? to|moved to|ship(?:ping)? to|deliver(?:ed|y)? to|send (?:it |them )?to|mail (?:it )?to|reside(?:s)? at|pick-?up (?:at|from)|pick (?:it |them )?up (?:at|from)|visit us at|find us at|based at|is at|i'?m at|am at|meet(?: me)? at|see you at|staying at|sale (?:\S+ ){0,3}at|street|straße|calle)\b/gi;
const CUE_GAP = /^(?:[ \t]*[:=][ \t]*|[ \t]*"[ \t]*:[ \t]*"|[ \t]{2,}|\t|[ \t]+(?:is[ \t]+)?)/;
// After a cue, a few words may come before the house number ("his address: 46 …", "here they are: 63 …").
const CUE_NUMBER_BODY = new RegExp(
  String.raw`^[\s\S]{0,24}?(?<![\w])(\d{1,6}[A-Za-z]?(?:[ ]+\d{1,6})?[ ]+${NAME_WORD}(?:[ ]+(?:${NAME_WORD}|\d{1,5}\.?))*?(?:[ ]+${NUMBER_TAIL}\.?|(?=[,\n])))`,
  'u',
);
// 6) house number + name words + number: the form "52 Ibirapita 8057" of many generated and European
// addresses; weak, so it needs a unit, city or postcode after it (or a cue before it).
const NUMBER_NAME_NUMBER = new RegExp(
  String.raw`(?<![\w.,-])\d{1,6}[A-Za-z]?(?:[ ]+[\p{L}][\p{L}\p{M}'’.-]*){1,3}[ ]+\d{1,5}[A-Za-z]?(?![\p{L}\p{N}]|[.,]\d)`,
  'gu',
);
const CUE_BODY = new RegExp(
  String.raw`^(?:${NUMBER_TAIL},?[ ]+)?(?:${NAME_WORD}[ ]+){0,4}${NAME_WORD}(?:,?[ ]+${NUMBER_TAIL})?(?=$|[,;\n"]|\.(?:\s|$)|[ ]+(?:in|since|on|for|from|and|before|after|by|at|until|tomorrow|today|yesterday|now|but|when|if|please|to|instead)\b)`,
  'u',
);

function isCompoundStreet(word: string): boolean {
  const w = word.toLowerCase();
  return COMPOUND_ENDINGS.some((e) => w.endsWith(e) && w.length >= e.length + (SHORT_ENDINGS.has(e) ? 4 : 2));
}

function hasFunctionWord(words: string[]): boolean {
  return words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()) && !PARTICLES.has(w.toLowerCase()));
}

interface Core {
  start: number;
  end: number;
  /** Needs more address (unit, city, postcode) after it or a cue before it to count. */
  weak: boolean;
}

function numberSuffixCores(text: string, lowerText: boolean, cores: Core[]): void {
  if (!NUMBER_THEN_WORD.test(text)) return;
  for (const m of text.matchAll(NUMBER_WORDS)) {
    const parts = m[0].split(/ +/);
    // The suffix is the first street word after at least one name word ("12 Oak Street Station" ends at Street).
    let k = 2;
    let weak = false;
    for (; k < parts.length; k++) {
      const w = parts[k].toLowerCase().replace(/\.$/, '');
      if (STRONG_SUFFIXES.has(w)) break;
      if (WEAK_SUFFIXES.has(w)) {
        weak = true;
        break;
      }
    }
    if (k === parts.length) continue;
    const names = parts.slice(1, k);
    if (hasFunctionWord(names)) continue;
    if (!lowerText && !CAPITALIZED.test(names[0])) continue;
    // "10 page view": in mixed-case text the street name is capitalized; in lower-case text weak suffixes
    // need more address around them.
    if (lowerText && !STRONG_SUFFIXES.has(parts[k].toLowerCase().replace(/\.$/, ''))) weak = true;
    let end = m.index + trueLength(m[0], k + 1);
    if (parts[k].endsWith('.') && !/^(?:st|rd|ave|av|dr|ln|blvd|ct|pl|ter|cir|hwy|pkwy|sq|trl|cres|str)\.$/i.test(parts[k])) end--;
    cores.push({ start: m.index, end, weak });
  }
}

/** Length of the first n space-separated parts of s, spaces between them included. */
function trueLength(s: string, n: number): number {
  let count = 0;
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s[i] === ' ') i++;
    if (count === n) return s.slice(0, i).trimEnd().length;
    while (i < s.length && s[i] !== ' ') i++;
    count++;
  }
  return s.length;
}

function prefixCores(text: string, lowerText: boolean, cores: Core[]): void {
  if (!PREFIX_HINT.test(text)) return;
  for (const m of text.matchAll(PREFIX_NAME)) {
    const words = m[0].split(/[ ,]+/);
    const type = words[0].toLowerCase();
    const rest = words.slice(1);
    if (FUNCTION_WORDS.has(rest[0].toLowerCase()) && !PARTICLES.has(rest[0].toLowerCase())) continue;
    const hasNumber = /\d/.test(m[0]);
    // A house number before the type ("6 Avenue de la Baume", "72 rue Oberkampf") or "s/n" (no number) counts too.
    const numbered =
      hasNumber ||
      leadingNumbersStart(text, m.index) < m.index ||
      /^[ ,]*s\/n\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
    const capitalizedName = rest.some((w) => HAS_UPPER.test(w[0]));
    // "via bank transfer", "place an order": a common word as the type needs a capitalized name or a number.
    const firstName = rest.find((w) => !PARTICLES.has(w)) ?? rest[0];
    if (AMBIGUOUS_PREFIXES.has(type) && !(lowerText ? numbered : /^\p{Lu}/u.test(firstName) && (numbered || capitalizedName))) continue;
    if (!numbered && !capitalizedName) continue;
    let end = m.index + m[0].length;
    if (!lowerText) {
      // Trailing lower-case words are the sentence going on ("Via Roma is closed"), unless a number follows.
      const trimmed = m[0].replace(/(?: +(?:[\p{Ll}][\p{L}\p{M}'’.-]*))+$/u, (t) => (/\d/.test(t) ? t : ''));
      end = m.index + trimmed.length;
    }
    if (end - m.index < 6) continue;
    // "via Zoom", "Place Vendôme": a type that is also a common word, without a house number, needs more address
    // after it (a unit, city or postcode) or a cue before it.
    cores.push({ start: m.index, end, weak: !numbered && (lowerText || AMBIGUOUS_PREFIXES.has(type)) });
  }
}

function postTypeCores(text: string, lowerText: boolean, cores: Core[]): void {
  if (!TYPE_NUMBER.test(text)) return;
  for (const m of text.matchAll(NAME_TYPE_NUMBER)) {
    const names = m[1].trim().split(/ +/);
    // Keep only the name words right before the type: drop leading lower-case words in mixed-case text.
    let first = 0;
    while (first < names.length && (FUNCTION_WORDS.has(names[first].toLowerCase()) || (!lowerText && !HAS_UPPER.test(names[first][0]))))
      first++;
    if (first === names.length) {
      // "the sokak 5": no name. In mixed-case text a capitalized type may carry the name ("Ulica 5" is rare).
      continue;
    }
    if (hasFunctionWord(names.slice(first))) continue;
    const offset = names.slice(0, first).reduce((a, w) => a + w.length, 0);
    const start = first === 0 ? m.index : m.index + m[1].indexOf(names[first], offset);
    cores.push({ start, end: m.index + m[0].length, weak: false });
  }
}

function compoundCores(text: string, cores: Core[]): void {
  for (const m of WORD_THEN_NUMBER.test(text) ? text.matchAll(WORD_NUMBER) : []) {
    if (!isCompoundStreet(m[1])) continue;
    // Include one capitalized word before the compound ("Korte Noordsstraat 307").
    const before = /(\p{Lu}[\p{L}\p{M}]+) $/u.exec(text.slice(Math.max(0, m.index - 20), m.index));
    const start = before && !FUNCTION_WORDS.has(before[1].toLowerCase()) ? m.index - before[0].length : m.index;
    cores.push({ start, end: m.index + m[0].length, weak: false });
  }
  for (const m of NUMBER_THEN_LETTER.test(text) ? text.matchAll(NUMBER_WORD) : []) {
    if (isCompoundStreet(m[1])) cores.push({ start: m.index, end: m.index + m[0].length, weak: false });
  }
}

function cueCores(text: string, lowerText: boolean, cores: Core[]): Array<[number, number]> {
  const cueEnds: Array<[number, number]> = [];
  for (const m of text.matchAll(CUE)) {
    const after = m.index + m[0].length;
    cueEnds.push([m.index, after]);
    const gap = CUE_GAP.exec(text.slice(after, after + 12));
    if (gap) {
      const from = after + gap[0].length;
      const b = CUE_BODY.exec(text.slice(from, from + 120));
      if (b && /\d/.test(b[0]) && /\p{L}{2}/u.test(b[0]) && (lowerText || CAPITALIZED.test(b[0]))) {
        const words = b[0].split(/[ ,]+/).filter((w) => !/^\d/.test(w));
        if (words.length > 0 && !hasFunctionWord(words)) {
          cores.push({ start: from, end: from + b[0].length, weak: false });
          continue;
        }
      }
    }
    const numbered = CUE_NUMBER_BODY.exec(text.slice(after, after + 160));
    if (!numbered) continue;
    const s = after + numbered[0].length - numbered[1].length;
    const words = numbered[1].split(/ +/).filter((w) => !/^\d/.test(w));
    if (words.length > 0 && !hasFunctionWord(words)) cores.push({ start: s, end: s + numbered[1].length, weak: false });
  }
  return cueEnds;
}

function numberNameNumberCores(text: string, lowerText: boolean, cores: Core[]): void {
  if (!NUMBER_THEN_LETTER.test(text)) return;
  for (const m of text.matchAll(NUMBER_NAME_NUMBER)) {
    const words = m[0].split(/ +/).slice(1, -1);
    if (hasFunctionWord(words) || words.some((w) => COMMON_WORDS.has(w.toLowerCase()))) continue;
    if (!lowerText && !words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w))) continue;
    cores.push({ start: m.index, end: m.index + m[0].length, weak: true });
  }
}

/** The value of an address field ("Address: …", "street": "…", a CSV column "street"). */
function fieldCores(text: string, cores: Core[], out: Detection[]): void {
  for (const f of labelledValuesCached(text)) {
    const value = text.slice(f.start, f.end);
    if (f.kind === 'postcode' && /\d/.test(value) && value.length <= 10) out.push({ type: 'ADDRESS', start: f.start, end: f.end });
    if (f.kind !== 'address') continue;
    // The address ends where the line's next sentence or field starts ("…, Luzville N8M 3V1. Recipient: …").
    const stop = value.search(/\.\s+\p{Lu}|;\s|\s\|\s|\s[–—]\s/u);
    const head = stop >= 0 ? value.slice(0, stop) : value;
    if (head.includes('@') || head.length > 120) continue;
    if (!/\d/.test(head) && !/\p{Lu}[\p{L}.'-]+[ ,]+\p{Lu}/u.test(head)) continue;
    cores.push({ start: f.start, end: f.start + head.length, weak: false });
  }
}

export function detectAddresses(text: string): Detection[] {
  const lowerText = !HAS_UPPER.test(text);
  const hasDigit = /\d/.test(text);
  const cores: Core[] = [];
  if (hasDigit) {
    numberSuffixCores(text, lowerText, cores);
    postTypeCores(text, lowerText, cores);
    compoundCores(text, cores);
    numberNameNumberCores(text, lowerText, cores);
    // Streets the learned tagger reads as places, next to a house number.
    for (const [start, end] of tagStreets(text))
      if (lowerText || !LONE_BOX.test(text.slice(start, end))) cores.push({ start, end, weak: false });
    for (const [start, end] of colombianStreets(text)) cores.push({ start, end, weak: false });
    for (const [start, end] of nameSuffixNumberStreets(text, lowerText)) cores.push({ start, end, weak: false });
    for (const [start, end] of numberedStreets(text)) cores.push({ start, end, weak: false });
    for (const [start, end] of markedNumberStreets(text)) cores.push({ start, end, weak: true });
  }
  prefixCores(text, lowerText, cores);
  const cues = hasDigit ? cueCores(text, lowerText, cores) : [];
  const out: Detection[] = [];
  fieldCores(text, cores, out);
  for (const c of cores) {
    const { end, evidence } = extendEnd(text, c.end, lowerText);
    if (
      c.weak &&
      !evidence &&
      !cues.some(([, e]) => e <= c.start && c.start - e <= 40) &&
      !PLACE_PREPOSITION.test(text.slice(Math.max(0, c.start - 6), c.start))
    )
      continue;
    out.push({ type: 'ADDRESS', start: leadingNumbersStart(text, c.start), end });
  }
  if (hasDigit) out.push(...detectAddressExtras(text, lowerText));
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
