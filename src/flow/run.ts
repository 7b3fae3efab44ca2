import type { Context } from 'hono';
import { endpointsForCodename, costOfUsage, DEFAULT_RESERVED_OUTPUT_TOKENS, worstCaseCost, type Endpoint } from '../catalog';
import { enqueueRequestLog, type RequestLogRow } from '../db';
import type { AppEnv } from '../env';
import { keyphrasesOf } from '../feedback';
import { type Attempt, type ChatRequest, ApiError, type ChatCompletion, type ChatCompletionChunk, type Usage } from '../hub';
import { executeCompletion, executeStream } from '../reliability';
import { decide, traceOf, recordLiveStats, refreshSignals, type RoutingContext } from '../routing';
import { randomBase62, admitRequest, reserveSpend, settleSpend, type KeyRecord } from '../tenancy';
import { classifyForRouting } from './classify-request';
import { IDENTITY_FILTER } from './output-filter';
import { shieldFor } from './shield-request';
import { ChunkWriter } from './stream-writer';
import { stageTimer, withTiming } from './timing';

/**
 * The one request flow behind every inbound API (chat completions, responses, messages):
 * admission → classification → routing → llmshield → fallback execution → metadata log.
 * Inbound adapters translate their format to a ChatRequest and the results back.
 */

export type InboundApi = 'chat' | 'responses' | 'messages';

/** Ends a stream whose answer had already begun when the upstream failed. */
export interface StreamFailure {
  error: { message: string; type: string; param: null; code: string };
}

export type HubResult =
  | { kind: 'json'; completion: ChatCompletion; headers: Record<string, string>; decisionId: string }
  | { kind: 'stream'; chunks: AsyncIterable<ChatCompletionChunk | StreamFailure>; headers: Record<string, string>; decisionId: string };

const ZERO_USAGE: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

interface Finished {
  status: number;
  endpoint?: Endpoint;
  simulated?: boolean;
  usage: Usage;
  attempts: Attempt[];
  ttftMs?: number;
  errorClass?: string;
  stream: boolean;
}

function baselineEndpoint(key: KeyRecord): Endpoint | undefined {
  return endpointsForCodename(key.settings.baselineModel)[0];
}

export function isStreamFailure(x: ChatCompletionChunk | StreamFailure): x is StreamFailure {
  return 'error' in x;
}

