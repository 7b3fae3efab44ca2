import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { readJsonBody, withModelFromModels } from '../../hub';
import { runHub } from '../../flow';
import { flowContext } from '../flow-context';
import { responsesDroppedParams } from './dropped';
import { namedEventStream } from './event-stream';
import { type ResponseContext, completionToResponse } from './from-chat';
import { itemIdsFor, resolveItemReferences, sealOutputIds, withSealedIds } from './item-references';
import { responsesRequest } from './schema';
import { responsesEvents } from './stream';
import { responsesToChatRequest } from './to-chat';

/** The Responses body; OpenRouter's `models` may stand in for `model`. */
const responsesBody = withModelFromModels(responsesRequest);

/**
 * POST /v1/responses: the OpenAI Responses API as an adapter onto the hub. Stateless: nothing is
 * stored, so previous_response_id / store:true are refused (see to-chat.ts); output item ids carry
 * their items, sealed for the team, so an item_reference resolves without storage (item-ids.ts).
 * Errors keep OpenAI's envelope (app.onError).
 */
export async function createResponse(c: Context<AppEnv>): Promise<Response> {
  const body = await readJsonBody(c.req.raw, responsesBody);
  const ids = itemIdsFor(c.env, c.get('key').teamId);
  const chatRequest = responsesToChatRequest({ ...body, input: await resolveItemReferences(body.input, ids) });
  const flow = { ...flowContext(c), inboundDropped: responsesDroppedParams(body) };
  const result = await runHub(flow, chatRequest, 'responses', { includeUsage: true });
  const ctx: ResponseContext = { decisionId: result.decisionId, createdAt: Math.floor(Date.now() / 1000), request: body };
  if (result.kind === 'json') {
    const response = completionToResponse(result.completion, ctx);
    await sealOutputIds(response.output, ids);
    return Response.json(response, { headers: result.headers });
  }
  return namedEventStream(c, withSealedIds(responsesEvents(result.chunks, ctx), ids), result.headers);
}
