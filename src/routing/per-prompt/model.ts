import type { Endpoint } from '../../catalog';
import { promptFeatures } from './features';

/**
 * A per-prompt quality model as shipped (matrix factorisation over outcome data): a prompt's hashed word
 * n-grams map to a prompt vector u (sum of bucket embeddings), every trained model has a vector v, and
 * (u − center)·v is how much more (logit) than its average this model is expected to get this prompt right.
 * No training row is in it: embeddings, vectors and per-class weights only.
 */
export interface PerPromptArtefact {
  version: string;
  /** Where the weights came from and under which terms (stated by the generator). */
  source: string;
  buckets: number;
  dim: number;
  /** Bucket embeddings, int8 row-major (buckets × dim), base64; value = byte · scale. */
  embeddings: string;
  scale: number;
  /** Mean prompt vector of the training prompts: u − center is the prompt's deviation. */
  center: number[];
  /** Trained model id → vector. */
  models: Record<string, number[]>;
  /** Family → trained model ids whose mean vector stands in for an untrained model of that family. */
  families: Record<string, string[]>;
  /** Task class → shrink weight w ∈ [0, 1] fitted out of fold; a class without one gets no per-prompt shift. */
  weights: Record<string, number>;
}

export interface PerPromptModel {
  version: string;
  buckets: number;
  dim: number;
  /** Decoded on first use (a class with a weight), so an isolate that never needs them never pays for them. */
  embeddings?: Float32Array;
  encoded: { base64: string; scale: number };
  center: Float32Array;
  models: Map<string, Float32Array>;
  families: Map<string, Float32Array>;
  weights: Map<string, number>;
  /** endpoint id → its vector (null: no trained model or family), resolved once per isolate. */
  byEndpoint: Map<string, Float32Array | null>;
}

function decodeInt8(base64: string, scale: number): Float32Array {
  const bytes = atob(base64);
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes.charCodeAt(i);
    out[i] = (b > 127 ? b - 256 : b) * scale;
  }
  return out;
}

/** The bucket embeddings, decoded once. */
export function embeddingsOf(model: PerPromptModel): Float32Array {
  if (model.embeddings) return model.embeddings;
  const e = decodeInt8(model.encoded.base64, model.encoded.scale);
  if (e.length !== model.buckets * model.dim)
    throw new Error(`per-prompt artefact ${model.version}: ${e.length} embedding values, expected ${model.buckets * model.dim}`);
  model.embeddings = e;
  return e;
}

export function loadPerPromptModel(a: PerPromptArtefact): PerPromptModel {
  const models = new Map(Object.entries(a.models).map(([id, v]) => [id, Float32Array.from(v)]));
  const families = new Map<string, Float32Array>();
  for (const [family, ids] of Object.entries(a.families)) {
    const vs: Float32Array[] = [];
    for (const id of ids) {
      const v = models.get(id);
      if (v) vs.push(v);
    }
    if (!vs.length) continue;
    const mean = new Float32Array(a.dim);
    for (const v of vs) for (let k = 0; k < a.dim; k++) mean[k] += v[k] / vs.length;
    families.set(family, mean);
  }
  return {
    version: a.version,
    buckets: a.buckets,
    dim: a.dim,
    encoded: { base64: a.embeddings, scale: a.scale },
    center: Float32Array.from(a.center),
    models,
    families,
    weights: new Map(Object.entries(a.weights)),
    byEndpoint: new Map(),
  };
}

/** The family a model name belongs to: its first word without the vendor ("meta/llama-2-70b" → llama; mixtral → mistral). */
export function familyOf(name: string): string {
  const word = (name.toLowerCase().split('/').pop() ?? '').match(/[a-z]+/)?.[0] ?? '';
  return word === 'mixtral' ? 'mistral' : word;
}

/** The endpoint's model vector: its trained model's, else its family's mean, else null (no per-prompt shift). */
export function vectorFor(model: PerPromptModel, endpoint: Endpoint): Float32Array | null {
  let v = model.byEndpoint.get(endpoint.id);
  if (v !== undefined) return v;
  v =
    model.models.get(endpoint.model) ??
    model.families.get(familyOf(endpoint.codename)) ??
    model.families.get(familyOf(endpoint.model)) ??
    null;
  model.byEndpoint.set(endpoint.id, v);
  return v;
}

/** The prompt's deviation from the training prompts' mean, in the models' space: Σ value·embedding − center. */
export function promptVector(model: PerPromptModel, text: string): Float32Array {
  const { index, value } = promptFeatures(text, model.buckets);
  const embeddings = embeddingsOf(model);
  const u = new Float32Array(model.dim);
  for (let j = 0; j < index.length; j++) {
    const row = index[j] * model.dim;
    for (let k = 0; k < model.dim; k++) u[k] += value[j] * embeddings[row + k];
  }
  for (let k = 0; k < model.dim; k++) u[k] -= model.center[k];
  return u;
}

const clampP = (p: number) => Math.min(0.99, Math.max(0.01, p));

/**
 * How much this prompt moves an endpoint's expected quality q: w·(σ(logit q + u·v) − q). The model supplies
 * the direction per prompt, q (the class-level evidence) the level, and w how far the direction earned trust
 * out of fold; w = 0 or no vector leaves q as the class evidence says.
 */
export function promptShift(u: Float32Array, v: Float32Array | null, q: number, w: number): number {
  if (!v || !(w > 0)) return 0;
  let s = 0;
  for (let k = 0; k < u.length; k++) s += u[k] * v[k];
  const p = clampP(q);
  const shifted = 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + s)));
  return w * (shifted - p);
}
