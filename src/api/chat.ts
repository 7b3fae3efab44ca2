import type { Context } from 'hono';
import { endpointsForCodename, getProvider } from '../catalog';
import { costOfUsage } from '../catalog/pricing';
import type { Endpoint } from '../catalog/types';
import type { RequestLogRow } from '../db/request-log';
import { writeRequestLog } from '../db/request-log';
import type { AppEnv } from '../env';
import type { Attempt } from '../reliability/attempts';
import { executeCompletion, executeStream } from '../reliability/executor';
import { decide, traceOf } from '../routing/decide';
import type { RoutingContext } from '../routing/types';
import { randomBase62 } from '../tenancy/keys';
import { admitRequest, recordSpend } from '../tenancy/quota';
import type { KeyRecord } from '../tenancy/types';
import { readJsonBody } from './body';
import { type ChatRequest, chatRequest } from './chat-schema';
import type { ChatCompletion, Usage } from './openai-types';
import { IDENTITY_FILTER, type OutputFilter } from './output-filter';
import { ChunkWriter } from './stream-writer';
import { encodeSseData } from '../providers/sse';
import { ApiError } from './errors';
import { classifyForRouting } from './classify-request';
import { shieldFor } from './shield-request';

const ZERO_USAGE: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

function baselineEndpoint(key: KeyRecord): Endpoint | undefined {
  return endpointsForCodename(key.settings.baselineModel)[0];
}

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

/** Everything a finished request leaves behind: spend, the metadata row. Runs via waitUntil. */
function settle(c: Context<AppEnv>, decisionId: string, routing: RoutingContext | undefined, req: ChatRequest, started: number, done: Finished, extraTrace: Record<string, unknown>) {
  const key = c.get('key');
  const cost = done.endpoint && done.status === 200 ? costOfUsage(done.endpoint, done.usage) : 0;
  const baseline = baselineEndpoint(key);
  const baselineCost = baseline && done.status === 200 ? costOfUsage(baseline, done.usage) : 0;
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  recordSpend(c.env, key, cost, waitUntil);
  const row: RequestLogRow = {
    id: decisionId,
    createdAt: started,
    teamId: key.teamId,
    keyId: key.id,
    requestedModel: req.model.slice(0, 100),
    endpointId: done.endpoint?.id ?? null,
    provider: done.endpoint?.provider ?? null,
    model: done.endpoint?.model ?? null,
    strategy: routing?.strategy ?? 'unknown',
    taskClass: routing?.classification?.taskClass ?? null,
    status: done.status,
    errorClass: done.errorClass ?? null,
    stream: done.stream,
    attempts: done.attempts.filter((a) => a.outcome !== 'skipped').length,
    inputTokens: done.usage.prompt_tokens,
    outputTokens: done.usage.completion_tokens,
    cachedTokens: done.usage.prompt_tokens_details?.cached_tokens ?? 0,
    latencyMs: Date.now() - started,
    ttftMs: done.ttftMs ?? null,
    costUsd: cost,
    baselineCostUsd: baselineCost,
    simulated: done.simulated ?? false,
    region: (c.req.raw.cf?.colo as string | undefined) ?? null,
    trace: JSON.stringify(routing ? traceOf(routing, { attempts: done.attempts, ...extraTrace }) : { attempts: done.attempts, ...extraTrace }),
  };
  waitUntil(writeRequestLog(c.env, row));
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

export async function chatCompletions(c: Context<AppEnv>): Promise<Response> {
  const started = Date.now();
  const req = await readJsonBody(c.req.raw, chatRequest);
  const key = c.get('key');
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  await admitRequest(c.env, key, waitUntil);

  const decisionId = randomBase62(24);
  const classification = await classifyForRouting(c.env, req, key);
  const routing = decide(c.env, { request: req, key, classification, region: c.req.raw.cf?.country as string | undefined });
  const shield = shieldFor(key, req);
  const upstreamReq = shield.request;
  const filter: OutputFilter = shield.filter ?? IDENTITY_FILTER;
  const traceExtra = { routingMs: Number(routing.routingMs.toFixed(3)), shield: shield.summary };
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
    let executed;
    try {
      executed = await executeStream(c.env, routing.chain, upstreamReq, execOpts);
    } catch (err) {
      settle(c, decisionId, routing, req, started, { status: err instanceof ApiError ? err.status : 502, usage: ZERO_USAGE, attempts: (err as { attempts?: Attempt[] }).attempts ?? [], errorClass: (err as ApiError).code ?? 'error', stream: true }, traceExtra);
      throw err;
    }
    const { candidate, result: opened, attempts } = executed;
    const writer = new ChunkWriter(completionId, candidate.endpoint.model, created, filter.stream());
    const includeUsage = req.stream_options?.include_usage === true;
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const out = writable.getWriter();
    const send = (obj: unknown) => out.write(encodeSseData(JSON.stringify(obj)));
    const pump = (async () => {
      let status = 200;
      let errorClass: string | undefined;
      try {
        for (const ev of opened.head) for (const ch of writer.push(ev)) await send(ch);
        for await (const ev of opened.rest) for (const ch of writer.push(ev)) await send(ch);
        if (includeUsage) await send(writer.usageChunk(writer.usage ?? ZERO_USAGE));
        await out.write(encodeSseData('[DONE]'));
      } catch (err) {
        // Content already reached the client: end the stream with an error in OpenAI's stream shape.
        status = 502;
        errorClass = 'stream_interrupted';
        const message = `The upstream stream from ${candidate.endpoint.id} failed after the answer began: ${(err as Error).message}`;
        await send({ error: { message, type: 'upstream_error', param: null, code: 'stream_interrupted' } }).catch(() => undefined);
        opened.cancel();
      } finally {
        await out.close().catch(() => undefined);
        settle(c, decisionId, routing, req, started, { status, endpoint: candidate.endpoint, simulated: candidate.simulated, usage: writer.usage ?? ZERO_USAGE, attempts, ttftMs: opened.ttftMs, errorClass, stream: true }, traceExtra);
      }
    })();
    waitUntil(pump);
    return new Response(readable, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headersFor(decisionId, routing, candidate.endpoint, candidate.simulated) },
    });
  }

  let executed;
  try {
    executed = await executeCompletion(c.env, routing.chain, upstreamReq, execOpts);
  } catch (err) {
    settle(c, decisionId, routing, req, started, { status: err instanceof ApiError ? err.status : 502, usage: ZERO_USAGE, attempts: (err as { attempts?: Attempt[] }).attempts ?? [], errorClass: (err as ApiError).code ?? 'error', stream: false }, traceExtra);
    throw err;
  }
  const { candidate, result, attempts } = executed;
  const body: ChatCompletion = {
    id: completionId,
    object: 'chat.completion',
    created,
    model: candidate.endpoint.model,
    choices: [{ index: 0, message: filter.message(result.response.message), finish_reason: result.response.finishReason, logprobs: null }],
    usage: result.response.usage,
    system_fingerprint: candidate.simulated ? 'cailos-sim' : null,
  };
  settle(c, decisionId, routing, req, started, { status: 200, endpoint: candidate.endpoint, simulated: candidate.simulated, usage: result.response.usage, attempts, ttftMs: result.ttftMs, stream: false }, traceExtra);
  return Response.json(body, { headers: headersFor(decisionId, routing, candidate.endpoint, candidate.simulated) });
}

export { getProvider };
