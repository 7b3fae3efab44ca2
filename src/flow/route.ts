import { DEFAULT_RESERVED_OUTPUT_TOKENS, worstCaseCost } from '../catalog';
import type { ChatRequest } from '../hub';
import { decide, type Decision } from '../routing';
import { randomBase62, reserveUsage, type SpendHold } from '../tenancy';
import { classifyForRouting } from './classify-request';
import type { FlowContext, InboundApi } from './context';
import { IDENTITY_FILTER, type OutputFilter } from './output-filter';
import { shieldFor, type ShieldedRequest } from './shield-request';
import type { StageTimer } from './timing';

/** A request after routing: its decision, what the provider will see, and what it holds of the budget. */
export interface Routed {
  decisionId: string;
  startedAt: number;
  api: InboundApi;
  /** The client's request (the log row reads its model and keyphrases; never its text). */
  request: ChatRequest;
  routing: Decision;
  /** The request as providers receive it (cloaked by llmshield when on). */
  upstreamRequest: ChatRequest;
  filter: OutputFilter;
  shieldSummary: ShieldedRequest['summary'];
  estimatedInputTokens: number;
  hold: SpendHold;
  reservedUsd: number;
  /** FlowContext.inboundDropped: reported in the headers and the trace. */
  inboundDropped?: readonly string[];
}

/** Classification → the routing pipeline → llmshield → the budget reservation for the chosen chain. */
export async function route(ctx: FlowContext, req: ChatRequest, api: InboundApi, startedAt: number, timing?: StageTimer): Promise<Routed> {
  const decisionId = randomBase62(24);
  const classification = await classifyForRouting(ctx.env, req, ctx.key, ctx.waitUntil);
  timing?.mark('classify');
  const routing = decide(ctx.env, { request: req, key: ctx.key, classification, region: ctx.country });
  timing?.mark('route');
  const shield = shieldFor(ctx.key, req, ctx.env.KEY_PEPPER);
  timing?.mark('shield');
  const estimatedInputTokens = routing.requirements!.estimatedInputTokens;
  // The worst case of whichever chain endpoint answers, held against the budgets (and the token rates)
  // until the request ends.
  const endpoints = routing.chain.map((cand) => cand.endpoint);
  const outputCap = req.max_completion_tokens ?? req.max_tokens ?? DEFAULT_RESERVED_OUTPUT_TOKENS;
  const reservedUsd = worstCaseCost(endpoints, estimatedInputTokens, outputCap);
  const outputTokens = Math.min(outputCap, Math.max(0, ...endpoints.map((e) => e.maxOutputTokens)));
  const hold = await reserveUsage(ctx.env, ctx.key, reservedUsd, estimatedInputTokens + outputTokens, ctx.waitUntil);
  return {
    decisionId,
    startedAt,
    api,
    request: req,
    routing,
    upstreamRequest: shield.request,
    filter: shield.filter ?? IDENTITY_FILTER,
    shieldSummary: shield.summary,
    estimatedInputTokens,
    hold,
    reservedUsd,
    inboundDropped: ctx.inboundDropped,
  };
}
