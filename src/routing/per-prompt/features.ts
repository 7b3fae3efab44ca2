import type { ChatRequest } from '../../hub';
import { fmix32 } from '../../lib';

/**
 * The text a per-prompt prediction reads: the last user message, its final PROMPT_CHARS characters (the
 * question usually comes last; bounding it keeps hashing within the decision's time budget).
 */
export const PROMPT_CHARS = 2_000;

export function promptText(request: ChatRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const m = request.messages[i];
    if (m.role !== 'user') continue;
    const c = m.content;
    const text = typeof c === 'string' ? c : Array.isArray(c) ? c.map((p) => (p.type === 'text' ? p.text : '')).join(' ') : '';
    return text.length > PROMPT_CHARS ? text.slice(-PROMPT_CHARS) : text;
  }
  return '';
}

/** A hashed bag of word 1–2-grams, L2-normalised: bucket indices and their weights. */
export interface PromptFeatures {
  index: Int32Array;
  value: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff;

/** Per bucket count, reused across calls (one decision at a time per isolate); `touched` lists the non-zero ones. */
let counts = new Float32Array(0);
let touched = new Int32Array(0);

/**
 * Hashed word unigrams and bigrams (no vocabulary to ship, nothing of the training prompts in it). Words are
 * runs of [a-z0-9_] after lower-casing, and every other non-space character is a word of its own; a word is
 * hashed once (FNV-1a over its characters) and its bigram hash combines the two word hashes, so the text is
 * read in one pass without building strings.
 */
export function promptFeatures(text: string, buckets: number): PromptFeatures {
  if (counts.length !== buckets) {
    counts = new Float32Array(buckets);
    touched = new Int32Array(buckets);
  }
  let n = 0;
  const add = (key: number) => {
    const k = key % buckets;
    if (counts[k] === 0) touched[n++] = k;
    counts[k]++;
  };
  const lower = text.toLowerCase();
  let prev = -1;
  let i = 0;
  while (i < lower.length) {
    const c = lower.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let h = FNV_OFFSET;
    if (isWordChar(c)) {
      while (i < lower.length && isWordChar(lower.charCodeAt(i))) h = Math.imul(h ^ lower.charCodeAt(i++), FNV_PRIME);
    } else h = Math.imul(h ^ lower.charCodeAt(i++), FNV_PRIME);
    const word = h >>> 0;
    add(fmix32(word ^ 0x9e3779b9));
    if (prev >= 0) add(fmix32(Math.imul(prev, FNV_PRIME) ^ word ^ 0x7f4a7c15));
    prev = word;
  }
  let norm = 0;
  for (let j = 0; j < n; j++) norm += counts[touched[j]] * counts[touched[j]];
  norm = Math.sqrt(norm) || 1;
  const index = touched.slice(0, n);
  const value = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    value[j] = counts[index[j]] / norm;
    counts[index[j]] = 0;
  }
  return { index, value };
}
