import type { Env } from '../env';
import type { UpstreamFailure } from '../providers/types';
import { routingSnapshot } from '../routing/snapshot';

/** Smoothing of the per-endpoint error rate and latency (EWMA); ~the last 10 outcomes dominate. */
const ALPHA = 0.2;

export interface Outcome {
  ok: boolean;
  ms: number;
  failure?: UpstreamFailure;
}

/**
 * Feeds live health into the isolate's routing snapshot. Off the request path: callers pass the
 * worker's waitUntil for any I/O this grows (breaker reports).
 */
export function reportOutcome(env: Env, endpointId: string, outcome: Outcome, _waitUntil: (p: Promise<unknown>) => void): void {
  const snapshot = routingSnapshot(env);
  const prev = snapshot.health.get(endpointId) ?? { state: 'closed' as const, errorRate: 0 };
  snapshot.health.set(endpointId, { ...prev, errorRate: prev.errorRate * (1 - ALPHA) + (outcome.ok ? 0 : ALPHA) });
}
