import type { Detection } from '../types';

// Local part: RFC 5322 "atext" subset people actually use; domain: labels + alphabetic TLD.
const EMAIL = /(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

// Addresses that name a transport, not a person (e.g. `git@github.com:org/repo`).
const SERVICE_LOCAL_PARTS = new Set(['git', 'noreply', 'no-reply']);

/** Longest match before its '@': one character, then up to 63 more. */
const LOCAL_MAX = 64;

export function detectEmails(text: string): Detection[] {
  const out: Detection[] = [];
  // Every match holds the first '@' after its start, at most LOCAL_MAX characters in: each search starts that
  // far before the next '@' instead of trying every position of the text.
  EMAIL.lastIndex = 0;
  for (let next = text.indexOf('@'); next >= 0; next = text.indexOf('@', EMAIL.lastIndex)) {
    EMAIL.lastIndex = Math.max(EMAIL.lastIndex, next - LOCAL_MAX);
    const m = EMAIL.exec(text);
    if (!m) break;
    const value = m[0];
    const at = value.indexOf('@');
    const local = value.slice(0, at);
    if (local.includes('..') || local.endsWith('.')) continue;
    if (SERVICE_LOCAL_PARTS.has(local.toLowerCase()) && text[m.index + value.length] === ':') continue;
    out.push({ type: 'EMAIL', start: m.index, end: m.index + value.length });
  }
  return out;
}
