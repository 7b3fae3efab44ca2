import type { EvalItem } from '../../src/evals';
import { INTELLIGENCE_ITEMS } from './intelligence';
import { OPEN_ENDED_ITEMS } from './open-ended';
import { STRUCTURED_OUTPUT_ITEMS } from './structured-output';
import { TOOL_CALLING_ITEMS } from './tool-calling';
import { VISION_ITEMS } from './vision';

/**
 * Bump on any semantic change to the suite (scores are keyed by suite version, so old scores stop
 * counting). src/evals/suite.ts appends a content hash, so even a forgotten bump cannot mix scores
 * from different item texts.
 */
export const SUITE_MAJOR = 1;

export const SUITE_ITEMS: EvalItem[] = [
  ...INTELLIGENCE_ITEMS,
  ...TOOL_CALLING_ITEMS,
  ...STRUCTURED_OUTPUT_ITEMS,
  ...VISION_ITEMS,
  ...OPEN_ENDED_ITEMS,
];
