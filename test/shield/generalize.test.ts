import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';

// Names and streets below are invented (no list holds them): only their place in the text can give them away.
const found = (t: string, type = 'PERSON') =>
  detectEntities(t)
    .filter((d) => d.type === type)
    .map((d) => t.slice(d.start, d.end));

describe('PERSON: general context rules', () => {
  it('reads the value of a field labelled by a role ("Night Auditor: …") as a name', () => {
    expect(found('Rm 307: wake-up call at 6\nNight Auditor: Zorvana\nDuty Manager on call: +44 20 7946 0958')).toContain('Zorvana');
    expect(found('shift notes\nnight auditor: kestrin vadu\nlinen: restocked')).toContain('kestrin vadu');
  });
  it('does not read a role label over a value that is not a name', () => {
    expect(found('Night Auditor: on leave until Friday')).toEqual([]);
    expect(found('Duty Manager: 2 staff, 3 interns')).toEqual([]);
  });
  it('does not read a saint in a place name ("St Andrew\'s Church") as a person', () => {
    expect(found("Ceremony: St Andrew's Church, reception at Hampton Manor")).toEqual([]);
    expect(found('Meet at Saint Peter Street, then lunch at San Martino.')).toEqual([]);
  });
  it('does not read a listed surname that labels an amount ("Price: £2550") as a speaker', () => {
    const t = 'Volume: 3-bed house, piano\nPrice: £2550.90\nBy: Zorvek';
    expect(found(t)).not.toContain('Price');
  });
  it('reads the surname before a family event or household ("the Kapembwa wedding") as a name', () => {
    expect(found('Second shooter for the Tolmirek wedding: ask the office.')).toEqual(['Tolmirek']);
    expect(found('survey notes: the Vaculdar family, lots of books')).toEqual(['Vaculdar']);
    expect(found('The Garden wedding package and the Winter family offer')).toEqual([]);
  });
  it('does not read a lower-case chat line after a speaker label as a name', () => {
    const t =
      'tenant: the washing machine is leaking again\nlandlord: sorry about that, ill send a plumber\ncustomer: coming down now, im at the gate';
    expect(found(t)).toEqual([]);
  });
  it('does not read kin words, lodgers or service desks as names', () => {
    expect(found("Grandma's address book: Naivalu, Waisea")).not.toContain('Grandma');
    expect(found('Head: Drevan Tolmirek. Lodger: Quilane Vorst, occupation: clerk')).not.toContain('Lodger');
    expect(found('Dear Customer Services,\nthe direct debit went out twice')).toEqual([]);
  });
  it('reads the speaker of a single time-stamped chat line as a name', () => {
    expect(found('[21:01] Tawradza: rent for this month sent to the usual account')).toEqual(['Tawradza']);
    expect(found('[mar 30 2020] aukvel: pls dont park in bay 4, it belongs to the shop')).toEqual(['aukvel']);
    expect(found('[2024-05-01 10:00:01] nginx: worker process started on port 8080')).toEqual([]);
  });
  it('reads the name after "the <role>" as a name', () => {
    expect(found('Hi, the plumber Nantevu is coming tomorrow morning to fix the boiler')).toEqual(['Nantevu']);
    expect(found('the driver seat is broken and the tenant portal is down')).toEqual([]);
  });
  it('reads a GEDCOM name ("Given /Surname/") as a name', () => {
    expect(found('GEDCOM note: @I884038493@ Niravla /Parvonar/ — source: parish register')).toEqual(['Niravla /Parvonar/']);
    expect(found('see src /lib/ and the docs /api/ folder')).toEqual([]);
  });
});

