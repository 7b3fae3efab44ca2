/**
 * The circuit-breaker state machine, pure (no clock, no I/O): the Durable Object (authoritative,
 * one per endpoint) and each isolate's local view run the same transitions.
 *
 *   closed ──(threshold consecutive failures)──▶ open
 *   closed ──(a 429 with retry-after)──▶ open for exactly the retry-after (not counted as a trip)
 *   open ──(cooldown elapsed, next admission)──▶ half_open, holding the single probe lease
 *   half_open ──probe succeeds──▶ closed        half_open ──probe fails──▶ open (longer cooldown)
 *
 * The cooldown doubles with each trip (base × 2^(trips−1), capped); the trip count is forgotten
 * after the endpoint has stayed closed for TRIP_MEMORY_MS, so a flapping endpoint backs off further
 * each time while an endpoint that recovered for good starts fresh.
 */

export type BreakerStatus = 'closed' | 'open' | 'half_open';

export interface BreakerConfig {
  /** Consecutive failures that open a closed breaker. */
  failureThreshold: number;
  baseCooldownMs: number;
  maxCooldownMs: number;
  /** A probe lease not settled within this time is given to the next request. */
  probeLeaseMs: number;
  /** Longest open period a retry-after can ask for. */
  maxRetryAfterMs: number;
  /**
   * The DO sends its synthetic probe this long after the cooldown ends, so that real traffic (whose
   * probe closes the breaker first) is preferred and idle endpoints still recover.
   */
  syntheticProbeDelayMs: number;
}

export const DEFAULT_BREAKER_CONFIG: BreakerConfig = {
  failureThreshold: 3,
  baseCooldownMs: 5_000,
  maxCooldownMs: 300_000,
  probeLeaseMs: 60_000,
  maxRetryAfterMs: 600_000,
  syntheticProbeDelayMs: 5_000,
};

export const TRIP_MEMORY_MS = 600_000;

export interface BreakerState {
  status: BreakerStatus;
  consecutiveFailures: number;
  /** Trips since the endpoint was last stably closed (drives the cooldown growth). */
  trips: number;
  /** When the open period ends (open), or when the probe lease expires (half_open with a probe out). */
  openUntil?: number;
  /** half_open: the probe lease was handed out at this time. */
  probeSince?: number;
  /** Time of the last status change (newest wins when views merge). */
  changedAt: number;
}

export function closedState(now = 0): BreakerState {
  return { status: 'closed', consecutiveFailures: 0, trips: 0, changedAt: now };
}

export function cooldownFor(trips: number, cfg: BreakerConfig): number {
  return Math.min(cfg.maxCooldownMs, cfg.baseCooldownMs * 2 ** Math.max(0, trips - 1));
}

function trip(s: BreakerState, cfg: BreakerConfig, now: number, retryAfterMs?: number): BreakerState {
  const forgotten = s.status === 'closed' && now - s.changedAt > TRIP_MEMORY_MS;
  const trips = (forgotten ? 0 : s.trips) + 1;
  const cooldown = Math.max(cooldownFor(trips, cfg), Math.min(retryAfterMs ?? 0, cfg.maxRetryAfterMs));
  return { status: 'open', consecutiveFailures: s.consecutiveFailures + 1, trips, openUntil: now + cooldown, changedAt: now };
}

export interface FailureInfo {
  /** A 429's retry-after: opens the breaker at once for at least that long. */
  retryAfterMs?: number;
}

