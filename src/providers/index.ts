/** Public surface of src/providers: what other modules import. Imports from outside the module go through this file. */
export { JSON_OBJECT_INSTRUCTION } from './anthropic/request';
export { RequestBuildError } from './build-failure';
export { callCompletion, defaultTimeouts, openStream, timeoutScale } from './dispatch';
export type { AttemptTimeouts, CompletionResult, OpenedStream } from './dispatch';
export { droppedParams, PROVIDER_PARAMS } from './params';
export { UpstreamError } from './types';
export type { StreamEvent, UpstreamFailure } from './types';
export { useSimulatedUpstream } from './simulated-upstream';
export type { SimulatedProfile, SimulatedUpstream } from './simulated-upstream';
export { callEmbeddings } from './embeddings';
export type { EmbeddingsResult } from './embeddings';
