import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';

// Names below are invented (no list holds them): only their place in the text can give them away.
const found = (t: string, type = 'PERSON') =>
  detectEntities(t)
    .filter((d) => d.type === type)
    .map((d) => t.slice(d.start, d.end));

describe('PERSON: person fields and cues in records', () => {
  it('reads the value of a taxpayer, deceased, student or guardian field as a name', () => {
    expect(found('CLIENT ORGANIZER\nTaxpayer: zorvana keltrim\nSSN: 872-09-4725')).toContain('zorvana keltrim');
    expect(found('ARRANGEMENT SHEET\nDeceased: Quilane Vorstak\nLast address: 4 Elm Row')).toContain('Quilane Vorstak');
    expect(found('Financial need form\nStudent: Drevan Tolmirek\nParent/guardian: kestrin vadu\nIncome: 1830.10')).toEqual(
      expect.arrayContaining(['Drevan Tolmirek', 'kestrin vadu']),
    );
  });
  it('takes a lower-case middle initial in a lower-case person field value', () => {
    expect(found('Taxpayer: a b\nSpouse: marvek t. olmirsen\nSpouse SSN: 521 43 7573')).toContain('marvek t. olmirsen');
  });
  it('reads a name after "enquiries to", "reported by" or "filed by" followed by contact details', () => {
    expect(found('Donations to the nurses. Enquiries to Zorvek on +18775829997.')).toContain('Zorvek');
    expect(found('lost card reported by Drevan Tolmirek. fee paid by card')).toContain('Drevan Tolmirek');
  });
  it('reads the names after a plural kinship word ("Grandchildren X and Y")', () => {
    expect(found('Grandchildren Zorvek and Quilane will read.')).toEqual(expect.arrayContaining(['Zorvek', 'Quilane']));
  });
  it('keeps field labels that are not about people out of it', () => {
    expect(found('Student discount: applied at checkout\nStatus: Deceased')).toEqual([]);
  });
});

describe('ADDRESS: street forms of more countries', () => {
  it('reads a Yucatán grid street with its cross streets ("C. 87 #24 x 8 y 53")', () => {
    expect(found('Home delivery list\nZorvek Tolmir – C. 87 #24 x 8 y 53, Oxkutzcab – large print', 'ADDRESS')[0]).toMatch(
      /^C\. 87 #24 x 8 y 53/,
    );
    expect(found('Consignee: Dr. Vorst\nC. 119-A #98 x 55 y 1, Col. Itzimná, depto. 56', 'ADDRESS')[0]).toMatch(/^C\. 119-A #98 x 55 y 1/);
  });
  it('reads a Russian-style street with "d." house and "kv./kom./pod." units, also in lower case', () => {
    expect(found('return forms to ul. zorvekova, d. 71, 366850 gudermes', 'ADDRESS')).toEqual(['ul. zorvekova, d. 71, 366850 gudermes']);
    expect(found('home address: pr. Kh. Tolmirova, 85, kv. 7, pod. 2, Gudermes 364109.', 'ADDRESS')).toEqual([
      'pr. Kh. Tolmirova, 85, kv. 7, pod. 2, Gudermes 364109',
    ]);
    expect(found('Invoice to ul. Kestrova, d. 147, kom. 5, Ak-Dovurak 668142', 'ADDRESS')).toEqual([
      'ul. Kestrova, d. 147, kom. 5, Ak-Dovurak 668142',
    ]);
  });
  it('reads Karakalpak streets and number-first units ("Zorvek ko\'shesi 20, 130-xonadon")', () => {
    expect(found("Invoice to Zorvek Tolmir ko'shesi 20, 130-xonadon, Nukus 230121", 'ADDRESS')).toEqual([
      "Zorvek Tolmir ko'shesi 20, 130-xonadon, Nukus 230121",
    ]);
  });
  it('does not read the head of an IP address after "via X from" as a house number', () => {
    expect(found('return for Zorvek Tolmir signed via DocuSign from 161.143.247.18 on Jan 31 2020', 'ADDRESS')).toEqual([]);
  });
  it('does not read "pr." or "C." before a name or a lone number as a street', () => {
    expect(found('see pr. Smith for details; C. 5 approved, ticket #12', 'ADDRESS')).toEqual([]);
  });
});

describe('PHONE: national formats', () => {
  it('reads the trunk-8 bracketed area code form with pairs and an extension', () => {
    expect(found('Daytime phone: 8 (39422) 9-92-35', 'PHONE')).toEqual(['8 (39422) 9-92-35']);
    expect(found('Contact me at z@example.com or 8 (8712) 85-44-41 ext. 336.', 'PHONE')).toEqual(['8 (8712) 85-44-41 ext. 336']);
    expect(found('Informant: A. Vorst (son), 8.(912).817-28-77', 'PHONE')).toEqual(['8.(912).817-28-77']);
  });
  it('reads a bracketed area code followed by a dot ("(876).288-8470")', () => {
    expect(found('Informant: Zorvek (son), (876).288-8470', 'PHONE')).toEqual(['(876).288-8470']);
  });
  it('reads a short local number only beside a phone word or field', () => {
    expect(found('In an emergency call mum Zorvek on 432 981.', 'PHONE')).toEqual(['432 981']);
    expect(found('Guest phone: 495 250', 'PHONE')).toEqual(['495 250']);
    expect(found('total 432 981 units shipped, batch 226-04-91', 'PHONE')).toEqual([]);
  });
});

describe('PERSON: roles around a name', () => {
  it('reads the name before a bracketed role followed by contact details ("Rimon (coach) 72040114")', () => {
    expect(found('or card 4748 9641 7366 6518 at the clubhouse. zorvek (coach) +686 72093565')).toEqual(['zorvek']);
    expect(found('Informant: S. Kuzhvorek (son), +79111165377')).toContain('S. Kuzhvorek');
    expect(found('Bring the Apple (son) 2021 cable')).toEqual([]);
  });
  it('reads the name after "Player" and "Coach"', () => {
    expect(found('Account holder Kestrin Vadu. Player Zorvek. Club Secretary to send receipts.')).toContain('Zorvek');
  });
});

describe('PERSON: patronyms', () => {
  it('reads two capitalised words joined by a patronym particle as one name', () => {
    expect(found('Medical form: Zorvek ak Tolmirang has asthma, inhaler in the kit bag.')).toEqual(['Zorvek ak Tolmirang']);
    expect(found('upper denture for Kestrin anak Vadulang, shade A2.')).toContain('Kestrin anak Vadulang');
  });
});
