import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { type Rating, routingSnapshot } from '../routing';
import { applyChangeToSnapshot, loadResponse, recordRating } from '../feedback';
import { readJsonBody, ApiError, badRequest, type TaskClass, echo } from '../hub';
import { observeFeedback } from '../classifier';
import { updateKeyHead } from '../flow';
import { decisionIdFrom } from './ids';

/** A response can be rated for this long after it was served (later ratings answer 410). */
export const FEEDBACK_WINDOW_MS = 30 * 24 * 3600 * 1000;
export const MAX_COMMENT_CHARS = 2000;

const feedbackBody = z.object({
  id: z.string().max(200),
  rating: z.unknown(),
  comment: z.string().max(MAX_COMMENT_CHARS).optional(),
});

function parseRating(value: unknown): Rating {
  if (value === 'up' || value === 1 || value === '1') return 1;
  if (value === 'down' || value === -1 || value === '-1') return -1;
  throw badRequest(`Invalid value for 'rating': use "up" or "down" (or 1 / -1).`, 'rating', 'invalid_rating');
}

const notFound = (id: string) =>
  new ApiError(404, {
    message: `No response '${echo(id)}' that this key can rate. Rate a successful response by the id Cailos returned for it (chatcmpl-…, resp_… or msg_…), with the key that made the request.`,
    type: 'not_found_error',
    param: 'id',
    code: 'response_not_found',
  });

/**
 * POST /v1/feedback {id, rating, comment?} — thumbs up/down on one of this key's responses.
 * One rating per response; a later one replaces it. The posterior update lands in D1 and in this
 * isolate's routing snapshot at once; other isolates pick it up on their next signal refresh.
 */
export async function postFeedback(c: Context<AppEnv>): Promise<Response> {
  const key = c.get('key');
  const body = await readJsonBody(c.req.raw, feedbackBody);
  const rating = parseRating(body.rating);
  const decisionId = decisionIdFrom(body.id);
  if (!decisionId) throw notFound(body.id);
  const response = await loadResponse(c.env, decisionId, key.id);
  if (!response || response.status !== 200) throw notFound(body.id);
  const now = Date.now();
  if (now - response.createdAt > FEEDBACK_WINDOW_MS) {
    throw new ApiError(410, {
      message: `Response '${echo(body.id)}' is older than the ${FEEDBACK_WINDOW_MS / 86_400_000}-day feedback window.`,
      param: 'id',
      code: 'feedback_window_closed',
    });
  }
  const comment = key.settings.storeFeedbackComments && body.comment ? body.comment : null;
  const recorded = await recordRating(c.env, response, rating, comment, now);
  if (!recorded)
    throw new ApiError(409, {
      message: `Response '${echo(body.id)}' is being rated concurrently; retry.`,
      param: 'id',
      code: 'feedback_conflict',
    });
  applyChangeToSnapshot(routingSnapshot(c.env), response, recorded.change, now);
  // The key's classifier head learns from explicit feedback too (replacing a rating is not new evidence).
  if (response.taskClass && recorded.change.previous === undefined) {
    updateKeyHead(
      c.env,
      key.id,
      (head) => observeFeedback(head, response.taskClass as TaskClass, rating),
      (p) => c.executionCtx.waitUntil(p),
    );
  }
  return c.json({
    object: 'feedback',
    id: body.id,
    rating: rating === 1 ? 'up' : 'down',
    replaced: recorded.change.previous !== undefined,
    endpoint: response.endpointId,
    task_class: response.taskClass,
    comment_stored: comment !== null,
  });
}
