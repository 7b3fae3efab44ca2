import { costOfUsage, endpointsForCodename, type Endpoint } from '../catalog';
import { enqueueRequestLog, type RequestLogRow } from '../db';
import { keyphrasesOf } from '../feedback';
import { ApiError, type Attempt, type Usage } from '../hub';
import { recordCacheAffinity, recordLiveStats, traceOf } from '../routing';
import { traceRequest } from '../telemetry';
import { settleSpend } from '../tenancy';
import type { FlowContext } from './context';
import { droppedParamsTrace } from './dropped-params';
import type { Routed } from './route';

/** How a request ended, as the log, the budget and the live statistics need it. */
export interface Finished {
  status: number;
  endpoint?: Endpoint;
  simulated?: boolean;
  usage: Usage;
  attempts: Attempt[];
  ttftMs?: number;
  errorClass?: string;
  stream: boolean;
  /** Why the answer ended (for the OpenTelemetry span; never stored). */
  finishReason?: string | null;
  /** The log row's baseline cost when the key's baseline (a chat model) prices nothing comparable: embeddings bring their own. */
  baselineUsd?: number;
}

/**
 * What settling reads of a routed request. Embeddings (embed.ts) settle through here too, with their
 * own decision and a request that holds the model name and no messages.
 */
export type Settling = Pick<
  Routed,
  'decisionId' | 'startedAt' | 'api' | 'request' | 'routing' | 'shieldSummary' | 'reservedUsd' | 'hold' | 'inboundDropped'
>;

export const ZERO_USAGE: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

/** What a request is billed, in USD: the catalog price of the usage its provider reported. Answers report this same figure. */
export function billedCost(endpoint: Endpoint | undefined, usage: Usage): number {
  return endpoint ? costOfUsage(endpoint, usage) : 0;
}

/**
 * Settles a finished request, off the response path: its real cost replaces its budget hold, its
 * attempts feed the live statistics, and its metadata row (never text) joins the isolate's log batch.
 * Whatever the provider produced is billed, whether or not the answer completed.
 */
export function settle(ctx: FlowContext, routed: Settling, done: Finished): void {
  const cost = billedCost(done.endpoint, done.usage);
  settleSpend(ctx.env, ctx.key, routed.hold, cost, ctx.waitUntil, done.usage.total_tokens);
  recordLiveStats(ctx.env, routed.routing.region, done, routed.startedAt, routed.routing.classification?.taskClass);
  // The endpoint that answered now holds the prompt cache the request's cache_control breakpoints asked for.
  if (done.status === 200) recordCacheAffinity(routed.routing.cacheAffinity, done.endpoint, Date.now());
  const latencyMs = Date.now() - routed.startedAt;
  // Building the row (trace JSON, keyphrases) waits for a later task, so it never delays the response;
  // waitUntil holds the request until the row's batch is due (src/db/request-log.ts). The same row, with
  // the attempts, becomes the request's OpenTelemetry trace when export is on (src/telemetry).
  ctx.waitUntil(
    new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      const row = logRow(ctx, routed, done, cost, latencyMs);
      return Promise.all([enqueueRequestLog(ctx.env, row), traceRequest(ctx.env, row, done, routed.request)]);
    }),
  );
}

function logRow(ctx: FlowContext, routed: Settling, done: Finished, cost: number, latencyMs: number): RequestLogRow {
  const { key, env } = ctx;
  const { routing } = routed;
  const baseline = endpointsForCodename(key.settings.baselineModel)[0];
  const traceExtra = {
    api: routed.api,
    routingMs: Number(routing.routingMs.toFixed(3)),
    shield: routed.shieldSummary,
    reservedUsd: routed.reservedUsd,
    ...droppedParamsTrace(routed.request, done.endpoint, routed.inboundDropped),
  };
  return {
    id: routed.decisionId,
    createdAt: routed.startedAt,
    teamId: key.teamId,
    keyId: key.id,
    api: routed.api,
    requestedModel: routed.request.model.slice(0, 100),
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
    baselineCostUsd: done.baselineUsd ?? (baseline ? costOfUsage(baseline, done.usage) : 0),
    simulated: done.simulated ?? false,
    region: ctx.colo ?? null,
    trace: JSON.stringify(traceOf(routing, { attempts: done.attempts, ...traceExtra })),
    keyphrases: JSON.stringify(keyphrasesOf(routed.request, env.KEY_PEPPER ?? '')),
  };
}

/** Settles a request no endpoint answered, then rethrows its error with the decision id attached. */
export function settleFailure(ctx: FlowContext, routed: Settling, err: unknown, stream: boolean): never {
  settle(ctx, routed, {
    status: err instanceof ApiError ? err.status : 502,
    usage: ZERO_USAGE,
    attempts: err instanceof ApiError ? (err.attempts ?? []) : [],
    errorClass: err instanceof ApiError ? (err.code ?? 'error') : 'error',
    stream,
  });
  // The failed request's trace can be read back by its decision id.
  if (err instanceof ApiError) err.headers['x-cailos-decision-id'] = routed.decisionId;
  throw err;
}
