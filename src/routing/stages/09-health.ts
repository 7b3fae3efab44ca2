import { recentErrorRate } from '../live-stats';
import { appendTrace, isWorking, traceLine, withCandidates } from '../filter';
import type { Candidate, Dropped, RoutingContext } from '../types';
import type { EndpointHealth, LatencyStat } from '../../hub';

/** An endpoint failing at least this share of its recent calls is skipped while others are not. */
export const FLAKY_ERROR_RATE = 0.5;
/** Outcomes needed before the error rate can skip an endpoint (three straight failures are the breaker's job). */
export const FLAKY_MIN_OUTCOMES = 10;

/**
 * Breakers (src/reliability/breaker-view.ts mirrors them into snapshot.health): an open endpoint is
 * skipped until its cooldown ends; a half-open one whose probe is out (openUntil = the probe lease)
 * is skipped too, so only the request holding the lease reaches it. A half-open endpoint with no
 * probe out, or an open one past its cooldown, stays: the next request may carry the probe.
 */
function breakerVerdict(h: EndpointHealth | undefined, now: number): string | null {
  if (h?.state === 'open' && (h.openUntil ?? Infinity) > now) return 'circuit open';
  if (h?.state === 'half_open' && h.openUntil !== undefined && h.openUntil > now) return 'circuit half-open, probe in flight';
  return null;
}

/**
 * Recent error rate (src/routing/live-stats.ts, decaying toward the prior without news): catches
 * the endpoint that fails every other call and so never trips a breaker, which needs three in a row.
 * Read from the endpoint's all-regions entry: outages are rarely regional, and it has evidence first.
 */
function flakyVerdict(stat: LatencyStat | undefined, now: number): string | null {
  if (!stat || (stat.outcomes ?? 0) < FLAKY_MIN_OUTCOMES) return null;
  const rate = recentErrorRate(stat, now);
  return rate >= FLAKY_ERROR_RATE ? `recent error rate ${Math.round(rate * 100)}% (${stat.outcomes} outcomes)` : null;
}

export function healthStage(ctx: RoutingContext): RoutingContext {
  const { health, latency } = ctx.snapshot;
  if (health.size === 0 && latency.size === 0) {
    return appendTrace(ctx, traceLine('health', ctx.candidates.length, undefined, 'no breaker or error data (all closed)'));
  }
  const dropped: Dropped[] = isWorking(ctx) ? ctx.dropped : [...ctx.dropped];
  const healthy: Candidate[] = [];
  const flaky: { candidate: Candidate; reason: string }[] = [];
  for (const c of ctx.candidates) {
    const broken = breakerVerdict(health.get(c.endpoint.id), ctx.now);
    if (broken) {
      dropped.push({ id: c.endpoint.id, stage: 'health', reason: broken });
      continue;
    }
    const reason = flakyVerdict(latency.get(`${c.endpoint.id}|*`), ctx.now);
    if (reason) flaky.push({ candidate: c, reason });
    else healthy.push(c);
  }
  // Failing often still beats not answering: when nothing else is left the chain's failover copes.
  const keepFlaky = healthy.length === 0;
  if (!keepFlaky) for (const f of flaky) dropped.push({ id: f.candidate.endpoint.id, stage: 'health', reason: f.reason });
  const candidates = keepFlaky ? flaky.map((f) => f.candidate) : healthy;
  const note = keepFlaky && flaky.length > 0 ? `every endpoint left fails often: keeping ${flaky.length}` : undefined;
  const removed = ctx.candidates.length - candidates.length;
  return withCandidates(ctx, candidates, dropped, traceLine('health', candidates.length, removed, note));
}
