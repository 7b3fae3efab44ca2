import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { ApiError, readJsonBody, withModelFromModels } from '../../hub';
import { requireKey } from '../../tenancy';
import { runHub } from '../../flow';
import { flowContext } from '../flow-context';
import { namedEventStream } from '../responses/event-stream';
import { countInputTokens } from './count-tokens';
import { anthropicErrorResponse } from './errors';
import { completionToMessage } from './from-chat';
import { countTokensRequest, messagesRequest } from './schema';
import { messagesEvents } from './stream';
import { messagesToChatRequest } from './to-chat';

/**
 * POST /v1/messages: Anthropic's Messages API as an adapter onto the hub (any provider out).
 * Mounted on the app ahead of the /v1 router so that every error on this route, key checks
 * included, reaches the client in Anthropic's envelope. `anthropic-version` / `anthropic-beta`
 * headers are accepted and need no handling: the response shapes are the 2023-06-01 ones.
 */
export const messagesApp = new Hono<AppEnv>();

/** The Messages bodies; OpenRouter's `models` may stand in for `model`, as on chat completions. */
const messagesBody = withModelFromModels(messagesRequest);
const countTokensBody = withModelFromModels(countTokensRequest);

messagesApp.use('*', requireKey('api'));
messagesApp.post('/', async (c) => {
  const body = await readJsonBody(c.req.raw, messagesBody);
  const result = await runHub(flowContext(c), messagesToChatRequest(body), 'messages', { includeUsage: true });
  if (result.kind === 'json') return Response.json(completionToMessage(result.completion, result.decisionId), { headers: result.headers });
  return namedEventStream(c, messagesEvents(result.chunks, result.decisionId), result.headers);
});
messagesApp.post('/count_tokens', async (c) => {
  const body = await readJsonBody(c.req.raw, countTokensBody);
  return Response.json(countInputTokens(body));
});
// Routes under /v1/messages that Cailos does not serve (e.g. batches) still answer in Anthropic's envelope.
messagesApp.all('*', (c) => {
  throw new ApiError(404, {
    message: `Unknown route ${c.req.method} ${new URL(c.req.url).pathname}: Cailos serves POST /v1/messages and POST /v1/messages/count_tokens.`,
    type: 'not_found_error',
    code: 'unknown_route',
  });
});
messagesApp.onError((err) => anthropicErrorResponse(err));
