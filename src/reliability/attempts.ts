import type { UpstreamFailureKind } from '../providers/types';

/** One try of one endpoint, as recorded in the decision trace and the log row. */
export interface Attempt {
  endpointId: string;
  provider: string;
  simulated: boolean;
  outcome: 'ok' | 'failed' | 'skipped';
  status: number;
  errorKind?: UpstreamFailureKind | 'deadline' | 'client_closed';
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
