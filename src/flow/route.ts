import { DEFAULT_RESERVED_OUTPUT_TOKENS, worstCaseCost } from '../catalog';
import type { ChatRequest } from '../hub';
import { decide, type Decision } from '../routing';
import { randomBase62, reserveSpend, type SpendHold } from '../tenancy';
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
  // The worst case of whichever chain endpoint answers, held against the budget until the request ends.
  const reservedUsd = worstCaseCost(
    routing.chain.map((cand) => cand.endpoint),
    estimatedInputTokens,
    req.max_completion_tokens ?? req.max_tokens ?? DEFAULT_RESERVED_OUTPUT_TOKENS,
  );
  const hold = reserveSpend(ctx.key, reservedUsd);
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
  };
}