export function onFailure(s: BreakerState, cfg: BreakerConfig, now: number, info: FailureInfo = {}): BreakerState {
  const retryAfter = info.retryAfterMs && info.retryAfterMs > 0 ? info.retryAfterMs : undefined;
  // A failure after the cooldown is a failed probe (possibly another isolate's): back off further.
  if (s.status === 'half_open' || (s.status === 'open' && (s.openUntil ?? 0) <= now)) return trip(s, cfg, now, retryAfter);
  if (s.status === 'open') {
    // Late reports from requests already in flight: only a longer retry-after extends the open period.
    if (retryAfter && now + retryAfter > (s.openUntil ?? 0)) return { ...s, openUntil: now + Math.min(retryAfter, cfg.maxRetryAfterMs) };
    return s;
  }
  const failures = s.consecutiveFailures + 1;
  if (failures >= cfg.failureThreshold) return trip(s, cfg, now, retryAfter);
  // The provider said when to come back: open for exactly that long. Not a trip (the endpoint is
  // healthy, only busy), so the cooldown does not grow and half-open follows as usual.
  if (retryAfter)
    return {
      status: 'open',
      consecutiveFailures: failures,
      trips: s.trips,
      openUntil: now + Math.min(retryAfter, cfg.maxRetryAfterMs),
      changedAt: now,
    };
  return { ...s, consecutiveFailures: failures };
}

export function onSuccess(s: BreakerState, now: number): BreakerState {
  if (s.status === 'closed') return s.consecutiveFailures === 0 ? s : { ...s, consecutiveFailures: 0 };
  // A success during the open period comes from a request sent before the trip. After the
  // cooldown it is a probe's (possibly another isolate's), which closes the breaker.
  if (s.status === 'open' && (s.openUntil ?? 0) > now) return s;
  return { status: 'closed', consecutiveFailures: 0, trips: s.trips, changedAt: now };
}

export type Admission = { allow: true; probe: boolean; next: BreakerState } | { allow: false; reason: string; next: BreakerState };

/**
 * May a request be sent to this endpoint now? Exactly one caller receives the probe lease when the
 * cooldown has elapsed; everyone else is refused until the probe settles or its lease expires.
 */
export function admit(s: BreakerState, cfg: BreakerConfig, now: number): Admission {
  if (s.status === 'closed') return { allow: true, probe: false, next: s };
  if (s.status === 'open' && (s.openUntil ?? 0) > now) return { allow: false, reason: 'circuit open', next: s };
  if (s.status === 'half_open' && s.probeSince !== undefined && (s.openUntil ?? 0) > now) {
    return { allow: false, reason: 'circuit half-open, probe in flight', next: s };
  }
  return {
    allow: true,
    probe: true,
    next: {
      ...s,
      status: 'half_open',
      probeSince: now,
      openUntil: now + cfg.probeLeaseMs,
      changedAt: s.status === 'half_open' ? s.changedAt : now,
    },
  };
}

/** Reads a breaker config from optional string bindings, falling back to the defaults. */
export function breakerConfigFrom(vars: Record<string, unknown>): BreakerConfig {
  const num = (name: string, fallback: number, min: number) => {
    const v = Number(vars[name]);
    return typeof vars[name] === 'string' && Number.isFinite(v) && v >= min ? v : fallback;
  };
  const baseCooldownMs = num('CAILOS_BREAKER_COOLDOWN_MS', DEFAULT_BREAKER_CONFIG.baseCooldownMs, 10);
  return {
    failureThreshold: Math.round(num('CAILOS_BREAKER_THRESHOLD', DEFAULT_BREAKER_CONFIG.failureThreshold, 1)),
    baseCooldownMs,
    maxCooldownMs: Math.max(baseCooldownMs, num('CAILOS_BREAKER_MAX_COOLDOWN_MS', DEFAULT_BREAKER_CONFIG.maxCooldownMs, 10)),
    probeLeaseMs: num('CAILOS_BREAKER_PROBE_LEASE_MS', DEFAULT_BREAKER_CONFIG.probeLeaseMs, 10),
    maxRetryAfterMs: DEFAULT_BREAKER_CONFIG.maxRetryAfterMs,
    syntheticProbeDelayMs: num('CAILOS_BREAKER_PROBE_DELAY_MS', baseCooldownMs, 0),
  };
}
