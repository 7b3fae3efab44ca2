import { getEndpoint } from '../catalog';
import type { Usage, Attempt, LatencyStat } from '../hub';
import type { Env } from '../env';
import { routingSnapshot } from './snapshot';
import { observeOutputTokens } from './output-tokens';

/**
 * Live latency and error statistics per endpoint and region, learned from every response.
 *
 * Each statistic is an EWMA that starts at a prior (the catalog's latency prior, a 2 % error rate)
 * worth PRIOR_WEIGHT observations; the n-th observation moves it by α = max(ALPHA_MIN, 1/(n + PRIOR_WEIGHT)),
 * so early samples average with the prior and later ones track drift with a ~1/ALPHA_MIN memory.
 * Stats live in the isolate's routing snapshot under `${endpointId}|${region}` and `${endpointId}|*`;
 * stage 13 reads the region entry when it has enough samples, else the global one.
 * Not shared across isolates: each isolate learns from the traffic it serves (a KV-backed signal
 * source in signals.ts could merge them later).
 */

export const PRIOR_WEIGHT = 3;
export const ALPHA_MIN = 0.1;
export const ERROR_RATE_PRIOR = 0.02;
/**
 * The error rate's excess over the prior halves every minute without news: an endpoint that the
 * health stage skipped for failing gets no traffic to prove it recovered, so the evidence has to
 * age out (as a breaker's cooldown does) for it to be tried again.
 */
export const ERROR_RATE_HALF_LIFE_MS = 60_000;
/** Below this many output tokens the generation time is mostly noise: no tokens/s sample. */
const MIN_TOKENS_FOR_RATE = 8;

export interface ResponseObservation {
  ok: boolean;
  /** Time to first token (streams) or to the whole response (non-streaming), ms. */
  ttftMs?: number;
  /** Output tokens and the time spent generating them (after the first token), for tokens/s. */
  completionTokens?: number;
  generationMs?: number;
}

export function alphaFor(n: number): number {
  return Math.max(ALPHA_MIN, 1 / (n + PRIOR_WEIGHT));
}

export function priorStat(prior: { ttftMs: number; tokensPerSec: number }): LatencyStat {
  return { ttftMs: prior.ttftMs, tokensPerSec: prior.tokensPerSec, samples: 0, errorRate: ERROR_RATE_PRIOR, outcomes: 0 };
}

/** The error rate as of `now`: the stored EWMA, its excess over the prior decayed since the last outcome. */
export function recentErrorRate(stat: LatencyStat | undefined, now: number): number {
  if (!stat || stat.errorRate === undefined) return ERROR_RATE_PRIOR;
  if (stat.errorAt === undefined || now <= stat.errorAt) return stat.errorRate;
  return ERROR_RATE_PRIOR + (stat.errorRate - ERROR_RATE_PRIOR) * 2 ** (-(now - stat.errorAt) / ERROR_RATE_HALF_LIFE_MS);
}

/** Pure: the stat after one observation at time `at` (ms). Failures move only the error rate. */
export function updateStat(stat: LatencyStat, obs: ResponseObservation, at?: number): LatencyStat {
  const outcomes = (stat.outcomes ?? 0) + 1;
  const current = at === undefined ? (stat.errorRate ?? ERROR_RATE_PRIOR) : recentErrorRate(stat, at);
  const errorRate = ewma(current, obs.ok ? 0 : 1, alphaFor(outcomes));
  const errorAt = at ?? stat.errorAt;
  if (!obs.ok) return { ...stat, errorRate, outcomes, errorAt };
  const samples = stat.samples + 1;
  const a = alphaFor(samples);
  const ttftMs = obs.ttftMs !== undefined && obs.ttftMs >= 0 ? ewma(stat.ttftMs, obs.ttftMs, a) : stat.ttftMs;
  const tokens = obs.completionTokens ?? 0;
  const gen = obs.generationMs ?? 0;
  const tokensPerSec = tokens >= MIN_TOKENS_FOR_RATE && gen > 0 ? ewma(stat.tokensPerSec, (tokens / gen) * 1000, a) : stat.tokensPerSec;
  return { ttftMs, tokensPerSec, samples, errorRate, outcomes, errorAt };
}

function ewma(prev: number, x: number, alpha: number): number {
  return prev + alpha * (x - prev);
}

/** Folds one observation (made at `at`, ms) into both the region entry and the global entry of a latency map. */
export function observe(
  map: Map<string, LatencyStat>,
  endpointId: string,
  region: string | undefined,
  obs: ResponseObservation,
  at?: number,
): void {
  const prior = getEndpoint(endpointId)?.latency ?? map.get(`${endpointId}|*`);
  if (!prior) return;
  for (const key of region && region !== '*' ? [`${endpointId}|${region}`, `${endpointId}|*`] : [`${endpointId}|*`]) {
    map.set(key, updateStat(map.get(key) ?? priorStat(prior), obs, at));
  }
}

