import type { CacheDirective } from '../cache';
import type { Env } from '../env';
import type { KeyRecord } from '../tenancy';

/**
 * What one request brings to the flow, without HTTP: routes build it from Hono's context, tests and
 * benches can build it by hand.
 */
export interface FlowContext {
  env: Env;
  key: KeyRecord;
  /** Keeps background work (log rows, spend, breaker reports) alive after the response. */
  waitUntil(p: Promise<unknown>): void;
  /** Aborts when the client disconnects: upstream work stops with it. */
  signal: AbortSignal;
  /** The client's country (Cloudflare's `cf.country`), for region-aware latency statistics. */
  country?: string;
  /** The Cloudflare data centre that served the request (`cf.colo`), for the log row. */
  colo?: string;
  /** The request's response-cache headers (`x-cailos-cache`, `x-cailos-cache-ttl`), when it sent any. */
  cache?: CacheDirective;
  /**
   * The client's fields the inbound dialect did not translate into the ChatRequest (e.g. Responses
   * fields Cailos does not implement): reported with the endpoint's own drops (dropped-params.ts).
   */
  inboundDropped?: readonly string[];
}

export type InboundApi = 'chat' | 'responses' | 'messages' | 'embeddings';
