import type { UpstreamFailureKind } from '../providers/types';

/** One try of one endpoint, as recorded in the decision trace and the log row. */
export interface Attempt {
  endpointId: string;
  provider: string;
  simulated: boolean;
  outcome: 'ok' | 'failed' | 'skipped';
  status: number;
  errorKind?: UpstreamFailureKind | 'deadline';
  /** Safe, content-free message. */
  error?: string;
  ms: number;
  /** When the request to this endpoint was sent, relative to the first attempt's start. */
  startedAtMs: number;
}
