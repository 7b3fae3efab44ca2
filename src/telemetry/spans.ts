import { getEndpoint } from '../catalog';
import type { RequestLogRow } from '../db';
import type { Attempt, ChatRequest } from '../hub';
import {
  type AttributeValue,
  keyValues,
  type OtlpSpan,
  randomId,
  SPAN_KIND_CLIENT,
  SPAN_KIND_SERVER,
  STATUS_ERROR,
  STATUS_UNSET,
  unixNano,
} from './otlp';

/**
 * One request as spans, after the GenAI semantic conventions (gen_ai.* attributes; span name
 * `{gen_ai.operation.name} {gen_ai.request.model}`): a SERVER span for the request the gateway served
 * and a CLIENT child span per upstream attempt. Only metadata goes in: ids, models, parameters that
 * are numbers, token counts, timings, costs. Never a message, a completion, a stop sequence, the
 * `user` field or a key.
 */

/** What the request flow knows when it settles, besides the log row. */
export interface RequestOutcome {
  attempts: readonly Attempt[];
  finishReason?: string | null;
}

/** gen_ai.operation.name: the three chat dialects are `chat`; POST /v1/embeddings is `embeddings`. */
const operationOf = (row: RequestLogRow) => (row.api === 'embeddings' ? 'embeddings' : 'chat');

/** Provider ids as the conventions' well-known gen_ai.provider.name values; the others pass as they are. */
const PROVIDER_NAMES: Record<string, string> = {
  google: 'gcp.gemini',
  'google-free': 'gcp.gemini',
  xai: 'x_ai',
  mistral: 'mistral_ai',
};
const providerName = (provider: string) => PROVIDER_NAMES[provider] ?? provider;

/** The response id each chat dialect returned (src/api/ids.ts); embeddings responses have none. */
const RESPONSE_ID_PREFIX: Record<string, string> = { chat: 'chatcmpl-', responses: 'resp_', messages: 'msg_' };

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The request's sampling parameters: numbers and enums only. */
function requestParameters(req: ChatRequest): Record<string, AttributeValue> {
  const format = req.response_format?.type;
  return {
    'gen_ai.request.max_tokens': num(req.max_completion_tokens ?? req.max_tokens),
    'gen_ai.request.temperature': num(req.temperature),
    'gen_ai.request.top_p': num(req.top_p),
    'gen_ai.request.seed': num(req.seed),
    'gen_ai.request.frequency_penalty': num(req.frequency_penalty),
    'gen_ai.request.presence_penalty': num(req.presence_penalty),
    'gen_ai.output.type': format === 'json_object' || format === 'json_schema' ? 'json' : format === 'text' ? 'text' : undefined,
  };
}

function usage(row: RequestLogRow): Record<string, AttributeValue> {
  return {
    'gen_ai.usage.input_tokens': row.inputTokens ?? 0,
    'gen_ai.usage.output_tokens': row.outputTokens ?? 0,
    'gen_ai.usage.cache_read.input_tokens': row.cachedTokens ? row.cachedTokens : undefined,
  };
}

