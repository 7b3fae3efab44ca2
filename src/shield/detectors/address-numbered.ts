import { AMBIGUOUS_PREFIXES, POST_TYPES, PREFIX_TYPES, STRONG_SUFFIXES, WEAK_SUFFIXES } from './address-words';
import { FUNCTION_WORDS } from './words';

/*
 * Street lines that start with a marked number, as South and South-East Asian, Middle Eastern and African
 * addresses are written: "No. 60, Maha Bandula Road", "Plot No. 83, Road No. 6", "House 139/6, Baridhara",
 * "D.No. 22-7-62, Station Road", "#121, Model Town Phase 2", "Building No. 7, Chorten Lam"; and a name with a
 * marked house number, "Hamdije Kreševljakovića br. 118", "Garcilaso N° 93".
 */

// A house, plot, building or door number with its marker. "No." alone is too common ("Invoice No. 12"), so it
// needs a street after it; the place words carry their own weight.
const LEAD = String.raw`(?:(?:house|building|bldg\.?|plot|flat|door|d\.|h\.|h/)[ ]?(?:no\.?|nr\.?|n[°º]|#)?|no\.?|nr\.?|n[°º]|#)[ ]?\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?){0,2}`;
// A bare number leads only a street whose type word comes first ("138, Misraħ il-Kbira", "12, rue Oberkampf").
const NUMBERED = new RegExp(String.raw`(?<![\p{L}\p{N}#.,/-])(?:${LEAD}|(\d{1,5}[A-Za-z]?(?:[/-]\d{1,4})?))(?=,[ ]+\p{L})`, 'giu');
const HINT = /\d,[ ]+\p{L}|(?:no|nr|n[°º]|#|house|building|plot|flat)\.?[ ]?\d/iu;
// Every match of NUMBERED ends in a digit and at most one letter, before its ", Word": texts without that
// ("Ticket #12: …") skip the pattern, which is tried at every number.
const NUMBER_BEFORE_COMMA = /\d[A-Za-z]?,[ ]+\p{L}/iu;
// A lead that names a house or plot: the locality after it stands for the street ("House No. 141, Ramhlun").
const HOUSE_LEAD = /^(?:house|building|bldg|plot|door|h\/|h\.)/i;

const WORD = String.raw`[\p{L}][\p{L}\p{M}'’.-]*`;
// After the number: up to four words with a street or place-type word among them, or a second marked number
// ("Road No. 6", "Block 6", "Sector G-9/4").
const STREET_AFTER = new RegExp(
  String.raw`^,[ ]+((?:${WORD}|\d{1,3}(?:st|nd|rd|th))(?:[ ]+(?:${WORD}|\d{1,4}[A-Za-z]?(?:[/-][\p{L}\d]{1,4}){0,2})){0,4})`,
  'u',
);

const isStreetType = (w: string) => {
  const k = w.toLowerCase();
  const bare = k.replace(/\.$/, '');
  return STRONG_SUFFIXES.has(bare) || WEAK_SUFFIXES.has(bare) || POST_TYPES.has(k) || PREFIX_TYPES.has(k) || PLACE_TYPES.has(bare);
};
// Parts of a town that stand for a street in these addresses.
const PLACE_TYPES = new Set('block sector phase colony township town nagar marg mawatha lam road kebele woreda ward mohalla'.split(' '));

/** Street cores led by a marked number, as [start, end]. */
export function numberedStreets(text: string): Array<[number, number]> {
  if (!HINT.test(text) || !NUMBER_BEFORE_COMMA.test(text)) return [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(NUMBERED)) {
    const end = m.index + m[0].length;
    const after = STREET_AFTER.exec(text.slice(end, end + 80));
    if (!after) continue;
    const words = after[1].split(/ +/);
    if (m[1] !== undefined && !(PREFIX_TYPES.has(words[0].toLowerCase()) && !AMBIGUOUS_PREFIXES.has(words[0].toLowerCase()))) continue;
    // Keep the street up to its last type word or number; "No. 5, the best …" has none.
    let last = -1;
    for (let k = 0; k < words.length; k++)
      if (isStreetType(words[k]) || (k > 0 && /\d/.test(words[k]) && isStreetType(words[k - 1]))) last = k;
    // A street whose type word comes first runs to the end of its segment ("Misraħ il-Kbira").
    if (PREFIX_TYPES.has(words[0].toLowerCase()) && words.length > 1 && !FUNCTION_WORDS.has(words[1].toLowerCase()))
      last = Math.max(last, 1);
    if (last < 0 && HOUSE_LEAD.test(m[0])) {
      // The locality runs to the end of its segment or sentence, in capitalized words.
      let k = 0;
      while (
        k < words.length &&
        /^\p{Lu}/u.test(words[k]) &&
        !FUNCTION_WORDS.has(words[k].toLowerCase()) &&
        !/\p{Ll}{2}\.$/u.test(words[k])
      )
        k++;
      if (k < words.length && /^\p{Lu}/u.test(words[k]) && /\p{Ll}{2}\.$/u.test(words[k])) k++;
      last = k - 1;
    }
    if (last < 0 || FUNCTION_WORDS.has(words[0].toLowerCase())) continue;
    let kept = words.slice(0, last + 1).join(' ');
    // A period after a full type word ends the sentence; after an abbreviation ("Blvd.", "St.") it is the street's.
    if (kept.endsWith('.') && !/(?:^|[ ])(?:st|rd|ave|av|blvd|str|vul|prasp|jr)\.$/i.test(kept)) kept = kept.slice(0, -1);
    out.push([m.index, end + after[0].indexOf(after[1]) + kept.length]);
  }
  return out;
}

// "Kreševljakovića br. 118", "Garcilaso N° 93": capitalised words, then the number with a marker that only
// house numbers take.
const NAME_MARKED =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{M}'’.-]*[ ]){1,3}(?:br\.|n[°º]\.?)[ ]?\d{1,5}[A-Za-z]?(?:[/-]\d{1,4})?(?![\p{L}\p{N}])/gu;

/** Name + marked house number, as weak cores (they need a unit, city or postcode after them). */
export function markedNumberStreets(text: string): Array<[number, number]> {
  if (!/(?:br\.|n[°º])[ ]?\d/i.test(text)) return [];
  return [...text.matchAll(NAME_MARKED)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}
