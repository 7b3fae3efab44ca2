/** Public surface of src/feedback: what other modules import. Imports from outside the module go through this file. */
export { keyphrasesOf } from './keyphrases';
export { applyChangeToSnapshot } from './signals';
export { loadResponse, recordRating } from './store';
export { feedbackSignalSource } from './source';
