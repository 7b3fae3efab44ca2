/*
 * The learned name tagger: pure TypeScript inference of small int8 weights (trained by
 * training/shield/train_tagger.py on synthetic texts of many locales; see src/shield/README.md).
 *
 * Each token's vector is the sum of the embeddings of its hashed features (features.ts); a candidate
 * word's tag comes from the 2*window+1 token vectors around it through one ReLU layer. Person-tagged
 * words joined by spaces, initials' periods or name particles ("van de") form one name.
 *
 * Weights (little-endian): "SHNT", u32 version, dim, window, hidden, classes, buckets, maxFeatures;
 * f32 embScale[buckets], i8 emb[buckets*dim], f32 w1Scale[hidden], i8 w1[hidden*(2w+1)*dim],
 * f32 b1[hidden], f32 w2[classes*hidden], f32 b2[classes].
 */
import type { Detection } from '../types';
import { GIVEN_NAMES, NAME_PARTICLES, SURNAMES_SET } from '../names';
import { COMMON_WORDS, FUNCTION_WORDS } from '../detectors/words';
import { MAX_FEATURES, candidateMask, featurize, isLowerText, tokenize, type Token } from './features';
import { TAGGER_WEIGHTS_BASE64 } from './tagger-weights';

interface Weights {
  dim: number;
  window: number;
  hidden: number;
  classes: number;
  buckets: number;
  embScale: Float32Array;
  emb: Int8Array;
  /** The dense layer, dequantized at load (it is small): hidden rows of (2*window+1)*dim. */
  w1: Float64Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

const PERSON = 1;
// Bounded work per text (≈ 100 KB of capitalized prose, a few hundred ms); past it the rule detectors alone
// find names.
const MAX_JUDGED = 20000;
let weights: Weights | null = null;

function decode(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function load(): Weights {
  const bytes = decode(TAGGER_WEIGHTS_BASE64);
  const view = new DataView(bytes.buffer);
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'SHNT') throw new Error('tagger weights: bad magic');
  const u = (i: number) => view.getUint32(4 + i * 4, true);
  const [dim, window, hidden, classes, buckets, maxFeatures] = [u(1), u(2), u(3), u(4), u(5), u(6)];
  if (maxFeatures !== MAX_FEATURES) throw new Error('tagger weights: feature count differs from features.ts');
  if (dim % 4 !== 0) throw new Error('tagger weights: dim must be a multiple of 4');
  let at = 32;
  const f32 = (n: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++, at += 4) out[i] = view.getFloat32(at, true);
    return out;
  };
  const i8 = (n: number) => {
    const out = new Int8Array(bytes.buffer, at, n);
    at += n;
    return out;
  };
  const width = (2 * window + 1) * dim;
  const embScale = f32(buckets);
  const emb = i8(buckets * dim);
  const w1Scale = f32(hidden);
  const w1q = i8(hidden * width);
  // Float64: V8 multiplies doubles without a conversion per element.
  const w1 = new Float64Array(hidden * width);
  for (let j = 0; j < hidden; j++) for (let k = 0; k < width; k++) w1[j * width + k] = w1q[j * width + k] * w1Scale[j];
  return { dim, window, hidden, classes, buckets, embScale, emb, w1, b1: f32(hidden), w2: f32(classes * hidden), b2: f32(classes) };
}

/**
 * Gap between two person words that keeps them one name: a space, an initial's period, particles, a middle
 * initial written without a period ("Hinano I Teai": the lone capital is not judged, being a pronoun too).
 */
function joins(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (gap === ' ') return true;
  if (gap === '. ' && a.end - a.start === 1) return true;
  if (gap.length > 16 || gap.includes('\n')) return false;
  const words = gap.trim().split(/ +/);
  return gap.startsWith(' ') && gap.endsWith(' ') && words.every((x) => NAME_PARTICLES.has(x) || MIDDLE_INITIAL.test(x));
}
const MIDDLE_INITIAL = /^\p{Lu}\.?$/u;

/**
 * The hidden layer is linear in the window's token vectors, and a token's vector depends on the token alone
 * (its text, kind, and whether the whole text is lower case: features.ts). So each distinct token's share of
 * the hidden layer at each window offset, W1[:, o] · v, is computed once per isolate and kept in a bounded slab
 * (emptied when full; it holds words of texts in isolate memory only, like the request itself). A candidate's
 * hidden layer is then the sum of 2*window+1 cached rows: no matrix product per candidate.
 */
