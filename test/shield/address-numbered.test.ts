import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';

// Streets, towns and postcodes below are invented; only the form of the address can give them away.
const found = (t: string) =>
  detectEntities(t)
    .filter((d) => d.type === 'ADDRESS')
    .map((d) => t.slice(d.start, d.end));

describe('ADDRESS: marked house numbers and street types of more languages', () => {
  it('reads street lines led by a house, plot, building or door number', () => {
    expect(found('The pipe burst at No. 41, Velora Road, Brannix 552310 on Monday.')).toEqual(['No. 41, Velora Road, Brannix 552310']);
    expect(found('Send it to Plot No. 12, Road No. 9, Kestrel Colony, Tolmir, 500123.')).toEqual([
      'Plot No. 12, Road No. 9, Kestrel Colony, Tolmir, 500123',
    ]);
    expect(found('our office: d.no. 14-3-27, mill road, quilane.')).toEqual(['d.no. 14-3-27, mill road, quilane']);
    expect(found('Moved to House 88/2, Orvane Sector, Drevan 40112.')).toEqual(['House 88/2, Orvane Sector, Drevan 40112']);
  });
  it('reads a number before a street whose type word comes first', () => {
    expect(found('stolen from 27, Triq il-Vorsa, Brannix VLT 4521. Call')).toEqual(['27, Triq il-Vorsa, Brannix VLT 4521']);
  });
  it('reads house numbers with their marker and Galician, Belarusian and Peruvian street types', () => {
    expect(found('lives at Velorska Tolmira br. 52, 71000 Brannix.')).toEqual(['Velorska Tolmira br. 52, 71000 Brannix']);
    expect(found('of Jr. Quilane N° 93, Orvane, 05795, is ordered')).toEqual(['Jr. Quilane N° 93, Orvane, 05795']);
    expect(found('Rúa do Brannix, 12, 15001 Orvane')).toEqual(['Rúa do Brannix, 12, 15001 Orvane']);
    expect(found('Tolmirskaha praspiekt, 154, 220112 Drevan')).toEqual(['Tolmirskaha praspiekt, 154, 220112 Drevan']);
  });
  it('reads a postcode of five and five digits after the town', () => {
    expect(found('at No. 63, Velora St., Brannix 19947-85764. Call back')).toEqual(['No. 63, Velora St., Brannix 19947-85764']);
  });
  it('does not read numbered items, counts or invoice numbers as streets', () => {
    for (const t of [
      'See No. 5, the best of them all.',
      'We had 3 options, 2 of them bad.',
      'Invoice No. 123, paid in full.',
      'Ticket #42, fixed in release 7.',
    ])
      expect(found(t), t).toEqual([]);
  });
});

describe('ADDRESS: post office boxes', () => {
  it('reads a post office box in any case and in several languages', () => {
    const cases: Array<[string, string]> = [
      ['Send the forms to P.O. Box 5694 before Friday.', 'P.O. Box 5694'],
      ['mail: p.o. box 67348-00100, nairobi', 'p.o. box 67348-00100'],
      ['Write to PO Box MP 929 in Mount Pleasant.', 'PO Box MP 929'],
      ['Postal address: GPO Box 5544.', 'GPO Box 5544'],
      ['Private Bag 12 is the office.', 'Private Bag 12'],
      ['Antwoord naar Postbus 2210 graag.', 'Postbus 2210'],
      ['Bitte an Postfach 10 02 45 senden.', 'Postfach 10 02 45'],
    ];
    for (const [t, box] of cases) expect(found(t).join(' | '), t).toContain(box);
  });
  it('reads a French building number alone, as a unit', () => {
    expect(found('the washing machine in bât. 5 is leaking again')).toEqual(['bât. 5']);
    expect(found('Entrée B, Bâtiment 12, 3e étage').join(' | ')).toContain('Bâtiment 12');
  });
  it('does not read a box number without the post office words', () => {
    for (const t of ['Put box 12 on the shelf.', 'The inbox 5 rule fires twice.', 'Check the tick box 3 first.'])
      expect(found(t), t).toEqual([]);
  });
});
