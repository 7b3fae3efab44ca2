import type { Env } from '../env';
import type { UpstreamFailure } from '../providers';
import { recordBreakerOutcome } from './breaker-view';

export interface Outcome {
  ok: boolean;
  ms: number;
  failure?: UpstreamFailure;
  /** The attempt held the half-open probe lease. */
  probe?: boolean;
}

/**
 * Feeds one endpoint outcome into the breaker view (local, synchronous; error-rate EWMA and status
 * land in the routing snapshot's health map) and, through waitUntil, into the endpoint's Durable
 * Object. Callers decide what counts: request errors (400-class) say nothing about the endpoint.
 */
export function reportOutcome(env: Env, endpointId: string, outcome: Outcome, waitUntil: (p: Promise<unknown>) => void): void {
  recordBreakerOutcome(
    env,
    endpointId,
    {
      ok: outcome.ok,
      probe: outcome.probe ?? false,
      retryAfterMs: outcome.failure?.kind === 'rate_limit' ? outcome.failure.retryAfterMs : undefined,
    },
    waitUntil,
  );
}
