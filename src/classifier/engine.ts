/**
 * The intent model in plain TypeScript (training/model.py, exported by training/export.py as intent.bin):
 *   x_t    = table[word_t] + sub[token_t] + mean(sub[trigrams_t]) + pair[prev_t, token_t] + pos[position_t]
 *   pooled = [attention pooling with 4 learned queries, mean_t x_t, max_t x_t, whole-prompt features]
 *   logits = fc2 · relu(fc1 · LayerNorm(pooled));  complexity logit = w · pooled + b
 * Tables are int8 with one scale per row. Buffers are allocated once per engine, so a call allocates only its
 * tokens; the work is O(tokens × 64) plus one 416×128 matrix-vector product.
 */
import { fnv, grams, Lookup, posBucket, promptFeatures, tokenize, type TokenConfig } from './features';
import { logSoftmax, sigmoid } from './math';
import type { TextScores } from './types';
import { TEXT_CLASSES } from '../hub';

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

  const maxT = cfg.head + cfg.tail;
  const X = new Float32Array(maxT * D);
  const scores = new Float32Array(Q * maxT);
  const pooled = new Float32Array(W);
  const normed = new Float32Array(W);
  const hidden = new Float32Array(H);
  const logits = new Float32Array(C);
  const feats = new Float32Array(NF);
  const gramBuf: number[] = new Array<number>(cfg.maxGrams).fill(0);

  /** out[o : o+D] += scale[row] · q[row] */
  function addRow(q: Int8Array, scale: Float32Array, row: number, o: number, mult = 1): void {
    const s = scale[row] * mult;
    const r = row * D;
    for (let k = 0; k < D; k++) X[o + k] += q[r + k] * s;
  }

  function embed(text: string, hasTools: boolean): number {
    const toks = tokenize(text, cfg);
    const n = Math.max(1, toks.length);
    X.fill(0, 0, n * D);
    let known = 0;
    let prev = '';
    for (let t = 0; t < toks.length; t++) {
      const { text: tok, kind } = toks[t];
      const o = t * D;
      const row = lookup.row(tok, kind);
      if (row >= 0) {
        known++;
        addRow(tableQ, tableS, row, o);
      } else if (kind === 1) {
        const g = grams(tok, cfg, gramBuf);
        for (let k = 0; k < g; k++) addRow(subQ, subS, gramBuf[k], o, 1 / g);
      }
      addRow(subQ, subS, fnv(`w${tok}`) % cfg.subBuckets, o);
      addRow(pairQ, pairS, fnv(`p${prev} ${tok}`) % cfg.pairBuckets, o);
      const p = posBucket(t, toks.length) * D;
      for (let k = 0; k < D; k++) X[o + k] += pos[p + k];
      prev = tok;
    }
    if (toks.length === 0) {
      // An empty prompt is one wordless token, as in training: bucket 0, pair 0, position 0.
      addRow(subQ, subS, 0, 0);
      addRow(pairQ, pairS, 0, 0);
      for (let k = 0; k < D; k++) X[k] += pos[k];
    }
    promptFeatures(text, hasTools, n, toks.length ? known / n : 0, cfg, feats);
    return n;
  }

  function pool(n: number): void {
    for (let q = 0; q < Q; q++) {
      let max = -Infinity;
      for (let t = 0; t < n; t++) {
        let s = 0;
        for (let k = 0; k < D; k++) s += queries[q * D + k] * X[t * D + k];
        scores[q * maxT + t] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let t = 0; t < n; t++) sum += scores[q * maxT + t] = Math.exp(scores[q * maxT + t] - max);
      const o = q * D;
      pooled.fill(0, o, o + D);
      for (let t = 0; t < n; t++) {
        const a = scores[q * maxT + t] / sum;
        for (let k = 0; k < D; k++) pooled[o + k] += a * X[t * D + k];
      }
    }
    const mo = Q * D;
    const xo = mo + D;
    for (let k = 0; k < D; k++) {
      let s = 0;
      let m = -Infinity;
      for (let t = 0; t < n; t++) {
        const v = X[t * D + k];
        s += v;
        if (v > m) m = v;
      }
      pooled[mo + k] = s / n;
      pooled[xo + k] = m;
    }
    pooled.set(feats, xo + D);
  }

  function head(): number {
    let mean = 0;
    for (let i = 0; i < W; i++) mean += pooled[i];
    mean /= W;
    let v = 0;
    for (let i = 0; i < W; i++) v += (pooled[i] - mean) ** 2;
    const inv = 1 / Math.sqrt(v / W + 1e-5);
    for (let i = 0; i < W; i++) normed[i] = (pooled[i] - mean) * inv * normW[i] + normB[i];
    for (let h = 0; h < H; h++) {
      let s = fc1B[h];
      const r = h * W;
      for (let i = 0; i < W; i++) s += fc1W[r + i] * normed[i];
      hidden[h] = s > 0 ? s : 0;
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
  };
}
