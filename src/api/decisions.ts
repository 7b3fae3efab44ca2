import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { db, readOwnRow, requestLog } from '../db';
import type { AppEnv } from '../env';
import { ApiError, echo } from '../hub';
import { decisionIdFrom } from './ids';

/** GET /v1/routing/decisions/:id — only the key that made the decision may read it. */
export async function getDecision(c: Context<AppEnv>): Promise<Response> {
  const key = c.get('key');
  const id = c.req.param('id') ?? '';
  const decisionId = decisionIdFrom(id, { allowBare: true });
  if (!decisionId)
    throw new ApiError(404, {
      message: `No decision '${echo(id)}' for this key.`,
      type: 'not_found_error',
      param: 'id',
      code: 'decision_not_found',
    });
  // Rows are written behind (src/db/request-log.ts): a lookup right after the answer may need a flush.
  const row = await readOwnRow(() =>
    db(c.env.DB)
      .select()
      .from(requestLog)
      .where(and(eq(requestLog.id, decisionId), eq(requestLog.keyId, key.id)))
      .get(),
  );
  if (!row)
    throw new ApiError(404, {
      message: `No decision '${echo(id)}' for this key.`,
      type: 'not_found_error',
      param: 'id',
      code: 'decision_not_found',
    });
  const { trace, keyphrases: _k, ...meta } = row;
  return c.json({ object: 'routing.decision', ...meta, trace: JSON.parse(trace) });
}
