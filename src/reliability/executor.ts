import { type ChatRequest, ApiError, type Attempt, type EmbeddingsCall } from '../hub';
import {
  RequestBuildError,
  type AttemptTimeouts,
  callCompletion,
  callEmbeddings,
  type CompletionResult,
  type EmbeddingsResult,
  defaultTimeouts,
  type OpenedStream,
  openStream,
  timeoutScale,
  type StreamEvent,
  UpstreamError,
  type UpstreamFailure,
} from '../providers';
import type { Env } from '../env';
import type { Candidate } from '../routing';
import { admitEndpoint, announceProbe, releaseProbe } from './breaker-view';
import { reportOutcome } from './outcomes';

/**
 * Walks the ranked chain until an endpoint answers. Retryable failures (connection, 5xx, 429, 408,
 * timeouts, in-band stream errors before any content, malformed bodies) move to the next endpoint at
 * once; a request error (400-class) is returned to the client, except a context-length error, which
 * skips ahead to an endpoint with a larger window. Before each attempt the isolate's breaker view is
 * consulted (no I/O): an endpoint whose breaker opened after the chain was built is skipped, and a
 * half-open one is tried only by the single request holding its probe lease.
 *
 * Only what the provider caused counts against an endpoint (breaker here, live statistics from the
 * attempts' `blame`): its error status, its silence beyond its own derived timeout, its malformed answer.
 * Never the client's shorter timeout or deadline, its bad request or disconnect, nor the gateway's own
 * exceptions or backlog.
 */

export const DEFAULT_DEADLINE_MS = 120_000;
/** A timeout whose timer fired this much later than set is blamed on the isolate's backlog, not the endpoint. */
export const GATEWAY_LAG_TOLERANCE_MS = 1_000;

export interface ExecuteOptions {
  expectedOutputTokens: number;
  timeoutMs?: number;
  deadlineMs?: number;
  signal?: AbortSignal;
  waitUntil: (p: Promise<unknown>) => void;
}

export interface Executed<T> {
  candidate: Candidate;
  result: T;
  attempts: Attempt[];
}

