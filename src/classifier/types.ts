/** The product's task taxonomy (documented in src/classifier/README.md). */
export const TEXT_CLASSES = [
  'sql', 'debugging', 'code_generation', 'math', 'reasoning', 'creative_writing', 'summarization',
  'translation', 'extraction', 'classification', 'chat', 'tool_use',
] as const;
/** `vision` is never predicted from text: it is decided by the request carrying images. */
export const TASK_CLASSES = [...TEXT_CLASSES, 'vision'] as const;
export type TextClass = (typeof TEXT_CLASSES)[number];
export type TaskClass = (typeof TASK_CLASSES)[number];

export const STRATEGIES = ['balanced', 'quality', 'cost', 'speed'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface ClassifyFeatures {
  text: string;
  hasImages: boolean;
  hasTools: boolean;
  stream: boolean;
  /** Characters of input across all messages (the text given to the model may be a subset). */
  inputChars: number;
}

export interface Classification {
  taskClass: TaskClass;
  classProbs: Record<TaskClass, number>;
  /** Probability that a cheap model fails this prompt while a strong one succeeds. */
  complexity: number;
  /** The strategy a bare `auto` should use. */
  strategy: Strategy;
  /** Wall time of this classification (tokenize + inference + post-processing). */
  ms: number;
  source: 'model' | 'heuristic';
}

/** Raw per-prompt scores before features and per-key adaptation are applied. */
export interface TextScores {
  /** Log-probabilities over TEXT_CLASSES (same order). */
  classLogProbs: number[];
  complexity: number;
}
