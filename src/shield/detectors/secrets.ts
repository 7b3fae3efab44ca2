import type { Detection } from '../types';

// Provider key formats with distinctive prefixes.
const PREFIXED = new RegExp(
  [
    'sk-ant-[A-Za-z0-9_-]{20,}',
    'sk-(?:proj-|svcacct-|live_|test_)?[A-Za-z0-9_-]{20,}',
    'rk_(?:live|test)_[A-Za-z0-9]{20,}',
    'gh[pousr]_[A-Za-z0-9]{30,}',
    'github_pat_[A-Za-z0-9_]{40,}',
    '(?:AKIA|ASIA)[0-9A-Z]{16}',
    'xox[abposr]-[A-Za-z0-9-]{10,}',
    'AIza[0-9A-Za-z_-]{35}',
    'cai_[A-Za-z0-9_-]{16,}',
    'glpat-[A-Za-z0-9_-]{20,}',
    'hf_[A-Za-z0-9]{30,}',
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
);
const PREFIXED_BOUNDED = new RegExp(`(?<![A-Za-z0-9_-])(?:${PREFIXED.source})(?![A-Za-z0-9_-])`, 'g');

// Long tokens of key-like characters; validated by character-class mix and entropy below.
const LONG_TOKEN = /(?<![A-Za-z0-9_+\/-])[A-Za-z0-9_+\/-]{32,}={0,2}(?![A-Za-z0-9_+\/=-])/g;
// Subresource-integrity and digest prefixes: hashes, not credentials.
const HASH_PREFIX = /(?:sha1|sha256|sha384|sha512|md5)[-:]$/i;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function shannonBitsPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A random-looking credential: mixed upper, lower and digits, high entropy, not a hash, UUID or path. */
export function looksLikeSecret(token: string): boolean {
  if (/^[0-9a-fA-F-]+$/.test(token)) return false; // hex digests, UUIDs
  if (UUID.test(token)) return false;
  if (token.includes('/') && /[A-Za-z]{3,}\/[A-Za-z]{3,}/.test(token)) return false; // paths, URLs
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
  }
  if (upper < 2 || lower < 2 || digit < 2) return false;
  // Identifiers (camelCase, snake_case) have long letter runs; random keys rarely do.
  const longestWordRun = Math.max(0, ...(token.match(/[a-z]{5,}/g) ?? []).map((w) => w.length));
  if (longestWordRun >= 9) return false;
  return shannonBitsPerChar(token) >= 4.0;
}

/** Shortest run of key characters any pattern above matches (`xoxb-` + 10); both patterns' characters count. */
const MIN_RUN = 15;

/** Whether text has MIN_RUN consecutive [A-Za-z0-9_+/-]: one pass, so texts without spare both patterns. */
function hasKeyRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const key = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 43 || c === 47;
    if (!key) run = 0;
    else if (++run >= MIN_RUN) return true;
  }
  return false;
}

export function detectSecrets(text: string): Detection[] {
  const out: Detection[] = [];
  if (!hasKeyRun(text)) return out;
  for (const m of text.matchAll(PREFIXED_BOUNDED)) {
    out.push({ type: 'SECRET', start: m.index, end: m.index + m[0].length });
  }
  const prefixedEnds = new Set(out.map((d) => d.end));
  for (const m of text.matchAll(LONG_TOKEN)) {
    const token = m[0];
    const start = m.index;
    if (prefixedEnds.has(start + token.length)) continue;
    if (HASH_PREFIX.test(text.slice(Math.max(0, start - 7), start))) continue;
    const hashInside = /^(?:sha1|sha256|sha384|sha512|md5)-/i.exec(token);
    if (hashInside) continue;
    if (!looksLikeSecret(token)) continue;
    out.push({ type: 'SECRET', start, end: start + token.length });
  }
  return out;
}
