import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';
import { detectAddresses } from '../../src/shield/detectors/address';
import { detectEmails } from '../../src/shield/detectors/email';
import { detectCreditCards, detectIbans, detectSsns, ibanChecksumValid, luhnValid } from '../../src/shield/detectors/financial';
import { detectIpv4, detectIpv6, parseIpv6 } from '../../src/shield/detectors/network';
import { detectPersons } from '../../src/shield/detectors/person';
import { detectPhones } from '../../src/shield/detectors/phone';
import { detectSecrets } from '../../src/shield/detectors/secrets';
import { emptyCounts, prf, scoreSample, type Sample } from '../../src/shield/scoring';
import type { Detection } from '../../src/shield/types';
import cases from '../fixtures/shield/cases.json';
import negatives from '../fixtures/shield/negatives.txt?raw';

const values = (text: string, found: Detection[]) => found.map((d) => text.slice(d.start, d.end));

describe('EMAIL', () => {
  it('finds addresses, including plus tags and subdomains', () => {
    const t = 'mail j.doe+x@mail.example.co.uk or ANNA@EXAMPLE.ORG.';
    expect(values(t, detectEmails(t))).toEqual(['j.doe+x@mail.example.co.uk', 'ANNA@EXAMPLE.ORG']);
  });
  it('ignores decorators, npm scopes, ssh remotes and versions', () => {
    for (const t of ['@Component({})', 'npm i @cloudflare/workers-types', 'git@github.com:org/repo.git', 'node@20', 'a@b']) {
      expect(detectEmails(t)).toEqual([]);
    }
  });
});

describe('CREDIT_CARD', () => {
  it('accepts spaces and dashes, validates Luhn and issuer', () => {
    const t = 'cards 4111 1111 1111 1111, 5500-0000-0000-0004, 378282246310005 and 3782 822463 10005';
    expect(values(t, detectCreditCards(t))).toEqual(['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005', '3782 822463 10005']);
  });
  it('rejects bad checksums, unknown issuers, mixed separators and long ids', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    for (const t of ['4111 1111 1111 1112', '9111111111111111', '4111 1111-1111 1111', 'id 12345678901234567890123', '1111111111111111']) {
      expect(detectCreditCards(t)).toEqual([]);
    }
  });
  it('knows every scheme: JCB, legacy JCB, Maestro, Diners, UnionPay, RuPay, Mir, Discover ranges', () => {
    const cards = [
      '3530 1113 3330 0000', // JCB 16
      '3569 7853 2779 9166 854', // JCB 19
      '2131 2390 9580 808', // JCB legacy 15
      '1800-8442-3893-714', // JCB legacy 15
      '5038.2672.4216', // Maestro 12
      '6304 6755 5934 7559 196', // Maestro 19
      '3852 000002 3237', // Diners 14, 4-6-4
      '6222 5622 4757 9988', // Discover 622126-622925
      '2203-2813-4695-4974', // Mir
      '8171 9999 2766 0000', // RuPay 81
      '4783 0894 0457 5', // Visa 13
      '353114 1157974900234', // JCB 19 as 6-13
    ];
    for (const c of cards) expect(values(`pay with ${c}.`, detectCreditCards(`pay with ${c}.`)), c).toEqual([c]);
  });
  it('reads dotted cards only in card groupings, and UnionPay without Luhn only next to a card word', () => {
    expect(values('card 6040.4768.3872.1224 ok', detectCreditCards('card 6040.4768.3872.1224 ok'))).toEqual(['6040.4768.3872.1224']);
    for (const t of ['oid 1.3.6.1.4.1.4111.1111.1111.1111', 'v4111.1111.1111.1111', 'build 60.4768.3872.1224.5', '+49 1504 6363 5401'])
      expect(detectCreditCards(t), t).toEqual([]);
    // 6212 3456 7890 1234 fails Luhn: a UnionPay number only when the text speaks of a card.
    expect(detectCreditCards('ref 6212 3456 7890 1234')).toEqual([]);
    expect(values('UnionPay card 6212 3456 7890 1234', detectCreditCards('UnionPay card 6212 3456 7890 1234'))).toEqual([
      '6212 3456 7890 1234',
    ]);
  });
});