export class ChainExhaustedError extends ApiError {
  constructor(attempts: Attempt[], lastFailure?: UpstreamFailure) {
    // Every endpoint tried refused the request itself (some formats cannot carry it): the client's to fix.
    const tried = attempts.filter((a) => a.outcome === 'failed');
    const allRefused = tried.length > 0 && tried.every((a) => a.errorKind === 'bad_request');
    const rejected = lastFailure && (!lastFailure.retryable || allRefused);
    super(rejected ? 400 : 502, {
      message: rejected
        ? `${lastFailure.status === 0 ? 'The request cannot be sent' : 'The provider rejected the request'}: ${lastFailure.message}`
        : `All ${attempts.length} endpoints in the fallback chain failed (${attempts.map((a) => `${a.endpointId}: ${a.errorKind ?? a.error}`).join('; ')}).`,
      type: rejected ? 'invalid_request_error' : 'upstream_error',
      code: rejected ? 'upstream_rejected_request' : 'upstream_unavailable',
      attempts,
    });
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

type Call<T> = (c: Candidate, timeouts: AttemptTimeouts, signal: AbortSignal) => Promise<T>;

type Blame = Attempt['blame'];

/** Who a failed attempt is on, when not the endpoint (undefined: the endpoint, and it counts). */
function blameOf(failure: UpstreamFailure, requestEnded: boolean): Blame {
  // The request's deadline or the client's disconnect ended the wait; the client's own timeout, shorter than
  // the endpoint's, ran out; or the request itself was refused.
  if (requestEnded || failure.kind === 'client_timeout' || failure.kind === 'bad_request' || failure.kind === 'context_length')
    return 'client';
  // A timer that fired seconds late is this isolate's backlog (it could not read the answer in time).
  if ((failure.gatewayLagMs ?? 0) > GATEWAY_LAG_TOLERANCE_MS) return 'gateway';
  return undefined;
}

async function runChain<T>(
  env: Env,
  chain: Candidate[],
  opts: ExecuteOptions,
  stream: boolean,
  call: Call<T>,
): Promise<Executed<T> & { probe: boolean }> {
  const attempts: Attempt[] = [];
  const start = performance.now();
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  // One controller for the deadline and the client's disconnect, the client's abort forwarded by a listener
  // (kept for the request's life, as AbortSignal.any would keep its own): AbortSignal.any costs ~10 µs per
  // call in workerd, a controller and a listener ~3.
  const chainAbort = new AbortController();
  let deadlineReached = false;
  const deadlineTimer = setTimeout(() => {
    deadlineReached = true;
    chainAbort.abort(
      new UpstreamError({ kind: 'timeout', retryable: false, status: 0, message: `overall deadline of ${deadlineMs} ms reached` }),
    );
  }, deadlineMs);
  const client = opts.signal;
  if (client?.aborted) chainAbort.abort(client.reason);
  else client?.addEventListener('abort', () => chainAbort.abort(client.reason), { once: true });
  const signal = chainAbort.signal;
  let minWindow = 0;
  let last: UpstreamFailure | undefined;
  const skip = (c: Candidate, why: string) =>
    attempts.push({
      endpointId: c.endpoint.id,
      provider: c.endpoint.provider,
      simulated: c.simulated,
      outcome: 'skipped',
      status: 0,
      error: why,
      ms: 0,
      startedAtMs: round(performance.now() - start),
    });
  // Endpoints the breaker refused; tried only as a last resort when everything else failed.
  const refused: Candidate[] = [];
  let lastResort = false;
  const attempt = async (candidate: Candidate, probe: boolean): Promise<(Executed<T> & { probe: boolean }) | 'stop' | 'next'> => {
    const e = candidate.endpoint;
    const attemptStart = performance.now();
    const marks = { ...(probe ? { probe: true } : {}), ...(lastResort ? { lastResort: true } : {}) };
    try {
      const result = await call(
        candidate,
        defaultTimeouts(e, opts.expectedOutputTokens, stream, opts.timeoutMs, timeoutScale(env)),
        signal,
      );
      const ms = performance.now() - attemptStart;
      attempts.push({
        endpointId: e.id,
        provider: e.provider,
        simulated: candidate.simulated,
        outcome: 'ok',
        status: 200,
        ms: round(ms),
        startedAtMs: round(attemptStart - start),
        ...marks,
      });
      // Streams report their outcome when they end (a stream can still fail after its first token).
      if (!stream) reportOutcome(env, e.id, { ok: true, ms, probe }, opts.waitUntil);
      return { candidate, result, attempts, probe };
    } catch (err) {
      const ms = performance.now() - attemptStart;
      const base = {
        endpointId: e.id,
        provider: e.provider,
        simulated: candidate.simulated,
        outcome: 'failed' as const,
        ms: round(ms),
        startedAtMs: round(attemptStart - start),
        ...marks,
      };
      if (err instanceof RequestBuildError) {
        // The gateway could not build this provider's request: nothing was sent, so nothing is learned about
        // the endpoint, and the client gets the gateway's verdict (400 naming the parameter, or 500) at once.
        attempts.push({
          ...base,
          status: err.status,
          errorKind: err.status === 400 ? 'untranslatable' : 'gateway_error',
          error: err.message,
          blame: err.blame,
        });
        if (probe) releaseProbe(env, e.id);
        err.attempts = attempts;
        throw err;
      }
      const failure = toFailure(err);
      const blame = blameOf(failure, signal.aborted);
      attempts.push({
        ...base,
        status: failure.status,
        errorKind: deadlineReached ? 'deadline' : opts.signal?.aborted ? 'client_closed' : failure.kind,
        error: failure.message,
        ...(blame ? { blame } : {}),
      });
      last = failure;
      if (blame) {
        if (probe) releaseProbe(env, e.id);
      } else reportOutcome(env, e.id, { ok: false, ms, failure, probe }, opts.waitUntil);
      if (!failure.retryable) return 'stop';
      if (failure.kind === 'context_length') minWindow = Math.max(minWindow, e.contextWindow);
      return 'next';
    }
  };
  try {
    for (const candidate of chain) {
      const e = candidate.endpoint;
      if (e.contextWindow <= minWindow) {
        skip(candidate, 'context window not larger than a failed one');
        continue;
      }
      if (signal.aborted) break;
      const admission = admitEndpoint(env, e.id);
      if (!admission.allow) {
        skip(candidate, admission.reason);
        refused.push(candidate);
        continue;
      }
      if (admission.probe) announceProbe(env, e.id, opts.waitUntil);
      const r = await attempt(candidate, admission.probe);
      if (r === 'stop') break;
      if (r !== 'next') return r;
    }
    // Every admitted endpoint failed (retryably): rather than fail the request, try the endpoints
    // whose breaker opened after routing (or whose probe is out) — a last resort, marked in the trace.
    if (!signal.aborted && (!last || last.retryable)) {
      lastResort = true;
      for (const candidate of refused) {
        if (signal.aborted || candidate.endpoint.contextWindow <= minWindow) break;
        const r = await attempt(candidate, false);
        if (r === 'stop') break;
        if (r !== 'next') return r;
      }
    }
  } finally {
    clearTimeout(deadlineTimer);
  }
  if (deadlineReached) {
    throw new ApiError(504, {
      message: `No endpoint answered within the ${deadlineMs} ms deadline (${attempts.length} attempts).`,
      type: 'upstream_error',
      code: 'deadline_exceeded',
      attempts,
    });
  }
  if (opts.signal?.aborted) {
    // Nobody reads this answer; the status is for the log row (nginx's "client closed request").
    throw new ApiError(499, {
      message: `The client closed the request after ${attempts.length} attempts.`,
      code: 'client_closed',
      attempts,
    });
  }
  throw new ChainExhaustedError(attempts, last);
}

function toFailure(err: unknown): UpstreamFailure {
  if (err instanceof UpstreamError) return err.failure;
  if (err instanceof ApiError) return { kind: 'bad_request', retryable: false, status: err.status, message: err.message };
  // Anything else thrown while handling an upstream answer is treated as a malformed upstream.
  return { kind: 'malformed', retryable: true, status: 0, message: 'upstream response could not be processed' };
}

export async function executeCompletion(
  env: Env,
  chain: Candidate[],
  req: ChatRequest,
  opts: ExecuteOptions,
): Promise<Executed<CompletionResult>> {
  const { probe: _p, ...executed } = await runChain(env, chain, opts, false, (c, t, signal) => callCompletion(env, c, req, t, signal));
  return executed;
}

/** Embeddings walk the chain as completions do: the same breakers, timeouts, blame and fallback rules. */
export async function executeEmbeddings(
  env: Env,
  chain: Candidate[],
  call: EmbeddingsCall,
  opts: ExecuteOptions,
): Promise<Executed<EmbeddingsResult>> {
  const { probe: _p, ...executed } = await runChain(env, chain, opts, false, (c, t, signal) => callEmbeddings(env, c, call, t, signal));
  return executed;
}

export async function executeStream(env: Env, chain: Candidate[], req: ChatRequest, opts: ExecuteOptions): Promise<Executed<OpenedStream>> {
  const executed = await runChain(env, chain, opts, true, (c, t, signal) => openStream(env, c, req, t, signal));
  const attempt = executed.attempts[executed.attempts.length - 1];
  return {
    candidate: executed.candidate,
    attempts: executed.attempts,
    result: watchStream(env, executed.result, attempt, executed.probe, opts),
  };
}

/**
 * After the first token the stream belongs to the client; a later failure cannot fail over. It is
 * recorded on the attempt (the caller's trace and log row read the same object) and reported to the
 * breaker; a stream that ends, or that the client abandons, counts as a success.
 */
function watchStream(env: Env, opened: OpenedStream, attempt: Attempt, probe: boolean, opts: ExecuteOptions): OpenedStream {
  const started = performance.now() - attempt.ms;
  async function* rest(): AsyncGenerator<StreamEvent> {
    let failed = false;
    try {
      for await (const ev of opened.rest) yield ev;
    } catch (err) {
      // The client left (its request signal aborted the read): the endpoint was answering, as when the
      // client stops reading between events, so it counts as a success below.
      if (opts.signal?.aborted) throw err;
      failed = true;
      const failure = toFailure(err);
      const blame = blameOf(failure, false);
      Object.assign(attempt, {
        outcome: 'failed',
        status: failure.status || 502,
        errorKind: failure.kind,
        error: `after the answer began: ${failure.message}`,
        ...(blame ? { blame } : {}),
      });
      if (blame && probe) releaseProbe(env, attempt.endpointId);
      else if (!blame)
        reportOutcome(env, attempt.endpointId, { ok: false, ms: performance.now() - started, failure, probe }, opts.waitUntil);
      throw err;
    } finally {
      if (!failed) reportOutcome(env, attempt.endpointId, { ok: true, ms: performance.now() - started, probe }, opts.waitUntil);
    }
  }
  return { ...opened, rest: rest() };
}
