/**
 * Prompt → model inputs; mirrors training/features.py line for line (parity: test/classifier/parity.test.ts).
 *
 * Tokens: runs of letters/marks/digits/underscore are words (lower-cased, cut at 40 chars); runs of scripts
 * written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) become overlapping character bigrams; any other
 * visible character is a token of its own (braces, colons and `=` are what code, JSON and SQL look like). A long
 * prompt keeps its first `head` and last `tail` tokens; the whole-prompt features read a wider window.
 * Lengths count UTF-16 units here and code points in Python: they differ only on characters beyond U+FFFF.
 */

export interface TokenConfig {
  head: number;
  tail: number;
  headChars: number;
  tailChars: number;
  featureChars: number;
  maxWord: number;
  maxGrams: number;
  minStem: number;
  subBuckets: number;
  pairBuckets: number;
  posBuckets: number;
}

/** 1 word, 2 bigram of a no-space script, 3 symbol. */
export type TokenKind = 1 | 2 | 3;
export interface Token {
  text: string;
  kind: TokenKind;
}

const NOSPACE: ReadonlyArray<readonly [number, number]> = [
  [0x0e00, 0x0eff],
  [0x1000, 0x109f],
  [0x1780, 0x17ff],
  [0x3040, 0x30ff],
  [0x31f0, 0x31ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff66, 0xff9f],
  [0x20000, 0x2ffff],
];
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const SPACE = /\s/;
const LETTER = /\p{L}/u;

function isNoSpace(cp: number): boolean {
  for (const [lo, hi] of NOSPACE) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** 0 space, 1 word character, 2 no-space script, 3 other visible character. ASCII is decided without regexes. */
export function charClass(cp: number): number {
  if (cp < 128) {
    if (cp === 32 || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31)) return 0;
    if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95) return 1;
    return 3;
  }
  if (isNoSpace(cp)) return 2;
  const ch = String.fromCodePoint(cp);
  if (SPACE.test(ch) || cp === 0x85 || cp === 0x1680) return 0;
  return WORD_CHAR.test(ch) ? 1 : 3;
}

