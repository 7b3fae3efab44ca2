import type { ChatRequest } from '../api/chat-schema';
import { ApiError } from '../api/errors';
import { type AttemptTimeouts, callCompletion, type CompletionResult, defaultTimeouts, type OpenedStream, openStream } from '../providers/dispatch';
import { UpstreamError, type UpstreamFailure } from '../providers/types';
import type { Env } from '../env';
import type { Candidate } from '../routing/types';
import type { Attempt } from './attempts';
import { reportOutcome } from './outcomes';

/**
 * Walks the ranked chain until an endpoint answers. Retryable failures (connection, 5xx, 429, 408,
 * timeouts, in-band stream errors before any content, malformed bodies) move to the next endpoint at
 * once; a request error (400-class) is returned to the client, except a context-length error, which
 * skips ahead to an endpoint with a larger window.
 */

export const DEFAULT_DEADLINE_MS = 120_000;

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
  constructor(readonly attempts: Attempt[], lastFailure?: UpstreamFailure) {
    super(
      lastFailure && !lastFailure.retryable ? 400 : 502,
      lastFailure && !lastFailure.retryable
        ? `The provider rejected the request: ${lastFailure.message}`
        : `All ${attempts.length} endpoints in the fallback chain failed (${attempts.map((a) => `${a.endpointId}: ${a.errorKind}`).join('; ')}).`,
      lastFailure && !lastFailure.retryable ? 'invalid_request_error' : 'upstream_error',
      null,
      lastFailure && !lastFailure.retryable ? 'upstream_rejected_request' : 'upstream_unavailable',
    );
  }
}

async function runChain<T>(
  env: Env,
  chain: Candidate[],
  req: ChatRequest,
  opts: ExecuteOptions,
  stream: boolean,
  call: (c: Candidate, timeouts: AttemptTimeouts, signal: AbortSignal) => Promise<T>,
): Promise<Executed<T>> {
  const attempts: Attempt[] = [];
  const start = Date.now();
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = new AbortController();
  const deadlineTimer = setTimeout(
    () => deadline.abort(new UpstreamError({ kind: 'timeout', retryable: false, status: 0, message: `overall deadline of ${deadlineMs} ms reached` })),
    deadlineMs,
  );
  const signal = opts.signal ? AbortSignal.any([deadline.signal, opts.signal]) : deadline.signal;
  let minWindow = 0;
  let last: UpstreamFailure | undefined;
  try {
    for (const candidate of chain) {
      const e = candidate.endpoint;
      if (e.contextWindow <= minWindow) {
        attempts.push({ endpointId: e.id, provider: e.provider, simulated: candidate.simulated, outcome: 'skipped', status: 0, error: 'context window not larger than a failed one', ms: 0, startedAtMs: Date.now() - start });
        continue;
      }
      if (signal.aborted) break;
      const attemptStart = Date.now();
      try {
        const result = await call(candidate, defaultTimeouts(e, opts.expectedOutputTokens, stream, opts.timeoutMs), signal);
        const ms = Date.now() - attemptStart;
        attempts.push({ endpointId: e.id, provider: e.provider, simulated: candidate.simulated, outcome: 'ok', status: 200, ms, startedAtMs: attemptStart - start });
        reportOutcome(env, e.id, { ok: true, ms }, opts.waitUntil);
        return { candidate, result, attempts };
      } catch (err) {
        const failure = toFailure(err);
        const ms = Date.now() - attemptStart;
        attempts.push({ endpointId: e.id, provider: e.provider, simulated: candidate.simulated, outcome: 'failed', status: failure.status, errorKind: failure.kind, error: failure.message, ms, startedAtMs: attemptStart - start });
        last = failure;
        // A bad request is the client's; it says nothing about the endpoint's health.
        if (failure.kind !== 'bad_request' && failure.kind !== 'context_length') reportOutcome(env, e.id, { ok: false, ms, failure }, opts.waitUntil);
        if (!failure.retryable) break;
        if (failure.kind === 'context_length') minWindow = Math.max(minWindow, e.contextWindow);
      }
    }
  } finally {
    clearTimeout(deadlineTimer);
  }
  if (deadline.signal.aborted) {
    throw new ApiError(504, `No endpoint answered within the ${deadlineMs} ms deadline (${attempts.length} attempts).`, 'upstream_error', null, 'deadline_exceeded');
  }
  throw new ChainExhaustedError(attempts, last);
}

function toFailure(err: unknown): UpstreamFailure {
  if (err instanceof UpstreamError) return err.failure;
  if (err instanceof ApiError) return { kind: 'bad_request', retryable: false, status: err.status, message: err.message };
  // Anything else thrown while handling an upstream answer is treated as a malformed upstream.
  return { kind: 'malformed', retryable: true, status: 0, message: 'upstream response could not be processed' };
}

export function executeCompletion(env: Env, chain: Candidate[], req: ChatRequest, opts: ExecuteOptions): Promise<Executed<CompletionResult>> {
  return runChain(env, chain, req, opts, false, (c, t, signal) => callCompletion(env, c, req, t, signal));
}

export function executeStream(env: Env, chain: Candidate[], req: ChatRequest, opts: ExecuteOptions): Promise<Executed<OpenedStream>> {
  return runChain(env, chain, req, opts, true, (c, t, signal) => openStream(env, c, req, t, signal));
}
