/** Public surface of src/flow: what other modules import. Imports from outside the module go through this file. */
export { forgetKeyHead, updateKeyHead } from './classify-request';
export { translateChunks } from './result';
export { runHub } from './run';
export type { FlowContext, InboundApi } from './context';
export type { ChunkTranslator, HubResult, StreamFailure } from './result';
export { runEmbeddings } from './embed';
export type { EmbeddingsOutcome, EmbeddingsResponse } from './embed';
