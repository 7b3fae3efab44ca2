/**
 * Intent classifier: task class, complexity and `auto` strategy for a prompt, in a fraction of a millisecond, in the Worker.
 * The model is loaded lazily once per isolate; if it cannot load, a keyword heuristic answers instead.
 */
import { applyClassBias, strategyPreference, type KeyHead } from './adapt';
import type { IntentEngine } from './engine';
import { calibrateComplexity } from './complexity';
import { heuristicScores } from './heuristic';
import { argmax, softmax } from './math';
import { chooseStrategy } from './strategy';
import type { Classification, ClassifyFeatures, TextScores } from './types';

export type { Classification, ClassifyFeatures } from './types';
export type { KeyHead } from './adapt';
import { TASK_CLASSES, TEXT_CLASSES, type TaskClass } from '../hub';
export type { TaskClass } from '../hub';

let enginePromise: Promise<IntentEngine | null> | null = null;
let loadError: string | null = null;
let engineReady = false;
const loadTimings = { importMs: 0, sessionMs: 0, warmupMs: 0 };

/**
 * V8 compiles the engine's loops in its baseline tier first and optimises them after some calls; a few dozen
 * synthetic prompts of every length, once per isolate (a few milliseconds), make the first real prompts as
 * fast as the later ones.
 */
export const WARMUP_PROMPTS = 60;
const WARMUP_WORDS = 'please write a short query that lists the customers with their orders and explain each step'.split(' ');

export function warmUpEngine(engine: IntentEngine, prompts = WARMUP_PROMPTS): void {
  for (let i = 0; i < prompts; i++) {
    const words = 2 + ((i * 7) % 230); // cycles through short to truncated (> 192 tokens) lengths
    const text = Array.from({ length: words }, (_, j) => WARMUP_WORDS[(i + j * 3) % WARMUP_WORDS.length]).join(' ');
    engine.score(text);
  }
}

/** Dynamic import keeps the model's bytes out of every code path that does not classify. */
function getEngine(): Promise<IntentEngine | null> {
  const t0 = performance.now();
  enginePromise ??= import('./runtime')
    .then((m) => {
      loadTimings.importMs = performance.now() - t0;
      const s0 = performance.now();
      const engine = m.loadEngine();
      loadTimings.sessionMs = performance.now() - s0;
      const w0 = performance.now();
      warmUpEngine(engine);
      loadTimings.warmupMs = performance.now() - w0;
      engineReady = true;
      return engine;
    })
    .catch((err: unknown) => {
      loadError = err instanceof Error ? err.message : String(err);
      return null;
    });
  return enginePromise;
}

/** Cold-load cost split: importing the model module vs parsing it into an engine, then the warm-up (0 until loaded). */
export function classifierLoadTimings(): { importMs: number; sessionMs: number; warmupMs: number } {
  return { ...loadTimings };
}

export interface ClassifierStatus {
  state: 'not_loaded' | 'loading' | 'ready' | 'failed';
  /** Cold load split, ms: importing the model module, building the engine from its bytes (vocabulary map,
   * tensor views), then the warm-up before the model answers requests. */
  importMs: number;
  sessionMs: number;
  warmupMs: number;
  error: string | null;
}

/** This isolate's model state, for operators (GET /admin/classifier). */
export function classifierStatus(): ClassifierStatus {
  const state = enginePromise === null ? 'not_loaded' : loadError !== null ? 'failed' : engineReady ? 'ready' : 'loading';
  return { state, ...loadTimings, error: loadError };
}

/** Why the model is unavailable (null when it loaded or was never tried). Error text only, never prompt text. */
export function modelLoadError(): string | null {
  return loadError;
}

/** Post-processing shared by the Worker and the CLI: features, per-key bias, vision override, strategy. */
export function finishClassification(
  scores: TextScores,
  features: ClassifyFeatures,
  keyHead: KeyHead | undefined,
  source: Classification['source'],
  startedAt: number,
): Classification {
  const textProbs = applyClassBias(scores.classLogProbs, keyHead);
  const classProbs = Object.fromEntries(TASK_CLASSES.map((c) => [c, 0])) as Record<TaskClass, number>;
  let taskClass: TaskClass;
  if (features.hasImages) {
    // Vision is a property of the request, not of its words: the text distribution is not reported.
    classProbs.vision = 1;
    taskClass = 'vision';
  } else {
    TEXT_CLASSES.forEach((c, i) => (classProbs[c] = textProbs[i]));
    taskClass = TEXT_CLASSES[argmax(textProbs)];
  }
  // The heuristic's complexity is already a prior; the model's head needs calibrating off its training domain.
  const complexity =
    source === 'model'
      ? calibrateComplexity(scores.complexity, softmax(scores.classLogProbs))
      : Math.min(1, Math.max(0, scores.complexity));
  const strategy = chooseStrategy(
    {
      taskClass,
      complexity,
      hasTools: features.hasTools,
      hasImages: features.hasImages,
      stream: features.stream,
      inputChars: features.inputChars,
    },
    strategyPreference(keyHead),
  );
  return { taskClass, classProbs, complexity, strategy, ms: performance.now() - startedAt, source };
}

export async function classifyWithEngine(
  engine: IntentEngine | null,
  features: ClassifyFeatures,
  keyHead?: KeyHead,
): Promise<Classification> {
  const startedAt = performance.now();
  if (engine) {
    try {
      return finishClassification(engine.score(features.text, features.hasTools), features, keyHead, 'model', startedAt);
    } catch (err) {
      loadError = err instanceof Error ? err.message : String(err);
    }
  }
  return finishClassification(heuristicScores(features.text), features, keyHead, 'heuristic', startedAt);
}

export async function classify(features: ClassifyFeatures, keyHead?: KeyHead): Promise<Classification> {
  return classifyWithEngine(await getEngine(), features, keyHead);
}

/** Starts loading the model without classifying (e.g. from ctx.waitUntil on the first request). */
export function warmClassifier(): Promise<boolean> {
  return getEngine().then((e) => e !== null);
}
