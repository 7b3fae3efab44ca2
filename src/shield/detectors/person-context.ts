import { GIVEN_NAMES, SURNAMES_SET } from '../names';
import { personProbabilityAt } from '../model/tagger';
import type { Detection } from '../types';
import { PLACE_HEADS, isRoleOrSectionWord } from './role-words';
import { isAsciiWord } from './util';
import { AMBIGUOUS_NAMES, COMMON_WORDS } from './words';

/*
 * Names found by where they stand rather than by what they are (the lists know few of the world's names,
 * and chat is often typed in lower case):
 *   speaker labels at line starts in transcripts ("anna: …", "[10:32] mehmet: …", "<ola> …", "Agent (Sofia): …"),
 *   the display name before an e-mail in headers and trailers ("Signed-off-by: Ana Lima <ana@x.org>"),
 *   a greeting, thanks or welcome and one word closed by a comma or "!" ("thanks, tomasz!", "welcome Halima!"),
 * and, once a text names someone, the same name word elsewhere in it ("ask Aitor", "can carolina review?").
 */

function keyOf(w: string): string {
  const lower = w.toLowerCase();
  return isAsciiWord(lower) ? lower : lower.normalize('NFD').replace(/[\u0300-\u036f'’]/g, '');
}

// Speakers and senders that are roles or machines, not people.
const ROLES = new Set(
  `user users agent agents bot system assistant support admin administrator customer client me you host moderator mod
  operator staff team guest anonymous unknown server note notes q a question answer error warning info debug fatal
  todo fixme example output input result status reply re fwd fw subject date time to from cc bcc sent source
  caller callee interviewer interviewee speaker narrator everyone all nobody somebody someone bot noreply no-reply
  notifications notification github gitlab bitbucket jenkins dependabot renovate ci build deploy root daemon service
  sales billing hello contact office security press jobs careers marketing hr legal finance accounts helpdesk
  desk mailer postmaster webmaster newsletter team
  mr mrs ms miss mx dr dra prof ing mgr mudr judr phdr rndr bc dipl dhr mevr mw ir sr sra srta sta herr frau fru
  hr bay bayan sig mme mlle sir dame lord pan pani gospodin gospodja sayın`.split(/\s+/),
);
const GROUPS = new Set(
  "team teams all folks guys everyone everybody there friends world sir madam colleagues people gang reviewers devs developers admin admins customer customers user users buddy mate mates class crew community neighbours neighbors partners members y'all yall services service".split(
    ' ',
  ),
);

export function plausibleNameWord(word: string): boolean {
  if (word.length < 2 || /\d|_/.test(word)) return false;
  const key = keyOf(word);
  if (ROLES.has(key) || GROUPS.has(key)) return false;
  if ((COMMON_WORDS.has(key) || isRoleOrSectionWord(key)) && !GIVEN_NAMES.has(key) && !SURNAMES_SET.has(key)) return false;
  // An acronym or a camel-cased identifier is not a name; a name in capitals is kept only in an all-caps text.
  if (/^\p{Lu}{2,}$/u.test(word) || /\p{Ll}\p{Lu}/u.test(word)) return false;
  return true;
}

const listed = (word: string) => GIVEN_NAMES.has(keyOf(word)) || SURNAMES_SET.has(keyOf(word));

const NAME = String.raw`[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)?`;
// A line's speaker: an optional time stamp, one or two words, an optional "(dm)"/"(10:32)" note, then ":" or
// ">" and the message; or an IRC "<nick>"; or a role with the person in brackets, "Agent (Sofia):".
const SPEAKER = new RegExp(
  String.raw`^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*|\(?\d{1,2}:\d{2}(?::\d{2})?\)?[ \t]+|\*[ \t]+)?(?:<(${NAME}(?: ${NAME})?)>|(${NAME}(?: ${NAME})?)(?:[ \t]*\([^)\n]{1,24}\))?[ \t]*[:>]|(${NAME})[ \t]*\((${NAME}(?: ${NAME})?)\)[ \t]*:)(?=[ \t]+\S)([^\n]*)`,
  'gmud',
);

interface Speaker {
  start: number;
  end: number;
  words: string[];
  message: string;
  /** An IRC "<nick>": a form of its own, and a word the tagger does not judge. */
  irc: boolean;
}

function speakers(text: string): Speaker[] {
  const out: Speaker[] = [];
  for (const m of text.matchAll(SPEAKER)) {
    // "Agent (Sofia):" names the person in brackets when the outer word is a role.
    const role = m[3];
    const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : role && ROLES.has(keyOf(role)) ? 4 : 0;
    if (!group) continue;
    const [start, end] = m.indices![group]!;
    out.push({ start, end, words: m[group].split(' '), message: m[5], irc: group === 1 });
  }
  return out;
}

/**
 * Speaker labels of a transcript: two or more lines of "speaker: message" where the messages read as
 * prose (two or more words), so "image: nginx" lines of a config do not qualify. A speaker is a word or
 * two that could be a name (not a role, a common word, an acronym); a one-line "label: text" counts only
 * when the lists know the name.
 */
const SPEAKER_MIN_P = 0.2;

function speakerNames(text: string): Detection[] {
  if (!text.includes(':') && !text.includes('<') && !text.includes('>')) return [];
  const all = speakers(text);
  const prose = all.filter((s) => /\p{L}+[ ,]+\p{L}+/u.test(s.message));
  // A record labels each field once with a short value ("Seller: Ana Lima", "Bicycle: red"); a transcript's
  // speakers take turns or say more than a few words.
  const keys = all.map((s) => s.words.join(' ').toLowerCase());
  const lineStart = (s: Speaker) => text.slice(text.lastIndexOf('\n', s.start) + 1, s.start);
  const marked = new Set(keys).size < keys.length || all.some((s) => s.irc || /[[\d]/.test(lineStart(s)));
  const turns = marked || prose.some((s) => /[?!]/.test(s.message) || s.message.trim().split(/\s+/).length > 4);
  const plausible = all.filter((s) => s.words.every(plausibleNameWord));
  // A name the lists do not know must read as a person's to the tagger ("image: nginx" is a config key), or
  // stand in a transcript where some speaker does. Only speakers who recur or carry time stamps mark a
  // transcript for sure; without them each label vouches for itself, and when at most half the labels read
  // as names the lines are a record with a long field ("Tel:", "Vet:", "Diagnosis: otitis, drops …").
  const sure = (s: Speaker) => s.irc || s.words.some(listed) || personProbabilityAt(text, s.start) >= SPEAKER_MIN_P;
  // A chat export's line carries a date or time in brackets before its speaker: one such line is a transcript
  // too. Log lines stamp to the second ("[10:00:01]", "[2024-05-01T10:00]"), chat exports to the minute.
  const stamped = prose.some((s) => {
    const stamp = /^[ \t]*\[([^\]\n]*\d[^\]\n]*)\][ \t]*$/.exec(lineStart(s));
    return stamp !== null && !/\d:\d\d:\d\d|\dT\d/.test(stamp[1]);
  });
  const transcript = stamped || (prose.length >= 2 && turns && (marked || plausible.filter(sure).length * 2 > all.length));
  const anySure = transcript && (stamped || plausible.some(sure));
  return (
    plausible
      // Outside a transcript a label over an amount or a number ("Price: £2550", "Hall: 3") is a field, whatever its word.
      .filter((s) => (transcript ? anySure && (marked || sure(s)) : s.words.some(listed) && /^\s*[\p{L}"'“(]/u.test(s.message)))
      .map((s) => ({ type: 'PERSON' as const, start: s.start, end: s.end }))
  );
}

// A display name right before an e-mail in angle brackets: "Ana Lima <ana@x.org>", "Lima, Ana <…>", "\"Ana\" <…>".
const BEFORE_EMAIL = new RegExp(
  String.raw`(?:^|[:"(]|\s)[ \t]*"?(${NAME}(?:\.? ${NAME}|\. ?${NAME}|, ${NAME}){0,3})"?[ \t]+<[^<>\s@]{1,64}@[^<>\s]{1,255}>`,
  'gmu',
);

function namesBeforeEmails(text: string): Detection[] {
  if (!text.includes('@') || !text.includes('<')) return [];
  const out: Detection[] = [];
  for (const m of text.matchAll(BEFORE_EMAIL)) {
    const name = m[1];
    const words = name.split(/[ .,]+/).filter(Boolean);
    // At least one word of two letters or more (initials alone are not enough) and no role word.
    if (!words.some((w) => w.length >= 2) || words.some((w) => w.length >= 2 && !plausibleNameWord(w))) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ type: 'PERSON', start, end: start + name.length });
  }
  return out;
}

// "thanks, tomasz!", "welcome Halima!", "hi maria,", "congrats Ana and Joe": a word addressed by a greeting.
const ADDRESSED = new RegExp(
  String.raw`(?<![\p{L}\d])(?:hi|hello|hey|hiya|yo|thanks|thank you|thx|ty|welcome|congrats|congratulations|sorry|bye|morning|good morning|cheers)(,?)[ \t]+(${NAME})(?=[ \t]*(?:[,!]|$|\n|\.(?:\s|$)|[ \t]+and[ \t]))`,
  'gimu',
);

function addressedNames(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(ADDRESSED)) {
    const word = m[2];
    if (!plausibleNameWord(word)) continue;
    // "thanks, everyone." is a group; "Thanks Again!" is not a name: a capitalized word is needed unless the
    // text is written without capitals or the word is a listed name.
    const lowerWord = /^\p{Ll}/u.test(word);
    if (lowerWord && !listed(word) && /\p{Lu}/u.test(text)) continue;
    const start = m.index + m[0].length - word.length;
    out.push({ type: 'PERSON', start, end: start + word.length });
  }
  return out;
}

// Closings before a signature, in the languages of the supported locales (Latin script).
const CLOSINGS = [
  'best',
  'best wishes',
  'best regards',
  'kind regards',
  'warm regards',
  'warmest regards',
  'regards',
  'cheers',
  'thanks',
  'thank you',
  'many thanks',
  'thanks again',
  'thx',
  'ty',
  'br',
  'brgds',
  'sincerely',
  'yours',
  'yours truly',
  'yours sincerely',
  'sincerely yours',
  'respectfully',
  'love',
  'xoxo',
  'take care',
  'talk soon',
  'all the best',
  'saludos',
  'un saludo',
  'saludos cordiales',
  'atentamente',
  'cordialmente',
  'abrazos',
  'un abrazo',
  'besos',
  'cordialement',
  'bien à vous',
  'amitiés',
  'bises',
  'bien cordialement',
  'viele grüße',
  'grüße',
  'gruß',
  'mit freundlichen grüßen',
  'freundliche grüße',
  'liebe grüße',
  'beste grüße',
  'lg',
  'vg',
  'mfg',
  'groeten',
  'met vriendelijke groet',
  'vriendelijke groeten',
  'hartelijke groet',
  'mvh',
  'med vennlig hilsen',
  'vennlig hilsen',
  'hilsen',
  'med venlig hilsen',
  'venlig hilsen',
  'hälsningar',
  'vänliga hälsningar',
  'med vänlig hälsning',
  'terveisin',
  'ystävällisin terveisin',
  'pozdrawiam',
  'z poważaniem',
  'pozdrav',
  'lp',
  'srdečně',
  's pozdravem',
  's pozdravom',
  'üdvözlettel',
  'cu stimă',
  'cu drag',
  'saudações',
  'abraços',
  'atenciosamente',
  'cumprimentos',
  'distinti saluti',
  'cordiali saluti',
  'saluti',
  'un saluto',
  'grazie',
  'gracias',
  'obrigado',
  'obrigada',
  'merci',
  'danke',
  'dank je',
  'tack',
  'takk',
  'tak',
  'kiitos',
  'dzięki',
  'děkuji',
  'saygılarımla',
  'saygılar',
  'hörmətlə',
  'hurmat bilan',
  'salam',
  'asante',
  'salamat',
  'terima kasih',
  'hormat saya',
  'trân trọng',
];
const CLOSING_WORDS: ReadonlySet<string> = new Set(CLOSINGS.flatMap((c) => c.split(' ')).map(keyOf));
const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A closing on its own line (or a "--" signature separator), then the signature's first line: one to three words.
const SIGNATURE = new RegExp(
  String.raw`^[ \t]*(?:(?:${CLOSINGS.sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})[ \t]*[,!.]?|--)[ \t]*\n(?:[ \t]*\n)?[ \t]*(${NAME}(?:\.? ${NAME}|\. ?${NAME}){0,2})[ \t]*$`,
  'gimud',
);

/** The name under a closing: "Best wishes,\nIngrid", "Saludos,\n\nAna Lima", "--\nOla". */
function signatureNames(text: string): Detection[] {
  if (!text.includes('\n')) return [];
  const out: Detection[] = [];
  for (const m of text.matchAll(SIGNATURE)) {
    const words = m[1].split(/[ .]+/).filter(Boolean);
    if (!words.some((w) => w.length >= 2) || words.some((w) => w.length >= 2 && !plausibleNameWord(w))) continue;
    if (words.every((w) => CLOSING_WORDS.has(keyOf(w)))) continue;
    const [start, end] = m.indices![1]!;
    out.push({ type: 'PERSON', start, end });
  }
  return out;
}

/** A span made only of closing, role or group words ("Saludos", "Viele Grüße", "Support Team") is no name. */
export function notAName(value: string): boolean {
  const words = value.split(/[\s,.]+/).filter(Boolean);
  if (words.length === 0) return false;
  const role = (w: string) => isRoleOrSectionWord(keyOf(w)) && !listed(w);
  if (words.every((w) => CLOSING_WORDS.has(keyOf(w)) || ROLES.has(keyOf(w)) || GROUPS.has(keyOf(w)) || role(w))) return true;
  // "marvel fan", "Loss Adjuster", "Natural History Museum": a phrase headed by a role, section or place word.
  const last = words[words.length - 1];
  const lowerRole = /^\p{Ll}/u.test(last) && isRoleOrSectionWord(keyOf(last));
  return words.length > 1 && (role(last) || lowerRole || (PLACE_HEADS.has(keyOf(last)) && !words.some((w) => GIVEN_NAMES.has(keyOf(w)))));
}

// In text written without capitals: the words after "my name is" / "call me" ("my name is zorvek quilane").
const LOWER_INTRO = new RegExp(
  String.raw`(?<![\p{L}])(?:my name is|my name's|name is|call me|names is)[ \t]+(${NAME})(?:[ \t]+(${NAME}))?`,
  'gud',
);

function lowerIntroNames(text: string): Detection[] {
  if (/\p{Lu}/u.test(text) || !/name|call me/.test(text)) return [];
  const out: Detection[] = [];
  for (const m of text.matchAll(LOWER_INTRO)) {
    if (!plausibleNameWord(m[1])) continue;
    const [start, end1] = m.indices![1]!;
    // A second word is a surname only if the lists or the tagger say so ("call me zorvek tomorrow").
    const second = m[2] !== undefined && plausibleNameWord(m[2]) && (listed(m[2]) || personProbabilityAt(text, m.indices![2]![0]) >= 0.9);
    const end = second ? m.indices![2]![1] : end1;
    out.push({ type: 'PERSON', start, end });
  }
  return out;
}

/** Person spans found by context: speaker labels, display names before e-mails, addressed words, signatures. */
export function contextNames(text: string): Detection[] {
  return [...speakerNames(text), ...namesBeforeEmails(text), ...addressedNames(text), ...signatureNames(text), ...lowerIntroNames(text)];
}

const CAP_NAME = new RegExp(String.raw`^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?$`, 'u');

/**
 * A capitalized word that may join a found name as its partner: not a common, role or ambiguous word ("Paris",
 * "Virginia"), and not one the tagger reads as no person at all ("the Paris and Frankfurt regions").
 */
function coordinable(text: string, word: string, start: number): boolean {
  if (!CAP_NAME.test(word) || !plausibleNameWord(word) || AMBIGUOUS_NAMES.has(keyOf(word))) return false;
  const p = personProbabilityAt(text, start);
  return p < 0 || p >= COORDINATE_MIN_P;
}
const COORDINATE_MIN_P = 0.05;

/** Characters covered by found names of two or more words, marked once per found list (texts hold thousands). */
const multiWordCover = new WeakMap<Detection[], Uint8Array | null>();
function inLongerName(text: string, found: Detection[], d: Detection): boolean {
  let cover = multiWordCover.get(found);
  if (cover === undefined) {
    cover = null;
    for (const o of found) {
      if (!/\s/.test(text.slice(o.start, o.end))) continue;
      (cover ??= new Uint8Array(text.length)).fill(1, o.start, o.end);
    }
    multiWordCover.set(found, cover);
  }
  return cover !== null && cover[d.start] === 1 && cover[d.end - 1] === 1;
}

/**
 * The other half of "Mirela and Rezarta" or "Montoya, Yuliana": a capitalized word (not a common or role
 * word) joined by "and", "&" or a comma to a one-word name already found.
 */
export function coordinatedNames(text: string, found: Detection[]): Detection[] {
  const out: Detection[] = [];
  for (const d of found) {
    const value = text.slice(d.start, d.end);
    if (/\s/.test(value)) continue;
    // A word of a longer name found around it ("Siobhán Mac Suibhne, Galway") is not a one-word name.
    if (inLongerName(text, found, d)) continue;
    const after = /^(?: and | & |, )([\p{L}][\p{L}\p{M}'’-]*)/u.exec(text.slice(d.end, d.end + 40));
    if (after && coordinable(text, after[1], d.end + after[0].length - after[1].length)) {
      const start = d.end + after[0].length - after[1].length;
      out.push({ type: 'PERSON', start, end: start + after[1].length });
    }
    const before = /(?<!, )(?<![\p{L}\p{M}'’-])([\p{L}][\p{L}\p{M}'’-]*)(?: and | & |, )$/u.exec(
      text.slice(Math.max(0, d.start - 40), d.start),
    );
    if (before && coordinable(text, before[1], d.start - before[0].length)) {
      const start = d.start - before[0].length;
      // "Montoya, Yuliana" is one name written surname first; "Mirela and Rezarta" are two.
      if (before[0].endsWith(', ')) out.push({ type: 'PERSON', start, end: d.end });
      else out.push({ type: 'PERSON', start, end: start + before[1].length });
    }
  }
  return out;
}

const WORD = /[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*/gu;
const WORD_CHAR = /[\p{L}\p{M}\d]/u;

/** text[start, end) is a word of its own: not inside a longer word or a hyphenated compound; "Anna's" holds "Anna". */
function wholeWord(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) return false;
  if ((before === '-' || before === "'" || before === '’') && WORD_CHAR.test(text[start - 2] ?? '')) return false;
  if (after === '-' && WORD_CHAR.test(text[end + 1] ?? '')) return false;
  if ((after === "'" || after === '’') && !/^['’]s(?![\p{L}\p{M}])/u.test(text.slice(end, end + 3))) return false;
  return true;
}

/**
 * A lower-case word of an e-mail's local part counts next to another one ("aibek abdrakhmanov" and
 * aibek.abdrakhmanov76@…), with at most an initial between them.
 */
function pairedInEmail(text: string, start: number, end: number, parts: ReadonlySet<string>): boolean {
  const prev = /([\p{L}][\p{L}\p{M}'’]*)[ ]+(?:\p{L}\.?[ ]+)?$/u.exec(text.slice(Math.max(0, start - 48), start));
  const next = /^[ ]+(?:\p{L}\.?[ ]+)?([\p{L}][\p{L}\p{M}'’]*)/u.exec(text.slice(end, end + 48));
  return [prev?.[1], next?.[1]].some((w) => w !== undefined && w.length >= 3 && parts.has(w.toLowerCase()));
}
// Characters that glue a word into code, a path, a handle or an address.
const GLUE_BEFORE = new Set(['_', '$', '@', '#', '/', '\\', '.', '=', '{', '[', '`', '-', '<']);
const GLUE_AFTER = new Set(['_', '(', '@', '=', '`', '-', '>']);

/**
 * Every other occurrence of a word of a found name (three letters or more, not a common word), written
 * the same way, or in any case in a text without capitals: "Aitor is out sick" after "[22:51] Aitor: …".
 * Words of a local part of an e-mail that the text also writes as words ("Unai Garmendia" next to
 * unai.garmendia76@…) count as name words too, when written capitalized.
 */
export function propagateNames(text: string, found: Detection[], emails: Detection[]): Detection[] {
  const names = new Set<string>();
  const lowerText = !/\p{Lu}/u.test(text);
  const norm = (w: string) => (lowerText ? w.toLowerCase() : w);
  const usable = (w: string) => w.length >= 3 && plausibleNameWord(w) && !/^\p{Lu}+$/u.test(w);
  for (const d of found) for (const m of text.slice(d.start, d.end).matchAll(WORD)) if (usable(m[0])) names.add(norm(m[0]));
  const fromEmail = new Set<string>();
  for (const e of emails) {
    const local = text.slice(e.start, text.indexOf('@', e.start));
    for (const part of local.split(/[^\p{L}]+/u)) if (part.length >= 3) fromEmail.add(part.toLowerCase());
  }
  if (names.size === 0 && fromEmail.size === 0) return [];
  // Occurrences are found with indexOf per distinct word (a text names few people), not by a scan of all words.
  const hits: Array<[number, number]> = [];
  const collect = (hay: string, needle: string, accept: (start: number, end: number) => boolean) => {
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      if (wholeWord(text, at, end) && accept(at, end)) hits.push([at, end]);
    }
  };
  for (const n of names) collect(text, n, () => true);
  if (fromEmail.size) {
    const lower = text.toLowerCase();
    // Lower-casing keeps offsets unless a character changes length ("İ"); then only exact forms are searched.
    const hay = lower.length === text.length ? lower : text;
    for (const part of fromEmail) {
      if (names.has(norm(part))) continue;
      collect(hay, part, (a, b) => {
        const w = text.slice(a, b);
        return usable(w) && (lowerText || /^\p{Lu}\p{Ll}/u.test(w) || pairedInEmail(text, a, b, fromEmail));
      });
    }
  }
  hits.sort((x, y) => x[0] - y[0]);
  const out: Detection[] = [];
  for (const [start, end] of hits) {
    if (GLUE_BEFORE.has(text[start - 1] ?? '') || GLUE_AFTER.has(text[end] ?? '')) continue;
    if (text[end] === '.' && /[\p{L}\d]/u.test(text[end + 1] ?? '')) continue;
    const last = out[out.length - 1];
    if (last && start < last.end) continue;
    // Neighbouring name words are one name ("Marites Magsaysay").
    if (last && text.slice(last.end, start) === ' ') last.end = end;
    else out.push({ type: 'PERSON', start, end });
  }
  return out;
}
