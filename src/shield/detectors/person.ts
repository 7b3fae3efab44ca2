import { personProbabilityAt } from '../model/tagger';
import { GIVEN_NAMES, SURNAMES_SET } from '../names';
import type { Detection } from '../types';
import { labelledValuesCached, nameInValue, personalContext } from './fields';
import { isAsciiWord, nextWord } from './util';
import { AMBIGUOUS_NAMES, COMMON_WORDS } from './words';

/*
 * Person names: a capitalized word that is in the given-name or surname list, or any capitalized word
 * after a cue (title, "my name is", "Dear", a signature after "Regards,", a speech verb, a vocative).
 * Lower-case names are accepted only when the whole text is lower-case (chat typed without capitals).
 */

interface Word {
  text: string;
  key: string; // lower-case, diacritics and apostrophes removed
  start: number;
  end: number;
  capitalized: boolean;
}

const HAS_UPPER = /\p{Lu}/u;
const CAPITALIZED = /^\p{Lu}(?:[\p{Ll}\p{M}]|['’]\p{Lu}|$)/u;

function keyOf(w: string): string {
  const lower = w.toLowerCase();
  if (isAsciiWord(lower)) return lower;
  return lower.normalize('NFD').replace(/[\u0300-\u036f'’]/g, '');
}

// Characters that glue a word into an identifier, path, handle or property access.
const GLUE = new Set(['_', '$', '@', '#', '/', '\\', '.', '=', '<', '>', '{', '}', '[', ']', '`']);
function isCodeGlue(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || GLUE.has(ch);
}
function isUpperStart(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) {
    if (w.length === 1) return true;
    const d = w.charCodeAt(1);
    if (d >= 97 && d <= 122) return true;
    if (d >= 65 && d <= 90) return false;
  } else if (c < 128) {
    return false;
  }
  return CAPITALIZED.test(w);
}

const wordEnd = new Int32Array(1);

function tokenize(text: string): Word[] {
  const words: Word[] = [];
  // Words: the matches of /[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]|[\p{L}]/gu (nextWord).
  for (let start = nextWord(text, 0, wordEnd); start >= 0; start = nextWord(text, wordEnd[0], wordEnd)) {
    const match = text.slice(start, wordEnd[0]);
    // A possessive "'s" is not part of the name.
    const n = match.length;
    const possessive = n >= 2 && match.charCodeAt(n - 1) === 115 && (match.charCodeAt(n - 2) === 39 || match.charCodeAt(n - 2) === 0x2019);
    const raw = possessive ? match.slice(0, -2) : match;
    const end = start + raw.length;
    const prev = text[start - 1];
    const next = text[end];
    // `Foo.bar`, `x_Name`, `Name(`: code, not prose. A sentence-final period is fine.
    const after = text[end + 1];
    const glued =
      isCodeGlue(prev) ||
      next === '_' ||
      next === '(' ||
      (next === '.' && after !== undefined && after !== ' ' && after !== '\n' && /[\p{L}\d]/u.test(after));
    if (glued) continue;
    words.push({ text: raw, key: keyOf(raw), start, end, capitalized: isUpperStart(raw) });
  }
  return words;
}

const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'madam',
  'madame',
  'mme',
  'herr',
  'frau',
  'señor',
  'senor',
  'señora',
  'senora',
  'sr',
  'sra',
  'srta',
  'dra',
  'ing',
  'mgr',
  'mudr',
  'judr',
  'dipl',
  'dhr',
  'mevr',
  'ir',
  'pan',
  'pani',
]);
const CREDENTIALS = new Set(['md', 'phd', 'jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'dds', 'rn']);
/** A relation right before a capitalized word names a person ("my colleague Anna"): a strong cue. */
const RELATION_CUES = [
  'kid',
  'son',
  'daughter',
  'wife',
  'husband',
  'friend',
  'partner',
  'boss',
  'colleague',
  'mother',
  'father',
  'brother',
  'sister',
  'mom',
  'mum',
  'dad',
  'uncle',
  'aunt',
  'cousin',
  'neighbor',
  'neighbour',
  'driver',
  'spouse',
  'fiance',
  'fiancee',
  'roommate',
  'flatmate',
  'coworker',
  'teammate',
  'nephew',
  'niece',
  'grandson',
  'granddaughter',
  'grandchild',
  'grandchildren',
  'player',
  'coach',
  'stepson',
  'stepdaughter',
  // Roles in a record or a case that are always held by a person.
  'grandad',
  'granddad',
  'grandpa',
  'grandma',
  'granny',
  'grandmother',
  'grandfather',
  'landlord',
  'landlady',
  'tenant',
  'claimant',
  'plaintiff',
  'defendant',
  'respondent',
  'applicant',
  'appellant',
  'witness',
  'policyholder',
  'holder',
  'reviewer',
  'support agent',
  'estate agent',
];
// Phrases (lower-case, space separated) after which the next capitalized words are a name.
const CUE_PHRASES = [
  'my name is',
  'name is',
  'names is',
  "name's",
  'named',
  'called',
  'call me',
  'i am',
  "i'm",
  'im',
  'this is',
  'dear',
  'regards',
  'thanks',
  'thank you',
  'sincerely',
  'cheers',
  'best',
  'yours',
  'signed',
  'from',
  'to',
  'last name',
  'first name',
  'surname',
  'maiden name',
  'name',
  'by',
  'with',
  'starring',
  'featuring',
  'said',
  'says',
  'asked',
  'told',
  'ask',
  'tell',
  'met',
  'meet',
  'contact',
  'cc',
  'attn',
  'hi',
  'hello',
  'hey',
  ...RELATION_CUES,
  'manager',
  'doctor',
];
// Strong cues accept any capitalized non-common word; weak cues need list membership of some word.
const STRONG_CUES = new Set([
  'my name is',
  'name is',
  "name's",
  'call me',
  'dear',
  'regards',
  'sincerely',
  'last name',
  'first name',
  'surname',
  'maiden name',
  'name',
  'starring',
  'featuring',
  'said',
  'says',
  'asked',
  'told',
  'named',
  'attn',
  ...RELATION_CUES,
]);
const CUE_SET = new Set(CUE_PHRASES);
const GREETINGS = new Set(['hi', 'hello', 'hey']);
// Who a greeting addresses when it is not a person: "Hi Team,", "Hello World!".
const GROUP_ADDRESSEES = new Set(
  'team teams all folks guys everyone everybody there friends world support sir madam colleagues people gang reviewers devs developers admin admins customer customers user users buddy mate mates class crew community neighbours neighbors partners members'.split(
    ' ',
  ),
);
const SIGN_OFF_CUES = new Set([
  'dear',
  'regards',
  'thanks',
  'thank you',
  'sincerely',
  'cheers',
  'best',
  'yours',
  'signed',
  'hi',
  'hello',
  'hey',
  'from',
  'cc',
  'attn',
  'name',
  'last name',
  'first name',
  'surname',
  'maiden name',
]);
const SPEECH_VERBS_AFTER = new Set([
  'said',
  'says',
  'shouted',
  'asked',
  'replied',
  'told',
  'wrote',
  'explained',
  'answered',
  'yelled',
  'whispered',
  'added',
  'insisted',
  'lives',
]);
const VOCATIVE_NEXT = new Set([
  'can',
  'could',
  'would',
  'will',
  'please',
  'do',
  'did',
  'are',
  'is',
  'have',
  'i',
  'we',
  'you',
  'thanks',
  'thank',
  'how',
  'what',
  'where',
  'when',
  'why',
  'let',
  'listen',
  'look',
]);
const POSSESSED = new Set([
  'mum',
  'mummy',
  'mama',
  'papa',
  'parents',
  'grandma',
  'grandad',
  'granny',
  'uncle',
  'aunt',
  'auntie',
  'teacher',
  'call',
  'message',
  'homework',
  'appointment',
  'kid',
  'kids',
  'son',
  'daughter',
  'wife',
  'husband',
  'mother',
  'father',
  'brother',
  'sister',
  'friend',
  'partner',
  'address',
  'phone',
  'email',
  'number',
  'account',
  'boss',
  'mom',
  'dad',
  'house',
  'car',
  'birthday',
  'office',
  'desk',
  'family',
]);

function isGiven(w: Word): boolean {
  return GIVEN_NAMES.has(w.key) && !AMBIGUOUS_NAMES.has(w.key);
}

function inLists(key: string): boolean {
  return GIVEN_NAMES.has(key) || SURNAMES_SET.has(key);
}

/** A word usable as part of a name: capitalized (or lower-case in an all-lower-case text), not common. */
function nameLike(w: Word, lowerText: boolean): boolean {
  if (COMMON_WORDS.has(w.key) && !inLists(w.key)) return false;
  if (w.capitalized) return true;
  return lowerText && inLists(w.key) && !COMMON_WORDS.has(w.key);
}

/** Only space-separated words on the same line continue a name. */
function adjacent(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '  ';
}

/** Cue phrase ending right before word index i (lower-case words, ignoring punctuation between). */
function cueBefore(text: string, words: Word[], i: number): string | null {
  for (let n = 3; n >= 1; n--) {
    if (i - n < 0) continue;
    const phrase = words
      .slice(i - n, i)
      .map((w) => w.text.toLowerCase())
      .join(' ');
    if (!CUE_SET.has(phrase)) continue;
    // Cue and name must be close. Commas and line breaks only follow greetings and sign-offs
    // ("Dear Ana,", "Regards,\nAna"); a question mark only follows a question ("Last name? Krylova").
    const gap = text.slice(words[i - 1].end, words[i].start);
    // Only an abbreviation's period may stand between cue and name ("Insp. Vorst"), not a sentence end ("mother. Cards").
    const abbreviation = /^\p{L}{1,4}$/u.test(words[i - 1].text);
    if (gap.length > 6 || /[.!;]/.test(abbreviation ? gap.replace(/^\.\s/, '') : gap)) continue;
    if (/[,\n]/.test(gap) && !SIGN_OFF_CUES.has(phrase)) continue;
    if (gap.includes('?') && !phrase.endsWith('name')) continue;
    // A quoted key ("name": "Upload Artifact") is a field; fields.ts decides whether it names a person.
    if (gap.includes('"') || gap.includes('=')) continue;
    return phrase;
  }
  return null;
}

/** Names in person fields: "Customer: Ana Lima", "firstName": "Ana", a CSV column "last_name", "Attendees: A, B". */
function fieldNames(text: string, lowerText: boolean, spans: Detection[]): void {
  for (const f of labelledValuesCached(text)) {
    if (f.kind !== 'person' && f.kind !== 'people') continue;
    const value = text.slice(f.start, f.end);
    // "Contact: Ana Lima – 0412 345 678": a phone number or e-mail in the value itself also says "person".
    if (f.ambiguous && !personalContext(text, f.start) && !/@|\d(?:[ ().-]?\d){6}/.test(value)) continue;
    if (f.kind === 'person') {
      // A CSV column named "name" next to e-mail or phone columns, or a value that carries a phone number or
      // e-mail, is about a person: its value is read as a person label's. Otherwise "name: str" stays code.
      const aboutPerson = !f.ambiguous || f.column === true || /@|\d(?:[ ().-]?\d){6}/.test(value);
      const n = nameInValue(value, lowerText, !aboutPerson);
      // Under a role label one word shaped like an agent noun that the lists do not know must read as a person's
      // ("Surveyor: Estimator" names a role; "Night Auditor: Ailín" a person).
      if (
        n &&
        f.role &&
        /^\S+?(?:or|er|ist|ant|ent|ian)$/i.test(value.slice(n[0], n[1])) &&
        !inLists(keyOf(value.slice(n[0], n[1]).replace(/[.,]$/, ''))) &&
        personProbabilityAt(text, f.start + n[0]) < 0.5
      )
        continue;
      if (n) spans.push({ type: 'PERSON', start: f.start + n[0], end: f.start + n[1] });
      continue;
    }
    // A list: every item must be a name as a whole.
    for (const item of value.matchAll(/[^,;]+/g)) {
      const part = item[0].replace(/^\s*(?:and\s+)?/, '');
      const at = f.start + item.index + (item[0].length - part.length);
      const trimmed = part.trimEnd();
      const n = nameInValue(trimmed, lowerText, false);
      if (n && n[1] === trimmed.length) spans.push({ type: 'PERSON', start: at, end: at + n[1] });
    }
  }
}

export function detectPersons(text: string): Detection[] {
  const lowerText = !HAS_UPPER.test(text);
  const words = tokenize(text);
  const spans: Detection[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!nameLike(w, lowerText) || (TITLES.has(w.key) && w.capitalized)) {
      i++;
      continue;
    }
    const prevWord = words[i - 1];
    const titled = prevWord !== undefined && TITLES.has(prevWord.key) && text.slice(prevWord.end, w.start).length <= 2;
    const cue = cueBefore(text, words, i);
    // Extend over up to 3 adjacent name-like words.
    let j = i;
    while (j + 1 < words.length && j - i < 2 && adjacent(text, words[j], words[j + 1]) && !TITLES.has(words[j + 1].key)) {
      const after = words[j + 1];
      // In lower-case text a listed given name may be followed by an unlisted surname.
      const lowerSurname = lowerText && j === i && GIVEN_NAMES.has(w.key) && !COMMON_WORDS.has(after.key) && after.key.length >= 3;
      if (!nameLike(after, lowerText) && !lowerSurname) break;
      // After the first word, only listed names continue a run unless it opened with a given name or a cue
      // ("Megan Payne", "Dr. Ana Wojcik"; not "Kennedy Space Center").
      const opener = j === i && (GIVEN_NAMES.has(w.key) || titled || (cue !== null && STRONG_CUES.has(cue)));
      if (!inLists(after.key) && !opener && !lowerSurname) break;
      j++;
    }
    // A capitalized non-name before a listed given name is a sentence-initial word ("Contact Maria Garcia").
    if (j > i && !inLists(w.key) && GIVEN_NAMES.has(words[i + 1].key) && !AMBIGUOUS_NAMES.has(words[i + 1].key)) {
      i++;
      continue;
    }
    const run = words.slice(i, j + 1);
    const listed = run.filter((r) => inLists(r.key) && !AMBIGUOUS_NAMES.has(r.key) && r.key.length >= 3);
    const anyListed = run.some((r) => inLists(r.key));
    const next = words[j + 1];
    const gapAfter = next ? text.slice(words[j].end, next.start) : '';
    const speechAfter = next !== undefined && SPEECH_VERBS_AFTER.has(next.key) && gapAfter === ' ';
    const possessive = next !== undefined && /^['’]s $/.test(gapAfter) && POSSESSED.has(next.key);
    const vocative =
      next !== undefined &&
      gapAfter.startsWith(',') &&
      VOCATIVE_NEXT.has(next.key) &&
      (i === 0 || /[.!?\n]\s*$/.test(text.slice(Math.max(0, w.start - 3), w.start)));
    const strongCue = cue !== null && STRONG_CUES.has(cue);
    // A greeting and one word closed by a comma or "!" addresses someone: "Hello Mats, your request…".
    const greeted =
      cue !== null &&
      GREETINGS.has(cue) &&
      run.length === 1 &&
      /^[,!]\s/.test(gapAfter || text.slice(w.end, w.end + 2)) &&
      !COMMON_WORDS.has(w.key) &&
      !GROUP_ADDRESSEES.has(w.key);
    let accept = false;
    if (titled || strongCue || greeted) accept = true;
    // Several words without a cue: the first must be a given name, or every word a listed name.
    else if (listed.length > 0 && run.length > 1 && (isGiven(w) || run.every((r) => inLists(r.key)))) accept = true;
    else if (listed.length > 0 && cue !== null) accept = true;
    else if (listed.length > 0 && GIVEN_NAMES.has(listed[0].key)) accept = true;
    else if (anyListed && cue !== null && !run.some((r) => COMMON_WORDS.has(r.key))) accept = true;
    else if (run.length === 1 && w.capitalized && (speechAfter || vocative || possessive) && !COMMON_WORDS.has(w.key)) accept = true;
    if (accept) {
      let end = words[j].end;
      // Credentials after the name belong to it ("Janice Brkic MD", "John Smith, Jr.").
      const cred = words[j + 1];
      if (cred && CREDENTIALS.has(cred.key) && /^,? $/.test(text.slice(end, cred.start))) end = cred.end;
      spans.push({ type: 'PERSON', start: w.start, end });
    }
    i = j + 1;
  }
  fieldNames(text, lowerText, spans);
  return mergeOverlaps(spans);
}

/** One span per name when a cue and a field both found it. */
function mergeOverlaps(spans: Detection[]): Detection[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Detection[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
