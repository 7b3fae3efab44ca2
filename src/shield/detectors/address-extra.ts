import type { Detection } from '../types';
import { FUNCTION_WORDS } from './words';

/*
 * Address parts that need no street core: US military addresses (PSC/Unit/CMR + Box, ships, APO/FPO/DPO
 * lines), a unit designator on its own ("Apt. 022"), a postcode after a label ("ZIP: 44332",
 * "\"postcode\": \"1011 AB\""), a US "City, ST 12345" line, and UK and Canadian postcodes, whose shape
 * is distinctive enough on its own; and a post office box ("P.O. Box 5694", "GPO Box 55", "Private Bag 12",
 * "Postbus 2210", "Postfach 10 02 45"), which is a postal address by itself.
 */

const MIL_STATE = String.raw`A[AEP]`;
const MIL_LINE = String.raw`[AFD]PO[ ]+${MIL_STATE}[ ]+\d{5}(?:-\d{4})?`;
const MIL_SEP = String.raw`(?:,?[ \t]*\n[ \t]*|,[ ]*|[ ]+)`;
const MILITARY = new RegExp(
  String.raw`\b(?:(?:PSC|CMR|Unit)[ ]+\d{3,5},?[ ]+Box[ ]+\d{1,5}(?:${MIL_SEP}${MIL_LINE})?|(?:USNS|USS|USCGC|USNV|USAV)[ ]+[A-Z][A-Za-z'.-]+(?:[ ]+[A-Z][A-Za-z'.-]+){0,2}${MIL_SEP}${MIL_LINE}|${MIL_LINE})\b`,
  'g',
);
const MILITARY_LOWER = new RegExp(MILITARY.source, 'gi');
// The designator every MILITARY match starts a part with, then a space: a scan that rarely starts anywhere, so
// texts without one skip the full pattern, whose word boundary and alternatives are tried at every position.
const MIL_WORD = String.raw`(?:PSC|CMR|Unit|USNS|USS|USCGC|USNV|USAV|[AFD]PO)[ ]`;
const MILITARY_HINT = new RegExp(MIL_WORD);
const MILITARY_HINT_LOWER = new RegExp(MIL_WORD, 'i');

