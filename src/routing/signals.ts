import type { Env } from '../env';
import { routingSnapshot, type RoutingSnapshot } from './snapshot';

/**
 * Background refresh of the routing signals (eval scores, feedback posteriors, breaker states,
 * live latency) into the isolate's snapshot. The request path only *starts* a refresh when one is
 * due and hands the promise to waitUntil; it never waits for it. Each source loads from KV/D1 and
 * returns a function that applies its data to the snapshot in one synchronous step.
 */
export interface SignalSource {
  name: string;
  /** Minimum time between refreshes in one isolate; also the documented propagation delay. */
  intervalMs: number;
  load(env: Env): Promise<((snapshot: RoutingSnapshot) => void) | null>;
}

const sources: SignalSource[] = [];
const state = new Map<string, { lastStart: number; inflight: boolean; lastError?: string }>();

export function registerSignalSource(source: SignalSource): void {
  if (!sources.some((s) => s.name === source.name)) sources.push(source);
}

export function refreshSignals(env: Env, waitUntil: (p: Promise<unknown>) => void, now = Date.now()): void {
  for (const source of sources) {
    const s = state.get(source.name) ?? { lastStart: 0, inflight: false };
    if (s.inflight || now - s.lastStart < source.intervalMs) continue;
    s.lastStart = now;
    s.inflight = true;
    state.set(source.name, s);
    waitUntil(
      source
        .load(env)
        .then((apply) => {
          if (apply) apply(routingSnapshot(env));
          s.lastError = undefined;
        })
        .catch((err: Error) => {
          s.lastError = err.message;
        })
        .finally(() => {
          s.inflight = false;
        }),
    );
  }
}

/** Awaitable variant for the cron handler, tests and benchmarks. */
export async function refreshSignalsNow(env: Env): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const s of sources) state.set(s.name, { lastStart: 0, inflight: false });
  refreshSignals(env, (p) => pending.push(p));
  await Promise.all(pending);
}

export function signalStatus(): { name: string; lastStart: number; lastError?: string }[] {
  return sources.map((s) => ({ name: s.name, ...(state.get(s.name) ?? { lastStart: 0 }) }));
}