export async function runHub(c: Context<AppEnv>, req: ChatRequest, api: InboundApi, opts: { includeUsage: boolean }): Promise<HubResult> {
  const started = Date.now();
  const timing = stageTimer(c.env);
  const key = c.get('key');
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  refreshSignals(c.env, waitUntil, started);
  await admitRequest(c.env, key, waitUntil);
  timing?.mark('admit');

  const decisionId = randomBase62(24);
  const classification = await classifyForRouting(c.env, req, key, waitUntil);
  timing?.mark('classify');
  const routing = decide(c.env, { request: req, key, classification, region: c.req.raw.cf?.country as string | undefined });
  timing?.mark('route');
  const shield = shieldFor(key, req, c.env.KEY_PEPPER);
  timing?.mark('shield');
  const filter = shield.filter ?? IDENTITY_FILTER;
  const estimatedInputTokens = routing.requirements!.estimatedInputTokens;
  // The worst case of whichever chain endpoint answers, held against the budget until the request ends.
  const reservedUsd = worstCaseCost(
    routing.chain.map((cand) => cand.endpoint),
    estimatedInputTokens,
    req.max_completion_tokens ?? req.max_tokens ?? DEFAULT_RESERVED_OUTPUT_TOKENS,
  );
  const hold = reserveSpend(key, reservedUsd);
  const traceExtra = { api, routingMs: Number(routing.routingMs.toFixed(3)), shield: shield.summary, reservedUsd };

  const settle = (done: Finished) => {
    // Whatever the provider produced is billed, whether or not the answer completed (streams).
    const cost = done.endpoint ? costOfUsage(done.endpoint, done.usage) : 0;
    const baseline = baselineEndpoint(key);
    settleSpend(c.env, key, hold, cost, waitUntil);
    recordLiveStats(c.env, routing.region, done, started);
    const latencyMs = Date.now() - started;
    // Building the row (trace JSON, keyphrases) waits for a later task, so it never delays the response.
    const buildRow = (): RequestLogRow => ({
      id: decisionId,
      createdAt: started,
      teamId: key.teamId,
      keyId: key.id,
      api,
      requestedModel: req.model.slice(0, 100),
      endpointId: done.endpoint?.id ?? null,
      provider: done.endpoint?.provider ?? null,
      model: done.endpoint?.model ?? null,
      strategy: routing.strategy ?? 'balanced',
      taskClass: routing.classification?.taskClass ?? null,
      status: done.status,
      errorClass: done.errorClass ?? null,
      stream: done.stream,
      attempts: done.attempts.filter((a) => a.outcome !== 'skipped').length,
      inputTokens: done.usage.prompt_tokens,
      outputTokens: done.usage.completion_tokens,
      cachedTokens: done.usage.prompt_tokens_details?.cached_tokens ?? 0,
      latencyMs,
      ttftMs: done.ttftMs ?? null,
      costUsd: cost,
      baselineCostUsd: baseline ? costOfUsage(baseline, done.usage) : 0,
      simulated: done.simulated ?? false,
      region: (c.req.raw.cf?.colo as string | undefined) ?? null,
      trace: JSON.stringify(traceOf(routing, { attempts: done.attempts, ...traceExtra })),
      keyphrases: JSON.stringify(keyphrasesOf(req, c.env.KEY_PEPPER ?? '')),
    });
    // The row joins this isolate's write-behind batch (src/db/request-log.ts); waitUntil holds the request until it is due.
    waitUntil(new Promise((resolve) => setTimeout(resolve, 0)).then(() => enqueueRequestLog(c.env, buildRow())));
  };

  const failed = (err: unknown, stream: boolean): never => {
    settle({
      status: err instanceof ApiError ? err.status : 502,
      usage: ZERO_USAGE,
      attempts: (err as { attempts?: Attempt[] }).attempts ?? [],
      errorClass: (err as ApiError).code ?? 'error',
      stream,
    });
    // The failed request's trace can be read back by its decision id.
    if (err instanceof ApiError) err.headers['x-cailos-decision-id'] = decisionId;
    throw err;
  };

  const execOpts = {
    expectedOutputTokens: routing.requirements!.expectedOutputTokens,
    timeoutMs: req.routing?.timeout_ms,
    deadlineMs: req.routing?.deadline_ms,
    signal: c.req.raw.signal,
    waitUntil,
  };
  const created = Math.floor(started / 1000);
  const completionId = `chatcmpl-${decisionId}`;

  if (req.stream) {
    const executed = await executeStream(c.env, routing.chain, shield.request, execOpts).catch((err) => failed(err, true));
    const { candidate, result: opened, attempts } = executed;
    timing?.mark('upstream');
    const writer = new ChunkWriter(completionId, candidate.endpoint.model, created, filter.stream());
    async function* chunks(): AsyncGenerator<ChatCompletionChunk | StreamFailure> {
      let status = 200;
      let errorClass: string | undefined;
      let ended = false;
      try {
        for (const ev of opened.head) yield* writer.push(ev);
        for await (const ev of opened.rest) yield* writer.push(ev);
        ended = true;
        if (opts.includeUsage) yield writer.usageChunk(writer.billedUsage(estimatedInputTokens));
      } catch (err) {
        opened.cancel();
        if (execOpts.signal.aborted) {
          // The client disconnected; its request signal stopped the upstream read. Nobody to tell.
          status = 499;
          errorClass = 'client_closed';
          return;
        }
        // Content already reached the client: end with an error in OpenAI's stream shape, never silently.
        status = 502;
        errorClass = 'stream_interrupted';
        yield {
          error: {
            message: `The upstream stream from ${candidate.endpoint.id} failed after the answer began: ${(err as Error).message}`,
            type: 'upstream_error',
            param: null,
            code: 'stream_interrupted',
          },
        };
      } finally {
        if (status === 200 && !ended) {
          // The consumer stopped pulling before the upstream ended: the response pump does that only when the client is gone.
          status = 499;
          errorClass = 'client_closed';
        }
        // Billed for the prompt and what was produced, however the stream ended (the provider bills it).
        settle({
          status,
          endpoint: candidate.endpoint,
          simulated: candidate.simulated,
          usage: writer.billedUsage(estimatedInputTokens),
          attempts,
          ttftMs: opened.ttftMs,
          errorClass,
          stream: true,
        });
      }
    }
    return {
      kind: 'stream',
      chunks: chunks(),
      headers: withTiming(headersFor(decisionId, routing, candidate.endpoint, candidate.simulated), timing),
      decisionId,
    };
  }

  const executed = await executeCompletion(c.env, routing.chain, shield.request, execOpts).catch((err) => failed(err, false));
  const { candidate, result, attempts } = executed;
  timing?.mark('upstream');
  const completion: ChatCompletion = {
    id: completionId,
    object: 'chat.completion',
    created,
    model: candidate.endpoint.model,
    choices: [{ index: 0, message: filter.message(result.response.message), finish_reason: result.response.finishReason, logprobs: null }],
    usage: result.response.usage,
    system_fingerprint: candidate.simulated ? 'cailos-sim' : null,
  };
  settle({
    status: 200,
    endpoint: candidate.endpoint,
    simulated: candidate.simulated,
    usage: result.response.usage,
    attempts,
    ttftMs: result.ttftMs,
    stream: false,
  });
  timing?.mark('respond');
  return {
    kind: 'json',
    completion,
    headers: withTiming(headersFor(decisionId, routing, candidate.endpoint, candidate.simulated), timing),
    decisionId,
  };
}

function headersFor(decisionId: string, routing: RoutingContext, endpoint: Endpoint, simulated: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'x-cailos-decision-id': decisionId,
    'x-cailos-endpoint': endpoint.id,
    'x-cailos-provider': endpoint.provider,
    'x-cailos-strategy': routing.strategy ?? 'balanced',
  };
  if (simulated) h['x-cailos-simulated'] = 'true';
  return h;
}

/** What an inbound dialect's stream translator offers: one hub chunk in, its own events out. */
export interface ChunkTranslator<E> {
  push(chunk: ChatCompletionChunk): E[];
  finish(): E[];
  fail(failure: StreamFailure): E[];
}

/** Runs a hub chunk stream through a dialect's translator; a failure ends the stream. */
export async function* translateChunks<E>(
  chunks: AsyncIterable<ChatCompletionChunk | StreamFailure>,
  translator: ChunkTranslator<E>,
): AsyncGenerator<E> {
  for await (const chunk of chunks) {
    if (isStreamFailure(chunk)) {
      yield* translator.fail(chunk);
      return;
    }
    yield* translator.push(chunk);
  }
  yield* translator.finish();
}
