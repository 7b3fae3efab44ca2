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

/** fnv(`p${prev} ${tok}`) without building the string: the pair bucket of every token. */
export function fnvPair(prev: string, tok: string): number {
  let h = Math.imul(0x811c9dc5 ^ 112, 16777619) >>> 0; // 'p'
  for (let i = 0; i < prev.length; i++) h = Math.imul(h ^ prev.charCodeAt(i), 16777619) >>> 0;
  h = Math.imul(h ^ 32, 16777619) >>> 0;
  for (let i = 0; i < tok.length; i++) h = Math.imul(h ^ tok.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export function charWindow(text: string, cfg: TokenConfig): string {
  if (text.length <= cfg.headChars + cfg.tailChars) return text;
  return `${text.slice(0, cfg.headChars)}\n${text.slice(text.length - cfg.tailChars)}`;
}

export function tokenize(text: string, cfg: TokenConfig): Token[] {
  const t = charWindow(text, cfg).toLowerCase();
  const out: Token[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    const cp = t.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const c = charClass(cp);
    if (c === 0) {
      i += w;
    } else if (c === 3) {
      out.push({ text: t.slice(i, i + w), kind: 3 });
      i += w;
    } else {
      let j = i + w;
      while (j < n) {
        const cj = t.codePointAt(j)!;
        if (charClass(cj) !== c) break;
        j += cj > 0xffff ? 2 : 1;
      }
      if (c === 1) out.push({ text: t.slice(i, Math.min(j, i + cfg.maxWord)), kind: 1 });
      else if (j - i === w) out.push({ text: t.slice(i, j), kind: 2 });
      else for (let k = i; k < j - 1; k++) out.push({ text: t.slice(k, k + 2), kind: 2 });
      i = j;
    }
  }
  if (out.length > cfg.head + cfg.tail) return [...out.slice(0, cfg.head), ...out.slice(out.length - cfg.tail)];
  return out;
}

/** Hashed character trigrams of "<word>"; long words keep those of their two ends. */
export function grams(word: string, cfg: TokenConfig, out: number[]): number {
  const w = `<${word}>`;
  if (w.length < 4) return 0;
  const total = w.length - 2;
  const half = cfg.maxGrams / 2;
  let count = 0;
  for (let k = 0; k < total; k++) {
    if (total > cfg.maxGrams && k >= half && k < total - half) continue;
    out[count++] = fnv(`g${w.slice(k, k + 3)}`) % cfg.subBuckets;
  }
  return count;
}

/** Word → pretrained row: lexicon forms first, then English words, then lexicon stems of inflected words. */
export class Lookup {
  constructor(
    private readonly vocab: Map<string, number>,
    private readonly exact: Map<string, number>,
    private readonly stems: Map<string, number>,
    private readonly minStem: number,
  ) {}

  row(tok: string, kind: TokenKind): number {
    const e = this.exact.get(tok);
    if (e !== undefined) return e;
    if (kind === 2) return tok.length === 2 ? (this.exact.get(tok[0]) ?? -1) : -1;
    const v = this.vocab.get(tok);
    if (v !== undefined) return v;
    const first = tok.charCodeAt(0);
    const lo = first >= 0xac00 && first <= 0xd7a3 ? 2 : this.minStem; // Hangul: particles attach to 2-syllable stems
    if (kind === 1 && tok.length >= lo) {
      for (let k = Math.min(tok.length, 12); k >= lo; k--) {
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
  quote: /["“”«»„]/g,
};
const count = (t: string, re: RegExp) => t.match(re)?.length ?? 0;
const SYMBOLS = new Set('{}[]();=<>$#');

/** Letters per script: ascii latin, accented latin, cyrillic, greek, arabic/hebrew, indic, cjk+kana, hangul, other. */
export function scriptCounts(t: string): number[] {
  const c = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < t.length; i++) {
    const cp = t.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 128) {
      if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) c[0]++;
    } else if (cp < 0x250) {
      if (LETTER.test(String.fromCodePoint(cp))) c[1]++;
    } else if (cp >= 0x370 && cp < 0x400) c[3]++;
    else if (cp >= 0x400 && cp < 0x530) c[2]++;
    else if (cp >= 0x590 && cp < 0x780) c[4]++;
    else if (cp >= 0x900 && cp < 0xe00) c[5]++;
    else if ((cp >= 0xac00 && cp < 0xd7b0) || (cp >= 0x1100 && cp < 0x1200)) c[7]++;
    else if (isNoSpace(cp) && !(cp >= 0x0e00 && cp < 0x1800)) c[6]++;
    else if (LETTER.test(String.fromCodePoint(cp))) c[8]++;
  }
  return c;
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
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 10) lines++;
    if (!(ch === 32 || (ch >= 9 && ch <= 13))) nonspace++;
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch >= 65 && ch <= 90) upper++;
    else if (ch < 128 && SYMBOLS.has(t[i])) sym++;
  }
  nonspace = Math.max(1, nonspace);
  const sc = scriptCounts(t);
  const letters = Math.max(
    1,
    sc.reduce((a, b) => a + b, 0),
  );
  const min1 = (x: number) => Math.min(1, x);
  const f = [
    Math.log1p(text.length) / 10,
    Math.log1p(lines) / 6,
    min1(count(t, RE.fence) / 4),
    min1((count(t, RE.indent) / lines) * 2),
    min1((sym / nonspace) * 5),
    min1(count(t, RE.trace) / 3),
    min1(count(t, RE.sql) / 3),
    min1(count(t, RE.json) / 3),
    min1(count(t, RE.schema) / 2),
    t.trimEnd().endsWith('?') ? 1 : 0,
    min1(count(t, RE.choices) / 3),
    /https?:\/\//.test(t) ? 1 : 0,
    min1(count(t, RE.list) / 5),
    min1(count(t, RE.mathsym) / 3),
    min1(count(t, RE.quote) / 6),
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