// A unit alone: "Apt. 022", "apt 169", "Suite 300", "Flat 4B", "bât. 5"; "Unit/Room/Floor 5" only capitalized.
const LONE_UNIT =
  /(?<![\w.])(?:(?:[Aa]pt|APT|[Aa]partment|[Ss]uite|SUITE|[Ss]te|[Ff]lat|[Bb]ât(?:iment)?)\.?[ ]?#?[ ]?\d{1,5}[A-Za-z]?|(?:Unit|Room|Floor)[ ]#?\d{1,5}[A-Za-z]?)(?![\w])/g;

// The post office words come first, then the box number: letters of a box series may lead it ("PO Box MP 929"),
// a postcode may follow it ("67348-00100"), and German boxes are written in pairs ("10 02 45"); US rural route
// and highway contract boxes name the route first ("RR 2 Box 45", "HC 1 Box 119"). Bare "box 12" is a carton
// or a form's tick box.
const POST_BOX =
  /(?<![\p{L}\p{N}])(?:(?:p[ ]?\.?[ ]?o\.?|g\.?p\.?o\.?|post[ ]office)[ ]?box|private[ ]bag|postbus|postfach|bo[iî]te[ ]postale|caixa[ ]postal|[bc]\.[ ]?p\.|(?:rr|hc|rural[ ]route|star[ ]route)[ ]?\d{1,3},?[ ]box)[ ]?(?:no\.?[ ]?)?(?:[A-Za-z]{1,3}[ ])?\d{1,6}(?:-\d{3,5}|(?:[ ]\d{2}(?!\d)){1,2})?(?![\p{L}\p{N}])/giu;
const POST_BOX_HINT = /box|bag|post|[bc]\.[ ]?p\./i;

const POSTCODE = String.raw`(?:\d{5}(?:-\d{4})?|\d{3}[ -]?\d{2,4}|\d{2}-\d{3}|\d{4}(?:[ ]?[A-Za-z]{2})?|[A-Za-z]\d[A-Za-z][ ]?\d[A-Za-z]\d|[A-Za-z]{1,2}\d[A-Za-z\d]?[ ]?\d[A-Za-z]{2}|[A-Za-z]{2}-?\d{4,5}|[A-Za-z]\d{2}[ ]?[A-Za-z\d]{4}|\d{3,6})`;
const POSTCODE_LABEL = new RegExp(
  String.raw`\b(?:zip|zip ?code|zipcode|postal[ _]?code|postcode|post[ _]code|plz|cep|código postal|code postal|postnummer|postinumero|irányítószám|psč|kod pocztowy)(?:["']?[ \t]*[:=#][ \t]*["']?|[ \t]+(?:is[ \t]+)?)(${POSTCODE})(?![\w-])`,
  // No u flag: the pattern needs none, and the scan over every text runs about three times faster without it.
  'gi',
);

// A Colombian street line: road type, its number, "#" and the cross street's number and the distance from it
// ("Calle 45 # 49-57", "Carrera 116 # 102-8", "Diagonal 19 # 9-23").
const CO_STREET =
  /(?<![\p{L}\p{N}])(?:calle|carrera|cra\.?|kra\.?|diagonal|transversal|avenida|av\.|cl\.?|kr\.?|dg\.?|tv\.?)[ ]\d{1,3}[A-Za-z]?(?:[ ]bis)?[ ]?(?:#|no\.?|n[°º])[ ]?\d{1,3}[A-Za-z]?[ ]?-[ ]?\d{1,3}(?![\p{N}])/giu;

// A name, an English street type, then the house number ("Ngong Street 47", "Bole Road, 69", "Seoul Avenue 37",
// "Kiambu Road, House No. 105"):
// the order of Kenya, Ethiopia, Mongolia, Korea in English. Capitalized, so "the main road 5 miles" is not one.
const NAME_SUFFIX_NUMBER =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{M}'’.-]*[ ]){1,3}(?:Street|Road|Avenue|Boulevard|Lane|Drive|Highway|Way|Square|Crescent|Terrace|St\.|Rd\.|Ave\.)(?:,?[ ])(?:(?:House|Plot|Door|Building)[ ](?:No\.?|Nr\.?|#)[ ]?)?\d{1,5}[A-Za-z]?(?:[/-]\d{1,4})?(?![\p{L}\p{N}.,]\d)(?![\p{L}\p{N}])/gu;
const SUFFIX_NUMBER_HINT =
  /(?:street|road|avenue|boulevard|lane|drive|highway|way|square|crescent|terrace|st\.|rd\.|ave\.),? (?:(?:house|plot|door|building) (?:no\.?|nr\.?|#) ?)?\d/i;

/** Streets written name, type, number in English, as street cores (capitalized text only: "the main road 5 miles"). */
export function nameSuffixNumberStreets(text: string, lowerText: boolean): Array<[number, number]> {
  if (lowerText || !SUFFIX_NUMBER_HINT.test(text)) return [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(NAME_SUFFIX_NUMBER)) {
    // "The Street 5", "On Road 2": a leading function word is no street name.
    const first = m[0].split(' ')[0].toLowerCase();
    const skip = FUNCTION_WORDS.has(first) ? first.length + 1 : 0;
    if (skip && m[0].split(' ').length <= 3) continue;
    out.push([m.index + skip, m.index + m[0].length]);
  }
  return out;
}

// What every CO_STREET match contains, found by a scan that starts only at digits ("Ticket #12" alone is none).
const CO_HINT = /\d[A-Za-z]?(?:[ ]bis)?[ ]?(?:#|no\.?|n[°º])[ ]?\d{1,3}[A-Za-z]?[ ]?-[ ]?\d/i;

// A Yucatán grid street line: street number, "#" and the house number, then the cross streets it lies between
// ("Calle 60 #491 x 57 y 59", "C. 119-A #98 x 55 y 1", "C. 80 #101").
const GRID_STREET =
  /(?<![\p{L}\p{N}])(?:calle|c\.)[ ]?\d{1,3}(?:-?[A-Za-z])?[ ]?#[ ]?\d{1,4}(?:-?[A-Za-z])?(?:[ ](?:x|por)[ ]\d{1,3}(?:-?[A-Za-z])?(?:[ ](?:y|e)[ ]\d{1,3}(?:-?[A-Za-z])?)?)?(?![\p{L}\p{N}])/giu;
const GRID_HINT = /#[ ]?\d/;

/** Colombian and Yucatán street lines, as street cores (the address detector grows them over city and postcode). */
export function colombianStreets(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (CO_HINT.test(text)) for (const m of text.matchAll(CO_STREET)) out.push([m.index, m.index + m[0].length]);
  if (GRID_HINT.test(text)) for (const m of text.matchAll(GRID_STREET)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI';
const CITY_STATE_ZIP = new RegExp(
  String.raw`\b\p{Lu}[\p{L}'.-]+(?:[ ]\p{Lu}[\p{L}'.-]+){0,2},?[ ]+(?:${US_STATES})[ ]+\d{5}(?:-\d{4})?\b`,
  'gu',
);
// What every CITY_STATE_ZIP match contains: a space, a state code, spaces, five digits.
const STATE_ZIP = new RegExp(String.raw`[ ](?:${US_STATES})[ ]+\d{5}`);
const UK_POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPS-UW\d]?) \d[ABD-HJLNP-UW-Z]{2}\b/g;
const CA_POSTCODE = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d\b/g;

export function detectAddressExtras(text: string, lowerText: boolean): Detection[] {
  const out: Detection[] = [];
  const push = (start: number, end: number) => out.push({ type: 'ADDRESS', start, end });
  if ((lowerText ? MILITARY_HINT_LOWER : MILITARY_HINT).test(text))
    for (const m of text.matchAll(lowerText ? MILITARY_LOWER : MILITARY)) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(LONE_UNIT)) push(m.index, m.index + m[0].length);
  if (POST_BOX_HINT.test(text)) for (const m of text.matchAll(POST_BOX)) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(POSTCODE_LABEL)) {
    const value = m[1];
    if (!/\d/.test(value)) continue;
    push(m.index + m[0].length - value.length, m.index + m[0].length);
  }
  if (STATE_ZIP.test(text)) for (const m of text.matchAll(CITY_STATE_ZIP)) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(UK_POSTCODE)) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(CA_POSTCODE)) push(m.index, m.index + m[0].length);
  return out;
}
