import type { BreakerStatus } from './breaker-state';

/**
 * What isolates and the EndpointBreaker Durable Object exchange. Kept apart from the DO class so
 * the request path (and Node benchmarks) never import `cloudflare:workers`.
 */

/** One endpoint outcome, as an isolate reports it. */
export interface BreakerReport {
  endpointId: string;
  ok: boolean;
  /** The request held this isolate's half-open probe lease. */
  probe: boolean;
  retryAfterMs?: number;
  /** Isolate clock when the outcome was observed. */
  at: number;
}

/** The compact state record: the DO's RPC answer and the KV metadata of `breaker:<endpointId>`. */
export interface BreakerRecord {
  s: BreakerStatus;
  /** open: end of the open period; half_open: end of the probe lease. */
  u?: number;
  /** Trips since last stably closed. */
  t: number;
  /** changedAt of the status. */
  c: number;
}

export interface BreakerRpc {
  report(report: BreakerReport): Promise<BreakerRecord>;
  /** An isolate took its half-open probe lease: the DO holds back its own synthetic probe. */
  probeStarted(endpointId: string): Promise<BreakerRecord>;
  record(): Promise<BreakerRecord>;
  reset(): Promise<void>;
}