describe('IBAN', () => {
  it('checks country length and mod-97, with or without spaces', () => {
    const t = 'to DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432.';
    expect(values(t, detectIbans(t))).toEqual(['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432']);
    expect(ibanChecksumValid('DE89370400440532013001')).toBe(false);
  });
  it('rejects wrong checksum, wrong length and unknown countries', () => {
    for (const t of ['DE89 3704 0044 0532 0130 01', 'DE89 3704 0044 0532 0130', 'ZZ12 3456 7890 1234 5678 90']) {
      expect(detectIbans(t)).toEqual([]);
    }
  });
  it('finds lower-case IBANs, national IBANs (Iran) and a second IBAN right after a first', () => {
    const t = 'pay es91 2100 0418 4502 0005 1332 or CH93 0076 2011 6238 5295 7, or IR38 0029 2203 0290 7910 3500 23';
    expect(values(t, detectIbans(t))).toEqual([
      'es91 2100 0418 4502 0005 1332',
      'CH93 0076 2011 6238 5295 7',
      'IR38 0029 2203 0290 7910 3500 23',
    ]);
  });
});

describe('US_SSN', () => {
  it('finds separated numbers, and plain ones only with context', () => {
    const t = 'SSN 536-22-1234, also 412 71 3349';
    expect(values(t, detectSsns(t))).toEqual(['536-22-1234', '412 71 3349']);
    expect(values('ssn: 287659302', detectSsns('ssn: 287659302'))).toEqual(['287659302']);
    expect(detectSsns('order 287659302 shipped')).toEqual([]);
  });
  it('does not read the last groups of a longer spaced digit run (a phone number) as an SSN', () => {
    for (const t of ['ring +31 513 13 0942 ext. 70', 'Phone: 0044 513 04 0475', 'call 513 12 3511 22']) expect(detectSsns(t)).toEqual([]);
    const t = 'SSN: 412 71 3349, DOB 1990';
    expect(values(t, detectSsns(t))).toEqual(['412 71 3349']);
  });
  it('excludes invalid ranges', () => {
    for (const t of ['000-12-3456', '666-12-3456', '912-12-3456', '536-00-1234', '536-22-0000']) expect(detectSsns(t)).toEqual([]);
  });
});

describe('IP_ADDRESS', () => {
  it('finds valid IPv4 and rejects bad octets and version numbers', () => {
    const t = 'from 203.0.113.45 and 10.0.0.1';
    expect(values(t, detectIpv4(t))).toEqual(['203.0.113.45', '10.0.0.1']);
    for (const n of ['256.1.1.1', '1.2.3', 'version 1.2.3.4', 'v1.2.3.4', 'pkg@1.2.3.4', '1.2.3.4.5', '01.2.3.4']) {
      expect(detectIpv4(n)).toEqual([]);
    }
  });
  it('parses IPv6 for real', () => {
    for (const v of [
      '2001:db8::8a2e:370:7334',
      'fe80::1ff:fe23:4567:890a',
      '::ffff:192.0.2.128',
      '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
      '::1',
    ]) {
      expect(parseIpv6(v)).toBe(true);
    }
    for (const v of ['2001:db8::8a2e::7334', '12345::1', '1:2:3:4:5:6:7', 'fe80:::1', 'g::1']) expect(parseIpv6(v)).toBe(false);
    const t = 'host 2001:db8::8a2e:370:7334 up';
    expect(values(t, detectIpv6(t))).toEqual(['2001:db8::8a2e:370:7334']);
  });
  it('ignores times, MAC addresses, C++ scopes and slices', () => {
    for (const t of ['at 12:30:45', 'mac 00:1A:2B:3C:4D:5E', 'std::vector<int>', 'a[1::2]', 'dead::beef'])
      expect(detectIpv6(t)).toEqual([]);
  });
});

