import type { ChatRequest } from '../hub';
import { admit } from './admit';
import type { FlowContext, InboundApi } from './context';
import { executeJson } from './execute';
import { cachedAnswer, cachePlan, keepAnswer } from './response-cache';
import type { HubResult } from './result';
import { route } from './route';
import { executeStreaming } from './stream';
import { stageTimer } from './timing';

/**
 * The one request flow behind every inbound API (chat completions, Responses, Messages):
 * admit (rate, budget) → route (classify, the stages, llmshield, budget hold) → execute the
 * fallback chain (whole or streamed) → settle (cost, live statistics, metadata log, off the response
 * path). Inbound dialects translate their format to a ChatRequest and the result back.
 */
export async function runHub(ctx: FlowContext, req: ChatRequest, api: InboundApi, opts: { includeUsage: boolean }): Promise<HubResult> {
  const startedAt = Date.now();
  const timing = stageTimer(ctx.env) ?? undefined;
  await admit(ctx, startedAt);
  timing?.mark('admit');
  // Only a request that opted into the response cache reads it (one KV read); the others do no cache work.
  const cache = cachePlan(ctx, req);
  if (cache?.kind === 'use') {
    const hit = await cachedAnswer(ctx, req, api, cache, startedAt, opts.includeUsage, timing);
    if (hit) return hit;
  }
  const routed = await route(ctx, req, api, startedAt, timing);
  // An answer to be stored needs the stream's usage even when the client did not ask for it.
  const includeUsage = opts.includeUsage || cache?.kind === 'use';
  const result = req.stream ? executeStreaming(ctx, routed, includeUsage, timing) : executeJson(ctx, routed, timing);
  return cache ? keepAnswer(ctx, cache, routed, await result, opts.includeUsage) : result;
}
