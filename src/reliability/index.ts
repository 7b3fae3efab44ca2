/** Public surface of src/reliability: what other modules import. Imports from outside the module go through this file. */
export type { BreakerRecord, BreakerRpc } from './breaker-protocol';
export { allBreakerViews, breakerSignalSource, KV_PREFIX, providerHealth, resetBreakerViews } from './breaker-view';
export { EndpointBreaker } from './breaker';
export { executeCompletion, executeEmbeddings, executeStream } from './executor';
export type { ExecuteOptions } from './executor';
