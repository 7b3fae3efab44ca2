import type { ChatMessage, FunctionTool, ResponseFormat, ToolChoice, EvalCategory, TaskClass } from '../hub';

/** How the final `ANSWER:` line (or the whole content) is compared with the expected answer. */
export type AnswerMatch =
  /** Exact after trimming; case-insensitive unless caseSensitive. */
  | { type: 'exact'; value: string; caseSensitive?: boolean }
  /** Case, whitespace, surrounding quotes and trailing punctuation are ignored. */
  | { type: 'normalized'; value: string }
  /** First number in the answer (commas, $ and % tolerated) within an absolute tolerance. */
  | { type: 'numeric'; value: number; tolerance?: number }
  /** Normalized match against any of the accepted values. */
  | { type: 'one_of'; values: string[] }
  /** The answer matches the pattern; `example` is a passing answer (used by tests and the simulator). */
  | { type: 'regex'; pattern: string; flags?: string; example: string };

/** Checkable instruction-following constraints, applied to the answer line or the whole content. */
export type Constraint =
  | { type: 'word_count'; min?: number; max?: number }
  | { type: 'lowercase' }
  | { type: 'uppercase' }
  | { type: 'includes'; value: string; caseSensitive?: boolean }
  | { type: 'excludes'; value: string; caseSensitive?: boolean }
  | { type: 'starts_with'; value: string; caseSensitive?: boolean }
  | { type: 'ends_with'; value: string; caseSensitive?: boolean }
  | { type: 'max_chars'; value: number }
  | { type: 'line_count'; min?: number; max?: number }
  | { type: 'regex'; pattern: string; flags?: string };

/**
 * Expected value of one tool-call argument: a plain JSON value means deep equality (strings compared
 * case-insensitively after trimming); the `$`-forms are predicates.
 */
export type ArgMatcher =
  | string
  | number
  | boolean
  | null
  | unknown[]
  | { [k: string]: unknown }
  | { $oneOf: unknown[] }
  | { $approx: number; tolerance: number }
  | { $contains: string }
  | { $regex: string; flags?: string; example: string }
  | { $present: true; example: unknown };

export interface ExpectedToolCall {
  name: string;
  /** Expected values by top-level argument name; arguments not listed are only schema-checked. */
  arguments: Record<string, ArgMatcher>;
}

export type GradingSpec =
  /** Grade the last `ANSWER:` line (falls back to the last non-empty line). */
  | { kind: 'answer'; match: AnswerMatch; constraints?: Constraint[] }
  /** Only constraints; `on` picks the answer line or the whole content; `example` passes them. */
  | { kind: 'constraints'; on: 'answer' | 'content'; constraints: Constraint[]; example: string }
  /**
   * Tool calls: `expected: []` means the model must NOT call a tool. Calls are matched as a set
   * (order-free); extra calls fail unless allowExtra. `contentIncludes` checks the text answer of a
   * no-call item (e.g. after a tool result is already in the conversation).
   */
  | { kind: 'tool_calls'; expected: ExpectedToolCall[]; allowExtra?: boolean; contentIncludes?: string[] }
  /** JSON content validated against the request's json_schema, then values at JSON pointers. */
  | { kind: 'json_schema'; expect: { pointer: string; match: ArgMatcher }[] }
  /** Judged 1-10 by a cross-family judge; hard constraints are checked first, objectively. */
  | { kind: 'judge'; rubric: string; passScore?: number; constraints?: Constraint[]; example: string };

/** The OpenAI-format pieces of the request; the runner adds model, temperature 0 and the seed. */
export interface EvalRequestPieces {
  messages: ChatMessage[];
  tools?: FunctionTool[];
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: ResponseFormat;
  max_tokens?: number;
}

export interface EvalItem {
  id: string;
  category: EvalCategory;
  taskClasses: TaskClass[];
  request: EvalRequestPieces;
  grading: GradingSpec;
  /**
   * Vision items: names of images in evals/images (the request's image parts carry the placeholder
   * `eval-image:<name>` until buildEvalRequest swaps in the data URL).
   */
  images?: string[];
  /** A plausible wrong final answer (used by the simulator), when the generic one would be odd. */
  wrongAnswer?: string;
}

/** What the grader sees of a response: the hub-format assistant message, reduced. */
export interface EvalOutput {
  content: string | null;
  toolCalls: { name: string; arguments: string }[];
  finishReason?: string;
}

export interface GradeResult {
  pass: boolean;
  /** 0..1 */
  score: number;
  /** Why, for operators; never contains response text beyond short extracted values. */
  reason: string;
}
