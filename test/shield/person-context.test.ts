import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';

// Names below are invented (no name list holds them), so only their place in the text can give them away.
const found = (t: string, type = 'PERSON') =>
  detectEntities(t)
    .filter((d) => d.type === type)
    .map((d) => t.slice(d.start, d.end));

describe('PERSON by context', () => {
  it('reads speaker labels of a transcript, with time stamps, IRC nicks and "(dm)" notes', () => {
    expect(found('[10:32] zorvek: anyone seen the release notes?\n[10:33] quilane: zorvek they are in the wiki')).toEqual([
      'zorvek',
      'quilane',
      'zorvek',
    ]);
    expect(found('<Brannix> pushed the fix, can someone review?\n<Tolvane> sure, after lunch')).toEqual(['Brannix', 'Tolvane']);
    expect(found('Agent (Mirelka): Thanks for waiting, how can I help?\nCustomer: my parcel never arrived')).toEqual(['Mirelka']);
  });
  it('does not read config keys, log levels or roles as speakers', () => {
    for (const t of [
      'image: nginx latest build\nports: expose both of them\ncommand: run the server now',
      'INFO: starting worker pool\nWARN: retrying the upstream call',
      'User: what is the weather like?\nAssistant: it is sunny today',
      'Customer: the parcel never came\nAgent: let me check that for you',
      'Note: the cache is cold\nTodo: warm it up first',
    ])
      expect(found(t), t).toEqual([]);
  });
  it('does not read the labels of a record with one prose field as speakers', () => {
    const t =
      'Patient: Biscuit (Labrador, 7 y)\nOwner: Drevan Tolmirek\nTel: 72-12865\nVet: Mrs Iulia Seiuli\n' +
      'Diagnosis: otitis externa, drops twice daily for ten days';
    const names = found(t);
    for (const label of ['Tel', 'Vet', 'Diagnosis', 'Owner', 'Patient']) expect(names, label).not.toContain(label);
    expect(names).toContain('Drevan Tolmirek');
  });
  it('reads the display name before an e-mail in headers and trailers', () => {
    expect(found('Signed-off-by: Drevan Tolmirek <dt@example.org>\nReported-by: Orsk, Valen <vo@example.org>')).toEqual([
      'Drevan Tolmirek',
      'Orsk, Valen',
    ]);
    expect(found('From: GitHub Notifications <noreply@github.com>')).toEqual([]);
  });
  it('reads one word addressed by thanks or welcome, in any case', () => {
    expect(found('thanks, zorvek! and welcome quilane!')).toEqual(['zorvek', 'quilane']);
    expect(found('Thanks, everyone! Welcome aboard.')).toEqual([]);
  });
  it('finds a found name again elsewhere in the text and the other half of "A and B" or "Surname, Given"', () => {
    expect(found('[09:01] Brannix: is Tolvane in today?\n[09:02] Quorra: no, ask Brannix')).toEqual([
      'Brannix',
      'Tolvane',
      'Quorra',
      'Brannix',
    ]);
    expect(found('Hi Zorvek, this broke staging for Zorvek and Quilane.')).toEqual(['Zorvek', 'Zorvek', 'Quilane']);
  });
  it('reads name words that also make up an e-mail local part', () => {
    expect(found('Booking confirmed for zorvek quilane. Ticket sent to zorvek.quilane77@example.com.')).toEqual(['zorvek quilane']);
  });
  it('reads the signature under a closing in many languages, never the closing itself', () => {
    for (const [t, v] of [
      ['See you then.\n\nBest wishes,\nZorvek', ['Zorvek']],
      ['Nos vemos.\n\nSaludos,\nZorvek Quilane', ['Zorvek Quilane']],
      ['Bis bald.\n\nViele Grüße\nBrannix', ['Brannix']],
      ['Dzięki\n\nPozdrawiam,\nTolvane', ['Tolvane']],
      ['ok see you\n\nthanks,\nzorvek', ['zorvek']],
      ['Regards,\nSupport Team', []],
      ['Cheers,\nSee you tomorrow', []],
    ] as const)
      expect(found(t), t).toEqual(v);
  });
  it('reads the name after "call me" in lower-case text, and leaves a possessive "’s" out of the name', () => {
    expect(found('ok call me zorvek tomorrow')).toEqual(['zorvek']);
    expect(found('my name is not important')).toEqual([]);
    expect(found('My colleague Zorvek’s laptop is broken.')).toEqual(['Zorvek']);
  });
  it('keeps Malay and Irish particles inside the name', () => {
    expect(found('Patient: Muhammad binti Kamarudin arrived')).toEqual(['Muhammad binti Kamarudin']);
    expect(found('Guest: Siobhán Mac Suibhne, Galway')).toEqual(['Siobhán Mac Suibhne']);
  });
  it('keeps Central European and Dutch titles out of the name', () => {
    expect(found('Sincerely,\nIng. Brannix Tolvane\nSales')).toEqual(['Brannix Tolvane']);
    expect(found('Good morning, Mgr. Brannix Tolvane asked me to confirm.')).toEqual(['Brannix Tolvane']);
    expect(found('Dear Mevr. Tolvane, thanks')).toEqual(['Tolvane']);
  });
  it('reads numbered person labels and relation words', () => {
    expect(found('Traveller 1: zorvek quilane\nTraveller 2: Brannix Tolvane')).toEqual(['zorvek quilane', 'Brannix Tolvane']);
    expect(found('Your driver Brannix will meet you at arrivals.')).toEqual(['Brannix']);
  });
});

