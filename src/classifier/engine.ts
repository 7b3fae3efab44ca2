/**
 * The intent model in plain TypeScript (training/model.py, exported by training/export.py as intent.bin):
 *   x_t    = table[word_t] + sub[token_t] + mean(sub[trigrams_t]) + pair[prev_t, token_t] + pos[position_t]
 *   pooled = [attention pooling with 4 learned queries, mean_t x_t, max_t x_t, whole-prompt features]
 *   logits = fc2 · relu(fc1 · LayerNorm(pooled));  complexity logit = w · pooled + b
 * Tables are int8 with one scale per row. Buffers are allocated once per engine and tokens are read in place
 * (TokenSpans, WordTable), so a call builds strings only for words the engine has not met; the work is
 * O(tokens × 64) plus one 416×128 matrix-vector product.
 */
import { fnv, fnvPairSpan, grams, Lookup, posBucket, promptFeatures, TokenSpans, type TokenConfig } from './features';
import { WordTable } from './word-table';
import { logSoftmax, sigmoid } from './math';
import type { TextScores } from './types';
import { TEXT_CLASSES } from '../hub';

/** Distinct words whose vectors an isolate keeps (64 floats each: 2 MB). */
const WORD_CACHE = 8192;

interface TensorInfo {
  dtype: 'int8' | 'float32' | 'utf8';
  shape: number[];
  offset: number;
}
interface Header {
  format: number;
  classes: string[];
  vocab: number;
  dims: { d: number; queries: number; hidden: number; features: number };
  tokens: TokenConfig;
  complexityBias: number;
  lexicon: { exact: [string, number][]; stems: [string, number][] };
  tensors: Record<string, TensorInfo>;
}

export interface IntentEngine {
  score(text: string, hasTools?: boolean): TextScores;
  /**
   * The prompt as the model sees it: `hidden` (the ReLU layer the class logits are read from) and `normed`
   * (the normalised pooled input). Fresh copies, for per-prompt predictors built on the classifier.
   */
  represent(text: string, hasTools?: boolean): { hidden: Float32Array; normed: Float32Array };
  readonly classes: readonly string[];
}

function parse(bytes: ArrayBuffer) {
  const view = new DataView(bytes);
  if (new TextDecoder().decode(new Uint8Array(bytes, 0, 4)) !== 'CLS1') throw new Error('intent.bin: bad magic');
  const hlen = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 8, hlen))) as Header;
  const base = 8 + hlen;
  const size = (t: TensorInfo) => t.shape.reduce((a, b) => a * b, 1);
  const get = (name: string) => {
    const t = header.tensors[name];
    if (!t) throw new Error(`intent.bin: missing ${name}`);
    return t;
  };
  const f32 = (name: string) => new Float32Array(bytes, base + get(name).offset, size(get(name)));
  const i8 = (name: string) => new Int8Array(bytes, base + get(name).offset, size(get(name)));
  const words = new TextDecoder().decode(new Uint8Array(bytes, base + get('words').offset, get('words').shape[0])).split('\n');
  return { header, f32, i8, words };
}

