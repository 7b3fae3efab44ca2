import type { ChatRequest } from '../hub';
import { admit } from './admit';
import type { FlowContext, InboundApi } from './context';
import { executeJson } from './execute';
import type { HubResult } from './result';
import { route } from './route';
import { executeStreaming } from './stream';
import { stageTimer } from './timing';

/**
 * The one request flow behind every inbound API (chat completions, Responses, Messages):
 * admit (rate, budget) → route (classify, the 15 stages, llmshield, budget hold) → execute the
 * fallback chain (whole or streamed) → settle (cost, live statistics, metadata log, off the response
 * path). Inbound dialects translate their format to a ChatRequest and the result back.
 */
export async function runHub(ctx: FlowContext, req: ChatRequest, api: InboundApi, opts: { includeUsage: boolean }): Promise<HubResult> {
  const startedAt = Date.now();
  const timing = stageTimer(ctx.env) ?? undefined;
  await admit(ctx, startedAt);
  timing?.mark('admit');
  const routed = await route(ctx, req, api, startedAt, timing);
  return req.stream ? executeStreaming(ctx, routed, opts.includeUsage, timing) : executeJson(ctx, routed, timing);
}
