/** Public surface of src/db: what other modules import. Imports from outside the module go through this file. */
export { db } from './client';
export { ERASURE_PLAN, eraseRecords, exportRecords, subjectExists, subjectKeyIds } from './erasure';
export type { ErasureLimits, ErasureResult, ErasureSubject } from './erasure';
export { enqueueRequestLog, flushRequestLog, readOwnRow } from './request-log';
export type { RequestLogRow } from './request-log';
export { DEFAULT_REQUEST_LOG_RETENTION_DAYS, enforceRetention, retentionPolicy } from './retention';
export type { RetentionPolicy, RetentionRun } from './retention';
export { apiKeys, catalogEndpoints, requestLog, teams } from './schema/core';
export { alertOutbox } from './schema/alerts';
