import type { ChatRequest } from '../hub';
import { type Endpoint, upstreamAccess } from '../catalog';
import type { Env } from '../env';
import { simulatedUpstream } from './simulated-upstream';
import { buildFailure } from './build-failure';
import { adapterFor } from './registry';
import { createSseByteDecoder, type SseEvent } from './sse';
import {
  type NormalizedResponse,
  type StreamEvent,
  UpstreamError,
  type UpstreamFailure,
  type UpstreamHttpRequest,
  type UpstreamTarget,
} from './types';

/**
 * The I/O edge between the gateway and one upstream endpoint: builds the native request with the
 * endpoint's adapter, sends it (to the real provider, or to the labeled simulated fleet), enforces
 * timeouts, and returns hub-format results. Everything format-specific stays in the adapters.
 */

export interface TimeoutSet {
  /** Until response headers (non-stream: until the full body). */
  headersMs: number;
  /** Streams: until the first content event. */
  firstTokenMs: number;
  /** Streams: longest silence between events. */
  idleMs: number;
}

export interface AttemptTimeouts extends TimeoutSet {
  /**
   * The endpoint's own timeouts, present when the client's `routing.timeout_ms` replaced them. A client
   * timer shorter than the endpoint's own that fires is the client's impatience, not the endpoint's
   * silence: it fails as 'client_timeout', which counts against nothing.
   */
  own?: TimeoutSet;
}

export interface CallTarget {
  endpoint: Endpoint;
  simulated: boolean;
}

/**
 * Per-attempt timeouts from the endpoint's latency profile (TTFT, tokens/s): first token within
 * 8× its typical TTFT (3–30 s), a non-streamed answer within 4× TTFT + 3× the expected generation
 * time (8–120 s), at most 5× TTFT (5–30 s) of silence mid-stream. `routing.timeout_ms` replaces
 * all three for one request; the endpoint's own stay alongside (`own`) to tell whose timer fired.
 * `scale` multiplies the derived values (the binding CAILOS_TIMEOUT_SCALE, for tests only).
 */
export function defaultTimeouts(
  endpoint: Endpoint,
  expectedOutputTokens: number,
  stream: boolean,
  override?: number,
  scale = 1,
): AttemptTimeouts {
  const ttft = endpoint.latency.ttftMs;
  const generation = (expectedOutputTokens / Math.max(1, endpoint.latency.tokensPerSec)) * 1000;
  const firstTokenMs = Math.min(30_000, Math.max(3_000, ttft * 8));
  const own: TimeoutSet = {
    headersMs: Math.round(scale * (stream ? firstTokenMs : Math.min(120_000, Math.max(8_000, ttft * 4 + generation * 3)))),
    firstTokenMs: Math.round(scale * firstTokenMs),
    idleMs: Math.round(scale * Math.min(30_000, Math.max(5_000, ttft * 5))),
  };
  return override === undefined ? own : { headersMs: override, firstTokenMs: override, idleMs: override, own };
}

