import type { Detection } from '../types';
import { GIVEN_NAMES, SURNAMES_SET } from '../names';
import { personProbabilityAt } from '../model/tagger';
import { plausibleNameWord } from './person-context';
import { PLACE_HEADS, TASTE_NOUNS, isRoleOrSectionWord } from './role-words';

/*
 * Names given away by the form they are written in rather than by the word: a forum or chat handle
 * ("@amina", "/u/Zhuk"); and spans that are not names because of the word after them ("Brannix Park").
 */

// Mentions of a group or a room, placeholders ("@handle"), and doc-comment and stylesheet at-rules, are not people.
const NOT_PEOPLE = new Set(
  `here channel everyone all team room group someone anyone param params returns return throws type typedef see
  example deprecated since author link override private public protected readonly abstract async callback class
  const default description enum event fires function generator ignore inheritdoc interface license member
  memberof module namespace property prop template this todo version yields arg argument file fileoverview
  internal remarks beta alpha experimental media import keyframes font-face supports tailwind apply layer mixin
  include extend use forward each if else test before after
  handle username user name mention foo bar baz example`.split(/\s+/),
);

const HANDLE = /(?<![\p{L}\p{N}_.@/\\-])(?:@|\/?u\/)(\p{L}[\p{L}\p{M}'’]*(?:[._]\p{L}[\p{L}\p{M}'’]*)?)(?=$|[\s,:;!?)]|\.(?:\s|$))/gmu;

