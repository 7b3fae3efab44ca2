import {
  AnswerCollector,
  cacheEntryName,
  cacheMode,
  type CachedAnswer,
  hitChunks,
  hitCompletion,
  readCachedAnswer,
  storableAnswer,
  writeCachedAnswer,
} from '../cache';
import { enqueueRequestLog, type RequestLogRow } from '../db';
import type { Env } from '../env';
import { keyphrasesOf } from '../feedback';
import type { ChatCompletionChunk, ChatRequest } from '../hub';
import { traceRequest } from '../telemetry';
import { randomBase62 } from '../tenancy';
import type { FlowContext, InboundApi } from './context';
import { type HubResult, isStreamFailure, type StreamFailure } from './result';
import type { Routed } from './route';
import { type StageTimer, withTiming } from './timing';

/**
 * The exact response cache in the request flow (src/cache; README: Response cache). Admission comes
 * first, so a hit counts against the rate limit and a key over its budget gets no answer; then one KV
 * read, and a hit is answered from it at cost 0 without routing. A miss runs the flow as usual and
 * stores a qualifying answer after the response. A request that did not opt in never gets here.
 */

export type CachePlan = { kind: 'bypass' } | { kind: 'use'; ttlSeconds: number; name?: string };

/** The cache's part in this request: null (no cache work at all) unless the key or the request opted in. */
export function cachePlan(ctx: FlowContext, req: ChatRequest): CachePlan | null {
  return cacheMode(ctx.key.settings.responseCache, ctx.cache, req);
}

/** Looks the request up (one KV read); the hit's result, or null on a miss. A failed read is a miss. */
export async function cachedAnswer(
  ctx: FlowContext,
  req: ChatRequest,
  api: InboundApi,
  plan: CachePlan & { kind: 'use' },
  startedAt: number,
  includeUsage: boolean,
  timing?: StageTimer,
): Promise<HubResult | null> {
  const { env, key } = ctx;
  plan.name = await cacheEntryName(env, key.teamId, key.settings, req);
  const entry = await readCachedAnswer(env, key.teamId, plan.name).catch((err: Error) => {
    console.error('response cache read failed', err.message);
    return null;
  });
  timing?.mark('cache');
  return entry ? serveHit(ctx, req, api, entry, startedAt, includeUsage, timing) : null;
}

function serveHit(
  ctx: FlowContext,
  req: ChatRequest,
  api: InboundApi,
  entry: CachedAnswer,
  startedAt: number,
  includeUsage: boolean,
  timing?: StageTimer,
): HubResult {
  const decisionId = randomBase62(24);
  const id = `chatcmpl-${decisionId}`;
  const created = Math.floor(startedAt / 1000);
  const h: Record<string, string> = {
    'x-cailos-decision-id': decisionId,
    'x-cailos-endpoint': entry.endpointId,
    'x-cailos-provider': entry.provider,
    'x-cailos-strategy': entry.strategy,
    'x-cailos-cache': 'hit',
    'x-cailos-cost': '0',
  };
  if (entry.simulated) h['x-cailos-simulated'] = 'true';
  const headers = withTiming(h, timing ?? null);
  if (!req.stream) {
    logHit(ctx, req, api, entry, decisionId, startedAt, { status: 200, stream: false });
    return { kind: 'json', completion: hitCompletion(entry, id, created), headers, decisionId };
  }
  const chunks = hitChunks(entry, id, created, includeUsage);
  async function* replay(): AsyncGenerator<ChatCompletionChunk> {
    let sent = 0;
    let ttftMs: number | undefined;
    try {
      for (const chunk of chunks) {
        ttftMs ??= Date.now() - startedAt;
        sent++;
        yield chunk;
      }
    } finally {
      const whole = sent === chunks.length;
      logHit(ctx, req, api, entry, decisionId, startedAt, {
        status: whole ? 200 : 499,
        stream: true,
        ttftMs,
        errorClass: whole ? undefined : 'client_closed',
      });
    }
  }
  return { kind: 'stream', chunks: replay(), headers, decisionId };
}