/** FNV-1a over UTF-16 code units. */
export function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** fnv(`p${prev} ${tok}`) for two spans of `t` (an empty `prev` when pStart === pEnd), without building strings. */
export function fnvPairSpan(t: string, pStart: number, pEnd: number, start: number, end: number): number {
  let h = Math.imul(0x811c9dc5 ^ 112, 16777619) >>> 0; // 'p'
  for (let i = pStart; i < pEnd; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619) >>> 0;
  h = Math.imul(h ^ 32, 16777619) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export function charWindow(text: string, cfg: TokenConfig): string {
  if (text.length <= cfg.headChars + cfg.tailChars) return text;
  return `${text.slice(0, cfg.headChars)}\n${text.slice(text.length - cfg.tailChars)}`;
}

/**
 * The tokens of a prompt as spans of its lower-cased window, written into buffers reused across calls: the
 * engine reads a token's characters in place and builds a string only for a word it has not met before.
 */
export class TokenSpans {
  text = '';
  count = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;

  constructor(cfg: TokenConfig) {
    // Every token starts at a distinct character of the window, so the window's length bounds their number.
    const cap = cfg.headChars + cfg.tailChars + 1;
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.kind = new Uint8Array(cap);
  }

  private push(start: number, end: number, kind: TokenKind): void {
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.kind[this.count++] = kind;
  }

  /** Tokenizes `text`; a long prompt keeps its first `head` and last `tail` tokens. */
  read(text: string, cfg: TokenConfig): this {
    const t = charWindow(text, cfg).toLowerCase();
    this.text = t;
    this.count = 0;
    const n = t.length;
    let i = 0;
    while (i < n) {
      const cp = t.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      const c = charClass(cp);
      if (c === 0) {
        i += w;
      } else if (c === 3) {
        this.push(i, i + w, 3);
        i += w;
      } else {
        let j = i + w;
        while (j < n) {
          const cj = t.codePointAt(j)!;
          if (charClass(cj) !== c) break;
          j += cj > 0xffff ? 2 : 1;
        }
        if (c === 1) this.push(i, Math.min(j, i + cfg.maxWord), 1);
        else if (j - i === w) this.push(i, j, 2);
        else for (let k = i; k < j - 1; k++) this.push(k, k + 2, 2);
        i = j;
      }
    }
    const keep = cfg.head + cfg.tail;
    if (this.count > keep) {
      const from = this.count - cfg.tail;
      this.start.copyWithin(cfg.head, from, this.count);
      this.end.copyWithin(cfg.head, from, this.count);
      this.kind.copyWithin(cfg.head, from, this.count);
      this.count = keep;
    }
    return this;
  }

  token(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }
}

export function tokenize(text: string, cfg: TokenConfig): Token[] {
  const spans = new TokenSpans(cfg).read(text, cfg);
  return Array.from({ length: spans.count }, (_, i) => ({ text: spans.token(i), kind: spans.kind[i] as TokenKind }));
}

/** Hashed character trigrams of "<word>"; long words keep those of their two ends. */
export function grams(word: string, cfg: TokenConfig, out: number[]): number {
  const len = word.length + 2; // `<${word}>`
  if (len < 4) return 0;
  const total = len - 2;
  const half = cfg.maxGrams / 2;
  /** Code unit `p` of `<${word}>`, without building it. */
  const at = (p: number) => (p === 0 ? 60 : p === len - 1 ? 62 : word.charCodeAt(p - 1));
  let count = 0;
  for (let k = 0; k < total; k++) {
    if (total > cfg.maxGrams && k >= half && k < total - half) continue;
    let h = Math.imul(0x811c9dc5 ^ 103, 16777619) >>> 0; // fnv(`g${trigram}`)
    for (let p = k; p < k + 3; p++) h = Math.imul(h ^ at(p), 16777619) >>> 0;
    out[count++] = h % cfg.subBuckets;
  }
  return count;
}

/** Word → pretrained row: lexicon forms first, then English words, then lexicon stems of inflected words. */
export class Lookup {
  /** First characters and lengths (up to 12) that some stem has: most words skip the prefix search. */
  private readonly stemFirst = new Set<number>();
  private readonly stemLength = new Uint8Array(13);

  constructor(
    private readonly vocab: Map<string, number>,
    private readonly exact: Map<string, number>,
    private readonly stems: Map<string, number>,
    private readonly minStem: number,
  ) {
    for (const s of stems.keys()) {
      this.stemFirst.add(s.charCodeAt(0));
      if (s.length <= 12) this.stemLength[s.length] = 1;
    }
  }

  row(tok: string, kind: TokenKind): number {
    const e = this.exact.get(tok);
    if (e !== undefined) return e;
    if (kind === 2) return tok.length === 2 ? (this.exact.get(tok[0]) ?? -1) : -1;
    const v = this.vocab.get(tok);
    if (v !== undefined) return v;
    const first = tok.charCodeAt(0);
    const lo = first >= 0xac00 && first <= 0xd7a3 ? 2 : this.minStem; // Hangul: particles attach to 2-syllable stems
    if (kind === 1 && tok.length >= lo && this.stemFirst.has(first)) {
      for (let k = Math.min(tok.length, 12); k >= lo; k--) {
        if (!this.stemLength[k]) continue;
        const s = this.stems.get(tok.slice(0, k));
        if (s !== undefined) return s;
      }
    }
    return -1;
  }
}

export function posBucket(i: number, n: number): number {
  if (i < 8) return i;
  if (n - 1 - i < 8) return 8 + (n - 1 - i);
  return 16;
}

const RE = {
  fence: /```/g,
  indent: /^(?: {2,}|\t)\S/gm,
  trace:
    /traceback \(most recent|exception|error[:\]]|\bat [\w$.]+\(|line \d+|errno|panic:|segmentation fault|undefined is not|cannot read propert|stack trace/gi,
  sql: /\bselect\b[\s\S]{1,200}?\bfrom\b|\bjoin\b|\bgroup by\b|\bcreate table\b|\binsert into\b|\bwhere\b[\s\S]{1,80}?=/gi,
  json: /[{[]\s*"[^"\n]{1,40}"\s*:/g,
  schema: /"(?:parameters|properties|required)"\s*:|\bfunction_call\b|\btool_calls?\b/gi,
  choices: /(?:^|\n)\s*(?:\(?[a-e]\)|[a-e]\.|\([a-e]\))\s+\S/gi,
  list: /^\s*(?:[-*•]|\d+[.)])\s+\S/gm,
  mathsym: /\d\s*[-+*/^=×÷]\s*\d|\\frac|\\sqrt|\$[^$\n]{1,80}\$/g,
};
const count = (t: string, re: RegExp) => t.match(re)?.length ?? 0;
/**
 * MARK[ascii] flags the regexes that character can be part of, for those regexes that need one of a few
 * characters to match at all: fence "`"; indent a tab or two spaces (found in the loop); json '"' (counted
 * separately) and ":"; schema '"' and ":", or "_"; list "-", "*" (or "•" or a digit); math a backslash or "$" (or a
 * digit).
 */
const M = { fence: 1, indent: 2, schema: 4, list: 8, math: 16, colon: 32 };
const MARK = new Uint8Array(128);
MARK[96] = M.fence;
MARK[9] = M.indent;
MARK[95] = M.schema;
MARK[45] = MARK[42] = M.list;
MARK[92] = MARK[36] = M.math;
MARK[58] = M.colon;
/** ASCII code → 1 for the symbols whose density is a feature: a table read instead of a one-character string. */
const SYMBOL = new Uint8Array(128);
for (const ch of '{}[]();=<>$#') SYMBOL[ch.charCodeAt(0)] = 1;

/** Code points below U+0250 that are letters (ASCII and accented Latin): a table read instead of a regex. */
const LATIN_LETTER = new Uint8Array(0x250);
for (let cp = 0; cp < 0x250; cp++) LATIN_LETTER[cp] = LETTER.test(String.fromCodePoint(cp)) ? 1 : 0;

/**
 * Script of a letter at or above U+0080, as an index into the script counts (ascii latin, accented latin,
 * cyrillic, greek, arabic/hebrew, indic, cjk+kana, hangul, other), or -1 for anything that is not a letter.
 */
function scriptOf(cp: number): number {
  if (cp < 0x250) return LATIN_LETTER[cp] ? 1 : -1;
  if (cp >= 0x370 && cp < 0x400) return 3;
  if (cp >= 0x400 && cp < 0x530) return 2;
  if (cp >= 0x590 && cp < 0x780) return 4;
  if (cp >= 0x900 && cp < 0xe00) return 5;
  if ((cp >= 0xac00 && cp < 0xd7b0) || (cp >= 0x1100 && cp < 0x1200)) return 7;
  if (isNoSpace(cp) && !(cp >= 0x0e00 && cp < 0x1800)) return 6;
  return LETTER.test(String.fromCodePoint(cp)) ? 8 : -1;
}

/** The N_FEATURES whole-prompt numbers (training/features.py prompt_features), written into `out`. */
export function promptFeatures(
  text: string,
  hasTools: boolean,
  nTokens: number,
  knownShare: number,
  cfg: TokenConfig,
  out: Float32Array,
): void {
  const half = cfg.featureChars / 2;
  const t = text.length <= cfg.featureChars ? text : `${text.slice(0, half)}\n${text.slice(text.length - half)}`;
  let lines = 1;
  let nonspace = 0;
  let sym = 0;
  let digits = 0;
  let upper = 0;
  let quotes = 0;
  // Characters some regex below cannot match without (MARK): a prompt lacking them skips that regex's scan.
  let marks = 0;
  const sc = [0, 0, 0, 0, 0, 0, 0, 0, 0]; // letters per script (scriptOf)
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 10) lines++;
    if (!(ch === 32 || (ch >= 9 && ch <= 13))) nonspace++;
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch >= 65 && ch <= 90) {
      upper++;
      sc[0]++;
    } else if (ch < 128) {
      if (ch >= 97 && ch <= 122) sc[0]++;
      sym += SYMBOL[ch];
      marks |= MARK[ch];
      if (ch === 34) quotes++;
      else if (ch === 32 && t.charCodeAt(i + 1) === 32) marks |= M.indent;
    } else {
      if (ch === 0x201c || ch === 0x201d || ch === 0xab || ch === 0xbb || ch === 0x201e) quotes++;
      else if (ch === 0x2022) marks |= M.list; // •
      // A surrogate pair is one code point; its low half alone is no letter, so it adds nothing on its turn.
      const script = scriptOf(ch >= 0xd800 && ch < 0xdc00 ? t.codePointAt(i)! : ch);
      if (script >= 0) sc[script]++;
    }
  }
  if (digits > 0) marks |= M.list | M.math;
  nonspace = Math.max(1, nonspace);
  const letters = Math.max(
    1,
    sc.reduce((a, b) => a + b, 0),
  );
  const min1 = (x: number) => Math.min(1, x);
  const f = [
    Math.log1p(text.length) / 10,
    Math.log1p(lines) / 6,
    min1((marks & M.fence ? count(t, RE.fence) : 0) / 4),
    min1(((marks & M.indent ? count(t, RE.indent) : 0) / lines) * 2),
    min1((sym / nonspace) * 5),
    min1(count(t, RE.trace) / 3),
    min1(count(t, RE.sql) / 3),
    min1((quotes > 0 && marks & M.colon ? count(t, RE.json) : 0) / 3),
    min1(((quotes > 0 && marks & M.colon) || marks & M.schema ? count(t, RE.schema) : 0) / 2),
    t.trimEnd().endsWith('?') ? 1 : 0,
    min1(count(t, RE.choices) / 3),
    /https?:\/\//.test(t) ? 1 : 0,
    min1((marks & M.list ? count(t, RE.list) : 0) / 5),
    min1((marks & M.math ? count(t, RE.mathsym) : 0) / 3),
    min1(quotes / 6),
    min1((digits / nonspace) * 4),
    min1((upper / nonspace) * 4),
    hasTools ? 1 : 0,
    Math.log1p(nTokens) / 6,
    knownShare,
    ...sc.map((x) => x / letters),
    sc.filter((x) => x / letters > 0.15).length > 1 ? 1 : 0,
    text.length < 40 ? 1 : 0,
    text.length > 2000 ? 1 : 0,
  ];
  out.set(f);
}
