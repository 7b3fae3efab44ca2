import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';

const found = (t: string) =>
  detectEntities(t)
    .filter((d) => d.type === 'PERSON')
    .map((d) => t.slice(d.start, d.end));

describe('PERSON: animals are not people', () => {
  it('drops a name marked as an animal by a species word beside it, and its other mentions', () => {
    const t =
      'Patient: Marlo (Labrador, 7 y)\nOwner: Drevan Tolmirek\nNotes: Marlo ate well. ' +
      "Tolmirek's cat Mr Pebbles seen for weight loss. Horse passport transfer: Bella Rosa (mare) sold by Ana Lima.";
    const names = found(t);
    for (const pet of ['Marlo', 'Pebbles', 'Mr Pebbles', 'Bella Rosa']) expect(names, pet).not.toContain(pet);
    expect(names).toContain('Drevan Tolmirek');
    expect(names).toContain('Ana Lima');
  });
  it('keeps people next to animal words used as roles or in other senses', () => {
    expect(found('Ana Lima (dog walker) called about the keys.')).toContain('Ana Lima');
    expect(found('Seen by Dr Tomas Berg, the vet on call; owner Ana Lima.')).toEqual(expect.arrayContaining(['Tomas Berg', 'Ana Lima']));
  });
  it('keeps a person after a species word that also names people', () => {
    expect(found('Our cat is fine. Tonight the boxer Tyson Fury meets Ana Lima.')).toContain('Tyson Fury');
    expect(found('The dog is fine; ask the python developer Drevan Tolmirek about the script.')).toContain('Drevan Tolmirek');
  });
});
