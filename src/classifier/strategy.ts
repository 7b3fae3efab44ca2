/**
 * Strategy policy for a bare `auto`: a pure function of the task class, complexity and request features.
 *
 * Each strategy gets a score; the highest wins (ties: balanced > quality > cost > speed). Baseline:
 *   balanced = 0.5 (constant: the default when nothing argues strongly for a corner)
 *   quality  = complexity + 0.1 if the class is hard (reasoning, math, debugging, code_generation, sql, tool_use)
 *                         + 0.15 with tools (tool calls need models that follow schemas reliably)
 *                         + 0.15 with images (vision-capable cheap models are weak)
 *   cost     = 0.7·(1 − complexity) for routine classes (classification, extraction, summarization, translation,
 *              chat), 0.3·(1 − complexity) otherwise; + 0.3 when input > 12,000 chars (input tokens dominate the
 *              bill); − 0.2 with tools
 *   speed    = stream ? 0.35·(1 − complexity) + 0.4 if interactive (chat, classification, translation) and
 *              input < 2,000 chars : 0
 * A per-key preference vector (src/classifier/adapt.ts) is added to the scores before the argmax.
 */

import { STRATEGIES, type Strategy, type TaskClass } from '../hub';
export interface StrategyInput {
  taskClass: TaskClass;
  complexity: number;
  hasTools: boolean;
  hasImages: boolean;
  stream: boolean;
  inputChars: number;
}

const HARD: ReadonlySet<TaskClass> = new Set(['reasoning', 'math', 'debugging', 'code_generation', 'sql', 'tool_use']);
const ROUTINE: ReadonlySet<TaskClass> = new Set(['classification', 'extraction', 'summarization', 'translation', 'chat']);
const INTERACTIVE: ReadonlySet<TaskClass> = new Set(['chat', 'classification', 'translation']);
export const LONG_INPUT_CHARS = 12_000;
export const SHORT_INPUT_CHARS = 2_000;

export function strategyScores(input: StrategyInput): Record<Strategy, number> {
  const c = Math.min(1, Math.max(0, input.complexity));
  const quality = c + (HARD.has(input.taskClass) ? 0.1 : 0) + (input.hasTools ? 0.15 : 0) + (input.hasImages ? 0.15 : 0);
  const cost =
    (ROUTINE.has(input.taskClass) ? 0.7 : 0.3) * (1 - c) + (input.inputChars > LONG_INPUT_CHARS ? 0.3 : 0) - (input.hasTools ? 0.2 : 0);
  const speed = input.stream ? 0.35 * (1 - c) + (INTERACTIVE.has(input.taskClass) && input.inputChars < SHORT_INPUT_CHARS ? 0.4 : 0) : 0;
  return { balanced: 0.5, quality, cost, speed };
}

/** STRATEGIES order doubles as the tie-break order. */
export function pickStrategy(scores: Record<Strategy, number>, preference?: Record<Strategy, number>): Strategy {
  let best: Strategy = STRATEGIES[0];
  let bestScore = -Infinity;
  for (const s of STRATEGIES) {
    const v = scores[s] + (preference?.[s] ?? 0);
    if (v > bestScore) {
      best = s;
      bestScore = v;
    }
  }
  return best;
}

export function chooseStrategy(input: StrategyInput, preference?: Record<Strategy, number>): Strategy {
  return pickStrategy(strategyScores(input), preference);
}
