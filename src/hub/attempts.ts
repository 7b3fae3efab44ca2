/** One try of one endpoint, as recorded in the decision trace and the log row. */
export interface Attempt {
  endpointId: string;
  provider: string;
  simulated: boolean;
  outcome: 'ok' | 'failed' | 'skipped';
  status: number;
  /** Besides the upstream kinds: the request's deadline, a client that hung up, and exceptions of the gateway. */
  errorKind?: UpstreamFailureKind | 'deadline' | 'client_closed' | 'untranslatable' | 'gateway_error';
  /**
   * Set on a failure that is not the endpoint's doing, so that neither its breaker nor its live error and
   * latency statistics count it: 'client' (a bad request, the client's own shorter timeout or deadline, a
   * disconnect) or 'gateway' (an exception of the gateway, a timer this isolate fired seconds late).
   */
  blame?: 'client' | 'gateway';
  /** Safe, content-free message (for skipped attempts: why, e.g. "circuit open"). */
  error?: string;
  /** Time spent on this attempt (streams: until the first content event). */
  ms: number;
  /** When the request to this endpoint was sent, relative to the first attempt's start. */
  startedAtMs: number;
  /** This attempt was the half-open breaker's probe. */
  probe?: boolean;
  /** Tried although its breaker refused it, because every other endpoint of the chain had failed. */
  lastResort?: boolean;
}

/**
 * 'client_timeout': the client's `routing.timeout_ms`, shorter than the endpoint's own timeout, ran out first;
 * the endpoint was not yet late by its own measure, so this says nothing about it.
 */
export type UpstreamFailureKind =
  | 'connection'
  | 'timeout'
  | 'client_timeout'
  | 'rate_limit'
  | 'overloaded'
  | 'server'
  | 'bad_request'
  | 'auth'
  | 'not_found'
  | 'context_length'
  | 'content_filter'
  | 'malformed'
  | 'stream_error';