/** A hit's metadata row: cost 0, no provider tokens, `cached`; its trace names the entry's source decision. */
function logHit(
  ctx: FlowContext,
  req: ChatRequest,
  api: InboundApi,
  entry: CachedAnswer,
  decisionId: string,
  startedAt: number,
  done: { status: number; stream: boolean; ttftMs?: number; errorClass?: string },
): void {
  const { env, key } = ctx;
  const latencyMs = Date.now() - startedAt;
  const cache = { hit: true, sourceDecisionId: entry.decisionId, storedAt: entry.storedAt, expiresAt: entry.expiresAt };
  // As settle() does: the row is built in a later task, so it never delays the answer.
  ctx.waitUntil(
    new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
      logAndTrace(env, req, entry.finishReason, {
        id: decisionId,
        createdAt: startedAt,
        teamId: key.teamId,
        keyId: key.id,
        api,
        requestedModel: req.model.slice(0, 100),
        endpointId: entry.endpointId,
        provider: entry.provider,
        model: entry.model,
        strategy: entry.strategy,
        taskClass: entry.taskClass,
        status: done.status,
        errorClass: done.errorClass ?? null,
        stream: done.stream,
        attempts: 0,
        inputTokens: 0,
        outputTokens: 0,
        cachedTokens: 0,
        latencyMs,
        ttftMs: done.ttftMs ?? null,
        costUsd: 0,
        baselineCostUsd: 0,
        simulated: entry.simulated,
        region: ctx.colo ?? null,
        cached: true,
        trace: JSON.stringify({ api, strategy: entry.strategy, cache, attempts: [] }),
        keyphrases: JSON.stringify(keyphrasesOf(req, env.KEY_PEPPER ?? '')),
      }),
    ),
  );
}

/** The hit's log row and, when export is on, its OpenTelemetry trace (src/telemetry): no upstream attempt. */
function logAndTrace(env: Env, req: ChatRequest, finishReason: string, row: RequestLogRow): Promise<unknown> {
  return Promise.all([enqueueRequestLog(env, row), traceRequest(env, row, { attempts: [], finishReason }, req)]);
}

/**
 * Marks a routed request's result `miss` (or `bypass`) and, on a miss, stores its answer once it is
 * known to be whole: a JSON answer at once, a stream when it has completed (a stream the client left
 * or the upstream broke off never is). Storing happens after the response (waitUntil).
 */
export function keepAnswer(ctx: FlowContext, plan: CachePlan, routed: Routed, result: HubResult, includeUsage: boolean): HubResult {
  result.headers['x-cailos-cache'] = plan.kind === 'use' ? 'miss' : 'bypass';
  if (plan.kind !== 'use' || !plan.name) return result;
  const { name, ttlSeconds } = plan;
  const { env, key } = ctx;
  // The answering endpoint as the response headers name it (responseHeaders in result.ts).
  const origin = {
    endpointId: result.headers['x-cailos-endpoint'] ?? '',
    provider: result.headers['x-cailos-provider'] ?? '',
    simulated: result.headers['x-cailos-simulated'] === 'true',
    strategy: routed.routing.strategy ?? 'balanced',
    taskClass: routed.routing.classification?.taskClass ?? null,
    decisionId: routed.decisionId,
  };
  const store = (
    answer: Pick<CachedAnswer, 'message' | 'usage' | 'model' | 'systemFingerprint'> & { finishReason: CachedAnswer['finishReason'] | null },
  ) => {
    if (!storableAnswer(answer.message, answer.finishReason)) return;
    ctx.waitUntil(
      writeCachedAnswer(env, key.teamId, key.id, name, { ...answer, finishReason: answer.finishReason!, ...origin }, ttlSeconds),
    );
  };
  if (result.kind === 'json') {
    const { choices, usage, model, system_fingerprint } = result.completion;
    store({
      message: choices[0].message,
      finishReason: choices[0].finish_reason,
      usage,
      model,
      systemFingerprint: system_fingerprint ?? undefined,
    });
    return result;
  }
  return {
    ...result,
    chunks: storing(result.chunks, includeUsage, (a) => store({ ...a, systemFingerprint: origin.simulated ? 'cailos-sim' : undefined })),
  };
}

/** Passes the stream through, collecting it; stores it when it ends whole. */
async function* storing(
  chunks: AsyncIterable<ChatCompletionChunk | StreamFailure>,
  includeUsage: boolean,
  store: (answer: NonNullable<ReturnType<AnswerCollector['answer']>>) => void,
): AsyncGenerator<ChatCompletionChunk | StreamFailure> {
  const collector = new AnswerCollector();
  for await (const chunk of chunks) {
    if (isStreamFailure(chunk)) {
      yield chunk;
      return;
    }
    collector.push(chunk);
    // The usage chunk was asked for to store the answer; a client that did not ask for it does not get it.
    if (!includeUsage && chunk.choices.length === 0) continue;
    yield chunk;
  }
  const answer = collector.answer();
  if (answer) store(answer);
}
