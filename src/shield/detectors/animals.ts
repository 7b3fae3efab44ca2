/**
 * Animals named in a text (patients of a vet, horses in a passport) are not people. A name is an animal's
 * when a species or breed word stands right beside it: "Marlo (Labrador, 7 y)", "Bella Rosa (mare)",
 * "her cat Mr Pebbles", "the dog Rex". Species words are a closed class; a bracket that goes on with
 * another word ("(dog walker)") describes a person, so the bracket must hold the species alone, or with an
 * age or a further note after a comma.
 */
import type { Detection } from '../types';

const SPECIES = new Set(
  (
    'cat kitten tomcat dog puppy pup bitch canine feline equine horse mare stallion gelding colt filly foal pony ' +
    'donkey rabbit bunny hamster ferret guinea-pig parrot budgie cockatiel canary tortoise turtle lizard gecko ' +
    'snake python goat sheep ewe lamb ram cow calf heifer bull pig piglet sow hen rooster alpaca llama ' +
    'labrador retriever terrier spaniel poodle collie beagle dachshund bulldog boxer husky greyhound whippet ' +
    'chihuahua pug rottweiler doberman schnauzer tabby siamese persian maine-coon ragdoll cockapoo labradoodle'
  ).split(' '),
);

// Texts naming no species skip the per-name checks (a 1 MB text can hold tens of thousands of names).
const SPECIES_HINT = new RegExp(String.raw`(?<![\p{L}])(?:${[...SPECIES].join('|')})`, 'iu');

const BRACKET_AFTER = /^[ \t]*\((\p{L}+(?:[ -]\p{L}+)?)[ \t]*(?:[,;)]|\d)/u;
const WORD_BEFORE = /(?:^|[^\p{L}])(\p{Ll}+)[ \t]+(?:(?:mr|mrs|miss|ms|sir|lady|little|big|old)\.?[ \t]+)?$/iu;

function isSpecies(phrase: string): boolean {
  const key = phrase.toLowerCase();
  return SPECIES.has(key) || SPECIES.has(key.replace(' ', '-')) || key.split(/[ -]/).some((w) => SPECIES.has(w) && w.length > 3);
}

/**
 * Species words that also name people ("the boxer Tyson Fury", "python dev Ana Lima", "old bull Ray"): before
 * a name they prove nothing, and letting a person through uncloaked costs more than cloaking a pet.
 */
const ALSO_PEOPLE = new Set(['boxer', 'python', 'bull', 'ram', 'bitch', 'colt', 'lamb', 'pup', 'ewe', 'sow', 'pug', 'husky', 'canary']);

/** Whether the span names an animal by the words right beside it. */
function markedAsAnimal(text: string, d: Detection): boolean {
  const after = BRACKET_AFTER.exec(text.slice(d.end, d.end + 40));
  if (after !== null && isSpecies(after[1])) return true;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, d.start - 24), d.start));
  return before !== null && SPECIES.has(before[1]) && !ALSO_PEOPLE.has(before[1]);
}

/**
 * Drops person spans that name an animal, and every other span with the same text: once a text calls
 * "Marlo" a Labrador, "Marlo ate well" is the dog too.
 */
export function withoutAnimals(text: string, found: Detection[]): Detection[] {
  if (found.length === 0 || !SPECIES_HINT.test(text)) return found;
  let animals: Set<string> | null = null;
  for (const d of found) {
    if (!markedAsAnimal(text, d)) continue;
    (animals ??= new Set()).add(text.slice(d.start, d.end).toLowerCase());
  }
  if (animals === null) return found;
  const names = animals;
  return found.filter((d) => !names.has(text.slice(d.start, d.end).toLowerCase()));
}
