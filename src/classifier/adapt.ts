/**
 * Per-key adaptation ("key head"): an additive bias on class log-probabilities and a strategy preference
 * vector, learned online from explicit signals only. Pure functions; the JSON form holds numbers only (no
 * prompt text) and is small enough for one KV value. Storage is the caller's concern.
 *
 * - observeExplicitStrategy: a request named its strategy (`auto:cost`, `gpt-4o:speed`). One step of online
 *   logistic regression on the residual of the policy: the preference moves so that policy scores + preference
 *   would have picked the named strategy for that request.
 * - observeFeedback: a rating in [-1, 1] on a response routed as `taskClass`. Positive confirms that this key's
 *   traffic is of that class (bias up); negative suggests the class, hence the routing, was wrong (bias down).
 * Both are bounded so a key can shift, not overrule, the model.
 */
import { clamp, softmax } from './math';
import { strategyScores, type StrategyInput } from './strategy';
import { STRATEGIES, TEXT_CLASSES, type Strategy, type TaskClass } from '../hub';

export interface KeyHead {
  /** Additive bias on each TEXT_CLASSES log-probability (same order). */
  classBias: number[];
  /** Added to the policy's strategy scores (STRATEGIES order). */
  strategyPref: number[];
  /** Number of signals observed. */
  n: number;
}

export const STRATEGY_LR = 0.15;
export const FEEDBACK_LR = 0.1;
export const MAX_CLASS_BIAS = 1.5;
export const MAX_STRATEGY_PREF = 1.0;

export function newKeyHead(): KeyHead {
  return { classBias: TEXT_CLASSES.map(() => 0), strategyPref: STRATEGIES.map(() => 0), n: 0 };
}

export function strategyPreference(head: KeyHead | undefined): Record<Strategy, number> | undefined {
  if (!head) return undefined;
  return Object.fromEntries(STRATEGIES.map((s, i) => [s, head.strategyPref[i] ?? 0])) as Record<Strategy, number>;
}

export function observeExplicitStrategy(head: KeyHead, request: StrategyInput, named: Strategy): KeyHead {
  const scores = strategyScores(request);
  // Temperature 0.25: policy scores live in ~[0, 1.5]; sharpen so the gradient vanishes once the choice flips.
  const probs = softmax(STRATEGIES.map((s, i) => (scores[s] + head.strategyPref[i]) / 0.25));
  const strategyPref = head.strategyPref.map((p, i) =>
    clamp(p + STRATEGY_LR * ((STRATEGIES[i] === named ? 1 : 0) - probs[i]), -MAX_STRATEGY_PREF, MAX_STRATEGY_PREF),
  );
  return { classBias: [...head.classBias], strategyPref, n: head.n + 1 };
}

export function observeFeedback(head: KeyHead, taskClass: TaskClass, rating: number): KeyHead {
  const idx = (TEXT_CLASSES as readonly string[]).indexOf(taskClass);
  const r = clamp(Number.isFinite(rating) ? rating : 0, -1, 1);
  if (idx < 0 || r === 0) return { ...head, n: head.n + 1 }; // vision is decided by features, not biased
  const classBias = head.classBias.map((b, i) => (i === idx ? clamp(b + FEEDBACK_LR * r, -MAX_CLASS_BIAS, MAX_CLASS_BIAS) : b));
  return { classBias, strategyPref: [...head.strategyPref], n: head.n + 1 };
}

/** Applies the key's bias to model log-probabilities (renormalised). */
export function applyClassBias(classLogProbs: number[], head: KeyHead | undefined): number[] {
  if (!head) return softmax(classLogProbs);
  return softmax(classLogProbs.map((lp, i) => lp + (head.classBias[i] ?? 0)));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function serializeKeyHead(head: KeyHead): string {
  return JSON.stringify({ v: 1, b: head.classBias.map(round), s: head.strategyPref.map(round), n: head.n });
}

/** Returns a fresh head for anything malformed: a bad KV value must not break classification. */
export function parseKeyHead(json: string | null | undefined): KeyHead {
  if (!json) return newKeyHead();
  try {
    const o = JSON.parse(json) as { v?: unknown; b?: unknown; s?: unknown; n?: unknown };
    const nums = (x: unknown, len: number, bound: number) =>
      Array.isArray(x) && x.length === len && x.every((v) => typeof v === 'number' && Number.isFinite(v))
        ? (x as number[]).map((v) => clamp(v, -bound, bound))
        : null;
    const b = nums(o.b, TEXT_CLASSES.length, MAX_CLASS_BIAS);
    const s = nums(o.s, STRATEGIES.length, MAX_STRATEGY_PREF);
    if (o.v !== 1 || !b || !s) return newKeyHead();
    return { classBias: b, strategyPref: s, n: typeof o.n === 'number' && o.n >= 0 ? Math.floor(o.n) : 0 };
  } catch {
    return newKeyHead();
  }
}
