import type { SignalSource } from '../routing';
import { applySignals, signalsFromRows } from './signals';
import { loadPosteriorRows } from './store';

/**
 * Propagation: the isolate that receives a rating applies it to its own snapshot at once; every
 * other isolate reloads all posteriors from D1 at most every FEEDBACK_REFRESH_MS, on its next
 * request after that (the refresh runs in waitUntil, so a rating reaches routing everywhere within
 * FEEDBACK_REFRESH_MS plus one D1 read of traffic-bearing isolates).
 */
export const FEEDBACK_REFRESH_MS = 30_000;

export const feedbackSignalSource: SignalSource = {
  name: 'feedback',
  intervalMs: FEEDBACK_REFRESH_MS,
  async load(env) {
    const now = Date.now();
    const signals = signalsFromRows(await loadPosteriorRows(env, now), now);
    return (snapshot) => applySignals(snapshot, signals);
  },
};
