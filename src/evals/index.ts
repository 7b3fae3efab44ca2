/** Public surface of src/evals: what other modules import. Imports from outside the module go through this file. */
export { scheduledEvals } from './cron';
export { evalSignalSource } from './signal';
export { exampleValue, resolvePointer } from './graders';
export { unitHash } from './hash';
export { breakdown } from './report';
export { listSweeps, readModelVersions, scoresForEndpoint, scoresForSuite } from './store';
export { EVAL_ITEM_HEADER, EVAL_JUDGE_HEADER, getEvalItem, loadSuite } from './suite';
export type { AnswerMatch, ArgMatcher, EvalItem } from './types';