describe('ADDRESS street formats', () => {
  it('reads Turkic, Basque and Albanian street types and Colombian street lines', () => {
    for (const [t, v] of [
      ['Billing: Jibek Jolu ul. 105, Naryn 720073', 'Jibek Jolu ul. 105, Naryn 720073'],
      ['residing at Kievskaya köchösü 84, kv. 29', 'Kievskaya köchösü 84, kv. 29'],
      ['take you to Errekalde kalea, 156, 48035 Gasteiz.', 'Errekalde kalea, 156, 48035 Gasteiz'],
      ['take you to Calle 45 # 49-57 today', 'Calle 45 # 49-57'],
      ['residing at Bulevardi Dëshmorët e Kombit 142', 'Bulevardi Dëshmorët e Kombit 142'],
      ['take you to Carrera 80 # 60-8, Bucaramanga 117946.', 'Carrera 80 # 60-8, Bucaramanga 117946'],
      ['Billing: Bidebarrieta plaza, 167, 66. eskuina, 48873 Irun', 'Bidebarrieta plaza, 167, 66. eskuina, 48873 Irun'],
    ] as const)
      expect(found(t, 'ADDRESS'), t).toEqual([v]);
  });
  it('reads name-type-number streets in English order, Mongolian and Faroese types, floors and Argentine postcodes', () => {
    for (const [t, v] of [
      ['lives at Ngong Street 47, Nairobi 00100', 'Ngong Street 47, Nairobi 00100'],
      ['address: Juulchin gudamj 125, Ulaanbaatar', 'Juulchin gudamj 125, Ulaanbaatar'],
      ['Niels Finsens gøta 178, 6. hædd, 100 Tórshavn', 'Niels Finsens gøta 178, 6. hædd, 100 Tórshavn'],
      ['Calle Florida 120, C1005AAF Buenos Aires', 'Calle Florida 120, C1005AAF Buenos Aires'],
    ] as const)
      expect(found(t, 'ADDRESS'), t).toEqual([v]);
    expect(found('we walked the main road 5 miles', 'ADDRESS')).toEqual([]);
  });
  it('does not read a plaza or a ticket number as an address', () => {
    for (const t of ['We met at the plaza, 5 of us stayed.', 'Ticket #45-57 is fixed.', 'the calle # 5-7 is unknown'])
      expect(found(t, 'ADDRESS'), t).toEqual([]);
  });
});
