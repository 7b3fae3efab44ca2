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
});

describe('US_SSN', () => {
  it('finds separated numbers, and plain ones only with context', () => {
    const t = 'SSN 536-22-1234, also 412 71 3349';
    expect(values(t, detectSsns(t))).toEqual(['536-22-1234', '412 71 3349']);
    expect(values('ssn: 287659302', detectSsns('ssn: 287659302'))).toEqual(['287659302']);
    expect(detectSsns('order 287659302 shipped')).toEqual([]);
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