/** CAILOS_TIMEOUT_SCALE: tests shrink the derived timeouts so that an endpoint's own timeout fires in well under a second. */
export function timeoutScale(env: Env): number {
  const scale = Number(env.CAILOS_TIMEOUT_SCALE ?? '1');
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

let overridesCache: { raw: string; map: Record<string, string> } | null = null;

/**
 * Optional binding UPSTREAM_BASE_URL_OVERRIDES: JSON `{ "<providerId>": "<baseUrl>" }` sends a
 * provider's traffic to another base URL (a corporate proxy, a self-hosted OpenAI-compatible server,
 * or the loopback fake providers of the fault-injection tests). The adapter appends its usual path.
 */
export function upstreamBaseUrl(env: Env, providerId: string, catalogBaseUrl: string): string {
  const raw = env.UPSTREAM_BASE_URL_OVERRIDES;
  if (typeof raw !== 'string' || raw === '') return catalogBaseUrl;
  if (overridesCache?.raw !== raw) {
    let map: Record<string, string> = {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object')
        map = Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      console.error('UPSTREAM_BASE_URL_OVERRIDES is not valid JSON; ignored');
    }
    overridesCache = { raw, map };
  }
  return overridesCache.map[providerId] ?? catalogBaseUrl;
}

/** `ownMs`: the endpoint's own timeout for this wait, when the client's routing.timeout_ms replaced it. */
function timeoutFailure(what: string, ms: number, gatewayLagMs?: number, ownMs?: number): UpstreamError {
  const lag = gatewayLagMs !== undefined ? { gatewayLagMs } : {};
  if (ownMs !== undefined && ms < ownMs) {
    const message = `upstream ${what} timeout after ${ms} ms (the client's routing.timeout_ms; the endpoint's own timeout is ${ownMs} ms)`;
    return new UpstreamError({ kind: 'client_timeout', retryable: true, status: 0, message, ...lag });
  }
  return new UpstreamError({ kind: 'timeout', retryable: true, status: 0, message: `upstream ${what} timeout after ${ms} ms`, ...lag });
}

async function send(
  env: Env,
  target: CallTarget,
  req: ChatRequest,
  stream: boolean,
  signal: AbortSignal,
  simHeaders?: Record<string, string>,
): Promise<Response> {
  const adapter = adapterFor(target.endpoint.wireFormat);
  const build = (t: UpstreamTarget) => adapter.buildRequest(req, t, { stream });
  return sendUpstream(env, target, build, (err, name) => buildFailure(err, req, name), signal, simHeaders);
}

/**
 * Builds one upstream request with `build` (a chat or an embeddings adapter) and sends it to the real
 * provider or the simulated fleet. `onBuildError` turns an exception of the gateway's own building
 * code into the error the client sees (nothing was sent).
 */
export async function sendUpstream(
  env: Env,
  target: CallTarget,
  build: (t: UpstreamTarget) => UpstreamHttpRequest,
  onBuildError: (err: unknown, providerName: string) => Error,
  signal: AbortSignal,
  simHeaders?: Record<string, string>,
): Promise<Response> {
  const { endpoint } = target;
  // Catalog provider or self-hosted endpoint: base URL and key come from the catalog module.
  const provider = upstreamAccess(env, endpoint);
  if (!provider) throw onBuildError(new Error(`endpoint ${endpoint.id} names unknown provider ${endpoint.provider}`), endpoint.provider);
  const apiKey = target.simulated ? 'simulated' : provider.apiKey;
  if (apiKey === undefined)
    throw new UpstreamError({ kind: 'auth', retryable: true, status: 0, message: `no API key configured for ${provider.name}` });
  const baseUrl = target.simulated ? provider.baseUrl : upstreamBaseUrl(env, endpoint.provider, provider.baseUrl);
  let request: Request;
  try {
    const built = build({ endpoint, baseUrl, apiKey });
    // Internal hints for the simulated fleet (e.g. the eval item id) never leave the gateway.
    const headers = target.simulated && simHeaders ? { ...built.headers, ...simHeaders } : built.headers;
    request = new Request(built.url, { method: built.method, headers, body: built.body, signal });
  } catch (err) {
    // A translator's verdict on the request (UpstreamError 'bad_request') stands; any other exception here is
    // the gateway's own, thrown before the provider received anything.
    if (err instanceof UpstreamError) throw err;
    throw onBuildError(err, provider.name);
  }
  const simulate = target.simulated ? simulatedUpstream() : undefined;
  try {
    if (simulate) {
      const scale = Number(env.CAILOS_SIM_LATENCY_SCALE ?? '1');
      return await simulate(
        request,
        { endpointId: endpoint.id, format: endpoint.wireFormat, ...endpoint.latency },
        { latencyScale: Number.isFinite(scale) ? scale : 1 },
      );
    }
    return await fetch(request);
  } catch (err) {
    if (signal.aborted) throw signal.reason instanceof UpstreamError ? signal.reason : timeoutFailure('request', 0);
    throw new UpstreamError({ kind: 'connection', retryable: true, status: 0, message: `connection to ${provider.name} failed` });
  }
}

async function failureOf(env: Env, target: CallTarget, res: Response): Promise<UpstreamFailure> {
  const text = await res.text().catch(() => '');
  return adapterFor(target.endpoint.wireFormat).classifyError(res.status, text, res.headers);
}

/**
 * Abort `controller` with a classified timeout after `ms`; returns a disarm function. The failure records how
 * late the timer fired (event-loop lag of an overloaded isolate) so that the breaker can tell the gateway's
 * backlog from a slow endpoint.
 */
function arm(controller: AbortController, what: string, ms: number, ownMs?: number): () => void {
  const armedAt = Date.now();
  const timer = setTimeout(() => controller.abort(timeoutFailure(what, ms, Math.max(0, Date.now() - armedAt - ms), ownMs)), ms);
  return () => clearTimeout(timer);
}

/**
 * Mid-stream idle timeout: aborts `controller` once the upstream has been awaited for `ms` without an event.
 * Only time spent waiting on the upstream counts (not a slow client's backpressure between events). One timer
 * per idle window rather than a timer armed and cleared around every event: that churn was a visible share of
 * a stream's CPU in workerd (bench/overhead/cpu-profile.md). The failure records how late the timer fired, as arm() does.
 */
interface IdleWatchdog {
  waiting(on: boolean): void;
  stop(): void;
}

function idleWatchdog(controller: AbortController, ms: number, ownMs?: number): IdleWatchdog {
  let waitingSince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (delay: number) => {
    const dueAt = Date.now() + delay;
    timer = setTimeout(() => {
      timer = undefined;
      // Not waiting (the consumer holds an event): the next wait re-arms, so an idle consumer leaves no timer behind.
      if (waitingSince === null) return;
      const now = Date.now();
      if (now - waitingSince >= ms) controller.abort(timeoutFailure('stream idle', ms, Math.max(0, now - dueAt), ownMs));
      else schedule(ms - (now - waitingSince));
    }, delay);
  };
  return {
    waiting(on) {
      waitingSince = on ? Date.now() : null;
      if (on && timer === undefined && !stopped) schedule(ms);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

export interface CompletionResult {
  response: NormalizedResponse;
  ttftMs: number;
}

/** `internal.simHeaders` are added only when the target is simulated (the eval runner names its item). */
export async function callCompletion(
  env: Env,
  target: CallTarget,
  req: ChatRequest,
  timeouts: AttemptTimeouts,
  parent: AbortSignal,
  internal: { simHeaders?: Record<string, string> } = {},
): Promise<CompletionResult> {
  const started = Date.now();
  return withResponseTimeout(parent, timeouts, async (signal) => {
    const res = await send(env, target, req, false, signal, internal.simHeaders);
    if (!res.ok) throw new UpstreamError(await failureOf(env, target, res));
    const response = adapterFor(target.endpoint.wireFormat).parseResponse(await jsonBody(res, signal));
    return { response, ttftMs: Date.now() - started };
  });
}

/**
 * Runs one whole-answer attempt (a completion, an embeddings call) under the endpoint's response
 * timeout and the request's abort: when a timer or the deadline ends it, its UpstreamError is thrown.
 */
export async function withResponseTimeout<T>(
  parent: AbortSignal,
  timeouts: AttemptTimeouts,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onParentAbort);
  const disarm = arm(controller, 'response', timeouts.headersMs, timeouts.own?.headersMs);
  try {
    return await run(controller.signal);
  } catch (err) {
    if (controller.signal.aborted && controller.signal.reason instanceof UpstreamError) throw controller.signal.reason;
    throw err;
  } finally {
    disarm();
    parent.removeEventListener('abort', onParentAbort);
  }
}

/** A 2xx body as JSON; one that is not JSON is the endpoint's malformed answer, unless the attempt was aborted meanwhile. */
export async function jsonBody(res: Response, signal: AbortSignal): Promise<unknown> {
  try {
    return JSON.parse(await res.text());
  } catch {
    if (signal.aborted) throw signal.reason;
    throw new UpstreamError({ kind: 'malformed', retryable: true, status: res.status, message: 'upstream sent a body that is not JSON' });
  }
}

export interface OpenedStream {
  /** Events up to and including the first content-bearing one (nothing has been sent yet). */
  head: StreamEvent[];
  /** The rest; throws UpstreamError on idle timeout, in-band error or truncation. */
  rest: AsyncGenerator<StreamEvent>;
  ttftMs: number;
  cancel(): void;
}

function carriesContent(ev: StreamEvent): boolean {
  if (ev.type !== 'delta') return ev.type === 'done';
  // A thinking model's first output is its thinking: it is the first token, as far as timeouts go.
  return !!(ev.delta.content || ev.delta.tool_calls?.length || ev.delta.refusal || ev.delta.thinking_blocks?.length || ev.finishReason);
}

/**
 * Opens a stream and reads until the first content event, so the caller can still fail over
 * transparently; after that, the caller owns `rest`.
 */
export async function openStream(
  env: Env,
  target: CallTarget,
  req: ChatRequest,
  timeouts: AttemptTimeouts,
  parent: AbortSignal,
): Promise<OpenedStream> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onParentAbort);
  const started = Date.now();
  let disarm = arm(controller, 'first token', timeouts.firstTokenMs, timeouts.own?.firstTokenMs);
  const cleanup = () => {
    disarm();
    parent.removeEventListener('abort', onParentAbort);
  };
  const abortReason = () => (controller.signal.reason instanceof UpstreamError ? controller.signal.reason : timeoutFailure('stream', 0));
  try {
    const res = await send(env, target, req, true, controller.signal);
    if (!res.ok) throw new UpstreamError(await failureOf(env, target, res));
    if (!res.body)
      throw new UpstreamError({ kind: 'malformed', retryable: true, status: res.status, message: 'upstream stream has no body' });
    const translator = adapterFor(target.endpoint.wireFormat).createStreamTranslator();
    // Armed once the first content event is in hand; until then the first-token timer applies.
    let idle: IdleWatchdog | null = null;
    // Bytes → SSE events → hub events in one generator: every generator layer costs promise turns on every
    // event of every stream. `idle` counts from the consumer asking for an event until one is ready, so
    // keep-alive comments or events that translate to nothing do not reset it.
    async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
      const reader = body.getReader();
      const decoder = createSseByteDecoder();
      let bodyEnded = false;
      try {
        while (!bodyEnded) {
          let parsed: SseEvent[];
          try {
            const read = await reader.read();
            bodyEnded = read.done;
            parsed = read.done ? decoder.end() : decoder.push(read.value);
          } catch (err) {
            if (controller.signal.aborted) throw abortReason();
            throw err;
          }
          for (const sse of parsed) {
            for (const ev of translator.push(sse)) {
              idle?.waiting(false);
              yield ev;
              idle?.waiting(true);
            }
          }
        }
        for (const ev of translator.finish()) {
          idle?.waiting(false);
          yield ev;
          idle?.waiting(true);
        }
      } finally {
        idle?.waiting(false);
        // A consumer that stops early (the client left) cancels the body, so the provider stops generating
        // now rather than when the request's context ends.
        if (bodyEnded) reader.releaseLock();
        else reader.cancel().catch(() => undefined);
        cleanup();
      }
    }
    const source = events(res.body);
    const head: StreamEvent[] = [];
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      head.push(next.value);
      if (carriesContent(next.value)) break;
    }
    const ttftMs = Date.now() - started;
    disarm();
    idle = idleWatchdog(controller, timeouts.idleMs, timeouts.own?.idleMs);
    disarm = idle.stop;
    return {
      head,
      rest: source,
      ttftMs,
      cancel: () => {
        controller.abort();
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    if (controller.signal.aborted) throw abortReason();
    throw err;
  }
}
