import type { Env } from '../env';
import { routingSnapshot, type SignalSource } from '../routing';
import {
  type Admission,
  admit,
  type BreakerConfig,
  breakerConfigFrom,
  type BreakerState,
  closedState,
  onFailure,
  onSuccess,
} from './breaker-state';
import type { BreakerRecord, BreakerReport, BreakerRpc } from './breaker-protocol';

/**
 * The isolate's view of every endpoint's circuit breaker, consulted on the request path without
 * any I/O. How breaker state travels:
 *
 * 1. This isolate's own outcomes update its view synchronously (the third consecutive failure opens
 *    the breaker for the very next request in this isolate).
 * 2. Each outcome that matters (failures, probe results, successes after recent failures) is
 *    reported to the endpoint's Durable Object (EndpointBreaker, keyed by endpoint id) through
 *    waitUntil — the request never waits for it. The DO's answer (its authoritative state) is
 *    merged into this view when it arrives (typically a few ms later, same colo as the DO).
 * 3. On every status change the DO writes a compact KV record `breaker:<endpointId>` (status,
 *    openUntil, trips, changedAt in the key's metadata). Every isolate lists that prefix as a routing
 *    signal source at most every BREAKER_REFRESH_MS (5 s), so other isolates in the DO's colo see a
 *    trip within ~5 s; other colos within 5 s plus KV's edge cache (up to ~60 s).
 *
 * Views merge newest-status-change-wins. The probe lease is local: in one isolate exactly one
 * request probes a half-open endpoint; across isolates each may send at most one, and the DO's alarm
 * sends a synthetic probe only for endpoints no isolate probed.
 */

export const BREAKER_REFRESH_MS = 5_000;
export const KV_PREFIX = 'breaker:';
/** After reporting a failure, successes are reported too for this long (they reset the DO's count). */
const REPORT_SUCCESS_AFTER_FAILURE_MS = 30_000;
const ALPHA = 0.2;

const views = new Map<string, BreakerState>();
const lastFailureReport = new Map<string, number>();
const errorRates = new Map<string, number>();
const configCache = new WeakMap<object, BreakerConfig>();
/** Records older than the last reset are stale answers to reports sent before it. */
let resetAt = 0;

export function breakerConfig(env: Env): BreakerConfig {
  let cfg = configCache.get(env);
  if (!cfg) {
    cfg = breakerConfigFrom(env as unknown as Record<string, unknown>);
    configCache.set(env, cfg);
  }
  return cfg;
}

export function breakerView(endpointId: string): BreakerState {
  return views.get(endpointId) ?? closedState();
}

export function allBreakerViews(): { endpointId: string; state: BreakerState }[] {
  return [...views.entries()].map(([endpointId, state]) => ({ endpointId, state }));
}

/** Writes the view into the routing snapshot, which the health stage reads. */
function setView(env: Env, endpointId: string, state: BreakerState): void {
  views.set(endpointId, state);
  const errorRate = errorRates.get(endpointId) ?? 0;
  const leaseOut = state.status === 'half_open' && state.probeSince !== undefined;
  routingSnapshot(env).health.set(endpointId, {
    state: state.status,
    errorRate,
    ...(state.status === 'open' || leaseOut ? { openUntil: state.openUntil } : {}),
  });
}

/** May this request be sent to the endpoint? Hands out the half-open probe lease to one caller. */
export function admitEndpoint(env: Env, endpointId: string, now = Date.now()): Admission {
  const current = breakerView(endpointId);
  const a = admit(current, breakerConfig(env), now);
  if (a.next !== current) setView(env, endpointId, a.next);
  return a;
}

export interface OutcomeReport {
  ok: boolean;
  /** The attempt held the probe lease. */
  probe: boolean;
  retryAfterMs?: number;
}

function breakerStub(env: Env, endpointId: string): BreakerRpc | null {
  if (!env.BREAKER) return null;
  return env.BREAKER.get(env.BREAKER.idFromName(endpointId)) as unknown as BreakerRpc;
}

/**
 * Applies an endpoint outcome to the local view at once and reports it to the endpoint's Durable
 * Object off the request path.
 */