function rootSpan(row: RequestLogRow, outcome: RequestOutcome, params: Record<string, AttributeValue>, traceId: string): OtlpSpan {
  const status = row.status;
  const answered = !!row.model;
  const stream = row.stream ?? false;
  const api = row.api ?? 'chat';
  const operation = operationOf(row);
  const attributes: Record<string, AttributeValue> = {
    'gen_ai.operation.name': operation,
    'gen_ai.provider.name': row.provider ? providerName(row.provider) : undefined,
    'gen_ai.request.model': row.requestedModel,
    'gen_ai.request.stream': stream,
    ...params,
    'gen_ai.response.model': row.model ?? undefined,
    'gen_ai.response.id': answered && RESPONSE_ID_PREFIX[api] ? `${RESPONSE_ID_PREFIX[api]}${row.id}` : undefined,
    'gen_ai.response.finish_reasons': outcome.finishReason ? [outcome.finishReason] : undefined,
    'gen_ai.response.time_to_first_chunk': stream && row.ttftMs != null ? row.ttftMs / 1000 : undefined,
    ...(answered ? usage(row) : {}),
    'error.type': status >= 400 ? (row.errorClass ?? String(status)) : undefined,
    'http.response.status_code': status,
    'cailos.decision_id': row.id,
    'cailos.api': api,
    'cailos.endpoint': row.endpointId ?? undefined,
    'cailos.strategy': row.strategy,
    'cailos.task_class': row.taskClass ?? undefined,
    'cailos.attempts': row.attempts ?? 0,
    // Answered from the response cache (src/cache): no upstream attempt.
    'cailos.cache': row.cached ? 'hit' : undefined,
    'cailos.cost_usd': row.costUsd ?? 0,
    'cailos.baseline_cost_usd': row.baselineCostUsd ?? 0,
    'cailos.simulated': row.simulated ?? false,
    'cailos.team_id': row.teamId,
    'cailos.key_id': row.keyId,
    'cailos.colo': row.region ?? undefined,
  };
  return {
    traceId,
    spanId: randomId(8),
    name: `${operation} ${row.requestedModel}`,
    kind: SPAN_KIND_SERVER,
    startTimeUnixNano: unixNano(row.createdAt),
    endTimeUnixNano: unixNano(row.createdAt + (row.latencyMs ?? 0)),
    attributes: keyValues(attributes),
    // As for HTTP server spans: a failure of the gateway or its upstreams is an error, a client's 4xx is not.
    status: { code: status >= 500 ? STATUS_ERROR : STATUS_UNSET },
  };
}

function attemptSpan(
  row: RequestLogRow,
  outcome: RequestOutcome,
  params: Record<string, AttributeValue>,
  root: OtlpSpan,
  attempt: Attempt,
): OtlpSpan {
  const model = getEndpoint(attempt.endpointId)?.model ?? attempt.endpointId;
  const failed = attempt.outcome === 'failed';
  const answered = !failed && attempt.endpointId === row.endpointId;
  const requestEnd = row.createdAt + (row.latencyMs ?? 0);
  const start = Math.min(row.createdAt + attempt.startedAtMs, requestEnd);
  // A streamed answer's attempt lasts until the stream ends; its `ms` only reaches the first token.
  const end = answered && row.stream ? requestEnd : Math.min(Math.max(start, start + attempt.ms), requestEnd);
  const operation = operationOf(row);
  const attributes: Record<string, AttributeValue> = {
    'gen_ai.operation.name': operation,
    'gen_ai.provider.name': providerName(attempt.provider),
    'gen_ai.request.model': model,
    'gen_ai.request.stream': row.stream ?? false,
    ...params,
    'gen_ai.response.model': answered ? (row.model ?? undefined) : undefined,
    'gen_ai.response.finish_reasons': answered && outcome.finishReason ? [outcome.finishReason] : undefined,
    ...(answered ? usage(row) : {}),
    'error.type': failed ? (attempt.errorKind ?? 'error') : undefined,
    'http.response.status_code': attempt.status > 0 ? attempt.status : undefined,
    'cailos.endpoint': attempt.endpointId,
    'cailos.attempt.outcome': attempt.outcome,
    'cailos.attempt.blame': attempt.blame,
    'cailos.attempt.probe': attempt.probe,
    'cailos.attempt.last_resort': attempt.lastResort,
    'cailos.simulated': attempt.simulated,
  };
  return {
    traceId: root.traceId,
    spanId: randomId(8),
    parentSpanId: root.spanId,
    name: `${operation} ${model}`,
    kind: SPAN_KIND_CLIENT,
    startTimeUnixNano: unixNano(start),
    endTimeUnixNano: unixNano(end),
    attributes: keyValues(attributes),
    status: failed ? { code: STATUS_ERROR, message: attempt.error?.slice(0, 200) } : { code: STATUS_UNSET },
  };
}

/** The request's span first, then one per upstream call (attempts skipped without a call have none). */
export function requestSpans(row: RequestLogRow, outcome: RequestOutcome, request: ChatRequest): OtlpSpan[] {
  const params = requestParameters(request);
  const root = rootSpan(row, outcome, params, randomId(16));
  const calls = outcome.attempts.filter((a) => a.outcome !== 'skipped');
  return [root, ...calls.map((a) => attemptSpan(row, outcome, params, root, a))];
}
