import type { Attempt } from '../hub';
import type { RoutingSnapshot } from '../routing';
import { type Endpoint, trustSummary } from '../catalog';

/** Pure aggregation for the dashboard views: no I/O here, so it is tested in isolation. */

/** Nearest-rank percentile of an ascending array; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface AttemptStats {
  ok: number;
  failed: number;
  p50Ms: number | null;
  p95Ms: number | null;
  errorRate: number | null;
}

/**
 * Per-endpoint latency and error rate from the attempts recorded in decision traces: each attempt is
 * one call to one endpoint, so a fallback after a 503 counts against the endpoint that failed.
 */
export function attemptStats(traces: readonly string[]): Map<string, AttemptStats> {
  const acc = new Map<string, { ok: number; failed: number; ms: number[] }>();
  for (const raw of traces) {
    let attempts: Attempt[] = [];
    try {
      const parsed = JSON.parse(raw) as { attempts?: Attempt[] };
      if (Array.isArray(parsed.attempts)) attempts = parsed.attempts;
    } catch {
      continue;
    }
    for (const a of attempts) {
      if (!a || typeof a.endpointId !== 'string' || a.outcome === 'skipped') continue;
      const cell = acc.get(a.endpointId) ?? { ok: 0, failed: 0, ms: [] };
      if (a.outcome === 'ok') {
        cell.ok++;
        if (typeof a.ms === 'number') cell.ms.push(a.ms);
      } else cell.failed++;
      acc.set(a.endpointId, cell);
    }
  }
  const out = new Map<string, AttemptStats>();
  for (const [id, cell] of acc) {
    const sorted = cell.ms.sort((x, y) => x - y);
    const total = cell.ok + cell.failed;
    out.set(id, {
      ok: cell.ok,
      failed: cell.failed,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      errorRate: total ? cell.failed / total : null,
    });
  }
  return out;
}

export interface EvalScore {
  category: string;
  taskClass: string;
  passed: number;
  total: number;
  passRate: number;
  ciLow: number;
  ciHigh: number;
}

export interface EndpointView {
  id: string;
  provider: string;
  model: string;
  codename: string;
  simulated: boolean;
  inputPerMTok: number;
  outputPerMTok: number;
  trustLevel: number;
  /** The provider's level on default terms, why it stops there, and the agreement that changed it (if any). */
  trust: { defaultLevel: number; limitedBy: string | null; override: { level: number; agreement: string } | null };
  /** Free-tier endpoints: the published rate limits (null = not published). */
  freeTier: { requestsPerMinute: number | null; requestsPerDay: number | null; note: string } | null;
  breaker: { state: 'closed' | 'open' | 'half_open'; errorRate: number | null; openUntil: number | null };
  /** From this team's traffic in the window. */
  traffic: AttemptStats;
  evals: EvalScore[];
  /** Feedback satisfaction in [0,1] per task class. */
  satisfaction: { taskClass: string; score: number }[];
}

const NO_TRAFFIC: AttemptStats = { ok: 0, failed: 0, p50Ms: null, p95Ms: null, errorRate: null };

function trustOf(e: Endpoint): EndpointView['trust'] {
  const t = trustSummary(e);
  return {
    defaultLevel: t.defaultLevel,
    limitedBy: t.limitedBy,
    override: t.override ? { level: t.override.level, agreement: t.override.agreement } : null,
  };
}