const PARTIAL_SLOTS = 4096;

interface Partials {
  /**
   * Slots by what a token's features read (features.ts): a word by its text, in mixed-case and lower-case text
   * apart; every other token by a number (kind, lower-case flag, and the digit count or the character), so
   * looking one up builds no string.
   */
  words: [Map<string, number>, Map<string, number>];
  others: Map<number, number>;
  /** Slots handed out. */
  count: number;
  /** slot × offset × hidden */
  rows: Float32Array;
}

let partials: Partials | null = null;

function newPartials(w: Weights, slots: number): Partials {
  return { words: [new Map(), new Map()], others: new Map(), count: 0, rows: new Float32Array(slots * (2 * w.window + 1) * w.hidden) };
}

/**
 * A cache with room for every token of this text, so no slot is reused while the text is read: the isolate's,
 * emptied first if it could fill up; a text with more tokens than it holds gets one of its own.
 */
function partialsFor(w: Weights, tokens: number): Partials {
  if (tokens > PARTIAL_SLOTS) return newPartials(w, tokens);
  partials ??= newPartials(w, PARTIAL_SLOTS);
  if (partials.count + tokens > PARTIAL_SLOTS) {
    partials.words[0].clear();
    partials.words[1].clear();
    partials.others.clear();
    partials.count = 0;
  }
  return partials;
}

/** The cache key of a token that is not a word: a number (digit count up to 8, a line break, the character). */
function otherKey(text: string, t: Token, lower: boolean): number {
  const what = t.kind === 1 ? Math.min(t.end - t.start, 8) : t.kind === 2 ? 0 : (text.codePointAt(t.start) ?? 0);
  return (what * 4 + t.kind) * 2 + (lower ? 1 : 0);
}

/** The slot holding W1[:, o] · v of this token for every offset o, computed on first sight. */
function partialSlot(w: Weights, cache: Partials, text: string, t: Token, lower: boolean): number {
  const word = t.kind === 0 ? text.slice(t.start, t.end) : '';
  const other = t.kind === 0 ? 0 : otherKey(text, t, lower);
  const hit = t.kind === 0 ? cache.words[lower ? 1 : 0].get(word) : cache.others.get(other);
  if (hit !== undefined) return hit;
  const slot = cache.count++;
  const { dim, window, hidden, emb, embScale, w1 } = w;
  const feats = featurize(text, [t], lower);
  const v = new Float64Array(dim);
  for (let k = 0; k < MAX_FEATURES; k++) {
    const id = feats[k];
    if (id < 0) break;
    const s = embScale[id];
    for (let d = 0; d < dim; d++) v[d] += emb[id * dim + d] * s;
  }
  const width = (2 * window + 1) * dim;
  const base = slot * (2 * window + 1) * hidden;
  for (let o = 0; o <= 2 * window; o++)
    for (let j = 0; j < hidden; j++) {
      let acc = 0;
      const row = j * width + o * dim;
      for (let d = 0; d < dim; d++) acc += w1[row + d] * v[d];
      cache.rows[base + o * hidden + j] = acc;
    }
  if (t.kind === 0) cache.words[lower ? 1 : 0].set(word, slot);
  else cache.others.set(other, slot);
  return slot;
}

/** Buffers classProbabilities reuses from text to text (it runs to completion, never reentered). */
let scratch = { slotOf: new Int32Array(256), bases: new Int32Array(0), h: new Float64Array(0), scores: new Float32Array(0) };

