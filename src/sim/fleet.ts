import type { WireFormat } from '../catalog';
import { simulatedEvalAnswerById, simulatedJudgeReply } from './skill';
import { EVAL_ITEM_HEADER, EVAL_JUDGE_HEADER } from '../evals';
import { decideTurn, evalAnswerTurn } from './brain';
import { takeFault, type SimFaultHit } from './faults';
import { recordReceived, recordStreamEnd } from './recorder';
import { scriptedTurn, takeScript } from './scripts';
import { simFormatFor } from './formats/index';
import { answerEmbeddings, isEmbeddingsRequest } from './embeddings';
import type { SimFormat, SimHttpError, SimRequestView, SimTurn } from './types';

/**
 * SIMULATION. A fetch() stand-in that answers like a real provider endpoint: native wire format,
 * realistic time to first token and token rate, and injected faults (src/sim/faults.ts). Only the
 * dispatcher calls it, and only when simulation is configured; production never simulates.
 * Every response carries `x-cailos-simulated: true`.
 */

export interface SimProfile {
  endpointId: string;
  format: WireFormat;
  ttftMs: number;
  tokensPerSec: number;
}

export interface SimFetchOptions {
  /** Multiplies every delay: 1 = catalog latency, 0.02 in tests. */
  latencyScale: number;
}

/** Delays are bounded so a mis-set profile or the 'slow' fault cannot stall a caller for ages. */
const MAX_TTFT_MS = 60_000;
const MAX_GENERATION_MS = 120_000;
const SLOW_FACTOR = 20;

const encoder = new TextEncoder();

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted (simulated fetch).', 'AbortError');
}

/** Resolves after ms; rejects with the abort reason as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A hang: never settles unless the signal aborts. */
function untilAborted(signal: AbortSignal): Promise<never> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<never>((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });
}

function baseHeaders(profile: SimProfile, hit: SimFaultHit | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'x-cailos-simulated': 'true',
    'x-cailos-sim-endpoint': profile.endpointId,
  };
  if (hit) headers['x-cailos-sim-fault'] = hit.fault;
  return headers;
}

function errorResponse(error: SimHttpError, profile: SimProfile, hit: SimFaultHit | undefined): Response {
  const headers = { 'content-type': 'application/json', ...error.headers, ...baseHeaders(profile, hit) };
  return new Response(error.body, { status: error.status, headers });
}

/** The native error a fault answers with, when the fault is an HTTP error. */
function faultError(format: SimFormat, hit: SimFaultHit): SimHttpError | undefined {
  const say = (what: string) => `Simulated fault (${hit.fault}): ${what}`;
  switch (hit.fault) {
    case 'http_500':
      return format.renderError('server', say('internal server error'));
    case 'http_503':
      return { ...format.renderError('server', say('service unavailable')), status: 503 };
    case 'overloaded':
      return format.renderError('overloaded', say('the model is overloaded, try again later'));
    case 'rate_limit': {
      const seconds = hit.retryAfterSeconds ?? 1;
      const error = format.renderError('rate_limit', say('rate limit reached'), seconds);
      // Real 429s carry retry-after; make sure a format that forgets it still sends one.
      const headers = { ...error.headers };
      if (!Object.keys(headers).some((k) => k.toLowerCase() === 'retry-after')) headers['retry-after'] = String(seconds);
      return { ...error, headers };
    }
    case 'bad_request':
      return format.renderError('bad_request', say('the request was rejected'));
    case 'context_length':
      return format.renderError('context_length', say("the prompt exceeds the model's context length"));
    default:
      return undefined;
  }
}

function timing(profile: SimProfile, turn: SimTurn, options: SimFetchOptions, slow: boolean) {
  const factor = Math.max(0, options.latencyScale) * (slow ? SLOW_FACTOR : 1);
  const tps = profile.tokensPerSec > 0 ? profile.tokensPerSec : 50;
  const ttftMs = Math.min(Math.max(0, profile.ttftMs) * factor, MAX_TTFT_MS);
  // Milliseconds per output token, capped so the whole generation stays within MAX_GENERATION_MS.
  const rawMsPerToken = (1000 / tps) * factor;
  const tokens = Math.max(1, turn.usage.completionTokens);
  const msPerToken = Math.min(rawMsPerToken, MAX_GENERATION_MS / tokens);
  return { ttftMs, msPerToken, generationMs: turn.usage.completionTokens * msPerToken };
}

function escapedInJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Which frames are setup (sent at once) and how many tokens each later frame carries. Formats only
 * hand back frame strings, so text frames are found by their (JSON-escaped) piece, in order; the
 * remaining tokens (tool arguments) are spread over the other frames.
 */
function planFrames(frames: string[], turn: SimTurn): { setupCount: number; tokens: number[] } {
  const markers = [turn.textPieces[0], turn.toolCalls[0]?.id].filter((m): m is string => !!m && m.trim() !== '');
  let setupCount = frames.findIndex((f) => markers.some((m) => f.includes(escapedInJson(m))));
  if (setupCount === -1) setupCount = frames.length;
  const tokens = frames.map(() => 0);
  const unmatched: number[] = [];
  let piece = 0;
  let matchedTokens = 0;
  for (let i = setupCount; i < frames.length; i++) {
    let matchedHere = false;
    while (piece < turn.textPieces.length && frames[i].includes(escapedInJson(turn.textPieces[piece]))) {
      // Fractional (chars / 4) so the pieces add up to the text's token estimate, not more.
      const t = turn.textPieces[piece].length / 4;
      tokens[i] += t;
      matchedTokens += t;
      piece++;
      matchedHere = true;
    }
    if (!matchedHere) unmatched.push(i);
  }
  const rest = Math.max(0, turn.usage.completionTokens - matchedTokens);
  for (const i of unmatched) tokens[i] += rest / unmatched.length;
  return { setupCount, tokens };
}

/** Keeps event names but makes every data payload unparseable. */
function garble(frame: string): string {
  return frame.replace(
    /^data: ?(.*)$/gm,
    (_m, data: string) => `data: ${data.slice(0, Math.ceil(data.length / 2))}\u0000<simulated garbage>`,
  );
}

type Step = { delayMs: number; frame: string } | { hang: true };

function streamResponse(steps: Step[], signal: AbortSignal, headers: Record<string, string>, endpointId: string): Response {
  // Aborted by the request's signal or by the consumer cancelling the body.
  const stop = new AbortController();
  const forward = () => stop.abort(abortReason(signal));
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  const frames = steps.filter((s) => 'frame' in s).length;
  let framesSent = 0;
  let cancelled = false;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      void (async () => {
        try {
          // Deadlines are cumulative from the start so timer overhead does not add up frame by frame.
          const start = Date.now();
          let due = 0;
          for (const step of steps) {
            if ('hang' in step) await untilAborted(stop.signal);
            else {
              due += step.delayMs;
              await sleep(start + due - Date.now(), stop.signal);
              controller.enqueue(encoder.encode(step.frame));
              framesSent++;
            }
          }
          controller.close();
          recordStreamEnd({ endpointId, outcome: 'completed', framesSent, frames });
        } catch (error) {
          recordStreamEnd({ endpointId, outcome: cancelled ? 'cancelled' : 'aborted', framesSent, frames });
          // After a consumer cancel the controller is already closed; nothing left to tell.
          try {
            controller.error(error);
          } catch {}
        } finally {
          signal.removeEventListener('abort', forward);
        }
      })();
    },
    cancel(reason) {
      cancelled = true;
      stop.abort(reason ?? new DOMException('The stream was cancelled.', 'AbortError'));
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers },
  });
}

function streamSteps(
  format: SimFormat,
  turn: SimTurn,
  view: SimRequestView,
  hit: SimFaultHit | undefined,
  t: ReturnType<typeof timing>,
): Step[] {
  let frames = format.renderStream(turn, view.model, view);
  const { setupCount, tokens } = planFrames(frames, turn);
  const delayOf = (i: number) => (i === 0 ? t.ttftMs : 0) + (i >= setupCount ? tokens[i] * t.msPerToken : 0);
  const steps: Step[] = frames.map((frame, i) => ({ delayMs: delayOf(i), frame }));
  switch (hit?.fault) {
    case 'hang_mid_stream':
      return [...steps.slice(0, Math.min(setupCount + 1, steps.length)), { hang: true }];
    case 'stream_error_event': {
      const setup = steps.slice(0, setupCount);
      const error = format.renderStreamError(`Simulated fault (stream_error_event): the upstream failed mid-stream`);
      return [...setup, { delayMs: setup.length === 0 ? t.ttftMs : 0, frame: error }];
    }
    case 'garbage_json':
      return steps.map((s) => ('frame' in s ? { ...s, frame: garble(s.frame) } : s));
    case 'truncated_sse':
      // Half the frames: the format's terminal frame never comes.
      frames = frames.slice(0, Math.max(1, Math.floor(frames.length / 2)));
      return steps.slice(0, frames.length);
    default:
      return steps;
  }
}