/** What the hub knows when a request settles (structurally its `Finished`). */
export interface SettledRequest {
  status: number;
  endpoint?: { id: string };
  usage: Usage;
  attempts: Attempt[];
  ttftMs?: number;
  stream: boolean;
}

/** Failures that are never the endpoint's doing, whatever else the attempt says. */
const NOT_THE_ENDPOINT = new Set<Attempt['errorKind']>([
  'bad_request',
  'context_length',
  'client_closed',
  'client_timeout',
  'deadline',
  'untranslatable',
  'gateway_error',
]);

/**
 * Observations of one settled request: every failed attempt the endpoint caused is an error sample for
 * it (the executor marks the others with `blame`: the client's shorter timeout or deadline, its bad
 * request or disconnect, the gateway's own exceptions or backlog); the answering attempt gives ttft and
 * tokens/s. Non-streaming answers only tell the total time, so their generation time is the total minus
 * the current ttft estimate.
 */
export function observationsOf(
  done: SettledRequest,
  settledAtMs: number,
  startedAtMs: number,
  current: (id: string) => LatencyStat | undefined,
): { endpointId: string; obs: ResponseObservation }[] {
  const out: { endpointId: string; obs: ResponseObservation }[] = [];
  for (const a of done.attempts) {
    if (a.outcome === 'failed' && !a.blame && !NOT_THE_ENDPOINT.has(a.errorKind))
      out.push({ endpointId: a.endpointId, obs: { ok: false } });
  }
  const winner = done.attempts.findLast((a) => a.outcome === 'ok');
  if (done.endpoint && winner && winner.endpointId === done.endpoint.id && done.status === 200) {
    const tokens = done.usage.completion_tokens;
    if (done.stream) {
      const ttft = done.ttftMs ?? winner.ms;
      const gen = settledAtMs - startedAtMs - winner.startedAtMs - ttft;
      out.push({ endpointId: winner.endpointId, obs: { ok: true, ttftMs: ttft, completionTokens: tokens, generationMs: gen } });
    } else {
      const ttftEstimate = current(winner.endpointId)?.ttftMs ?? getEndpoint(winner.endpointId)?.latency.ttftMs ?? 0;
      out.push({ endpointId: winner.endpointId, obs: { ok: true, completionTokens: tokens, generationMs: winner.ms - ttftEstimate } });
    }
  }
  return out;
}

/**
 * The answer's length for the output-token estimate of its task class (output-tokens.ts): only a complete
 * answer from the endpoint that was routed to; 0 completion tokens means the provider reported no usage.
 */
export function outputObservationOf(done: SettledRequest): { endpointId: string; tokens: number } | undefined {
  const tokens = done.usage.completion_tokens;
  if (done.status !== 200 || !done.endpoint || !(tokens > 0)) return undefined;
  const winner = done.attempts.findLast((a) => a.outcome === 'ok');
  return winner && winner.endpointId === done.endpoint.id ? { endpointId: winner.endpointId, tokens } : undefined;
}

/**
 * Called from the hub's settle() for every request; returns at once and updates the isolate's
 * snapshot in a microtask, so the client never waits on it. Failures here never reach the request.
 * `taskClass` (the decision's class) files the answer's length under that class.
 */
export function recordLiveStats(env: Env, region: string | undefined, done: SettledRequest, startedAtMs: number, taskClass?: string): void {
  const settledAt = Date.now();
  queueMicrotask(() => {
    try {
      const snapshot = routingSnapshot(env);
      const map = snapshot.latency;
      for (const { endpointId, obs } of observationsOf(done, settledAt, startedAtMs, (id) => map.get(`${id}|*`)))
        observe(map, endpointId, region, obs, settledAt);
      const output = taskClass ? outputObservationOf(done) : undefined;
      if (output) observeOutputTokens((snapshot.outputTokens ??= new Map()), taskClass!, output.endpointId, output.tokens);
    } catch (err) {
      console.error('live stats update failed', (err as Error).message);
    }
  });
}

/** Forget this isolate's failure evidence (an operator closed the breakers): error rates back to the prior, latency kept. */
export function forgetErrorRates(env: Env): number {
  const map = routingSnapshot(env).latency;
  for (const [key, stat] of map) map.set(key, { ...stat, errorRate: ERROR_RATE_PRIOR, outcomes: 0, errorAt: undefined });
  return map.size;
}
