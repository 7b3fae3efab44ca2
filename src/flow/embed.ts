import { costOfUsage, EMBEDDING_BASELINE_ENDPOINT, getEmbeddingEndpoint, worstCaseCost } from '../catalog';
import {
  ApiError,
  type EmbeddingInputs,
  embeddingInputs,
  type EmbeddingsCall,
  type EmbeddingsRequest,
  estimateEmbeddingTokens,
  inputCount,
  type Usage,
} from '../hub';
import { float32ToBase64, plainDecimal } from '../lib';
import { executeEmbeddings, type ExecuteOptions } from '../reliability';
import { randomBase62, reserveUsage } from '../tenancy';
import { admit } from './admit';
import type { FlowContext } from './context';
import { type EmbeddingNeeds, routeEmbeddings } from './embed-route';
import { responseHeaders } from './result';
import { billedCost, settle, settleFailure, type Settling } from './settle';
import { shieldFor, type ShieldedRequest } from './shield-request';
import { stageTimer } from './timing';

/** OpenAI's embeddings response, with the gateway's cost in usage (as chat answers carry it). */
export interface EmbeddingsResponse {
  object: 'list';
  data: { object: 'embedding'; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number; cost: number };
}

export interface EmbeddingsOutcome {
  body: EmbeddingsResponse;
  headers: Record<string, string>;
}

/**
 * The key's llmshield policy applies to what is embedded as to what is chatted: in cloak mode the
 * provider embeds the text with placeholders, in block mode personal data is refused. Token ids
 * cannot be read for personal data, so a key whose shield is on takes text only.
 */
function shieldInputs(
  ctx: FlowContext,
  req: EmbeddingsRequest,
  inputs: EmbeddingInputs,
): { call: EmbeddingsCall; summary: ShieldedRequest['summary'] } {
  const base = { dimensions: req.dimensions, inputType: req.input_type };
  const policy = ctx.key.settings.shield.mode;
  if (inputs.kind === 'tokens') {
    if (policy !== 'off')
      throw new ApiError(400, {
        message:
          "This key's llmshield policy checks inputs for personal data, which token ids do not show. Send the text, or use a key whose shield mode is off.",
        param: 'input',
        code: 'tokens_not_shieldable',
      });
    return { call: { ...base, inputs, user: req.user }, summary: 'off' };
  }
  // Each input as one user message of a request the shield already knows how to cloak (one session:
  // the same value gets the same placeholder in every input).
  const asChat = { model: req.model, messages: inputs.texts.map((content) => ({ role: 'user' as const, content })), user: req.user };
  let shielded: ShieldedRequest;
  try {
    shielded = shieldFor(ctx.key, asChat, ctx.env.KEY_PEPPER);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'pii_blocked')
      throw new ApiError(400, { message: err.message, param: 'input', code: err.code });
    throw err;
  }
  const texts = shielded.request.messages.map((m) => m.content as string);
  return { call: { ...base, inputs: { kind: 'text', texts }, user: shielded.request.user }, summary: shielded.summary };
}

function needsOf(req: EmbeddingsRequest, inputs: EmbeddingInputs): EmbeddingNeeds {
  const tokens = estimateEmbeddingTokens(inputs);
  return {
    kind: inputs.kind,
    count: inputCount(inputs),
    dimensions: req.dimensions,
    longestInputTokens: Math.max(...tokens),
    totalInputTokens: tokens.reduce((a, b) => a + b, 0),
  };
}

/**
 * An embedding call reads its input once, far faster than a model writes tokens; a hundredth of the
 * input, as "output", lets the endpoint's derived timeout grow with a large batch.
 */
function executeOptions(ctx: FlowContext, req: EmbeddingsRequest, needs: EmbeddingNeeds): ExecuteOptions {
  return {
    expectedOutputTokens: Math.ceil(needs.totalInputTokens / 100),
    timeoutMs: req.routing?.timeout_ms,
    deadlineMs: req.routing?.deadline_ms,
    signal: ctx.signal,
    waitUntil: ctx.waitUntil,
  };
}

/**
 * POST /v1/embeddings: the chat flow's steps for vectors. Admit (rate, budget) → shield → route
 * (embed-route.ts) → hold the chain's worst case → the fallback chain with its breakers → settle
 * (spend, metadata-only log row) → OpenAI's response, vectors as floats or base64 float32.
 */
export async function runEmbeddings(ctx: FlowContext, req: EmbeddingsRequest): Promise<EmbeddingsOutcome> {
  const startedAt = Date.now();
  const timing = stageTimer(ctx.env) ?? undefined;
  const inputs = embeddingInputs(req.input);
  await admit(ctx, startedAt);
  timing?.mark('admit');
  const needs = needsOf(req, inputs);
  const routing = routeEmbeddings(ctx, req, needs, startedAt);
  timing?.mark('route');
  const { call, summary } = shieldInputs(ctx, req, inputs);
  timing?.mark('shield');
  // Held against the budgets and the token rates until the request ends: input only, no output tokens.
  const reservedUsd = worstCaseCost(
    routing.chain.map((c) => c.endpoint),
    needs.totalInputTokens,
    0,
  );
  const hold = await reserveUsage(ctx.env, ctx.key, reservedUsd, needs.totalInputTokens, ctx.waitUntil);
  const settling: Settling = {
    decisionId: randomBase62(24),
    startedAt,
    api: 'embeddings',
    request: routing.request,
    routing,
    shieldSummary: summary,
    reservedUsd,
    hold,
  };
  const executed = await executeEmbeddings(ctx.env, routing.chain, call, executeOptions(ctx, req, needs)).catch((err) =>
    settleFailure(ctx, settling, err, false),
  );
  timing?.mark('upstream');
  const { candidate, result, attempts } = executed;
  // Gemini's embed methods report no usage: the estimate routing made is billed then.
  const promptTokens = result.promptTokens ?? needs.totalInputTokens;
  const usage: Usage = { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens };
  const cost = billedCost(candidate.endpoint, usage);
  const baseline = getEmbeddingEndpoint(EMBEDDING_BASELINE_ENDPOINT);
  settle(ctx, settling, {
    status: 200,
    endpoint: candidate.endpoint,
    simulated: candidate.simulated,
    usage,
    attempts,
    ttftMs: result.ttftMs,
    stream: false,
    baselineUsd: baseline ? costOfUsage(baseline, usage) : 0,
  });
  const base64 = req.encoding_format === 'base64';
  const body: EmbeddingsResponse = {
    object: 'list',
    data: result.vectors.map((v, index) => ({ object: 'embedding', index, embedding: base64 ? float32ToBase64(v) : v })),
    model: candidate.endpoint.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens, cost },
  };
  timing?.mark('respond');
  return { body, headers: { ...responseHeaders(settling, candidate, timing), 'x-cailos-cost': plainDecimal(cost) } };
}
