/**
 * The complexity head was supervised only on RouterBench outcomes, i.e. on reasoning (arc-challenge,
 * winogrande) and code_generation (mbpp) prompts; on other kinds of prompt its output is an extrapolation
 * (it rated a one-line sentiment-labelling request 0.79). So the reported complexity trusts the head in
 * proportion to the probability mass of the supervised classes and otherwise falls back to a per-class prior:
 *   complexity = m·head + Σ_{c unsupervised} p(c)·prior(c),   m = p(reasoning) + p(code_generation)
 * The priors are hand-set, not learned (no per-prompt outcomes exist for those classes in our data): routine
 * text work is rarely failed by cheap models, while SQL, debugging, tool use and math often are.
 */

import { TEXT_CLASSES, type TextClass } from '../hub';
export const SUPERVISED_CLASSES: ReadonlySet<TextClass> = new Set(['reasoning', 'code_generation']);
export const COMPLEXITY_PRIOR: Record<TextClass, number> = {
  sql: 0.35,
  debugging: 0.4,
  code_generation: 0.35,
  math: 0.4,
  reasoning: 0.3,
  creative_writing: 0.15,
  summarization: 0.15,
  translation: 0.15,
  extraction: 0.15,
  classification: 0.1,
  chat: 0.15,
  tool_use: 0.35,
};

/** textProbs in TEXT_CLASSES order (before per-key bias: complexity is a property of the prompt). */
export function calibrateComplexity(head: number, textProbs: number[]): number {
  let value = 0;
  TEXT_CLASSES.forEach((c, i) => {
    value += textProbs[i] * (SUPERVISED_CLASSES.has(c) ? head : COMPLEXITY_PRIOR[c]);
  });
  return Math.min(1, Math.max(0, value));
}
