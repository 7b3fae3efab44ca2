import { scanTokens } from './tokens';

/** What restoration needs from a session: issued tokens and their original values. */
export interface TokenVault {
  lookup(key: string): string | undefined;
  /** Upper-case labels with at least one issued token. */
  labels(): ReadonlySet<string>;
  /** True if some issued number for label starts with the digits typed so far. */
  numberPrefixIssued(label: string, digits: string): boolean;
  /** Length of the longest token issued, for bounding the stream hold-back. */
  longestToken(): number;
}

export type Escape = (value: string) => string;
export const noEscape: Escape = (v) => v;
/** A value placed inside a JSON string literal. */
export const jsonStringEscape: Escape = (v) => JSON.stringify(v).slice(1, -1);

/** Replace issued tokens by exact scanning; unknown look-alikes (`[PERSON_9]` never issued) stay. */
export function restoreWith(vault: TokenVault, text: string, escape: Escape = noEscape, prevChar = ''): string {
  if (vault.labels().size === 0) return text;
  const matches = scanTokens(text, prevChar);
  if (matches.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const t of matches) {
    const value = vault.lookup(t.key);
    if (value === undefined) continue;
    parts.push(text.slice(last, t.start), escape(value));
    last = t.end;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

function isAsciiLetter(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/**
 * Could `s` (a buffer tail) still become an issued token, or is it a complete token that the next
 * character could still change (`PERSON_1` → `PERSON_12` or `PERSON_1]`)?
 */
export function couldBecomeToken(vault: TokenVault, s: string, prevChar: string | undefined): boolean {
  let p = 0;
  const open = s[0] === '[';
  if (open) {
    p = 1;
    if (s[p] === ' ') p++;
  } else if (isWordChar(prevChar)) {
    return false;
  }
  if (p >= s.length) return open;
  let q = p;
  while (q < s.length && isAsciiLetter(s[q])) q++;
  const label = s.slice(p, q).toUpperCase();
  if (label.length === 0) return false;
  const labels = vault.labels();
  if (q === s.length) {
    for (const l of labels) if (l.startsWith(label)) return true;
    return false;
  }
  if (!labels.has(label)) return false;
  const sep = s[q];
  if (sep !== '_' && (!open || (sep !== ' ' && sep !== '-'))) return false;
  q++;
  let d = q;
  while (d < s.length && s[d] >= '0' && s[d] <= '9') d++;
  const digits = s.slice(q, d);
  if (d === s.length) return digits === '' ? true : vault.numberPrefixIssued(label, digits);
  if (digits === '') return false;
  // Complete token followed by a space: a closing " ]" may still come.
  return s[d] === ' ' && d + 1 === s.length && vault.numberPrefixIssued(label, digits);
}

/** Incremental restorer for one text channel; holds back only a tail that may still become a token. */
export class ChannelRestorer {
  private buffer = '';
  private lastEmitted = '';

  constructor(
    private readonly vault: TokenVault,
    private readonly escape: Escape,
  ) {}

  push(delta: string): string {
    if (delta.length === 0) return '';
    this.buffer += delta;
    const cut = this.safeCut();
    return this.emit(cut);
  }

  flush(): string {
    return this.emit(this.buffer.length);
  }

  private emit(cut: number): string {
    if (cut === 0) return '';
    const ready = this.buffer.slice(0, cut);
    this.buffer = this.buffer.slice(cut);
    const out = restoreWith(this.vault, ready, this.escape, this.lastEmitted);
    this.lastEmitted = ready[ready.length - 1];
    return out;
  }

  private safeCut(): number {
    const buf = this.buffer;
    const labels = this.vault.labels();
    if (labels.size === 0) return buf.length;
    const maxHold = this.vault.longestToken() + 3;
    const from = Math.max(0, buf.length - maxHold);
    for (let i = from; i < buf.length; i++) {
      const c = buf[i];
      if (c !== '[' && !isAsciiLetter(c)) continue;
      const prev = i > 0 ? buf[i - 1] : this.lastEmitted;
      if (couldBecomeToken(this.vault, buf.slice(i), prev)) return i;
    }
    return buf.length;
  }
}
