import type { Detection } from '../types';

/*
 * IPv4: four decimal octets 0-255 without leading zeros.
 * Version numbers are excluded (decision): a dotted quad preceded by `v`/`V`, `@` (pkg@1.2.3.4), or the
 * word "version"/"ver"/"release" within a few words, or glued to more dotted parts (1.2.3.4.5, 1.2.3.4-beta),
 * is a version, not an address. Real IPs written like that are rare; version strings in code and logs are not.
 */
const IPV4 = /(?<![\w.@-])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w-]|\.\d)/g;
const VERSION_CONTEXT = /\b(version|ver|release|build|firmware|v)\s*[:=]?\s*$/i;

function octetValid(s: string): boolean {
  if (s.length > 1 && s[0] === '0') return false;
  return Number(s) <= 255;
}

export function detectIpv4(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(IPV4)) {
    if (![m[1], m[2], m[3], m[4]].every(octetValid)) continue;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (VERSION_CONTEXT.test(before)) continue;
    out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A real IPv6 parser (RFC 4291 text forms): 8 groups, one `::`, optional trailing dotted IPv4. */
export function parseIpv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const doubleColon = s.indexOf('::');
  if (doubleColon >= 0 && s.indexOf('::', doubleColon + 1) >= 0) return false;
  const parseGroups = (part: string): number | null => {
    if (part === '') return 0;
    const groups = part.split(':');
    let count = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (i === groups.length - 1 && g.includes('.')) {
        const octets = g.split('.');
        if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && octetValid(o))) return null;
        count += 2;
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return null;
      count += 1;
    }
    return count;
  };
  if (doubleColon >= 0) {
    const head = parseGroups(s.slice(0, doubleColon));
    const tail = parseGroups(s.slice(doubleColon + 2));
    if (head === null || tail === null) return false;
    if (s.slice(0, doubleColon).includes('.')) return false;
    return head + tail <= 7;
  }
  return parseGroups(s) === 8;
}

const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?:%[\w]+)?(?![\w:])/g;

// Two colons with at most four hex digits between them: in every candidate, and rare in prose.
const TWO_GROUPS = /:[0-9A-Fa-f]{0,4}:/;

export function detectIpv6(text: string): Detection[] {
  const out: Detection[] = [];
  if (!TWO_GROUPS.test(text)) return out;
  for (const m of text.matchAll(IPV6_CANDIDATE)) {
    const value = m[0];
    if (!parseIpv6(value)) continue;
    // Compressed forms with fewer than 3 groups (`1::2`, `a::b`) are far more often slices or C++ scopes.
    const groups = value.split(/:+/).filter((g) => g.length > 0).length;
    if (value.includes('::') && groups < 3 && !value.includes('.') && value !== '::1') continue;
    if (value === '::') continue;
    out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + value.length });
  }
  return out;
}
