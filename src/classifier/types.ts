import { TEXT_CLASSES, type TaskClass, type Strategy } from '../hub';

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
