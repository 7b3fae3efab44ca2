import { personProbabilityAt } from '../model/tagger';
import type { Detection } from '../types';
import { plausibleNameWord } from './person-context';
import { ROLE_NOUNS } from './role-words';
import { COMMON_WORDS, FUNCTION_WORDS } from './words';

/*
 * Names that a phrase around them gives away, whatever the word: a family named by its surname ("the Kapembwa
 * wedding"), a person named after their role ("the plumber Nanteza is coming"), and a GEDCOM name with its
 * surname between slashes ("Kahu /Ngata/").
 */

const FAMILY_NOUN = /\b(?:family|families|wedding|household|funeral|christening|baptism|twins|children|kids|estate)\b/;
const FAMILY_NAMED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[Tt]he[ ]+(\p{Lu}[\p{L}\p{M}'’-]+(?:[ ]\p{Lu}[\p{L}\p{M}'’-]+)?)[ ]+(?:family|families|wedding|household|funeral|christening|baptism|twins|children|kids|estate)(?![\p{L}])`,
  'gu',
);
// Role words are ASCII (ROLE_NOUNS keys are accent-free), so the scan for "the <role> " needs no u flag, which
// keeps it cheap on every text; only after a role word is the name read, from that position.
const THE_ROLE = /(?<![A-Za-z0-9])the[ ]+([A-Za-z]+)[ ]+/gi;
const NAME_AT = /([\p{L}][\p{L}\p{M}'’-]*)(?:[ ]+(\p{Lu}[\p{L}\p{M}'’-]*))?/uy;
// In lower-case text the word after a role must be followed by what follows a subject or an object.
const AFTER_LOWER_NAME = /^(?:[ ]+(?:is|was|will|has|had|said|says|can|could|would|should|who|from|at|on|came|comes|called)\b|[,.!?]|$)/;
const GEDCOM_NAME =
  /(?<![\p{L}\p{N}/._-])(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.-]*){0,2})[ ]\/(\p{Lu}[\p{L}\p{M}'’ -]{0,30}?)\/(?![\p{L}\p{N}/])/gu;
const CUED_MIN_P = 0.05;

const nameWord = (w: string) => plausibleNameWord(w) && !COMMON_WORDS.has(w.toLowerCase()) && !FUNCTION_WORDS.has(w.toLowerCase());

function familyNames(text: string, out: Detection[]): void {
  if (!FAMILY_NOUN.test(text)) return;
  for (const m of text.matchAll(FAMILY_NAMED)) {
    if (!m[1].split(' ').every(nameWord)) continue;
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ type: 'PERSON', start, end: start + m[1].length });
  }
}

function roleNamed(text: string, lowerText: boolean, out: Detection[]): void {
  for (const r of text.matchAll(THE_ROLE)) {
    const role = r[1].toLowerCase();
    if (!ROLE_NOUNS.has(role) || /[^s]s$/.test(role)) continue;
    const start = r.index + r[0].length;
    NAME_AT.lastIndex = start;
    const m = NAME_AT.exec(text);
    if (!m || !nameWord(m[1])) continue;
    let end = start + m[1].length;
    if (lowerText) {
      if (!AFTER_LOWER_NAME.test(text.slice(end, end + 10)) || personProbabilityAt(text, start) < CUED_MIN_P) continue;
    } else {
      if (!/^\p{Lu}/u.test(m[1])) continue;
      if (m[2] !== undefined && nameWord(m[2])) end = start + m[0].length;
    }
    out.push({ type: 'PERSON', start, end });
  }
}

function gedcomNames(text: string, out: Detection[]): void {
  if (!text.includes(' /')) return;
  for (const m of text.matchAll(GEDCOM_NAME)) {
    if (!m[1].split(' ').every((w) => plausibleNameWord(w.replace(/\.$/, '') || w)) || !plausibleNameWord(m[2].split(' ')[0])) continue;
    out.push({ type: 'PERSON', start: m.index, end: m.index + m[0].length });
  }
}

export function phraseNames(text: string, lowerText: boolean): Detection[] {
  const out: Detection[] = [];
  familyNames(text, out);
  if (text.includes('the ') || text.includes('The ')) roleNamed(text, lowerText, out);
  gedcomNames(text, out);
  return out;
}