/** Class probabilities of each candidate token (candidates × classes), by the window network. */
function classProbabilities(w: Weights, text: string, tokens: Token[], candidates: number[], lower: boolean): Float32Array {
  const { window, hidden, classes, b1, w2, b2 } = w;
  const cache = partialsFor(w, tokens.length);
  const rows = cache.rows;
  const span = 2 * window + 1;
  // Slot of every token some candidate's window reads (-1: not needed).
  if (scratch.slotOf.length < tokens.length) scratch.slotOf = new Int32Array(Math.max(tokens.length, 2 * scratch.slotOf.length));
  const slotOf = scratch.slotOf;
  slotOf.fill(-1, 0, tokens.length);
  // Row offsets of the window's tokens, in offset order; tokens outside the text add nothing (a zero vector).
  if (scratch.h.length !== hidden || scratch.bases.length !== span || scratch.scores.length !== classes)
    scratch = { slotOf, bases: new Int32Array(span), h: new Float64Array(hidden), scores: new Float32Array(classes) };
  const { bases, h, scores } = scratch;
  const out = new Float32Array(candidates.length * classes);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    let used = 0;
    for (let o = 0; o < span; o++) {
      const t = c + o - window;
      if (t < 0 || t >= tokens.length) continue;
      if (slotOf[t] < 0) slotOf[t] = partialSlot(w, cache, text, tokens[t], lower);
      bases[used++] = (slotOf[t] * span + o) * hidden;
    }
    // Each unit sums its bias and then the window's rows in offset order, as one pass per unit: the same
    // additions in the same order as adding row after row, with h written once. The ReLU is applied here,
    // once, instead of in every class's product.
    if (used === span && span === 7) {
      const r0 = bases[0],
        r1 = bases[1],
        r2 = bases[2],
        r3 = bases[3],
        r4 = bases[4],
        r5 = bases[5],
        r6 = bases[6];
      for (let j = 0; j < hidden; j++) {
        const v = b1[j] + rows[r0 + j] + rows[r1 + j] + rows[r2 + j] + rows[r3 + j] + rows[r4 + j] + rows[r5 + j] + rows[r6 + j];
        h[j] = v > 0 ? v : 0;
      }
    } else {
      for (let j = 0; j < hidden; j++) {
        let v = b1[j];
        for (let u = 0; u < used; u++) v += rows[bases[u] + j];
        h[j] = v > 0 ? v : 0;
      }
    }
    let max = -Infinity;
    for (let k = 0; k < classes; k++) {
      let s = b2[k];
      const wk = k * hidden;
      for (let j = 0; j < hidden; j++) s += w2[wk + j] * h[j];
      scores[k] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += scores[k] = Math.exp(scores[k] - max);
    for (let k = 0; k < classes; k++) out[i * classes + k] = scores[k] / sum;
  }
  return out;
}

interface Tagged {
  lower: boolean;
  tokens: Token[];
  candidates: number[];
  /** candidates × classes probabilities. */
  probs: Float32Array;
  classes: number;
}

let lastText: string | null = null;
let lastTagged: Tagged | null = null;

/** The tagger's reading of a text; remembered for the last text (names and streets both ask). */
function tagText(text: string): Tagged {
  if (text === lastText && lastTagged) return lastTagged;
  const tokens = tokenize(text);
  const lower = isLowerText(text, tokens);
  // Candidates that are common words (and no name) never make a name on their own: not judged.
  const candidates: number[] = [];
  const mask = candidateMask(text, tokens, lower);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!mask[i]) continue;
    const key = text.slice(t.start, t.end).toLowerCase();
    if (COMMON_WORDS.has(key) && !GIVEN_NAMES.has(key) && !SURNAMES_SET.has(key)) continue;
    candidates.push(i);
    if (candidates.length === MAX_JUDGED) break;
  }
  const w = candidates.length ? (weights ??= load()) : null;
  const probs = w ? classProbabilities(w, text, tokens, candidates, lower) : new Float32Array(0);
  lastText = text;
  lastTagged = { lower, tokens, candidates, probs, classes: w?.classes ?? 4 };
  return lastTagged;
}

/** Runs of candidates whose probability of class k is at least min, joined as in names: [first, last, best]. */
function runsOf(text: string, tagged: Tagged, k: number, min: number): Array<[number, number, number]> {
  const { tokens, candidates, probs, classes } = tagged;
  const runs: Array<[number, number, number]> = [];
  let prev = -1;
  for (let i = 0; i < candidates.length; i++) {
    const p = probs[i * classes + k];
    if (p < min) continue;
    const c = candidates[i];
    const last = runs[runs.length - 1];
    if (prev >= 0 && joins(text, tokens[prev], tokens[c])) {
      last[1] = c;
      last[2] = Math.max(last[2], p);
    } else runs.push([c, c, p]);
    prev = c;
  }
  return runs;
}

const PLACE = 2;
const UNITS = new Set(
  'mbps gbps kbps tbps mhz ghz khz hz kib mib gib tib kbit mbit gbit rpm fps dpi ppi kwh mwh mah nits lumen lux'.split(' '),
);
const HOUSE_NUMBER_AFTER = /^,?[ ]\d{1,5}[A-Za-z]?(?:[/-]\d{1,4})?(?![\p{L}\d])/u;
const HOUSE_NUMBER_BEFORE = /(?<![\w.,-])\d{1,5}[A-Za-z]?[ ]$/;

