import {
  classify,
  type ClassifyFeatures,
  classifyWithEngine,
  type KeyHead,
  warmClassifier,
  newKeyHead,
  observeExplicitStrategy,
  parseKeyHead,
  serializeKeyHead,
} from '../classifier';
import { fnv1a } from '../lib';
import type { Env } from '../env';
import { type ClassificationSignal, parseModelSpec } from '../routing';
import type { KeyRecord } from '../tenancy';
import type { ChatRequest, TaskClass } from '../hub';

/**
 * Runs the intent classifier for routing. The request never waits for the model to load: until the
 * isolate's model is ready (~0.5 s after the first request) the documented keyword heuristic
 * answers and the trace says `heuristic`. `CAILOS_CLASSIFIER=heuristic` pins the heuristic (the test
 * pool uses it, so gateway tests do not depend on the trained weights).
 *
 * Per-key adaptation: each key's head (numbers only, no text) lives in isolate memory, loaded from
 * KV in the background and saved back at most every HEAD_SAVE_MS after it changes.
 */

// The model tokenizes at most 3,000 + 1,500 characters (head and tail) and reads whole-prompt features (code,
// traces, scripts) over what it is given; beyond this, more text costs CPU and changes little.
const MAX_TEXT_CHARS = 6000;
const HEAD_SAVE_MS = 10_000;
let modelReady = false;
let warming = false;

interface HeadEntry {
  head: KeyHead;
  loaded: boolean;
  dirty: boolean;
  lastSavedAt: number;
}
const heads = new Map<string, HeadEntry>();

function headKvKey(keyId: string): string {
  return `clshead:${keyId}`;
}

function headEntry(env: Env, keyId: string, waitUntil: (p: Promise<unknown>) => void): HeadEntry {
  let entry = heads.get(keyId);
  if (!entry) {
    const fresh: HeadEntry = { head: newKeyHead(), loaded: false, dirty: false, lastSavedAt: 0 };
    entry = fresh;
    heads.set(keyId, fresh);
    waitUntil(
      env.KV.get(headKvKey(keyId))
        .then((json) => {
          if (json && !fresh.dirty) fresh.head = parseKeyHead(json);
          fresh.loaded = true;
        })
        .catch(() => undefined),
    );
  }
  return entry;
}

export function requestText(req: ChatRequest): string {
  const parts: string[] = [];
  for (const m of req.messages) {
    if (m.role !== 'user' && m.role !== 'system' && m.role !== 'developer') continue;
    if (typeof m.content === 'string') parts.push(m.content);
    else if (Array.isArray(m.content)) for (const p of m.content) if (p.type === 'text') parts.push(p.text);
  }
  const text = parts.join('\n');
  // Keep head and tail: instructions tend to sit at both ends of long prompts.
  return text.length <= MAX_TEXT_CHARS ? text : `${text.slice(0, MAX_TEXT_CHARS / 2)}\n${text.slice(-MAX_TEXT_CHARS / 2)}`;
}

export async function classifyForRouting(
  env: Env,
  req: ChatRequest,
  key: KeyRecord,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<ClassificationSignal> {
  const inputChars = req.messages.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  const hasImages = req.messages.some((m) => Array.isArray(m.content) && m.content.some((p) => p.type === 'image_url'));
  const features = { text: requestText(req), hasImages, hasTools: (req.tools?.length ?? 0) > 0, stream: req.stream === true, inputChars };
  const entry = headEntry(env, key.id, waitUntil);
  // The model's CPU (~0.3 ms) is spent only where it steers the choice of model: `auto`. A named
  // model (transparent gateway mode) is classified by the heuristic, for the trace and the eval gate.
  const useModel = env.CAILOS_CLASSIFIER !== 'heuristic' && /^auto(:|$)/i.test(req.model.trim());
  if (useModel && !modelReady && !warming) {
    warming = true;
    waitUntil(warmClassifier().then((ok) => (modelReady = ok)));
  }
  const result =
    useModel && modelReady ? await classifyCached(features, key.id, entry.head) : await classifyWithEngine(null, features, entry.head);
  learnFromExplicitStrategy(env, req, key.id, entry, result, features, waitUntil);
  return {
    taskClass: result.taskClass,
    complexity: result.complexity,
    strategy: result.strategy,
    source: result.source,
    classProbs: result.classProbs,
    ms: Number(result.ms.toFixed(3)),
  };
}

/**
 * Agent loops resend the same user/system text with every tool turn; the model's answer for the same
 * text, features and key head is the same, so it is remembered (bounded, isolate memory, hashes only).
 */
const CACHE_ENTRIES = 2_000;
const modelCache = new Map<string, Awaited<ReturnType<typeof classify>>>();

async function classifyCached(features: ClassifyFeatures, keyId: string, head: KeyHead): ReturnType<typeof classify> {
  const cacheKey = `${keyId}|${head.n}|${features.hasImages}|${features.hasTools}|${features.stream}|${features.inputChars}|${features.text.length}|${fnv1a(features.text)}`;
  const hit = modelCache.get(cacheKey);
  if (hit) return { ...hit, ms: 0 };
  const result = await classify(features, head);
  if (modelCache.size >= CACHE_ENTRIES) modelCache.delete(modelCache.keys().next().value as string);
  modelCache.set(cacheKey, result);
  return result;
}

/** A request that names its strategy teaches the key's head what this key wants for such prompts. */
function learnFromExplicitStrategy(
  env: Env,
  req: ChatRequest,
  keyId: string,
  entry: HeadEntry,
  result: { taskClass: string; complexity: number },
  features: { hasTools: boolean; hasImages: boolean; stream: boolean; inputChars: number },
  waitUntil: (p: Promise<unknown>) => void,
): void {
  let named;
  try {
    named = parseModelSpec(req.model).strategy;
  } catch {
    return;
  }
  if (!named) return;
  entry.head = observeExplicitStrategy(
    entry.head,
    { taskClass: result.taskClass as TaskClass, complexity: result.complexity, ...features },
    named,
  );
  entry.dirty = true;
  saveHead(env, keyId, entry, waitUntil);
}

/** Writes the head to KV at most once per HEAD_SAVE_MS per key and isolate; later changes ride the next save. */
function saveHead(env: Env, keyId: string, entry: HeadEntry, waitUntil: (p: Promise<unknown>) => void, now = Date.now()): void {
  if (!entry.dirty || now - entry.lastSavedAt < HEAD_SAVE_MS) return;
  entry.dirty = false;
  entry.lastSavedAt = now;
  waitUntil(env.KV.put(headKvKey(keyId), serializeKeyHead(entry.head)).catch(() => undefined));
}

export function keyHeadFor(keyId: string): KeyHead | undefined {
  return heads.get(keyId)?.head;
}

/** For the feedback path: apply an update to a key's head (e.g. observeFeedback) and save it. */
export function updateKeyHead(env: Env, keyId: string, update: (head: KeyHead) => KeyHead, waitUntil: (p: Promise<unknown>) => void): void {
  const entry = headEntry(env, keyId, waitUntil);
  entry.head = update(entry.head);
  entry.dirty = true;
  saveHead(env, keyId, entry, waitUntil);
}

/** Erasure: forgets what the key's head learned, in KV and in this isolate (the head and the answers cached under it). */
export async function forgetKeyHead(env: Env, keyId: string): Promise<void> {
  heads.delete(keyId);
  for (const cacheKey of [...modelCache.keys()]) if (cacheKey.startsWith(`${keyId}|`)) modelCache.delete(cacheKey);
  await env.KV.delete(headKvKey(keyId));
}
