import type { ChatCompletion } from '../hub';
import { plainDecimal } from '../lib';
import { executeCompletion, type ExecuteOptions } from '../reliability';
import { timeoutOutputTokens } from '../routing';
import type { FlowContext } from './context';
import type { Routed } from './route';
import { billedCost, settle, settleFailure } from './settle';
import type { StageTimer } from './timing';
import { type HubResult, responseHeaders, specMessage } from './result';

export function executeOptions(ctx: FlowContext, routed: Routed): ExecuteOptions {
  const hints = routed.request.routing;
  return {
    expectedOutputTokens: timeoutOutputTokens(routed.routing.requirements!),
    timeoutMs: hints?.timeout_ms,
    deadlineMs: hints?.deadline_ms,
    signal: ctx.signal,
    waitUntil: ctx.waitUntil,
  };
}

/** A whole (non-streamed) answer: walk the fallback chain, restore llmshield's placeholders, settle. */
export async function executeJson(ctx: FlowContext, routed: Routed, timing?: StageTimer): Promise<HubResult> {
  const executed = await executeCompletion(ctx.env, routed.routing.chain, routed.upstreamRequest, executeOptions(ctx, routed)).catch(
    (err) => settleFailure(ctx, routed, err, false),
  );
  const { candidate, result, attempts } = executed;
  timing?.mark('upstream');
  const cost = billedCost(candidate.endpoint, result.response.usage);
  const completion: ChatCompletion = {
    id: `chatcmpl-${routed.decisionId}`,
    object: 'chat.completion',
    created: Math.floor(routed.startedAt / 1000),
    model: candidate.endpoint.model,
    choices: [
      {
        index: 0,
        message: specMessage(routed.filter.message(result.response.message)),
        finish_reason: result.response.finishReason,
        logprobs: null,
      },
    ],
    usage: { ...result.response.usage, cost },
    // OpenAI's schema types it as a string: absent rather than null when there is none.
    ...(candidate.simulated ? { system_fingerprint: 'cailos-sim' } : {}),
  };
  settle(ctx, routed, {
    status: 200,
    endpoint: candidate.endpoint,
    simulated: candidate.simulated,
    usage: result.response.usage,
    attempts,
    ttftMs: result.ttftMs,
    finishReason: result.response.finishReason,
    stream: false,
  });
  timing?.mark('respond');
  // USD, as plain decimal text that reads back as exactly usage.cost (small costs would otherwise print as 5.9e-7).
  const headers = { ...responseHeaders(routed, candidate, timing), 'x-cailos-cost': plainDecimal(cost) };
  return { kind: 'json', completion, headers, decisionId: routed.decisionId };
}