describe('PHONE', () => {
  it('needs a country code, a national format or a context word', () => {
    const t = 'Call +44 20 7946 0958 or (415) 555-2671; mobile: 0412 345 678';
    expect(values(t, detectPhones(t))).toEqual(['+44 20 7946 0958', '(415) 555-2671', '0412 345 678']);
  });
  it('does not take dates, amounts or bare ids', () => {
    for (const t of ['on 2024-03-01 at noon', 'total 12345678 bytes', 'id 4155552671', 'v1.22.333']) expect(detectPhones(t)).toEqual([]);
  });
  it('takes extensions, grouped national forms and bare trunk-0 numbers', () => {
    for (const p of [
      '(415) 555-2671 ext. 45',
      '07400 560534 #37',
      '1-973-928-7567 x0635',
      '912 961 475, ext. 8382',
      '34 41 63 03',
      '612-83-01-24',
      '(976)993-05-37',
      '(11) 96906-2289',
      '0667781995',
      '+36 50/670-7256',
    ]) {
      const t = `I am on ${p}.`;
      expect(values(t, detectPhones(t)), p).toEqual([p]);
    }
    const card = 'Shirin Ahmadi\nT 984-1864203\nE shirin@example.org';
    expect(values(card, detectPhones(card))).toEqual(['984-1864203']);
  });
  it('does not take amounts with thousands separators, postcodes, dates in other orders or sentences after', () => {
    for (const t of [
      'it costs 1 234 567 in total',
      'we counted 21 809 721 votes',
      'Boston, MA 05475-6996',
      'due 2025-12-27',
      'on 31.12.2024 09:30',
    ])
      expect(detectPhones(t), t).toEqual([]);
    expect(detectPhones('Pickup at Rondônia, 68289-315. Questions? Call us.')).toEqual([]);
  });
});

describe('SECRET', () => {
  it('finds provider keys and random tokens', () => {
    const keys = [
      'sk-proj-Abc123Def456Ghi789Jkl012Mno345',
      'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2',
      'ghp_1234567890abcdefghijABCDEFGHIJ123456',
      'AKIAIOSFODNN7EXAMPLE',
      'xoxb-1234567890-abcdefghijkl',
      'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
      'cai_live_8fK2mQ9xLp3RtY7vB1nC',
      'Zq8Lm3Np7Rt2Vx9Kb4Wc6Hd1Jf5Gs0Ty',
    ];
    for (const k of keys) expect(values(`key=${k};`, detectSecrets(`key=${k};`))).toEqual([k]);
  });
  it('ignores hex hashes, UUIDs, SRI hashes and long identifiers', () => {
    for (const t of [
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      '550e8400-e29b-41d4-a716-446655440000',
      'sha512-8Ji3ZcXJ2wKNB3wS9xGQ1kT7zWJ4eD0vF5mH6nL2pR8sA1bC3dE4fG5hI6jK7lM8',
      'thisIsAVeryLongCamelCaseIdentifierName2024Version2',
      'src/components/navigation/HeaderNavigationBar2.tsx',
    ]) {
      expect(detectSecrets(t)).toEqual([]);
    }
  });
});