export function createIntentEngine(bytes: ArrayBuffer): IntentEngine {
  const { header, f32, i8, words } = parse(bytes);
  if (header.format !== 1) throw new Error(`intent.bin: unknown format ${header.format}`);
  if (header.dims.queries !== 4 || header.dims.hidden % 4 !== 0 || header.dims.d % 2 !== 0)
    throw new Error('intent.bin: the engine is unrolled for 4 queries, an even width and a hidden width divisible by 4');
  if (header.classes.join() !== TEXT_CLASSES.join()) throw new Error('model classes do not match TEXT_CLASSES');
  const cfg = header.tokens;
  const { d: D, queries: Q, hidden: H, features: NF } = header.dims;
  const C = header.classes.length;
  const W = (Q + 2) * D + NF;
  const vocab = new Map<string, number>();
  words.forEach((w, i) => vocab.set(w, i));
  const lookup = new Lookup(vocab, new Map(header.lexicon.exact), new Map(header.lexicon.stems), cfg.minStem);
  const [tableQ, tableS, subQ, subS, pairQ, pairS] = [
    i8('table_q'),
    f32('table_scale'),
    i8('sub_q'),
    f32('sub_scale'),
    i8('pair_q'),
    f32('pair_scale'),
  ];
  const [pos, queries, normW, normB, fc1W, fc1B, fc2W, fc2B, cxW] = [
    'pos',
    'queries',
    'norm_weight',
    'norm_bias',
    'fc1_weight',
    'fc1_bias',
    'fc2_weight',
    'fc2_bias',
    'complexity_w',
  ].map(f32);

  // fc1 rows h..h+3 interleaved (weight i of row h+j at h·W + 4i + j): the layout the hidden-layer pass reads.
  const fc1Quads = new Float32Array(H * W);
  for (let h = 0; h < H; h += 4)
    for (let i = 0; i < W; i++) for (let j = 0; j < 4; j++) fc1Quads[h * W + 4 * i + j] = fc1W[(h + j) * W + i];

  const maxT = cfg.head + cfg.tail;
  const X = new Float32Array(maxT * D);
  const scores = new Float32Array(Q * maxT);
  const pooled = new Float32Array(W);
  const normed = new Float32Array(W);
  const hidden = new Float32Array(H);
  const logits = new Float32Array(C);
  const feats = new Float32Array(NF);
  const qmax = new Float64Array(Q);
  const gramBuf: number[] = new Array<number>(cfg.maxGrams).fill(0);
  const spans = new TokenSpans(cfg);

  /** out[o : o+D] += scale[row] · q[row] · mult */
  function addRow(out: Float32Array, q: Int8Array, scale: Float32Array, row: number, o: number, mult = 1): void {
    const s = scale[row] * mult;
    const r = row * D;
    for (let k = 0; k < D; k++) out[o + k] += q[r + k] * s;
  }

  /** queries[q] · v[o : o+D] */
  function dot(v: Float32Array, o: number, q: number): number {
    let s = 0;
    for (let k = 0; k < D; k++) s += queries[q * D + k] * v[o + k];
    return s;
  }

  /** queries · (scale[row] · table[row]) for every row of an int8 table. */
  function rowDots(table: Int8Array, scale: Float32Array, rows: number): Float32Array {
    const out = new Float32Array(rows * Q);
    for (let r = 0; r < rows; r++)
      for (let q = 0; q < Q; q++) {
        let s = 0;
        for (let k = 0; k < D; k++) s += queries[q * D + k] * table[r * D + k];
        out[r * Q + q] = s * scale[r];
      }
    return out;
  }

  // A word's own part of its vector (pretrained row or trigrams, plus its hashed bucket) depends on the word
  // alone, and words repeat across prompts, so it is computed once per isolate and kept in a bounded slab.
  // When the slab is full it starts over: no per-entry bookkeeping on the request path.
  const wordTable = new WordTable(WORD_CACHE);
  const wordSlab = new Float32Array(WORD_CACHE * D);
  const wordKnown = new Uint8Array(WORD_CACHE);
  // Attention scores are linear in the token vector, so each part's dot product with the queries is computed
  // once (words when cached, pair buckets and positions at load) and a token's score is three additions.
  const wordDots = new Float32Array(WORD_CACHE * Q);
  const pairDots = rowDots(pairQ, pairS, cfg.pairBuckets);
  const posDots = new Float32Array(cfg.posBuckets * Q);
  for (let b = 0; b < cfg.posBuckets; b++) for (let q = 0; q < Q; q++) posDots[b * Q + q] = dot(pos, b * D, q);

  /** The slot of token `t[start, end)`; a token met for the first time gets its vector and scores computed. */
  function wordSlot(t: string, start: number, end: number, kind: number): number {
    const hit = wordTable.find(t, start, end, kind);
    if (hit >= 0) return hit;
    const tok = t.slice(start, end);
    const slot = wordTable.insert(tok, kind);
    const o = slot * D;
    wordSlab.fill(0, o, o + D);
    const row = lookup.row(tok, kind as 1 | 2 | 3);
    wordKnown[slot] = row >= 0 ? 1 : 0;
    if (row >= 0) addRow(wordSlab, tableQ, tableS, row, o);
    else if (kind === 1) {
      const g = grams(tok, cfg, gramBuf);
      for (let k = 0; k < g; k++) addRow(wordSlab, subQ, subS, gramBuf[k], o, 1 / g);
    }
    addRow(wordSlab, subQ, subS, fnv(`w${tok}`) % cfg.subBuckets, o);
    for (let q = 0; q < Q; q++) wordDots[slot * Q + q] = dot(wordSlab, o, q);
    return slot;
  }

  function embed(text: string, hasTools: boolean): number {
    const sp = spans.read(text, cfg);
    const t = sp.text;
    const count = sp.count;
    const n = Math.max(1, count);
    let known = 0;
    let prevStart = 0;
    let prevEnd = 0;
    for (let i = 0; i < count; i++) {
      const start = sp.start[i];
      const end = sp.end[i];
      const slot = wordSlot(t, start, end, sp.kind[i]);
      known += wordKnown[slot];
      const pair = fnvPairSpan(t, prevStart, prevEnd, start, end) % cfg.pairBuckets;
      const b = posBucket(i, count);
      const ws = slot * D;
      const pr = pair * D;
      const ps = pairS[pair];
      const p = b * D;
      // Dimension-major (X[k][token]): pooling then reads each dimension as one contiguous run.
      for (let k = 0, x = i; k < D; k++, x += maxT) X[x] = wordSlab[ws + k] + pairQ[pr + k] * ps + pos[p + k];
      for (let q = 0; q < Q; q++) scores[q * maxT + i] = wordDots[slot * Q + q] + pairDots[pair * Q + q] + posDots[b * Q + q];
      prevStart = start;
      prevEnd = end;
    }
    if (count === 0) {
      // An empty prompt is one wordless token, as in training: bucket 0, pair 0, position 0.
      for (let k = 0; k < D; k++) X[k * maxT] = subQ[k] * subS[0] + pairQ[k] * pairS[0] + pos[k];
      for (let q = 0; q < Q; q++) scores[q * maxT] = 0; // one token: its attention weight is 1 whatever the score
    }
    promptFeatures(text, hasTools, n, count ? known / n : 0, cfg, feats);
    return n;
  }

  /** Softmax of the attention scores, then attention pooling, mean and max over each dimension's contiguous run. */
  function pool(n: number): void {
    qmax.fill(-Infinity);
    for (let q = 0; q < Q; q++) for (let t = 0; t < n; t++) if (scores[q * maxT + t] > qmax[q]) qmax[q] = scores[q * maxT + t];
    for (let q = 0; q < Q; q++) {
      const so = q * maxT;
      let sum = 0;
      for (let t = 0; t < n; t++) sum += scores[so + t] = Math.exp(scores[so + t] - qmax[q]);
      const inv = 1 / sum;
      for (let t = 0; t < n; t++) scores[so + t] *= inv;
    }
    const mo = Q * D;
    const xo = mo + D;
    for (let k = 0; k < D; k += 2) poolTwoDims(k, n, mo, xo);
    pooled.set(feats, xo + D);
  }

  /**
   * Attention sums, mean and max of dimensions k and k + 1 with the sums in registers: the four queries are
   * unrolled (dims.queries = 4) and each token's four attention weights are loaded once for both dimensions.
   */
  function poolTwoDims(k: number, n: number, mo: number, xo: number): void {
    let a0 = 0,
      a1 = 0,
      a2 = 0,
      a3 = 0,
      sum = 0,
      max = -Infinity;
    let b0 = 0,
      b1 = 0,
      b2 = 0,
      b3 = 0,
      sumB = 0,
      maxB = -Infinity;
    for (let t = 0, x = k * maxT; t < n; t++, x++) {
      const v = X[x];
      const u = X[x + maxT];
      const s0 = scores[t],
        s1 = scores[maxT + t],
        s2 = scores[2 * maxT + t],
        s3 = scores[3 * maxT + t];
      a0 += s0 * v;
      a1 += s1 * v;
      a2 += s2 * v;
      a3 += s3 * v;
      sum += v;
      max = Math.max(max, v); // branch-free: a data-dependent branch here mispredicts on every other token
      b0 += s0 * u;
      b1 += s1 * u;
      b2 += s2 * u;
      b3 += s3 * u;
      sumB += u;
      maxB = Math.max(maxB, u);
    }
    pooled[k] = a0;
    pooled[D + k] = a1;
    pooled[2 * D + k] = a2;
    pooled[3 * D + k] = a3;
    pooled[mo + k] = sum / n;
    pooled[xo + k] = max;
    pooled[k + 1] = b0;
    pooled[D + k + 1] = b1;
    pooled[2 * D + k + 1] = b2;
    pooled[3 * D + k + 1] = b3;
    pooled[mo + k + 1] = sumB / n;
    pooled[xo + k + 1] = maxB;
  }

  function head(): number {
    let mean = 0;
    for (let i = 0; i < W; i++) mean += pooled[i];
    mean /= W;
    let v = 0;
    for (let i = 0; i < W; i++) v += (pooled[i] - mean) ** 2;
    const inv = 1 / Math.sqrt(v / W + 1e-5);
    for (let i = 0; i < W; i++) normed[i] = (pooled[i] - mean) * inv * normW[i] + normB[i];
    // Four hidden units per pass over the input (dims.hidden is a multiple of 4): a quarter of the loads, and
    // their weights interleaved (fc1Quads) so the pass reads one contiguous run.
    for (let h = 0; h < H; h += 4) {
      let s0 = fc1B[h],
        s1 = fc1B[h + 1],
        s2 = fc1B[h + 2],
        s3 = fc1B[h + 3];
      for (let i = 0, r = h * W; i < W; i++, r += 4) {
        const v = normed[i];
        s0 += fc1Quads[r] * v;
        s1 += fc1Quads[r + 1] * v;
        s2 += fc1Quads[r + 2] * v;
        s3 += fc1Quads[r + 3] * v;
      }
      hidden[h] = s0 > 0 ? s0 : 0;
      hidden[h + 1] = s1 > 0 ? s1 : 0;
      hidden[h + 2] = s2 > 0 ? s2 : 0;
      hidden[h + 3] = s3 > 0 ? s3 : 0;
    }
    for (let c = 0; c < C; c++) {
      let s = fc2B[c];
      for (let h = 0; h < H; h++) s += fc2W[c * H + h] * hidden[h];
      logits[c] = s;
    }
    let cx = header.complexityBias;
    for (let i = 0; i < W; i++) cx += cxW[i] * pooled[i];
    return cx;
  }

  return {
    classes: header.classes,
    score(text: string, hasTools = false): TextScores {
      pool(embed(text, hasTools));
      const cx = head();
      return { classLogProbs: logSoftmax(logits), complexity: sigmoid(cx) };
    },
    represent(text: string, hasTools = false) {
      pool(embed(text, hasTools));
      head();
      return { hidden: hidden.slice(), normed: normed.slice() };
    },
  };
}
