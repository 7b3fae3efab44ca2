import { describe, expect, it } from 'vitest';
import { evidenceAt } from '../../src/routing';
import { FEEDBACK_REFRESH_MS, feedbackSignalSource } from '../../src/feedback/source';
import { buildSnapshot } from '../../src/routing/snapshot';
import { createTestKey, env } from '../helpers/gateway';
import { completion, decisionTrace, feedback } from './helpers';

/** End to end: chat through the worker, then rate the response through POST /v1/feedback. */

async function posteriorRow(scope: string, endpointId: string, taskClass: string) {
  return env.DB.prepare(
    'SELECT up_scaled AS upScaled, down_scaled AS downScaled FROM feedback_posteriors WHERE scope = ? AND endpoint_id = ? AND task_class = ?',
  )
    .bind(scope, endpointId, taskClass)
    .first<{ upScaled: number; downScaled: number }>();
}

async function errorOf(res: Response) {
  return { status: res.status, ...((await res.json()) as { error: { code: string; param: string | null; type: string } }).error };
}

describe('POST /v1/feedback', () => {
  it('records a rating, replaces it on a later one, and never stacks replays', async () => {
    const a = await createTestKey({ name: 'fb-a', settings: { storeFeedbackComments: true } });
    const { id, endpoint, taskClass } = await completion(a.key);
    const first = await feedback(a.key, { id, rating: 'up', comment: 'spot on' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      object: 'feedback',
      id,
      rating: 'up',
      replaced: false,
      endpoint,
      task_class: taskClass,
      comment_stored: true,
    });
    const stored = await env.DB.prepare(
      'SELECT rating, comment, key_id AS keyId, endpoint_id AS endpointId, strategy FROM feedback WHERE decision_id = ?',
    )
      .bind(id.slice('chatcmpl-'.length))
      .first();
    expect(stored).toMatchObject({ rating: 1, comment: 'spot on', keyId: a.id, endpointId: endpoint });

    // Replays of the same rating: still exactly one rating's worth of evidence.
    for (let i = 0; i < 3; i++) expect((await feedback(a.key, { id, rating: 1 })).status).toBe(200);
    const now = Date.now();
    for (const scope of ['*', a.id]) {
      const e = evidenceAt((await posteriorRow(scope, endpoint, taskClass))!, now);
      expect(e.up).toBeCloseTo(1, 4);
      expect(e.down).toBeCloseTo(0, 6);
    }
    // A later thumbs down replaces the thumbs up.
    const down = await feedback(a.key, { id, rating: -1 });
    expect(await down.json()).toMatchObject({ rating: 'down', replaced: true });
    const e = evidenceAt((await posteriorRow(a.id, endpoint, taskClass))!, Date.now());
    expect(e.up).toBeCloseTo(0, 6);
    expect(e.down).toBeCloseTo(1, 4);
  });

  it('rejects foreign, forged, failed and malformed ids with 404, bad ratings with 400, old responses with 410', async () => {
    const a = await createTestKey({ name: 'fb-owner' });
    const b = await createTestKey({ name: 'fb-other' });
    const { id } = await completion(a.key);

    expect(await errorOf(await feedback(b.key, { id, rating: 'up' }))).toMatchObject({
      status: 404,
      code: 'response_not_found',
      param: 'id',
      type: 'not_found_error',
    });
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM feedback WHERE key_id = ?').bind(b.id).first('n')).toBe(0);
    const forged = `chatcmpl-${'A'.repeat(24)}`;
    expect((await errorOf(await feedback(a.key, { id: forged, rating: 'up' }))).status).toBe(404);
    expect((await errorOf(await feedback(a.key, { id: id.slice('chatcmpl-'.length), rating: 'up' }))).status).toBe(404);
    expect((await errorOf(await feedback(a.key, { id: `${id}' OR 1=1 --`, rating: 'up' }))).status).toBe(404);

    for (const rating of ['meh', 2, 0, null, true]) {
      expect(await errorOf(await feedback(a.key, { id, rating }))).toMatchObject({ status: 400, param: 'rating', code: 'invalid_rating' });
    }
    expect((await errorOf(await feedback(a.key, { rating: 'up' }))).status).toBe(400);

    // A failed request has no response to rate.
    const failedId = `F${crypto.randomUUID().replace(/-/g, '').slice(0, 23)}`;
    await env.DB.prepare(
      "INSERT INTO request_log (id, created_at, team_id, key_id, requested_model, endpoint_id, strategy, status, trace) VALUES (?, ?, ?, ?, 'auto', 'openai/gpt-4o', 'balanced', 502, '{}')",
    )
      .bind(failedId, Date.now(), a.teamId, a.id)
      .run();
    expect((await errorOf(await feedback(a.key, { id: `chatcmpl-${failedId}`, rating: 'down' }))).status).toBe(404);

    // Past the window: 410.
    const old = await completion(a.key);
    await env.DB.prepare('UPDATE request_log SET created_at = ? WHERE id = ?')
      .bind(Date.now() - 31 * 86_400_000, old.id.slice('chatcmpl-'.length))
      .run();
    expect(await errorOf(await feedback(a.key, { id: old.id, rating: 'up' }))).toMatchObject({
      status: 410,
      code: 'feedback_window_closed',
    });
  });

  it('stores comments only for keys that opted in, and keyphrases never hold prompt words', async () => {
    const k = await createTestKey({ name: 'fb-no-comments' });
    const prompt = 'Summarise the quarterly revenue report for the marketing department';
    const { id } = await completion(k.key, prompt);
    const res = await feedback(k.key, { id, rating: 'down', comment: 'too long' });
    expect(await res.json()).toMatchObject({ comment_stored: false });
    const row = await env.DB.prepare('SELECT comment, keyphrases FROM feedback WHERE decision_id = ?')
      .bind(id.slice('chatcmpl-'.length))
      .first<{ comment: string | null; keyphrases: string }>();
    expect(row!.comment).toBeNull();
    const phrases = JSON.parse(row!.keyphrases) as string[];
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.length).toBeLessThanOrEqual(5);
    for (const word of prompt.toLowerCase().split(' ')) if (word.length >= 4) expect(row!.keyphrases).not.toContain(word);
  });

  it("a key's ratings show in its own decision trace as satisfaction_key, never in another key's", async () => {
    const a = await createTestKey({ name: 'fb-iso-a' });
    const b = await createTestKey({ name: 'fb-iso-b' });
    const prompt = 'Tell me a short fact about octopuses';
    const rated = await completion(a.key, prompt);
    expect((await feedback(a.key, { id: rated.id, rating: 'up' })).status).toBe(200);

    const terms = async (key: string) => {
      const next = await completion(key, prompt);
      const trace = (await (await decisionTrace(key, next.id)).json()) as {
        trace: { candidates: { id: string; satisfaction?: number; satisfaction_key?: number }[] };
      };
      return trace.trace.candidates.find((c) => c.id === rated.endpoint);
    };
    const forA = await terms(a.key);
    expect(forA?.satisfaction_key).toBeGreaterThan(0.5);
    expect(forA?.satisfaction).toBeGreaterThan(0.5);
    const forB = await terms(b.key);
    expect(forB).toBeDefined();
    expect(forB!.satisfaction).toBeGreaterThan(0.5);
    expect(forB!.satisfaction_key).toBeUndefined();
  });

  it('the signal source reloads the posteriors from D1 into a snapshot (how other isolates learn)', async () => {
    const k = await createTestKey({ name: 'fb-source' });
    const { id, endpoint, taskClass } = await completion(k.key, 'Explain what a monad is in one sentence');
    expect((await feedback(k.key, { id, rating: 'down' })).status).toBe(200);
    const fresh = buildSnapshot(env as never);
    expect(fresh.satisfactionEvidence).toBeUndefined();
    const apply = await feedbackSignalSource.load(env as never);
    apply!(fresh);
    expect(feedbackSignalSource.intervalMs).toBe(FEEDBACK_REFRESH_MS);
    expect(fresh.keySatisfaction!.get(`${k.id}|${endpoint}|${taskClass}`)!.down).toBeCloseTo(1, 4);
    expect(fresh.satisfactionEvidence!.get(`${endpoint}|${taskClass}`)!.down).toBeGreaterThan(0.99);
    expect(fresh.satisfaction.get(`${endpoint}|${taskClass}`)).toBeLessThan(0.5);
  });
});
