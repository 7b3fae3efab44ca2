import {
  type RoutingSnapshot,
  type Evidence,
  GLOBAL_SCOPE,
  type PosteriorRow,
  type RatingChange,
  betaMean,
  cellKey,
  decayWeight,
  evidenceAt,
  keyCellKey,
  posterior,
  scaledDelta,
} from '../routing';

/**
 * Pure conversions between posterior rows and the routing snapshot's feedback maps, plus an
 * in-memory posterior table with the same update rule as the D1 store (used by the feedback
 * handler to update its own isolate at once, by tests and by the benchmark).
 */

export interface FeedbackSignals {
  /** Global posterior mean per `${endpointId}|${taskClass}`. */
  satisfaction: Map<string, number>;
  satisfactionEvidence: Map<string, Evidence>;
  /** Per `${keyId}|${endpointId}|${taskClass}`. */
  keySatisfaction: Map<string, Evidence>;
}

export function signalsFromRows(rows: Iterable<PosteriorRow>, now: number): FeedbackSignals {
  const out: FeedbackSignals = { satisfaction: new Map(), satisfactionEvidence: new Map(), keySatisfaction: new Map() };
  for (const row of rows) {
    const e = evidenceAt(row, now);
    if (row.scope === GLOBAL_SCOPE) {
      const k = cellKey(row.endpointId, row.taskClass);
      out.satisfactionEvidence.set(k, e);
      out.satisfaction.set(k, betaMean(posterior(e)));
    } else {
      out.keySatisfaction.set(keyCellKey(row.scope, row.endpointId, row.taskClass), e);
    }
  }
  return out;
}

/** Replaces the snapshot's feedback maps in one synchronous step (a refresh is a full reload). */
export function applySignals(snapshot: RoutingSnapshot, signals: FeedbackSignals): void {
  snapshot.satisfaction = signals.satisfaction;
  snapshot.satisfactionEvidence = signals.satisfactionEvidence;
  snapshot.keySatisfaction = signals.keySatisfaction;
}

export interface RatedResponse {
  keyId: string;
  endpointId: string;
  taskClass: string;
}

export const rowKey = (scope: string, endpointId: string, taskClass: string) => `${scope}|${endpointId}|${taskClass}`;

/** The rows a rating touches: the global one and the rating key's own. */
export function scopesOf(response: RatedResponse): string[] {
  return [GLOBAL_SCOPE, response.keyId];
}

/** Applies one rating change to an in-memory table of rows (same arithmetic as the D1 upsert). */
export function applyChangeToTable(table: Map<string, PosteriorRow>, response: RatedResponse, change: RatingChange): void {
  const delta = scaledDelta(change);
  for (const scope of scopesOf(response)) {
    const k = rowKey(scope, response.endpointId, response.taskClass);
    const row = table.get(k) ?? {
      scope,
      endpointId: response.endpointId,
      taskClass: response.taskClass,
      upScaled: 0,
      downScaled: 0,
      updatedAt: 0,
    };
    table.set(k, {
      ...row,
      upScaled: row.upScaled + delta.up,
      downScaled: row.downScaled + delta.down,
      updatedAt: Math.max(row.updatedAt, change.ratedAt),
    });
  }
}

/**
 * The feedback handler's immediate local update: adds a rating change to the snapshot's current
 * evidence so this isolate routes on it before the next refresh (other isolates: ≤ the refresh
 * interval). Evidence is decayed to `now`; the next refresh recomputes it from D1 exactly.
 */
export function applyChangeToSnapshot(snapshot: RoutingSnapshot, response: RatedResponse, change: RatingChange, now: number): void {
  const delta = scaledDelta(change);
  // Not evidenceAt: a replaced rating makes one side of the delta negative, which must not clamp.
  const k = 1 / decayWeight(now);
  const local = { up: delta.up * k, down: delta.down * k };
  const gk = cellKey(response.endpointId, response.taskClass);
  const kk = keyCellKey(response.keyId, response.endpointId, response.taskClass);
  const globalMap = new Map(snapshot.satisfactionEvidence ?? []);
  const keyMap = new Map(snapshot.keySatisfaction ?? []);
  const sat = new Map(snapshot.satisfaction);
  const add = (e: Evidence | undefined): Evidence => ({
    up: Math.max(0, (e?.up ?? 0) + local.up),
    down: Math.max(0, (e?.down ?? 0) + local.down),
  });
  const g = add(globalMap.get(gk));
  globalMap.set(gk, g);
  sat.set(gk, betaMean(posterior(g)));
  keyMap.set(kk, add(keyMap.get(kk)));
  applySignals(snapshot, { satisfaction: sat, satisfactionEvidence: globalMap, keySatisfaction: keyMap });
}
