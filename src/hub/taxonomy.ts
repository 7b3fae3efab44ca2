/** The product's task taxonomy (documented in src/classifier/README.md). */
export const TEXT_CLASSES = [
  'sql',
  'debugging',
  'code_generation',
  'math',
  'reasoning',
  'creative_writing',
  'summarization',
  'translation',
  'extraction',
  'classification',
  'chat',
  'tool_use',
] as const;

/** `vision` is never predicted from text: it is decided by the request carrying images. */
export const TASK_CLASSES = [...TEXT_CLASSES, 'vision'] as const;

export type TextClass = (typeof TEXT_CLASSES)[number];

export type TaskClass = (typeof TASK_CLASSES)[number];

export const STRATEGIES = ['balanced', 'quality', 'cost', 'speed'] as const;

export type Strategy = (typeof STRATEGIES)[number];

/** What an eval item measures; scores are aggregated per (endpoint, category, task class). */
export const EVAL_CATEGORIES = ['intelligence', 'tool_calling', 'structured_output', 'vision', 'open_ended'] as const;

export type EvalCategory = (typeof EVAL_CATEGORIES)[number];