export function endpointViews(
  snapshot: RoutingSnapshot,
  traffic: Map<string, AttemptStats>,
  evals: Map<string, EvalScore[]>,
): EndpointView[] {
  const satisfaction = new Map<string, { taskClass: string; score: number }[]>();
  for (const [k, score] of snapshot.satisfaction) {
    const bar = k.lastIndexOf('|');
    const id = k.slice(0, bar);
    satisfaction.set(id, [...(satisfaction.get(id) ?? []), { taskClass: k.slice(bar + 1), score }]);
  }
  return snapshot.endpoints.map(({ endpoint: e, simulated }) => {
    const h = snapshot.health.get(e.id);
    return {
      id: e.id,
      provider: e.provider,
      model: e.model,
      codename: e.codename,
      simulated,
      inputPerMTok: e.pricing.inputPerMTok,
      outputPerMTok: e.pricing.outputPerMTok,
      trustLevel: e.trustLevel,
      trust: trustOf(e),
      freeTier: e.freeTier
        ? { requestsPerMinute: e.freeTier.requestsPerMinute, requestsPerDay: e.freeTier.requestsPerDay, note: e.freeTier.note }
        : null,
      breaker: { state: h?.state ?? 'closed', errorRate: h ? h.errorRate : null, openUntil: h?.openUntil ?? null },
      traffic: traffic.get(e.id) ?? NO_TRAFFIC,
      evals: evals.get(e.id) ?? [],
      satisfaction: (satisfaction.get(e.id) ?? []).sort((a, b) => a.taskClass.localeCompare(b.taskClass)),
    };
  });
}

/** Open breakers first, then busiest, then by id: the rows an operator needs are on top. */
export function sortEndpointViews(rows: EndpointView[]): EndpointView[] {
  const rank = { open: 0, half_open: 1, closed: 2 } as const;
  return [...rows].sort(
    (a, b) =>
      rank[a.breaker.state] - rank[b.breaker.state] ||
      b.traffic.ok + b.traffic.failed - (a.traffic.ok + a.traffic.failed) ||
      a.id.localeCompare(b.id),
  );
}

export interface SpendBucket {
  t: number;
  requests: number;
  errors: number;
  /** Requests answered from the response cache. */
  cachedRequests: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  baselineCostUsd: number;
}

/** Fills empty buckets with zeros so charts show gaps as zero traffic, not as interpolated lines. */
export function fillBuckets(rows: readonly SpendBucket[], from: number, to: number, bucketMs: number): SpendBucket[] {
  const byT = new Map(rows.map((r) => [r.t, r]));
  const out: SpendBucket[] = [];
  for (let t = Math.floor(from / bucketMs) * bucketMs; t <= to; t += bucketMs) {
    out.push(
      byT.get(t) ?? { t, requests: 0, errors: 0, cachedRequests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, baselineCostUsd: 0 },
    );
  }
  return out;
}

/** Aligns per-provider cost rows onto the bucket axis: one array per provider, same length as buckets. */
export function seriesByProvider(
  buckets: readonly SpendBucket[],
  rows: readonly { t: number; provider: string; costUsd: number }[],
): Record<string, number[]> {
  const index = new Map(buckets.map((b, i) => [b.t, i]));
  // Null prototype: a provider named like an Object.prototype member must not reach the prototype.
  const out: Record<string, number[]> = Object.create(null);
  for (const r of rows) {
    const i = index.get(r.t);
    if (i === undefined) continue;
    out[r.provider] ??= new Array(buckets.length).fill(0);
    out[r.provider][i] += r.costUsd;
  }
  return out;
}

export const WINDOWS = {
  '24h': { ms: 24 * 3600_000, bucketMs: 3600_000 },
  '7d': { ms: 7 * 24 * 3600_000, bucketMs: 6 * 3600_000 },
  '30d': { ms: 30 * 24 * 3600_000, bucketMs: 24 * 3600_000 },
  '1h': { ms: 3600_000, bucketMs: 60_000 },
} as const;
export type WindowName = keyof typeof WINDOWS;

export const DEFAULT_WINDOW: WindowName = '24h';

/** Own keys only: `in` would also accept 'constructor', 'toString' and the rest of Object.prototype. */
export function isWindowName(value: string): value is WindowName {
  return Object.hasOwn(WINDOWS, value);
}

/** For pages: anything that is not a window the views offer shows the default one. */
export function parseWindow(value: string | undefined): WindowName {
  return value && isWindowName(value) ? value : DEFAULT_WINDOW;
}
