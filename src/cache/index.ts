/** Public surface of src/cache: what other modules import. Imports from outside the module go through this file. */
export { AnswerCollector, hitChunks, hitCompletion } from './answer';
export type { CachedAnswer } from './answer';
export {
  CACHE_HEADER,
  CACHE_TTL_HEADER,
  cacheMode,
  DEFAULT_CACHE_TTL_SECONDS,
  MAX_CACHE_TTL_SECONDS,
  parseCacheHeaders,
  storableAnswer,
} from './policy';
export type { CacheDirective, CacheMode, ResponseCacheSetting } from './policy';
export {
  CACHE_KV_PREFIX,
  cacheEntryName,
  cacheKvPrefix,
  DEFAULT_ERASE_BATCH,
  eraseCachedAnswers,
  readCachedAnswer,
  writeCachedAnswer,
} from './store';
