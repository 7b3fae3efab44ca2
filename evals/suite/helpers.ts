import type { AnswerMatch, Constraint, EvalItem } from '../../src/evals/types';
import type { TaskClass } from '../../src/hub';

/** Every objectively graded text item asks for the same final line, so one grader reads them all. */
export const ANSWER_SYSTEM =
  'You are being evaluated. Reason briefly if you need to, then end your reply with a final line of the form "ANSWER: <answer>" with nothing after it.';

interface QaOptions {
  constraints?: Constraint[];
  wrongAnswer?: string;
}

/** An intelligence item graded on its ANSWER line. */
export function qa(id: string, taskClasses: TaskClass[], prompt: string, match: AnswerMatch, opts: QaOptions = {}): EvalItem {
  return {
    id,
    category: 'intelligence',
    taskClasses,
    request: {
      messages: [
        { role: 'system', content: ANSWER_SYSTEM },
        { role: 'user', content: prompt },
      ],
      max_tokens: 1024,
    },
    grading: { kind: 'answer', match, constraints: opts.constraints },
    wrongAnswer: opts.wrongAnswer,
  };
}

/** An instruction-following item: the ANSWER line must satisfy every constraint. */
export function constrained(
  id: string,
  taskClasses: TaskClass[],
  prompt: string,
  constraints: Constraint[],
  example: string,
  wrongAnswer: string,
): EvalItem {
  return {
    id,
    category: 'intelligence',
    taskClasses,
    request: {
      messages: [
        { role: 'system', content: ANSWER_SYSTEM },
        { role: 'user', content: prompt },
      ],
      max_tokens: 512,
    },
    grading: { kind: 'constraints', on: 'answer', constraints, example },
    wrongAnswer,
  };
}

export const num = (value: number, tolerance?: number): AnswerMatch => ({ type: 'numeric', value, tolerance });
export const norm = (value: string): AnswerMatch => ({ type: 'normalized', value });
export const oneOf = (...values: string[]): AnswerMatch => ({ type: 'one_of', values });
export const exact = (value: string, caseSensitive = false): AnswerMatch => ({ type: 'exact', value, caseSensitive });
