import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';

// Names below are invented (no name list holds them), so only their place in the text can give them away.
const found = (t: string, type = 'PERSON') =>
  detectEntities(t)
    .filter((d) => d.type === type)
    .map((d) => t.slice(d.start, d.end));

describe('PERSON: roles, record labels and section words are not names', () => {
  it('does not read the labels of a record as speakers when each label appears once and holds a short value', () => {
    const t = 'Lot 7781\nSeller: Drevan Tolmirek\nBroker: Valen Orsk\nParcel: Kestrel Lane 16, Brannix\nAsking rent: $1200';
    const names = found(t);
    for (const label of ['Seller', 'Broker', 'Parcel', 'Asking rent']) expect(names).not.toContain(label);
    // Labels no word list holds: a record still, since each appears once with a short value.
    const u = found('Shipment 44\nConsignor: Drevan Tolmirek\nHaulier: Valen Orsk\nWaybill: 7781');
    for (const label of ['Consignor', 'Haulier', 'Waybill']) expect(u).not.toContain(label);
  });
  it('does not read role or department phrases in any of several languages as names', () => {
    for (const t of [
      'Kind regards, Zorvek, Loss Adjuster',
      'Accident report\nOther party\nCyclist: Quilane Vorst\nBicycle: red\nUnderwriter: Acme Mutual',
      'Le Bailleur: Quilane Vorst\nLocataire: Drevan Tolmirek',
      'Anmerkung des Gutachters: keine',
    ])
      for (const role of ['Loss Adjuster', 'Cyclist', 'Bicycle', 'Underwriter', 'Bailleur', 'Locataire', 'Gutachters'])
        expect(found(t), t).not.toContain(role);
  });
  it('does not read interjections, star signs or self-descriptions as names', () => {
    const t = 'customer: the second holder is my brother\nrep: okay ill add a note\ncustomer: yeah thanks\nrep: alright anything else';
    expect(found(t)).toEqual([]);
    expect(found('Bio: Pisces, coffee snob, Marvel fan, owner of a cat.')).toEqual([]);
  });
  it('does not read the verb before an @mention or an eponym joined by an en dash as a name', () => {
    expect(found('Ping @Zorvek or call me tomorrow.')).toEqual(['Zorvek']);
    expect(found('I can referee the Navier–Stokes paper and the Kolmogorov–Smirnov one.')).toEqual([]);
  });
  it('does not read a place named after a person ("… Park", "… Museum") as a person', () => {
    expect(found('We met near Brannix Park and then walked to the Tolmirek Museum.')).toEqual([]);
  });
});

describe('PERSON: handles and role nouns before a name', () => {
  it('reads @mentions and /u/ handles in prose as names', () => {
    expect(found('Thanks @Zorvek and @quilane, that fixed it. Also /u/Tolmirek on reddit agreed.')).toEqual([
      'Zorvek',
      'quilane',
      'Tolmirek',
    ]);
    expect(found('Follow me on Insta: @Drevan.Orsk or @quilane_vorst')).toEqual(['Drevan.Orsk', 'quilane_vorst']);
  });
  it('does not read decorators, scopes or group mentions as names', () => {
    for (const t of [
      '@Override\npublic void run() {}',
      'import { x } from "@scope/pkg";',
      '@media (max-width: 600px) { a { color: red } }',
      'ping @here and @channel when the deploy is done',
      'def f():\n    @functools.cache\n    return 1',
      '@app.route("/x")\ndef x(): pass',
      'mail ana.lima@example.org today',
    ])
      expect(found(t), t).toEqual([]);
  });
  it('reads a capitalised word after a person role noun as a name', () => {
    expect(found('The rent is paid monthly. Landlord Brannix to sign the lease.')).toEqual(['Brannix']);
    expect(found('Claimant Quilane Vorst was not injured; witness Drevan saw it.')).toEqual(['Quilane Vorst', 'Drevan']);
  });
  it('reads a name introduced by "I am" or "this is" when the name ends the phrase', () => {
    expect(found('Hey, I am Zorvek Quilane :) coffee lover, cat owner.')).toEqual(['Zorvek Quilane']);
    expect(found('This is Brannix, calling about my order.')).toEqual(['Brannix']);
    expect(found('I am Happy to help. This is Great news.')).toEqual([]);
  });
  it('reads a name before a possessive kin or call word', () => {
    expect(found("Hello, Drevan has a dentist visit, so Quilane's mum will pick her up after returning Orsk's call.")).toEqual(
      expect.arrayContaining(['Quilane', 'Orsk']),
    );
  });
  it('reads a name after a verb that takes a person when the tagger agrees', () => {
    expect(found('Please call Brannix (0412 555 019) before noon, or try contacting Quilane Vorst instead.')).toEqual([
      'Brannix',
      'Quilane Vorst',
    ]);
    expect(found('Hi Mr Orsk, can Ilvana get the homework by email?')).toEqual(expect.arrayContaining(['Ilvana']));
    expect(found('Please call Support or try contacting Kubernetes admins. Can Docker run here?')).toEqual([]);
    // Contact details right after the cued word settle it whatever the tagger says.
    expect(found('Call Keonari (021 448 780) or try contacting Lesandro directly at l.x@example.org.')).toEqual(['Keonari', 'Lesandro']);
  });
});