describe('ADDRESS', () => {
  it('finds number + street + suffix with unit and city', () => {
    const t = 'Send it to 77 Sunset Boulevard Suite 300, Los Angeles, CA 90028. Thanks';
    expect(values(t, detectAddresses(t))).toEqual(['77 Sunset Boulevard Suite 300, Los Angeles, CA 90028']);
  });
  it('finds European forms', () => {
    for (const [t, v] of [
      ['lives on Nassaustraat 123 now', 'Nassaustraat 123'],
      ['Meet me at 8 Rue de Rivoli, Paris', '8 Rue de Rivoli, Paris'],
      ['Our shop is on Via Roma 10', 'Via Roma 10'],
    ]) {
      expect(values(t, detectAddresses(t))).toEqual([v]);
    }
  });
  it('finds US military addresses whole', () => {
    for (const a of [
      'PSC 3117, Box 0609\nAPO AA 44332',
      'Unit 8154 Box 2150, DPO AE 09876',
      'USNS Cooper\nFPO AP 96543',
      'USS Halsey FPO AE 09578',
    ]) {
      const t = `Mail it to ${a}. Thanks`;
      expect(values(t, detectAddresses(t)), a).toEqual([a]);
    }
  });
  it('finds unit designators alone and after a street', () => {
    expect(values('my unit is apt. 169 btw', detectAddresses('my unit is apt. 169 btw'))).toEqual(['apt. 169']);
    expect(values('Leave it at Apt. 022, thanks', detectAddresses('Leave it at Apt. 022, thanks'))).toEqual(['Apt. 022']);
    const t = 'Deliver to 12 Oak Street Apt. 4, Dayton, OH 45402 today';
    expect(values(t, detectAddresses(t))).toEqual(['12 Oak Street Apt. 4, Dayton, OH 45402']);
  });
  it('finds streets of many countries: type after the name, compounds, European number order', () => {
    for (const [t, v] of [
      ['we live in Kalda tee 12 now', 'Kalda tee 12'],
      ['Adres: Fatih Sokak 5, 34000 İstanbul', 'Fatih Sokak 5, 34000 İstanbul'],
      ['She lives on Halász sor 69.', 'Halász sor 69'],
      ['Ünvan: Qarabağ küç., 269, Bakı', 'Qarabağ küç., 269, Bakı'],
      ['Office: Max-Ernst-Str. 4, 50858 Köln', 'Max-Ernst-Str. 4, 50858 Köln'],
      ['resolved "Smogelisgate 2, 0875 Oslo, Norge" ok', 'Smogelisgate 2, 0875 Oslo, Norge'],
      ['Clematisvej 4, 5. tv, 2100 København', 'Clematisvej 4, 5. tv, 2100 København'],
      ['Ship to Aleea Teiului, Bloc 45/81, Iași', 'Aleea Teiului, Bloc 45/81, Iași'],
      ['Pickup at Nyallén 9.', 'Nyallén 9'],
    ]) {
      expect(values(t, detectAddresses(t)), t).toEqual([v]);
    }
  });
  it('finds postcodes after a label or in a US city line, UK and Canadian postcodes on their own', () => {
    for (const [t, v] of [
      ['Postcode: 12-345', '12-345'],
      ['{"zip": "94107-1234"}', '94107-1234'],
      ['PLZ 10115 bitte', '10115'],
      ['moved to Springfield, IL 62704 last year', 'Springfield, IL 62704'],
      ['the office is near SW1A 1AA I think', 'SW1A 1AA'],
      ['sent to K1A 0B6 yesterday', 'K1A 0B6'],
    ]) {
      expect(values(t, detectAddresses(t)), t).toEqual([v]);
    }
  });
  it('reads address fields: labels, JSON keys and CSV columns', () => {
    const csv = 'id;full_name;street;city;postcode\n#6585;Ana Lima;333 Olufunke Curve;Lagos;03456';
    expect(values(csv, detectAddresses(csv))).toEqual(['333 Olufunke Curve', '03456']);
    const form = 'Current address: Västra Backgärdet 474\n27017 Boland\nEmployer: ACME';
    expect(values(form, detectAddresses(form))).toEqual(['Västra Backgärdet 474\n27017 Boland']);
  });
  it('needs more than a weak suffix ("Point", "Center") to read a street', () => {
    for (const t of [
      'The 5 Key Points of the talk',
      'We opened 3 Data Centers',
      'On 29 March 2017 the vote',
      'paid via bank transfer from CZ12',
    ])
      expect(detectAddresses(t), t).toEqual([]);
    expect(values('meet at 54464 Cheryl Well, Denver', detectAddresses('meet at 54464 Cheryl Well, Denver'))).toEqual([
      '54464 Cheryl Well, Denver',
    ]);
  });
  it('ignores counts and prose', () => {
    for (const t of [
      'I drove 5 miles down the road',
      'we have 3 open issues on the way',
      'retry 3 times per request',
      'show 10 page view counts',
      'String 42 is the answer',
      'Spring 2024 release',
    ]) {
      expect(detectAddresses(t)).toEqual([]);
    }
  });
});