export function recordBreakerOutcome(
  env: Env,
  endpointId: string,
  outcome: OutcomeReport,
  waitUntil: (p: Promise<unknown>) => void,
  now = Date.now(),
): void {
  const cfg = breakerConfig(env);
  const before = breakerView(endpointId);
  const probeState: BreakerState = outcome.probe && before.status !== 'closed' ? { ...before, status: 'half_open' } : before;
  const after = outcome.ok ? onSuccess(probeState, now) : onFailure(probeState, cfg, now, { retryAfterMs: outcome.retryAfterMs });
  errorRates.set(endpointId, (errorRates.get(endpointId) ?? 0) * (1 - ALPHA) + (outcome.ok ? 0 : ALPHA));
  setView(env, endpointId, after);

  const recentFailure = now - (lastFailureReport.get(endpointId) ?? -Infinity) < REPORT_SUCCESS_AFTER_FAILURE_MS;
  const worthReporting = !outcome.ok || outcome.probe || before.status !== 'closed' || before.consecutiveFailures > 0 || recentFailure;
  if (!worthReporting) return;
  if (!outcome.ok) lastFailureReport.set(endpointId, now);
  const stub = breakerStub(env, endpointId);
  if (!stub) return;
  const report: BreakerReport = { endpointId, ok: outcome.ok, probe: outcome.probe, retryAfterMs: outcome.retryAfterMs, at: now };
  waitUntil(
    stub
      .report(report)
      .then((record) => mergeRecord(env, endpointId, record))
      .catch((err: Error) => console.error('breaker report failed', endpointId, err.message)),
  );
}

/** Tells the endpoint's DO that this isolate is probing, so it holds back its synthetic probe. */
export function announceProbe(env: Env, endpointId: string, waitUntil: (p: Promise<unknown>) => void): void {
  const stub = breakerStub(env, endpointId);
  if (!stub) return;
  waitUntil(stub.probeStarted(endpointId).catch((err: Error) => console.error('breaker probe announce failed', endpointId, err.message)));
}

/** A probe that ended for reasons not the endpoint's (client gone, deadline): hand the lease back. */
export function releaseProbe(env: Env, endpointId: string, now = Date.now()): void {
  const s = breakerView(endpointId);
  if (s.status === 'half_open') setView(env, endpointId, { ...s, status: 'open', openUntil: now, probeSince: undefined });
}

/** Merges the DO's record into the view when it is newer than what this isolate knows. */
export function mergeRecord(env: Env, endpointId: string, record: BreakerRecord | null | undefined): void {
  if (!record || record.c <= resetAt) return;
  const local = views.get(endpointId);
  if (local && local.changedAt >= record.c) return;
  // Closed over closed would only lose this isolate's own failure count.
  if (record.s === 'closed' && (!local || local.status === 'closed')) return;
  const state: BreakerState =
    record.s === 'closed'
      ? { status: 'closed', consecutiveFailures: 0, trips: record.t, changedAt: record.c }
      : record.s === 'open'
        ? {
            status: 'open',
            consecutiveFailures: local?.consecutiveFailures ?? 0,
            trips: record.t,
            openUntil: record.u,
            changedAt: record.c,
          }
        : // The DO is probing (synthetic probe): treat as a lease held elsewhere until it expires.
          { status: 'half_open', consecutiveFailures: 0, trips: record.t, openUntil: record.u, probeSince: record.c, changedAt: record.c };
  setView(env, endpointId, state);
}

/** Tests and operators: forget every local view. */
export function resetBreakerViews(env: Env): void {
  resetAt = Date.now();
  views.clear();
  errorRates.clear();
  lastFailureReport.clear();
  routingSnapshot(env).health.clear();
}

/** Other isolates' breaker states (their KV records) as a routing signal; the composition root registers it. */
export const breakerSignalSource: SignalSource = {
  name: 'breakers',
  intervalMs: BREAKER_REFRESH_MS,
  async load(env) {
    if (!env.KV) return null;
    const records: [string, BreakerRecord][] = [];
    let cursor: string | undefined;
    do {
      const page: KVNamespaceListResult<BreakerRecord> = await env.KV.list<BreakerRecord>({ prefix: KV_PREFIX, cursor });
      for (const k of page.keys) if (k.metadata) records.push([k.name.slice(KV_PREFIX.length), k.metadata]);
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return () => {
      for (const [id, record] of records) mergeRecord(env, id, record);
    };
  },
};

export interface ProviderHealth {
  provider: string;
  endpoints: number;
  open: number;
  /** 'down' when every endpoint with breaker data is open, 'degraded' when some are. */
  status: 'ok' | 'degraded' | 'down';
}

/** Provider-wide health, derived from its endpoints' breakers (those this isolate has data for). */
export function providerHealth(now = Date.now()): ProviderHealth[] {
  const byProvider = new Map<string, { endpoints: number; open: number }>();
  for (const [id, s] of views) {
    const provider = id.slice(0, id.indexOf('/'));
    const p = byProvider.get(provider) ?? { endpoints: 0, open: 0 };
    p.endpoints++;
    if (s.status !== 'closed' && (s.openUntil ?? 0) > now) p.open++;
    byProvider.set(provider, p);
  }
  return [...byProvider.entries()].map(([provider, p]) => ({
    provider,
    ...p,
    status: p.open === 0 ? 'ok' : p.open === p.endpoints ? 'down' : 'degraded',
  }));
}
