import { describe, expect, it } from 'vitest';
import { detectEntities } from '../../src/shield/detect';

// The detectors skip a pattern when a cheap scan finds nothing every match of it needs; these texts sit at
// the edges of those scans, so each must still be found exactly as the full patterns find it.
const found = (t: string) => detectEntities(t).map((d) => [d.type, t.slice(d.start, d.end)]);

describe('detector pre-scans keep every detection', () => {
  it('e-mail: the longest local part, several addresses after a stray @, one far after another @', () => {
    const long = `${'a'.repeat(64)}@example.com`;
    expect(found(`${long} and ${'b'.repeat(65)}@example.com`)).toEqual([['EMAIL', long]]);
    expect(found('ping @ here, then mail x.y@example.io and z@example.org,w@example.net')).toEqual([
      ['EMAIL', 'x.y@example.io'],
      ['EMAIL', 'z@example.org'],
      ['EMAIL', 'w@example.net'],
    ]);
    const far = `${'c'.repeat(40)}.d@example.co.uk`;
    expect(found(`${'word '.repeat(30)}@handle and then ${far}`)).toEqual([['EMAIL', far]]);
  });

  it('secrets: the shortest key pattern (15 characters) and one character less', () => {
    expect(found('token xoxb-0123456789 and xoxb-012345678 end')).toEqual([['SECRET', 'xoxb-0123456789']]);
  });

  it('IPv6: full and compressed forms; a clock time is not one', () => {
    expect(found('hosts fe80::1ff:fe23:4567:890a and ::1 and 10:30:45')).toEqual([
      ['IP_ADDRESS', 'fe80::1ff:fe23:4567:890a'],
      ['IP_ADDRESS', '::1'],
    ]);
  });

  it('addresses: number + suffix with a US city line, name + street type + number, military, compounds', () => {
    expect(found('Ship to 12 Oak Street, Springfield, IL 62704.')).toEqual([['ADDRESS', '12 Oak Street, Springfield, IL 62704']]);
    expect(found('Adresa: Halász sor 69, Budapest.')).toEqual([['ADDRESS', 'Halász sor 69, Budapest']]);
    expect(found('PSC 1234, Box 5678\nAPO AE 09012')).toEqual([['ADDRESS', 'PSC 1234, Box 5678\nAPO AE 09012']]);
    expect(found('Visit Nassaustraat 123 or 44 Keizersgracht.')).toEqual([
      ['ADDRESS', 'Visit Nassaustraat 123'],
      ['ADDRESS', '44 Keizersgracht'],
    ]);
  });
});
