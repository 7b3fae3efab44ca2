import { detectAddresses } from './detectors/address';
import { withoutAnimals } from './detectors/animals';
import { detectEmails } from './detectors/email';
import { detectCreditCards, detectIbans, detectSsns } from './detectors/financial';
import { detectIpv4, detectIpv6 } from './detectors/network';
import { detectPersons } from './detectors/person';
import { phraseNames } from './detectors/person-phrases';
import { contextNames, coordinatedNames, notAName, plausibleNameWord, propagateNames } from './detectors/person-context';
import {
  cuedNames,
  fieldLabel,
  handleNames,
  introducedNames,
  notAPersonHere,
  parenRoleNames,
  patronymNames,
  trimRoleWords,
} from './detectors/person-roles';
import { detectPhones } from './detectors/phone';
import { detectSecrets } from './detectors/secrets';
import { tagPersons } from './model/tagger';
import { ENTITY_TYPES, type Detection, type Detector, type EntityType } from './types';

/** Detectors in priority order: when spans overlap, the earlier (more specific) type wins. */
const DETECTORS: ReadonlyArray<[EntityType, Detector]> = [
  ['SECRET', detectSecrets],
  ['EMAIL', detectEmails],
  ['IBAN', detectIbans],
  ['CREDIT_CARD', detectCreditCards],
  ['US_SSN', detectSsns],
  ['IP_ADDRESS', (t) => [...detectIpv4(t), ...detectIpv6(t)]],
  ['PHONE', detectPhones],
  ['ADDRESS', detectAddresses],
  // Names: the cue and list rules, the context rules and the learned tagger; overlaps resolve to the longer span.
  ['PERSON', detectAllPersons],
];

/** Every person span, and each found name's other occurrences in the text (and names in e-mail local parts). */
function detectAllPersons(text: string): Detection[] {
  // A one-word reading of the tagger that is a role or a common word ("Todo:", "Customer:") is not a name.
  // So is a word alone before a colon at a line start: a field label, or a speaker that contextNames judges.
  const tagged = tagPersons(text).filter(
    (d) => /\s/.test(text.slice(d.start, d.end)) || (plausibleNameWord(text.slice(d.start, d.end)) && !fieldLabel(text, d)),
  );
  // A sign-off in any language ("Saludos", "Viele Grüße") or a role ("Support Team") is not a name, whichever
  // rule read it as one.
  let found = [
    ...detectPersons(text),
    ...tagged,
    ...contextNames(text),
    ...handleNames(text),
    ...introducedNames(text),
    ...cuedNames(text),
    ...parenRoleNames(text),
    ...patronymNames(text),
    ...phraseNames(text, !/\p{Lu}/u.test(text)),
  ].filter((d) => !notAName(text.slice(d.start, d.end)) && !notAPersonHere(text, d));
  for (const d of found) trimRoleWords(text, d);
  found = withoutAnimals(text, found);
  // A possessive "'s" is not part of the name ("Zorvek’s laptop").
  for (const d of found) if (d.end - d.start > 3 && /['’]s$/.test(text.slice(d.end - 2, d.end))) d.end -= 2;
  found.push(...propagateNames(text, found, text.includes('@') ? detectEmails(text) : []));
  return [...found, ...coordinatedNames(text, found)];
}

/**
 * All entities in text, non-overlapping, sorted by start. Detectors for types outside `entities`
 * still run when they outrank an enabled type, so e.g. a card number never becomes a phone number.
 */
export function detectEntities(text: string, entities: ReadonlySet<EntityType> = new Set(ENTITY_TYPES)): Detection[] {
  if (text.length === 0) return [];
  const accepted: Detection[] = [];
  const taken = new Uint8Array(text.length);
  let lowestEnabled = -1;
  DETECTORS.forEach(([type], i) => {
    if (entities.has(type)) lowestEnabled = i;
  });
  for (let i = 0; i <= lowestEnabled; i++) {
    const [, detector] = DETECTORS[i];
    const found = detector(text).sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const d of found) {
      if (d.end <= d.start) continue;
      let firstTaken = -1;
      for (let k = d.start; k < d.end; k++) {
        if (taken[k]) {
          firstTaken = k;
          break;
        }
      }
      if (firstTaken >= 0) {
        // An address whose trailing lines run into e.g. a phone number keeps its free head.
        if (d.type !== 'ADDRESS' || firstTaken - d.start < 8) continue;
        let end = firstTaken;
        while (end > d.start && /[\s,;:(]/.test(text[end - 1])) end--;
        d.end = end;
      }
      taken.fill(1, d.start, d.end);
      accepted.push(d);
    }
  }
  return accepted.filter((d) => entities.has(d.type)).sort((a, b) => a.start - b.start);
}
