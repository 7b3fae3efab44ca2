import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';
import { detectAddresses } from '../../src/shield/detectors/address';
import { GIVEN_NAMES, SURNAMES_SET } from '../../src/shield/names';
import { candidateMask, isLowerText, tokenize } from '../../src/shield/model/features';
import { tagPersons, tagStreets } from '../../src/shield/model/tagger';

const found = (text: string, type = 'PERSON') =>
  detectEntities(text)
    .filter((d) => d.type === type)
    .map((d) => text.slice(d.start, d.end));
const listed = (w: string) => GIVEN_NAMES.has(w.toLowerCase()) || SURNAMES_SET.has(w.toLowerCase());

describe('learned name tagger', () => {
  it('finds names that are in no name list, without a cue word', () => {
    const cases: Array<[string, string]> = [
      ['Please forward the signed contract to Ondřej Vaculík before Friday.', 'Ondřej Vaculík'],
      ['i talked to ragnhild haraldsen about the invoice yesterday', 'ragnhild haraldsen'],
    ];
    for (const [text, name] of cases) {
      for (const w of name.split(' ')) expect(listed(w), w).toBe(false);
      expect(found(text), text).toEqual([name]);
      expect(tagPersons(text).map((d) => text.slice(d.start, d.end))).toEqual([name]);
    }
  });
  it('does not tag tools, products, units, keywords or type annotations', () => {
    for (const text of [
      'Grafana dashboard shows 40% CPU; Terraform and Kubernetes upgrades are pending.',
      'We rented a Ford Focus for the trip. SKUs like SKU-88A7-XL ship on Monday.',
      'class Artifact:\n    name: str\n    version: str',
      'BEGIN:VCARD\nVERSION:3.0\nEND:VCARD',
      'Upgrade Python 3 and Windows 11 today; 67 MB left.',
    ]) {
      expect(detectEntities(text), text).toEqual([]);
    }
  });
  it('grows a name read from one word by the neighbouring name part, not by a verb in lower-case text', () => {
    const t = "INSERT INTO customers (name, street, city) VALUES ('Mahir Arda', 'Sıran Söğüt Sokak 67', 'Kırıkkale');";
    expect(tagPersons(t).map((d) => t.slice(d.start, d.end))).toEqual(['Mahir Arda']);
    const lower = 'hello astrida, your request 0948 has been updated. agent naneta matyáš replied: we have re-sent the parcel';
    expect(tagPersons(lower).map((d) => lower.slice(d.start, d.end))).not.toContain('naneta matyáš replied');
  });
  it('does not read a unit after a number as a name or a street', () => {
    const t = 'Mar 14 10:09:34 host-1 kernel: [61395.657149] eth0: link up, 1000 Mbps, full duplex, flow control rx/tx';
    expect(detectEntities(t)).toEqual([]);
    expect(tagStreets(t)).toEqual([]);
  });
  it('reads "Surname, Given" as one name, but not a list of given names', () => {
    const t = 'Leave the keys with the neighbour, Haraldsen, Ragnhild, if nobody answers.';
    expect(tagPersons(t).map((d) => t.slice(d.start, d.end))).toEqual(['Haraldsen, Ragnhild']);
    const list = 'Standup: Kara, Bill, Sara are out.';
    expect(tagPersons(list).every((d) => !list.slice(d.start, d.end).includes(','))).toBe(true);
  });
  it('judges lower-case words in capitalized text only after a listed given name', () => {
    const t = 'Your order is on its way to magnus lindqvist, Main Street 4.';
    const tokens = tokenize(t);
    const mask = candidateMask(t, tokens, isLowerText(t, tokens));
    const judged = tokens.filter((_, i) => mask[i]).map((k) => t.slice(k.start, k.end));
    expect(judged).toEqual(expect.arrayContaining(['magnus', 'lindqvist']));
    expect(judged).not.toContain('order');
  });
  it('reads streets with a house number as the start of an address', () => {
    const t = 'The parcel went to Drinska 961, Beograd yesterday.';
    expect(tagStreets(t).map(([a, b]) => t.slice(a, b))).toEqual(['Drinska 961']);
    expect(detectAddresses(t).map((d) => t.slice(d.start, d.end))).toEqual(['Drinska 961, Beograd']);
  });
  it('bounds its work on huge inputs of capitalized words', () => {
    const text = 'Maria Garcia Dr Street Road Mr Ms '.repeat(30000);
    const t0 = performance.now();
    tagPersons(text);
    expect(performance.now() - t0).toBeLessThan(8000);
  });

  it('reads a text the same whether its words are cached, evicted by other texts, or beyond the cache in one text', () => {
    const text = 'Please forward the signed contract to Ondřej Vaculík before Friday.';
    const names = (t: string) => tagPersons(t).map((d) => t.slice(d.start, d.end));
    const cold = names(text);
    expect(cold).toEqual(['Ondřej Vaculík']);
    expect(names(text)).toEqual(cold);
    // Thousands of distinct tokens from other texts: the per-isolate cache empties and refills.
    for (let i = 0; i < 12; i++) {
      const filler = Array.from({ length: 500 }, (_, k) => `Zorblat${i}x${k} met Quennick${i}y${k} near Vexmoor${k}.`).join(' ');
      tagPersons(filler);
    }
    expect(names(text)).toEqual(cold);
    // One text with more distinct tokens than the cache holds: the name at its end reads as it does alone.
    const long = `${Array.from({ length: 5000 }, (_, k) => `item${k}`).join(' ')}. ${text}`;
    expect(names(long)).toEqual(cold);
  });
});
