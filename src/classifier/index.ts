/**
 * Intent classifier: task class, complexity and `auto` strategy for a prompt, in milliseconds, in the Worker.
 * The model is loaded lazily once per isolate; if it cannot load, a keyword heuristic answers instead.
 */
import { applyClassBias, strategyPreference, type KeyHead } from './adapt';
import type { IntentEngine } from './engine';
import { calibrateComplexity } from './complexity';
import { heuristicScores } from './heuristic';
import { argmax, softmax } from './math';
import { chooseStrategy } from './strategy';
import { TASK_CLASSES, TEXT_CLASSES, type Classification, type ClassifyFeatures, type TaskClass, type TextScores } from './types';

export type { Classification, ClassifyFeatures, TaskClass } from './types';
export type { KeyHead } from './adapt';

let enginePromise: Promise<IntentEngine | null> | null = null;
let loadError: string | null = null;
const loadTimings = { importMs: 0, sessionMs: 0 };

/** Dynamic import keeps onnxruntime out of every code path that does not classify. */
function getEngine(): Promise<IntentEngine | null> {
  const t0 = performance.now();
  enginePromise ??= import('./runtime')
    .then(async (m) => {
      loadTimings.importMs = performance.now() - t0;
      const engine = await m.loadEngine();
      loadTimings.sessionMs = m.sessionCreateMs;
      return engine;
    })
    .catch((err: unknown) => {
      loadError = err instanceof Error ? err.message : String(err);
      return null;
    });
  return enginePromise;
}

/** Cold-load cost split: importing the ORT module graph vs creating the session (0 until loaded). */
export function classifierLoadTimings(): { importMs: number; sessionMs: number } {
  return { ...loadTimings };
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
  const complexity = source === 'model'
    ? calibrateComplexity(scores.complexity, softmax(scores.classLogProbs))
    : Math.min(1, Math.max(0, scores.complexity));
  const strategy = chooseStrategy(
    { taskClass, complexity, hasTools: features.hasTools, hasImages: features.hasImages, stream: features.stream, inputChars: features.inputChars },
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
      return finishClassification(await engine.score(features.text), features, keyHead, 'model', startedAt);
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
