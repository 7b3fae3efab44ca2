import { readOwnRow } from '../db';
import type { Env } from '../env';
import { randomBase62 } from '../tenancy';
import { EVIDENCE_HORIZON_MS, type PosteriorRow, type Rating, type RatingChange, scaledDelta } from '../routing';
import { type RatedResponse, scopesOf } from './signals';

/**
 * D1 side of the feedback loop: the rated response (request_log), the rating row and the posterior
 * counts. The rating row and both posterior rows change in one batch (one transaction); the
 * posterior upserts only apply if this request's version of the rating row was written, so two
 * concurrent ratings of one response can never both count.
 */

export interface LoggedResponse extends RatedResponse {
  id: string;
  teamId: string;
  strategy: string;
  status: number;
  createdAt: number;
  keyphrases: string;
}

/** The request_log row for a decision, only if it belongs to this key. */
export async function loadResponse(env: Env, decisionId: string, keyId: string): Promise<LoggedResponse | null> {
  // Rows are written behind (src/db/request-log.ts): rating right after the answer may need a flush.
  const row = await readOwnRow(() =>
    env.DB.prepare(
      `SELECT id, key_id AS keyId, team_id AS teamId, endpoint_id AS endpointId, task_class AS taskClass, strategy, status, created_at AS createdAt, keyphrases
         FROM request_log WHERE id = ? AND key_id = ?`,
    )
      .bind(decisionId, keyId)
      .first<LoggedResponse & { endpointId: string | null; taskClass: string | null }>(),
  );
  if (!row || !row.endpointId) return null;
  return { ...row, taskClass: row.taskClass ?? 'chat' } as LoggedResponse;
}

export interface StoredRating {
  rating: Rating;
  ratedAt: number;
  nonce: string;
}

async function currentRating(env: Env, decisionId: string): Promise<StoredRating | null> {
  return env.DB.prepare('SELECT rating, rated_at AS ratedAt, nonce FROM feedback WHERE decision_id = ?')
    .bind(decisionId)
    .first<StoredRating>();
}

export interface RecordResult {
  change: RatingChange;
}

/** Writes (or replaces) the rating and moves the posterior counts by exactly the difference. */
export async function recordRating(
  env: Env,
  response: LoggedResponse,
  rating: Rating,
  comment: string | null,
  now: number,
): Promise<RecordResult | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await currentRating(env, response.id);
    const nonce = randomBase62(16);
    const change: RatingChange = {
      rating,
      ratedAt: now,
      ...(existing ? { previous: { rating: existing.rating, ratedAt: existing.ratedAt } } : {}),
    };
    const delta = scaledDelta(change);
    const write = existing
      ? env.DB.prepare('UPDATE feedback SET rating = ?, rated_at = ?, comment = ?, nonce = ? WHERE decision_id = ? AND nonce = ?').bind(
          rating,
          now,
          comment,
          nonce,
          response.id,
          existing.nonce,
        )
      : env.DB.prepare(
          `INSERT INTO feedback (decision_id, key_id, team_id, endpoint_id, task_class, strategy, rating, comment, keyphrases, response_at, rated_at, nonce)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(decision_id) DO NOTHING`,
        ).bind(
          response.id,
          response.keyId,
          response.teamId,
          response.endpointId,
          response.taskClass,
          response.strategy,
          rating,
          comment,
          response.keyphrases,
          response.createdAt,
          now,
          nonce,
        );
    const posteriors = scopesOf(response).map((scope) =>
      env.DB.prepare(
        `INSERT INTO feedback_posteriors (scope, endpoint_id, task_class, up_scaled, down_scaled, updated_at)
         SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM feedback WHERE decision_id = ? AND nonce = ?)
         ON CONFLICT(scope, endpoint_id, task_class) DO UPDATE SET
           up_scaled = up_scaled + excluded.up_scaled,
           down_scaled = down_scaled + excluded.down_scaled,
           updated_at = max(updated_at, excluded.updated_at)`,
      ).bind(scope, response.endpointId, response.taskClass, delta.up, delta.down, now, response.id, nonce),
    );
    const [written] = await env.DB.batch([write, ...posteriors]);
    if (written.meta.changes === 1) return { change };
    // Another rating of the same response landed between our read and write: re-read, retry.
  }
  return null;
}

/** Posterior rows with evidence inside the horizon, newest first, bounded for isolate memory. */
export const MAX_POSTERIOR_ROWS = 20_000;

export async function loadPosteriorRows(env: Env, now: number): Promise<PosteriorRow[]> {
  const { results } = await env.DB.prepare(
    `SELECT scope, endpoint_id AS endpointId, task_class AS taskClass, up_scaled AS upScaled, down_scaled AS downScaled, updated_at AS updatedAt
       FROM feedback_posteriors WHERE updated_at > ? ORDER BY (scope = '*') DESC, updated_at DESC LIMIT ?`,
  )
    .bind(now - EVIDENCE_HORIZON_MS, MAX_POSTERIOR_ROWS)
    .all<PosteriorRow>();
  return results;
}
