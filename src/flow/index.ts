/** Public surface of src/flow: what other modules import. Imports from outside the module go through this file. */
export { updateKeyHead } from './classify-request';
export { runHub, translateChunks } from './run';
export type { StreamFailure } from './run';