describe('PERSON', () => {
  it('uses cues and the name lists', () => {
    const t = 'Hi, my name is Sofia Rossi. Dr. Nakamura and Megan Payne will join; Regards,\nOluwaseun';
    expect(values(t, detectPersons(t))).toEqual(['Sofia Rossi', 'Nakamura', 'Megan Payne', 'Oluwaseun']);
  });
  it('reads the one word a greeting addresses before a comma or "!" as a name, but not a group', () => {
    for (const [t, v] of [
      ['[Amundsen Gruppen Support] Hello Zorvek, your request #42713 has been updated.', ['Zorvek']],
      ['Hi Quilane! Your parcel is on its way.', ['Quilane']],
      ['Hi Team, the build is green.', []],
      ['Hey Guys! lunch?', []],
      ['Hello World!', []],
      ['Hello Zorvek Industries team, thanks', []],
    ] as const) {
      expect(values(t, detectPersons(t)), t).toEqual(v);
    }
  });
  it('does not flag capitalized words, code, SQL or JSON keys', () => {
    for (const t of [
      'Capitalized words like Wisdom and Discipline are not names.',
      'const Max = Math.max(a, b); class UserService extends BaseService {}',
      'SELECT Name, Email FROM Users WHERE Country = "Jordan"',
      '{"firstName": "string", "lastName": "string"}',
      'CAN I SPEAK TO A REAL PERSON?!',
      'Will this work? May be. Mark the task done.',
    ]) {
      expect(values(t, detectPersons(t))).toEqual([]);
    }
  });
});

describe('PERSON fields', () => {
  it('reads names from labels, JSON keys, CSV columns and attendee lists', () => {
    for (const [t, v] of [
      ['Customer: Ana Lima\nIssue: refund', ['Ana Lima']],
      ['{"firstName": "Sigrún", "lastName": "Þórðardóttir", "email": "s@example.is"}', ['Sigrún', 'Þórðardóttir']],
      ['first_name,last_name,ssn\nKaito,Shibata,536-22-1234', ['Kaito', 'Shibata']],
      ['Contact: Tõnu Raudsepp – 5123 4567', ['Tõnu Raudsepp']],
      ['Attendees: Kaori Uchida, Pille Kuusik, Jóhann Egilsson', ['Kaori Uchida', 'Pille Kuusik', 'Jóhann Egilsson']],
    ] as const) {
      expect(values(t, detectPersons(t)), t).toEqual(v);
    }
  });
  it('keeps reading CSV columns when a later unquoted value holds the delimiter', () => {
    const t = 'first_name,last_name,ssn,date_of_birth\nNarin,Aras,028-76-4456,January 5, 2021\nJef,Lemmens,230 78 6831,May 3, 2020';
    expect(values(t, detectPersons(t))).toEqual(['Narin', 'Aras', 'Jef', 'Lemmens']);
  });
  it('does not read a build step, a type name or a user agent as a person', () => {
    for (const t of [
      '{"name": "Upload Artifact", "uses": "actions/upload-artifact@v4"}',
      '{"firstName": "string"}',
      'ip=10.0.0.1 agent="Mozilla/5.0"',
    ])
      expect(values(t, detectPersons(t)), t).toEqual([]);
  });
});

describe('labeled cases fixture', () => {
  const samples = cases as Sample[];
  it('has at least 60 cases covering every scored type', () => {
    expect(samples.length).toBeGreaterThanOrEqual(60);
    const types = new Set(samples.flatMap((s) => s.spans.map((x) => x.entity_type)));
    for (const t of ['PERSON', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'US_SSN', 'IP_ADDRESS', 'STREET_ADDRESS']) {
      expect(types.has(t)).toBe(true);
    }
  });
  it('meets the precision and recall targets', () => {
    const counts = emptyCounts();
    for (const s of samples) scoreSample(s, detectEntities(s.full_text), counts);
    for (const t of ['EMAIL', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS']) {
      const r = prf(counts[t]);
      expect(r.precision, t).toBeGreaterThanOrEqual(0.99);
      expect(r.recall, t).toBeGreaterThanOrEqual(0.99);
    }
    expect(prf(counts.PHONE).precision).toBeGreaterThanOrEqual(0.9);
    expect(prf(counts.PHONE).recall).toBeGreaterThanOrEqual(0.8);
    expect(prf(counts.PERSON).precision).toBeGreaterThanOrEqual(0.85);
    expect(prf(counts.PERSON).recall).toBeGreaterThanOrEqual(0.8);
    expect(prf(counts.ADDRESS).recall).toBeGreaterThanOrEqual(0.6);
  });
});

describe('negative corpus', () => {
  it('is at least 30 KB and yields at most 1 detection per 10 KB', () => {
    const kb = new TextEncoder().encode(negatives).length / 1024;
    expect(kb).toBeGreaterThanOrEqual(30);
    const found = detectEntities(negatives);
    expect(found.length / (kb / 10)).toBeLessThanOrEqual(1);
  });
});
