/** Public surface of src/db: what other modules import. Imports from outside the module go through this file. */
export { db } from './client';
export { enqueueRequestLog, readOwnRow } from './request-log';
export type { RequestLogRow } from './request-log';
export { apiKeys, catalogEndpoints, requestLog, teams } from './schema/core';
