/** Public surface of src/classifier: what other modules import. Imports from outside the module go through this file. */
export { newKeyHead, observeExplicitStrategy, observeFeedback, parseKeyHead, serializeKeyHead } from './adapt';
export { classifierStatus, classify, classifyWithEngine, warmClassifier } from './classify';
export type { ClassifyFeatures, KeyHead } from './classify';