/**
 * Streets the tagger reads as places, written with a house number: "Drinska 961", "12 Tingrøa".
 * The address detector grows them into whole addresses.
 */
export function tagStreets(text: string): Array<[number, number]> {
  if (!/\d/.test(text)) return [];
  const tagged = tagText(text);
  const out: Array<[number, number]> = [];
  for (const [a, b, best] of runsOf(text, tagged, PLACE, 0.5)) {
    if (best < TAGGER_THRESHOLDS.street) continue;
    // A street name has a word of three or more letters that is not all capitals ("67 MB" is a size).
    const words = tagged.tokens.slice(a, b + 1).filter((t) => t.kind === 0 && t.end - t.start >= 3);
    if (!words.some((t) => /\p{Ll}/u.test(text.slice(t.start, t.end)))) continue;
    // A number and a unit is a measure ("1000 Mbps"), not a house number and a street.
    if (words.length === 1 && UNITS.has(text.slice(words[0].start, words[0].end).toLowerCase())) continue;
    if (tagged.tokens.slice(a, b + 1).some((t) => FUNCTION_WORDS.has(text.slice(t.start, t.end).toLowerCase()))) continue;
    const start = tagged.tokens[a].start;
    const end = tagged.tokens[b].end;
    const after = HOUSE_NUMBER_AFTER.exec(text.slice(end, end + 16));
    if (after) out.push([start, end + after[0].length]);
    else if (!tagged.lower) {
      // "12 Tingrøa"; not in lower-case text, where "5 miles" reads the same.
      const before = HOUSE_NUMBER_BEFORE.exec(text.slice(Math.max(0, start - 10), start));
      if (before) out.push([start - before[0].length, end]);
    }
  }
  return out;
}

/**
 * Decision thresholds on the person probability: a word joins a name at THRESHOLD; a name of one word
 * that is in none of the name lists needs singleWord (one unknown capitalized word is the commonest
 * false positive: a product, a heading, a unit), one of the lists singleListed. A run grows over a
 * neighbouring judged word whose person probability is at least extend (extendRun); a one-word reading
 * so grown needs grown. A street read as a place needs street. Chosen on cross-validation folds of the
 * development data (training/shield/README.md).
 */
export const TAGGER_THRESHOLDS = { word: 0.3, singleWord: 0.9, singleListed: 0.7, street: 0.8, extend: 0.02, grown: 0.7 };

/**
 * The tagger's person probability of the judged word starting at `start` (-1 when the word is not judged:
 * a lower-case word in mixed-case text, a common word, code). Context rules ask it about words the lists
 * do not know.
 */
