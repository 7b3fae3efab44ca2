import type { ShieldSession, StreamRestorer } from './session';
import { LABELS } from './tokens';
import { ENTITY_TYPES } from './types';

/*
 * llmshield's stream restorer, engaged only where a placeholder can be. Most deltas of an answer hold no
 * placeholder and end in no beginning of one; they go out as they came, without the restorer's hold-back
 * scan. The output is the restorer's, byte for byte, chunk for chunk:
 *
 * - A placeholder (`[LABEL_N]` and its tolerated variants) starts at `[` or at a label's first letter after
 *   a character that is not a word character. A delta with no such start of an issued label, and whose last
 *   letters are not the beginning of one, is one the restorer would pass whole and unchanged.
 * - Otherwise a fresh restorer takes over. Its state (nothing held, no word character before) is the real
 *   one: nothing was held back, and when a word character came just before, the delta's leading word
 *   characters go out first (no placeholder starts in them) and the restorer begins at a non-word character.
 * - It hands back once a delta it took ends in a character no placeholder contains (anything but letters,
 *   digits, `_`, `-`, space and brackets): then it holds nothing, and that character is no word character.
 */

const enum Code {
  Space = 0x20,
  Dash = 0x2d,
  Zero = 0x30,
  Nine = 0x39,
  UpperA = 0x41,
  UpperZ = 0x5a,
  Open = 0x5b,
  Close = 0x5d,
  Underscore = 0x5f,
  LowerA = 0x61,
  LowerZ = 0x7a,
}

function isLetter(c: number): boolean {
  return (c >= Code.UpperA && c <= Code.UpperZ) || (c >= Code.LowerA && c <= Code.LowerZ);
}
function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= Code.Zero && c <= Code.Nine) || c === Code.Underscore;
}
/** A character that can be part of a placeholder variant. */
function inPlaceholder(c: number): boolean {
  return isWordChar(c) || c === Code.Space || c === Code.Dash || c === Code.Open || c === Code.Close;
}

/** Whether the letters text[from, to) may begin an issued placeholder (upper-case labels). */
function mayStartLabel(labels: readonly string[], text: string, from: number, to: number): boolean {
  const atEnd = to === text.length;
  const next = atEnd ? 0 : text.charCodeAt(to);
  // A whole label is a placeholder only when a separator follows; letters at the delta's end may grow into one.
  if (!atEnd && next !== Code.Underscore && next !== Code.Space && next !== Code.Dash) return false;
  const n = to - from;
  for (const label of labels) {
    if (atEnd ? n > label.length : n !== label.length) continue;
    let k = 0;
    while (k < n && (text.charCodeAt(from + k) | 0x20) === (label.charCodeAt(k) | 0x20)) k++;
    if (k === n) return true;
  }
  return false;
}

/** Index of the first character where a placeholder may start, or -1. `wordBefore`: the character before text is a word character. */
export function placeholderStart(labels: readonly string[], text: string, wordBefore: boolean): number {
  let before = wordBefore;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Code.Open) return i;
    if (isLetter(c)) {
      let end = i + 1;
      while (end < text.length && isLetter(text.charCodeAt(end))) end++;
      if (!before && mayStartLabel(labels, text, i, end)) return i;
      i = end - 1;
      before = true;
      continue;
    }
    before = isWordChar(c);
  }
  return -1;
}

/** One text channel (the content, or one tool call's arguments). */
class Channel {
  private restorer: StreamRestorer | null = null;
  private wordBefore = false;

  constructor(
    private readonly open: () => StreamRestorer,
    private readonly labels: readonly string[],
    private readonly push_: (r: StreamRestorer, delta: string) => string,
    private readonly held: (r: StreamRestorer) => string,
  ) {}

  push(delta: string): string {
    if (delta.length === 0) return '';
    let out = '';
    let rest = delta;
    if (this.restorer === null) {
      const at = placeholderStart(this.labels, delta, this.wordBefore);
      if (at < 0) {
        this.wordBefore = isWordChar(delta.charCodeAt(delta.length - 1));
        return delta;
      }
      if (this.wordBefore) {
        // No placeholder starts in the leading word characters: the restorer begins after them.
        let k = 0;
        while (k < delta.length && isWordChar(delta.charCodeAt(k))) k++;
        out = delta.slice(0, k);
        rest = delta.slice(k);
      }
      this.restorer = this.open();
    }
    out += this.push_(this.restorer, rest);
    if (!inPlaceholder(delta.charCodeAt(delta.length - 1))) {
      this.restorer = null;
      this.wordBefore = false;
    }
    return out;
  }

  flush(): string {
    const r = this.restorer;
    this.restorer = null;
    return r ? this.held(r) : '';
  }
}

/** A stream restorer in the shape the request flow's output filters take. */
export interface StreamFilter {
  content(delta: string): string;
  toolArguments(index: number, delta: string): string;
  flush(): { content: string; toolArguments: Record<number, string> };
}

/** The labels of the placeholders the session has issued so far: every issued placeholder was counted. */
function issuedLabels(session: ShieldSession): string[] {
  const found = session.found();
  return ENTITY_TYPES.filter((type) => found[type] > 0).map((type) => LABELS[type]);
}

/**
 * The session's stream restoration, gated. `labels`: the labels of the placeholders the session issued,
 * upper case (a superset is fine: it only engages the restorer more often); by default read from the session.
 */
export function gatedStreamRestorer(session: ShieldSession, labels: readonly string[] = issuedLabels(session)): StreamFilter {
  const open = () => session.createStreamRestorer();
  const content = new Channel(
    open,
    labels,
    (r, d) => r.pushContent(d),
    (r) => r.flush().content,
  );
  const tools = new Map<number, Channel>();
  const tool = (index: number): Channel => {
    let c = tools.get(index);
    if (!c) {
      c = new Channel(
        open,
        labels,
        (r, d) => r.pushToolArguments(index, d),
        (r) => r.flush().toolArguments[index] ?? '',
      );
      tools.set(index, c);
    }
    return c;
  };
  return {
    content: (d) => content.push(d),
    toolArguments: (i, d) => tool(i).push(d),
    flush: () => {
      const toolArguments: Record<number, string> = {};
      for (const [index, c] of tools) toolArguments[index] = c.flush();
      return { content: content.flush(), toolArguments };
    },
  };
}
