import { COMMON_WORDS } from './detectors/words';
import type { Detection, EntityType } from './types';

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*$/u;

/** Participant names that are roles, not people: multi-agent setups name messages after them. */
const ROLE_WORDS = new Set(
  'admin agent analyst assistant bot client coder coordinator critic customer developer editor expert guide helper manager moderator narrator orchestrator planner researcher reviewer router server student summarizer supervisor support system teacher tester tool translator triage tutor user worker writer'.split(
    ' ',
  ),
);

/**
 * Whether a participant name also marks its occurrences in the texts: it must read as a person's name
 * (one to four capitalized words, none a common or role word), so that a name like `helper` or
 * `Planner` does not turn every such word of the conversation into a placeholder.
 */
export function namesAPerson(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length > 4) return false;
  return words.every((w) => NAME_WORD.test(w) && !COMMON_WORDS.has(w.toLowerCase()) && !ROLE_WORDS.has(w.toLowerCase()));
}

function standsAlone(text: string, start: number, end: number): boolean {
  return (start === 0 || !WORD_CHAR.test(text[start - 1])) && (end === text.length || !WORD_CHAR.test(text[end]));
}

/**
 * Occurrences in text of values the request itself marks as personal data (a message's `name`),
 * as whole words, exact case. Detectors may not know such a name; the request says it is one.
 */
export function findKnownValues(text: string, values: ReadonlyMap<string, EntityType>): Detection[] {
  const found: Detection[] = [];
  for (const [value, type] of values) {
    if (value.length < 2) continue;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      if (standsAlone(text, at, at + value.length)) found.push({ type, start: at, end: at + value.length });
    }
  }
  return found;
}

/** Detector spans (sorted, disjoint) plus the known-value spans that overlap none of them nor an earlier one. */
export function withKnownValues(detected: Detection[], known: Detection[]): Detection[] {
  if (known.length === 0) return detected;
  const sorted = [...known].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Detection[] = [];
  let d = 0;
  let lastEnd = 0;
  for (const k of sorted) {
    while (d < detected.length && detected[d].end <= k.start) d++;
    const hitsDetection = d < detected.length && detected[d].start < k.end;
    if (hitsDetection || k.start < lastEnd) continue;
    kept.push(k);
    lastEnd = k.end;
  }
  return kept.length === 0 ? detected : [...detected, ...kept].sort((a, b) => a.start - b.start);
}