export function personProbabilityAt(text: string, start: number): number {
  const tagged = tagText(text);
  const { tokens, candidates, probs, classes } = tagged;
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[candidates[mid]].start;
    if (s === start) return probs[mid * classes + PERSON];
    if (s < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function listed(text: string, t: Token): boolean {
  const key = text.slice(t.start, t.end).toLowerCase();
  return GIVEN_NAMES.has(key) || SURNAMES_SET.has(key);
}

/** Person names found by the tagger. */
export function tagPersons(text: string): Detection[] {
  const tagged = tagText(text);
  const { tokens } = tagged;
  const out: Detection[] = [];
  for (const [a0, b0, best] of runsOf(text, tagged, PERSON, TAGGER_THRESHOLDS.word)) {
    const [a, b] = extendRun(text, tagged, a0, b0);
    const words = tokens.slice(a, b + 1).filter((t) => t.kind === 0 && t.end - t.start >= 2);
    if (words.length === 0) continue;
    if (words.length === 1 && listed(text, words[0]) && best < TAGGER_THRESHOLDS.singleListed) continue;
    if (words.length === 1 && !listed(text, words[0])) {
      if (best < TAGGER_THRESHOLDS.singleWord) continue;
      // One unknown all-caps word is an acronym or a keyword (VCARD, SKUs), not a name.
      const word = text.slice(words[0].start, words[0].end);
      if (word === word.toUpperCase() || /^\p{Lu}{2}/u.test(word)) continue;
      // A unit of measure ("1000 Mbps") is never a name.
      if (UNITS.has(word.toLowerCase())) continue;
    }
    // A one-word reading grown by a neighbour needs more than a word inside a longer name does.
    if (words.length > 1 && a0 === b0 && best < TAGGER_THRESHOLDS.grown) continue;
    // An initial before the name belongs to it ("N. Karamanlis").
    let start = tokens[a].start;
    if (a >= 2 && tokens[a - 1].kind === 3 && text[tokens[a - 1].start] === '.' && tokens[a - 2].end - tokens[a - 2].start === 1) {
      const initial = tokens[a - 2];
      if (
        tokens[a - 1].start === initial.end &&
        text.slice(tokens[a - 1].end, tokens[a].start) === ' ' &&
        /\p{Lu}/u.test(text[initial.start])
      )
        start = initial.start;
    }
    out.push({ type: 'PERSON', start, end: tokens[b].end });
  }
  return lastFirstPairs(text, out);
}

/**
 * A person run grows by one judged word on each side that joins it as a name part ("Rûken Dildar" when
 * only the surname reads as a name) unless the tagger reads that word as a place or an organization (a
 * word right beside a part read with p ≥ 0.9 joins whatever it reads as alone), or its person probability
 * is below `extend`: a given name the lists do not know next to a surname they
 * know, or the reverse. Common words are never judged, so "Customer Dildar" does not grow.
 */
function extendRun(text: string, tagged: Tagged, a: number, b: number): [number, number] {
  const { tokens, candidates, probs, classes } = tagged;
  // Candidates are in token order: a binary search keeps huge texts linear-ish.
  const at = (tok: number) => {
    let lo = 0;
    let hi = candidates.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid] === tok) return mid;
      if (candidates[mid] < tok) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  // The tagger reads each word alone: a word glued by one space to a confident name part may still read
  // as a place on its own ("Mahir Arda" before a street value). That reading does not stop it joining.
  const anchor = Math.max(probs[at(a) * classes + PERSON], probs[at(b) * classes + PERSON]);
  const fits = (ci: number, side: Token) => {
    // In lower-case text every word is judged: a verb after a name ("naneta matyáš replied") would join.
    if (ci < 0 || tagged.lower) return false;
    const p = probs.subarray(ci * classes, ci * classes + classes);
    if (p[PERSON] < TAGGER_THRESHOLDS.extend) return false;
    const t = tokens[candidates[ci]];
    const glued = text.slice(Math.min(t.end, side.end), Math.max(t.start, side.start)) === ' ';
    if ((p[PLACE] >= 0.5 || (classes > 3 && p[3] >= 0.5)) && !(glued && anchor >= 0.9)) return false;
    // An all-caps word joins only a name written in capitals ("STOJMÍR SVATOŇ"), not "HR Dildar".
    const caps = (u: Token) => text.slice(u.start, u.end) === text.slice(u.start, u.end).toUpperCase();
    return t.end - t.start >= 2 && (!caps(t) || (caps(tokens[a]) && caps(tokens[b])));
  };
  const ia = at(a);
  if (ia > 0 && candidates[ia - 1] < a && joins(text, tokens[candidates[ia - 1]], tokens[a]) && fits(ia - 1, tokens[a]))
    a = candidates[ia - 1];
  const ib = at(b);
  if (ib >= 0 && ib + 1 < candidates.length && joins(text, tokens[b], tokens[candidates[ib + 1]]) && fits(ib + 1, tokens[b]))
    b = candidates[ib + 1];
  return [a, b];
}

/**
 * "Rhodes, Mario": two one-word names joined by a comma are one name written surname first, unless they
 * are part of a longer list ("Kara, Bill, Sara").
 */
function lastFirstPairs(text: string, spans: Detection[]): Detection[] {
  const oneWord = (d: Detection | undefined) => d !== undefined && !/\s/.test(text.slice(d.start, d.end));
  const comma = (a: Detection | undefined, b: Detection | undefined) =>
    a !== undefined && b !== undefined && text.slice(a.end, b.start) === ', ';
  const out: Detection[] = [];
  for (let i = 0; i < spans.length; i++) {
    const [a, b] = [spans[i], spans[i + 1]];
    if (oneWord(a) && oneWord(b) && comma(a, b) && !comma(spans[i - 1], a) && !comma(b, spans[i + 2])) {
      out.push({ type: 'PERSON', start: a.start, end: b.end });
      i++;
    } else out.push(a);
  }
  return out;
}
