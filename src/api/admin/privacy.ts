import { Hono } from 'hono';
import { eraseCachedAnswers } from '../../cache';
import { type ErasureSubject, eraseRecords, exportRecords, flushRequestLog, retentionPolicy, subjectExists, subjectKeyIds } from '../../db';
import type { AppEnv, Env } from '../../env';
import { forgetKeyHead } from '../../flow';
import { ApiError } from '../../hub';
import { decayWeight } from '../../routing';
import { eraseGuards, forgetTeamRecord, getKey, guardNames, guardUsage, requireAdmin, revokeForErasure } from '../../tenancy';

/**
 * Export and erasure of one team's or one key's metadata, for data-subject requests:
 *   GET  /admin/teams/:team/export, GET  /admin/keys/:id/export   NDJSON, streamed
 *   POST /admin/teams/:team/erase,  POST /admin/keys/:id/erase    200 when nothing is left, 202 to call again
 * What is covered: key and team records (never a key hash or a webhook secret in an export), request_log
 * rows with their decision traces, feedback and the posteriors it fed, spend alerts, the guards' rate and
 * budget counters, classifier heads, cached answers. Erasing revokes first, so the keys stop working at once.
 */
export const privacyAdmin = new Hono<AppEnv>();

const notFound = (subject: ErasureSubject) =>
  new ApiError(404, {
    message: subject.kind === 'team' ? 'No such team, and nothing of it is stored.' : 'No such key, and nothing of it is stored.',
    type: 'not_found_error',
    param: subject.kind === 'team' ? 'team' : 'id',
    code: subject.kind === 'team' ? 'team_not_found' : 'key_not_found',
  });

const subjectView = (s: ErasureSubject) => (s.kind === 'team' ? { team: s.teamId } : { key: s.keyId });

/** The subject's team: the team itself, or the key's (null once the key row is gone). */
async function teamOf(env: Env, subject: ErasureSubject): Promise<string | null> {
  return subject.kind === 'team' ? subject.teamId : ((await getKey(env, subject.keyId))?.teamId ?? null);
}

async function* exportLines(env: Env, subject: ErasureSubject): AsyncGenerator<unknown> {
  yield { type: 'export', subject: subjectView(subject), generatedAt: new Date().toISOString(), retentionDays: retentionPolicy(env) };
  const counts: Record<string, number> = {};
  for await (const { table, row } of exportRecords(env.DB, subject)) {
    counts[table] = (counts[table] ?? 0) + 1;
    yield { type: 'row', table, data: row };
  }
  const keyIds = await subjectKeyIds(env.DB, subject);
  const guards = guardNames(keyIds, subject.kind === 'team' ? subject.teamId : undefined);
  for (const scope of guards) yield { type: 'usage', scope, ...(await guardUsage(env, scope)) };
  yield { type: 'end', counts, usage: guards.length };
}

function ndjson(lines: AsyncGenerator<unknown>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}

async function exportSubject(env: Env, subject: ErasureSubject): Promise<Response> {
  // This isolate may still hold the subject's newest rows (src/db/request-log.ts).
  await flushRequestLog();
  if (!(await subjectExists(env.DB, subject))) throw notFound(subject);
  return ndjson(exportLines(env, subject));
}

/**
 * Revokes, then erases outside D1 (cached answers, classifier heads, guard counters, cached records),
 * then D1 within its statement budget. Every step is idempotent, so a call that stops early is repeated.
 */
async function eraseSubject(env: Env, subject: ErasureSubject): Promise<{ complete: boolean; erased: Record<string, number> }> {
  await flushRequestLog();
  const teamId = await teamOf(env, subject);
  const keyIds = await subjectKeyIds(env.DB, subject);
  await revokeForErasure(env, subject.kind === 'team' ? { teamId: subject.teamId } : { keyId: subject.keyId });
  const cache = teamId
    ? await eraseCachedAnswers(env, subject.kind === 'team' ? { teamId } : { teamId, keyId: subject.keyId })
    : { deleted: 0, complete: true };
  await Promise.all(keyIds.map((id) => forgetKeyHead(env, id)));
  const guards = guardNames(keyIds, subject.kind === 'team' ? subject.teamId : undefined);
  await eraseGuards(env, guards);
  if (subject.kind === 'team') await forgetTeamRecord(env, subject.teamId);
  const records = await eraseRecords(env.DB, subject, decayWeight);
  return {
    complete: records.complete && cache.complete,
    erased: { ...records.erased, cached_answers: cache.deleted, classifier_heads: keyIds.length, guards: guards.length },
  };
}

async function erasureResponse(env: Env, subject: ErasureSubject): Promise<Response> {
  if (!(await subjectExists(env.DB, subject))) {
    await flushRequestLog();
    if (!(await subjectExists(env.DB, subject))) throw notFound(subject);
  }
  const { complete, erased } = await eraseSubject(env, subject);
  return Response.json({ object: 'erasure', subject: subjectView(subject), complete, erased }, { status: complete ? 200 : 202 });
}

privacyAdmin.get('/teams/:team/export', requireAdmin, (c) => exportSubject(c.env, { kind: 'team', teamId: c.req.param('team') }));
privacyAdmin.get('/keys/:id/export', requireAdmin, (c) => exportSubject(c.env, { kind: 'key', keyId: c.req.param('id') }));
privacyAdmin.post('/teams/:team/erase', requireAdmin, (c) => erasureResponse(c.env, { kind: 'team', teamId: c.req.param('team') }));
privacyAdmin.post('/keys/:id/erase', requireAdmin, (c) => erasureResponse(c.env, { kind: 'key', keyId: c.req.param('id') }));