/** "@amina", "@Almir," and "/u/Zhuk" in prose; not a decorator or doc tag alone at a line start. */
export function handleNames(text: string): Detection[] {
  if (!text.includes('@') && !text.includes('u/')) return [];
  const out: Detection[] = [];
  for (const m of text.matchAll(HANDLE)) {
    const word = m[1];
    // "@ana.lima", "@ana_lima": each part must read as a name word.
    if (NOT_PEOPLE.has(word.toLowerCase()) || !word.split(/[._]/).every(plausibleNameWord)) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd < 0) lineEnd = text.length;
    // "@Override" or " * @param x" opens a line of code or a doc comment; a mention sits among words.
    const before = text.slice(lineStart, m.index);
    const after = text.slice(m.index + m[0].length, lineEnd);
    if (/^[\s*/#]*$/.test(before) && !/^[ ,:]+\p{Ll}+[ ,!.]/u.test(after)) continue;
    const start = m.index + m[0].length - word.length;
    out.push({ type: 'PERSON', start, end: start + word.length });
  }
  return out;
}

// A saint before a name makes it a place's ("St Andrew's Church"). San/Santa/São are left out: they also start
// surnames ("San Nicolas", "Santa Maria").
const SAINT_BEFORE = /(?<![\p{L}\p{N}])(?:st|ste|saint|sainte|sankt)\.?[ \t]+$/iu;
const SAINT_HEAD = /^(?:st|ste|saint|sainte|sankt)\.?[ \t]+\p{L}/iu;

/**
 * True when the span's surroundings say it is not a person: a capitalised place word after it ("Brannix Park",
 * "Tolmirek Museum"); a taste noun after it ("Marvel fan"); an @mention right after one word, which makes that
 * word the verb ("Ping @ana"); or an en dash joining it to another capitalised word, the form of an eponym
 * ("Navier–Stokes", "Kolmogorov–Smirnov").
 */
export function notAPersonHere(text: string, d: Detection): boolean {
  const after = text.slice(d.end, d.end + 16);
  const m = /^(?:['’]s)? (\p{Lu}\p{Ll}+)/u.exec(after);
  if (m !== null && PLACE_HEADS.has(m[1].toLowerCase())) return true;
  // A saint's name is part of a place's ("St Andrew's Church"), not a person here.
  if (SAINT_BEFORE.test(text.slice(Math.max(0, d.start - 8), d.start)) || SAINT_HEAD.test(text.slice(d.start, d.end))) return true;
  const taste = /^ (\p{Ll}+)/u.exec(after);
  if (taste !== null && TASTE_NOUNS.has(taste[1])) return true;
  if (/^ @\p{L}/u.test(after) && !/\s/.test(text.slice(d.start, d.end)) && text[d.start - 1] !== '@') return true;
  return /\p{L}–$/u.test(text.slice(Math.max(0, d.start - 2), d.start)) || /^–\p{Lu}/u.test(after);
}

/** Drops role words at the head of a span: "Claimant Quilane Vorst" names "Quilane Vorst". */
export function trimRoleWords(text: string, d: Detection): void {
  for (;;) {
    const m = /^(\p{L}+)[ \t]+(?=\p{L})/u.exec(text.slice(d.start, d.end));
    if (!m || plausibleNameWord(m[1]) || !isRoleOrSectionWord(m[1].toLowerCase())) return;
    d.start += m[0].length;
  }
}

/**
 * A word alone before a colon at a line start is a field label ("Haulier: …"), not a name, unless the text is a
 * transcript, where the speaker rule of person-context.ts reads it.
 */
export function fieldLabel(text: string, d: Detection): boolean {
  if (text[d.end] !== ':' && !/^[ \t]+:/.test(text.slice(d.end, d.end + 4))) return false;
  return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', d.start - 1) + 1, d.start));
}

const INTRO_WORD = String.raw`\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)?`;
// "I am Ana Lima :)", "this is Ana, calling…", "its ana lima calling": a name, and the phrase ends with it.
const INTRO = new RegExp(
  String.raw`(?<![\p{L}])(?:i am|i'm|im|this is|it's|its|it is)[ \t]+(${INTRO_WORD})(?:[ \t]+(${INTRO_WORD}))?(?=[ \t]*(?:[,.!;:)(\n]|$|[ \t](?:from|here|calling|speaking|and)\b))`,
  'gidu',
);
const INTRO_MIN_P = 0.15;

function nameAt(text: string, word: string, start: number): boolean {
  if (!plausibleNameWord(word)) return false;
  const key = word.toLowerCase();
  if (GIVEN_NAMES.has(key) || SURNAMES_SET.has(key)) return true;
  return personProbabilityAt(text, start) >= (/^\p{Lu}/u.test(word) ? INTRO_MIN_P : 2 * INTRO_MIN_P);
}

/** A name after "I am" / "this is" that ends the phrase (not "I am happy to help"). */
export function introducedNames(text: string): Detection[] {
  if (!/\b(?:i am|i'm|im|this is|its|it's|it is) /i.test(text)) return [];
  const out: Detection[] = [];
  for (const m of text.matchAll(INTRO)) {
    const [s1, e1] = m.indices![1]!;
    if (!nameAt(text, m[1], s1)) continue;
    // Without a second word the name must itself end the phrase; with one, both must read as name words.
    if (m[2] !== undefined) {
      const [s2, e2] = m.indices![2]!;
      if (nameAt(text, m[2], s2)) out.push({ type: 'PERSON', start: s1, end: e2 });
      continue;
    }
    out.push({ type: 'PERSON', start: s1, end: e1 });
  }
  return out;
}

// Verbs and phrases whose object is a person ("call Ana", "contacting Ana Lima", "signed by Ana", "picked up
// by Ana"), and modal questions whose subject is one ("can Ana get …"): a capitalised word after them is a name
// when the tagger leans that way too (a cue alone would read "call Support" or "can Docker run").
const OBJECT_CUE = String.raw`(?:call|calling|contact|contacting|ask for|asking for|signed by|reported by|filed by|authori[sz]ed by|enquiries to|inquiries to|served on|summons on|picked up by|collected by|thanks to|grateful to|invite|inviting|visit|visiting|meet|meeting|email|emailing|text|texting|phone|phoning|ring|remind|tell|told|ask|asked|welcome|congratulate)`;
// Cue words in lower case or capitalised; the name words themselves must be capitalised, so no 'i' flag.
const anyCase = (alternation: string) =>
  alternation.replace(/(^|\||\(\?:|\()([a-z])/g, (_, b: string, c: string) => `${b}[${c}${c.toUpperCase()}]`);
const CUED = new RegExp(
  String.raw`(?<![\p{L}])(?:(${anyCase(OBJECT_CUE)})|(${anyCase('(?:can|could|will|would|should|did|does|may|might)')}))[ \t]+(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?)(?:[ \t]+(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?))?(?=([ \t]+\p{Ll}+)?)`,
  'gdu',
);
const CUED_MIN_P = 0.05;
const CONTACT_AFTER = /^[ \t]*(?:\([ \t]*[+\d]|(?:directly[ \t]+)?(?:at|on|via)[ \t]+(?:[+\d]|[^\s@]+@))/;

/** A name after a verb that takes a person, or the subject of a modal question, that the tagger also reads as one. */
export function cuedNames(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(CUED)) {
    // A modal's subject is followed by its verb in lower case ("can Ana get"), not by a capitalised word.
    if (m[2] !== undefined && (m[4] !== undefined || m[5] === undefined)) continue;
    const [s1, e1] = m.indices![3]!;
    if (!plausibleNameWord(m[3])) continue;
    // Contact details right after the name ("Call Ana (0412 …)", "contacting Ana directly at ana@…") settle it.
    const nameEnd = m[4] !== undefined && plausibleNameWord(m[4]) ? m.indices![4]![1] : e1;
    const contact = m[1] !== undefined && CONTACT_AFTER.test(text.slice(nameEnd, nameEnd + 24));
    if (!contact && personProbabilityAt(text, s1) < CUED_MIN_P) continue;
    let end = e1;
    if (m[4] !== undefined && plausibleNameWord(m[4]) && (contact || personProbabilityAt(text, m.indices![4]![0]) >= CUED_MIN_P))
      end = m.indices![4]![1];
    out.push({ type: 'PERSON', start: s1, end });
  }
  return out;
}

// A person's role or kinship in brackets right after a name, then their number or address: "Rimon (coach)
// +686 750 50439", "A. Baryn (son), +7918…". The bracketed role says the words before it are a person.
const BRACKETED_ROLE = String.raw`[ ]\((?:coach|captain|manager|son|daughter|mother|father|mum|mom|dad|wife|husband|parent|guardian|grandmother|grandfather|brother|sister|uncle|aunt|nephew|niece|friend|neighbou?r|carer)\)`;
const PAREN_ROLE = new RegExp(
  String.raw`(?<![\p{L}\p{M}'’.-])((?:\p{L}\.[ ]?)?\p{L}[\p{L}\p{M}'’-]*(?:[ ](?:\p{L}\.|\p{L}[\p{L}\p{M}'’-]*)){0,2})${BRACKETED_ROLE},?[ ]*(?=[+(\d]|[^\s@]+@)`,
  'giu',
);
// Every match holds the bracketed role: a text without one skips the pattern, which is tried at every letter.
const BRACKETED_ROLE_HINT = new RegExp(BRACKETED_ROLE, 'iu');

/** Names right before a bracketed role and contact details ("Rimon (coach) 72040114"). */
export function parenRoleNames(text: string): Detection[] {
  if (!text.includes(' (') || !BRACKETED_ROLE_HINT.test(text)) return [];
  const out: Detection[] = [];
  for (const m of text.matchAll(PAREN_ROLE)) {
    const words = m[1].split(' ');
    let start = m.index;
    // Leading words that are no name ("the clubhouse. Rimon") are the sentence before it.
    while (words.length && !/^\p{L}\.$/u.test(words[0]) && !plausibleNameWord(words[0])) start += words.shift()!.length + 1;
    if (words.length === 0 || !words.every((w) => /^\p{L}\.$/u.test(w) || plausibleNameWord(w))) continue;
    out.push({ type: 'PERSON', start, end: start + words.join(' ').length });
  }
  return out;
}

// A patronym: a given name, a "son/daughter of" particle, the father's name ("Sabai ak Ngelambong", "Mary anak
// Langgu", "Ahmed ould Salem", "Moussa ag Intalla", "Ali bin Osman"). The particle between two capitalised words
// says they are one person's name.
const PATRONYM =
  /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{Ll}\p{M}'’-]+)[ ](?:anak|ak|bin|binti|bint|ibn|ould|ag)[ ](\p{Lu}[\p{Ll}\p{M}'’-]+)(?![\p{L}\p{M}])/gu;
const PATRONYM_HINT = / (?:anak|ak|bin|binti|bint|ibn|ould|ag) \p{Lu}/u;

/** Names joined by a patronym particle. */
export function patronymNames(text: string): Detection[] {
  if (!PATRONYM_HINT.test(text)) return [];
  const out: Detection[] = [];
  for (const m of text.matchAll(PATRONYM))
    if (plausibleNameWord(m[1]) && plausibleNameWord(m[2])) out.push({ type: 'PERSON', start: m.index, end: m.index + m[0].length });
  return out;
}
