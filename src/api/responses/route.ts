import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { readJsonBody } from '../../hub';
import { runHub } from '../../flow';
import { flowContext } from '../flow-context';
import { namedEventStream } from './event-stream';
import { type ResponseContext, completionToResponse } from './from-chat';
import { responsesRequest } from './schema';
import { responsesEvents } from './stream';
import { responsesToChatRequest } from './to-chat';

/**
 * POST /v1/responses: the OpenAI Responses API as an adapter onto the hub. Stateless: nothing is
 * stored, so previous_response_id / store:true are refused (see to-chat.ts). Errors keep OpenAI's
 * envelope (app.onError).
 */
export async function createResponse(c: Context<AppEnv>): Promise<Response> {
  const body = await readJsonBody(c.req.raw, responsesRequest);
  const chatRequest = responsesToChatRequest(body);
  const result = await runHub(flowContext(c), chatRequest, 'responses', { includeUsage: true });
  const ctx: ResponseContext = { decisionId: result.decisionId, createdAt: Math.floor(Date.now() / 1000), request: body };
  if (result.kind === 'json') return Response.json(completionToResponse(result.completion, ctx), { headers: result.headers });
  return namedEventStream(c, responsesEvents(result.chunks, ctx), result.headers);
}