/**
 * Eval requests (the runner adds these headers for simulated targets only) are answered by the
 * simulated skill, so local eval runs give differentiated, reproducible scores.
 */
function evalTurn(headers: Headers, view: SimRequestView, endpointId: string): SimTurn | undefined {
  const itemId = headers.get(EVAL_ITEM_HEADER);
  const answer = itemId ? simulatedEvalAnswerById(itemId, endpointId) : undefined;
  if (answer) return evalAnswerTurn(view, endpointId, answer);
  const judged = headers.get(EVAL_JUDGE_HEADER);
  const cut = judged?.indexOf(':') ?? -1;
  if (judged && cut > 0)
    return evalAnswerTurn(view, endpointId, { content: simulatedJudgeReply(judged.slice(0, cut), judged.slice(cut + 1)), toolCalls: [] });
  return undefined;
}

export async function simFetch(request: Request, profile: SimProfile, options: SimFetchOptions): Promise<Response> {
  const signal = request.signal;
  if (signal.aborted) throw abortReason(signal);
  const format = simFormatFor(profile.format);
  const hit = takeFault(profile.endpointId);
  if (hit?.fault === 'connection_refused') throw new TypeError('fetch failed: connection refused (simulated)');
  if (hit?.fault === 'hang_before_headers') return untilAborted(signal);

  const bodyText = await request.text();
  recordReceived(profile.endpointId, bodyText);
  if (isEmbeddingsRequest(profile.format, new URL(request.url))) {
    // One round trip (no token stream): the endpoint's time to first byte, then the answer or the fault.
    await sleep(
      Math.min(profile.ttftMs * Math.max(0, options.latencyScale) * (hit?.fault === 'slow' ? SLOW_FACTOR : 1), MAX_TTFT_MS),
      signal,
    );
    if (hit?.fault === 'hang_mid_stream') return untilAborted(signal);
    const answer = (hit && faultError(format, hit)) ?? answerEmbeddings(format, profile.endpointId, new URL(request.url), bodyText);
    const corrupt = answer.status === 200 && (hit?.fault === 'garbage_json' || hit?.fault === 'truncated_sse');
    return errorResponse(corrupt ? { ...answer, body: answer.body.slice(0, Math.floor(answer.body.length / 2)) } : answer, profile, hit);
  }
  let view: SimRequestView;
  try {
    view = format.parseRequest(JSON.parse(bodyText), new URL(request.url));
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable body';
    return errorResponse(
      format.renderError('bad_request', `Invalid request (simulated ${profile.format} endpoint): ${reason}`),
      profile,
      hit,
    );
  }

  const script = takeScript(profile.endpointId);
  const turn = script
    ? scriptedTurn(script, view)
    : (evalTurn(request.headers, view, profile.endpointId) ?? decideTurn(view, profile.endpointId));
  const t = timing(profile, turn, options, hit?.fault === 'slow');
  const headers = baseHeaders(profile, hit);

  const httpError = hit ? faultError(format, hit) : undefined;
  if (httpError) {
    await sleep(t.ttftMs, signal);
    return errorResponse(httpError, profile, hit);
  }

  if (view.stream) return streamResponse(streamSteps(format, turn, view, hit, t), signal, headers, profile.endpointId);

  if (hit?.fault === 'hang_mid_stream') return untilAborted(signal);
  if (hit?.fault === 'stream_error_event') {
    await sleep(t.ttftMs, signal);
    return errorResponse(format.renderError('server', 'Simulated fault (stream_error_event): upstream error'), profile, hit);
  }
  await sleep(t.ttftMs + t.generationMs, signal);
  const json = JSON.stringify(format.renderResponse(turn, view.model));
  let body = json;
  if (hit?.fault === 'garbage_json') body = `<simulated garbage: not JSON> ${json.slice(0, Math.ceil(json.length / 3))}`;
  if (hit?.fault === 'truncated_sse') body = json.slice(0, Math.floor(json.length / 2));
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });
}