describe('ADDRESS: general street rules', () => {
  it('does not read the preposition "via" before a brand or a name as a street', () => {
    expect(found('Next sessions online via Zoom. Questions: ana@example.org', 'ADDRESS')).toEqual([]);
    expect(found('Bounty to be paid via PayPal to ana@example.org.', 'ADDRESS')).toEqual([]);
    expect(found('Enquiry via Instagram from Drevan Tolmirek: headshots, budget 300.', 'ADDRESS')).toEqual([]);
    expect(found('Enquiry via Instagram from Drevan Tolmirek: headshots, budget 300.')).toEqual(['Drevan Tolmirek']);
    expect(found('Spedire a Via Garibaldi 12, 00185 Roma', 'ADDRESS')).toEqual(['Via Garibaldi 12, 00185 Roma']);
  });
  it('does not read a duration after an address label as an address', () => {
    expect(found('Current address: 14 Ferrow Road, Ganado\nTime at address: 4 yrs\nContact: none', 'ADDRESS')).toEqual([
      '14 Ferrow Road, Ganado',
    ]);
  });
  it('grows an address over house, block and office designators of many countries', () => {
    expect(found('Licence address: ul. Kuvaldina, d. 18, korp. 4, 363834 Zaramag\nVehicle: red', 'ADDRESS')).toEqual([
      'ul. Kuvaldina, d. 18, korp. 4, 363834 Zaramag',
    ]);
    expect(found('I, Batraz Dzarov, of ul. Kirvala, d. 95 kv. 89\n362729 Beslan, grant the right', 'ADDRESS')).toEqual([
      'ul. Kirvala, d. 95 kv. 89\n362729 Beslan',
    ]);
    expect(found('new to Cité Abrivane, bât. 5 n° 89. The warden thanks', 'ADDRESS')).toEqual(['Cité Abrivane, bât. 5 n° 89']);
  });
  it('finds rural route and highway contract boxes', () => {
    expect(found('From: HC 1 Box 119, Window Rock', 'ADDRESS')).toEqual(['HC 1 Box 119, Window Rock']);
    expect(found('new to RR 2 Box 45. The warden thanks', 'ADDRESS')).toEqual(['RR 2 Box 45']);
  });
  it('grows an Indian address over its locality, city and PIN segments', () => {
    const t = 'Deliver to: 19/2, Swastik Park, S.G. Highway, Navrangpura, Surat 360504\nContact: +91 81230 93705';
    expect(found(t, 'ADDRESS')).toEqual(['19/2, Swastik Park, S.G. Highway, Navrangpura, Surat 360504']);
  });
  it('finds French and Portuguese post office boxes written B.P. and C.P.', () => {
    expect(found('Invoice address: Avenue Lumvala n° 133, Apt 480, B.P. 183 Bumba. Questions: none', 'ADDRESS')).toEqual([
      'Avenue Lumvala n° 133, Apt 480, B.P. 183 Bumba',
    ]);
    expect(found('Postage to São Filipe C.P. 511 paid by the owner.', 'ADDRESS')).toEqual(['C.P. 511']);
  });
  it('grows a street line over a house number written "House No."', () => {
    expect(found('Patient Muthoni Gakere, Kiambu Road, House No. 105, Apt 277, Kerugoya 00809', 'ADDRESS')).toEqual([
      'Kiambu Road, House No. 105, Apt 277, Kerugoya 00809',
    ]);
  });
  it('reads a lower-case street with its house number first and the postcode line after it', () => {
    expect(found('postage to 72 rue abrane vamdane\n15660 bouira\nthe owner paid.', 'ADDRESS')).toEqual([
      '72 rue abrane vamdane\n15660 bouira',
    ]);
  });
  it('takes seven-digit postcodes and staircase, interior and kilometre designators', () => {
    expect(found('Postal address: Calle Froncisco Salvar 37, depto. 2\nNueva Imperial 4781998\nReport: 83', 'ADDRESS')).toEqual([
      'Calle Froncisco Salvar 37, depto. 2\nNueva Imperial 4781998',
    ]);
    expect(found('Lessons at viale Dantor 38, scala 6. Ramblers meet later.', 'ADDRESS')).toEqual(['viale Dantor 38, scala 6']);
    expect(found('from: via aquilera 11, int. 1, 34170 codroip', 'ADDRESS')).toEqual(['via aquilera 11, int. 1, 34170 codroip']);
  });
  it('reads a house number marked "House No." or "H/No." before a locality as an address', () => {
    expect(found('Valuation booked at House No. 141, Ramvalun, Khawzol 796 919. Solicitor: none', 'ADDRESS')).toEqual([
      'House No. 141, Ramvalun, Khawzol 796 919',
    ]);
    expect(found('From: H/No. 80, Ramvalun, Section 5, Lawngtai 796 944', 'ADDRESS')).toEqual([
      'H/No. 80, Ramvalun, Section 5, Lawngtai 796 944',
    ]);
  });
  it("does not read a role word as the name in a role-labelled field, nor a word after a sentence end as a relation's name", () => {
    expect(found('Customer: Drevan Tolmirek\nSurveyor: Estimator\nPrice: 200')).toEqual(['Drevan Tolmirek']);
    expect(found("please remember Benedikt's mother. Cards may be sent to the hall.")).not.toContain('Cards');
    expect(found('I spoke to my mother Zorvana yesterday.')).toContain('Zorvana');
  });
});
