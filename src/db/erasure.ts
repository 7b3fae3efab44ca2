/**
 * The D1 side of exporting and erasing one team's or one key's metadata (the admin API,
 * src/api/admin/privacy.ts). ERASURE_PLAN names, for every table that holds a team or key id, the
 * columns that do; test/api/admin-erasure.test.ts fails when a table of the schema or of the migrated
 * database has such a column the plan does not cover.
 *
 * Deletes go in batches of `batchRows` rows, at most `maxStatements` statements per call, so a team with
 * millions of request_log rows is erased over several calls (each reports `complete`) instead of one
 * that runs past D1's or the Worker's limits. Rows that identify the subject (api_keys, teams) go last,
 * so a call that stops early can be repeated: it still finds the team's keys.
 */

export type ErasureSubject = { kind: 'team'; teamId: string } | { kind: 'key'; keyId: string };

export interface TablePlan {
  table: string;
  /** The column holding the team id. */
  team?: string;
  /** The column holding the key id; for a team, the team's keys (api_keys) are matched. */
  key?: string;
  /** Columns of other keys' rows that point at a key: cleared, not deleted, when that key goes. */
  keyRefs?: string[];
  /** Columns never exported (hashes, secrets). */
  secret?: string[];
}

/** Deletion order: everything found through the team's keys before api_keys, teams last. */
export const ERASURE_PLAN: readonly TablePlan[] = [
  // Ratings: their weight also leaves the global posterior (see eraseFeedback).
  { table: 'feedback', team: 'team_id', key: 'key_id' },
  // Request metadata with the decision traces.
  { table: 'request_log', team: 'team_id', key: 'key_id' },
  // A key's own posterior rows (scope = key id; '*' is the global one).
  { table: 'feedback_posteriors', key: 'scope' },
  // Spend alerts: scope_id is a key id or `team:<id>`.
  { table: 'alert_outbox', team: 'team_id', key: 'scope_id' },
  { table: 'api_keys', team: 'team_id', key: 'id', keyRefs: ['created_by', 'rotated_from'], secret: ['key_hash'] },
  { table: 'teams', team: 'id', secret: ['alert_webhook_secret'] },
];

export const ERASE_BATCH_ROWS = 2_000;
/** D1 statements one erase call may run: a Worker invocation may make 1,000 queries, and other work runs too. */
export const ERASE_MAX_STATEMENTS = 400;
/**
 * Each call starts again at the first table, and a table with nothing left costs one statement: the
 * budget never goes below that round plus one statement of progress, so repeated calls always finish.
 */
const MIN_STATEMENTS = ERASURE_PLAN.reduce((n, p) => n + 1 + (p.keyRefs?.length ?? 0), 0) + 1;
/** Feedback rows per transaction: each id is one bound parameter (D1 allows 100 per statement). */
const FEEDBACK_PAGE = 50;

/** The rows of `plan` that belong to the subject, as SQL and its one bound value; null: none can. */
function match(plan: TablePlan, subject: ErasureSubject): { where: string; value: string } | null {
  if (subject.kind === 'key') return plan.key ? { where: `"${plan.key}" = ?1`, value: subject.keyId } : null;
  if (plan.team) return { where: `"${plan.team}" = ?1`, value: subject.teamId };
  if (plan.key) return { where: `"${plan.key}" IN (SELECT id FROM api_keys WHERE team_id = ?1)`, value: subject.teamId };
  return null;
}

/** The ids of the subject's keys, as SQL over ?1 (for clearing references to them). */
const subjectKeys = (subject: ErasureSubject) => (subject.kind === 'key' ? '?1' : 'SELECT id FROM api_keys WHERE team_id = ?1');
const subjectValue = (subject: ErasureSubject) => (subject.kind === 'key' ? subject.keyId : subject.teamId);

export interface ErasureLimits {
  batchRows?: number;
  maxStatements?: number;
}

export interface ErasureResult {
  /** Rows deleted per table by this call. */
  erased: Record<string, number>;
  /** False when the statement budget ran out first: call again. */
  complete: boolean;
}

class Budget {
  used = 0;
  constructor(readonly max: number) {}
  take(n = 1): boolean {
    if (this.used + n > this.max) return false;
    this.used += n;
    return true;
  }
}

/**
 * Deletes a batch of ratings and, in the same transaction, subtracts each rating's weight from the global
 * posterior it was added to (src/feedback/store.ts adds `weightOf(rated_at)` to scope '*'), so the
 * erased key's ratings stop counting for everyone. Returns false when the budget ran out.
 */
async function eraseFeedback(
  d1: D1Database,
  where: { where: string; value: string },
  weightOf: (ratedAt: number) => number,
  budget: Budget,
  erased: Record<string, number>,
): Promise<boolean> {
  const select = d1.prepare(
    `SELECT decision_id AS id, endpoint_id AS endpointId, task_class AS taskClass, rating, rated_at AS ratedAt
       FROM feedback WHERE ${where.where} LIMIT ${FEEDBACK_PAGE}`,
  );
  for (;;) {
    if (!budget.take()) return false;
    const { results } = await select
      .bind(where.value)
      .all<{ id: string; endpointId: string; taskClass: string; rating: number; ratedAt: number }>();
    if (results.length === 0) return true;
    const cells = new Map<string, { endpointId: string; taskClass: string; up: number; down: number }>();
    for (const r of results) {
      const k = `${r.endpointId}|${r.taskClass}`;
      const cell = cells.get(k) ?? { endpointId: r.endpointId, taskClass: r.taskClass, up: 0, down: 0 };
      if (r.rating === 1) cell.up += weightOf(r.ratedAt);
      else cell.down += weightOf(r.ratedAt);
      cells.set(k, cell);
    }
    if (!budget.take(cells.size + 1)) return false;
    const subtract = d1.prepare(
      `UPDATE feedback_posteriors SET up_scaled = max(0, up_scaled - ?1), down_scaled = max(0, down_scaled - ?2)
        WHERE scope = '*' AND endpoint_id = ?3 AND task_class = ?4`,
    );
    const ids = results.map((r) => r.id);
    await d1.batch([
      ...[...cells.values()].map((c) => subtract.bind(c.up, c.down, c.endpointId, c.taskClass)),
      d1.prepare(`DELETE FROM feedback WHERE decision_id IN (${ids.map(() => '?').join(', ')})`).bind(...ids),
    ]);
    erased.feedback = (erased.feedback ?? 0) + results.length;
    if (results.length < FEEDBACK_PAGE) return true;
  }
}

/** Deletes the matching rows of one table in batches; false when the budget ran out first. */
async function eraseTable(
  d1: D1Database,
  table: string,
  where: { where: string; value: string },
  batchRows: number,
  budget: Budget,
  erased: Record<string, number>,
): Promise<boolean> {
  const statement = d1.prepare(`DELETE FROM "${table}" WHERE rowid IN (SELECT rowid FROM "${table}" WHERE ${where.where} LIMIT ?2)`);
  for (;;) {
    if (!budget.take()) return false;
    const { meta } = await statement.bind(where.value, batchRows).run();
    erased[table] = (erased[table] ?? 0) + meta.changes;
    if (meta.changes < batchRows) return true;
  }
}

/**
 * Erases the subject's rows from every table of the plan, within the limits. `weightOf` is the
 * posterior decay weight of a rating's time (src/routing decayWeight; passed in, as routing sits above db).
 */
export async function eraseRecords(
  d1: D1Database,
  subject: ErasureSubject,
  weightOf: (ratedAt: number) => number,
  limits: ErasureLimits = {},
): Promise<ErasureResult> {
  const batchRows = limits.batchRows ?? ERASE_BATCH_ROWS;
  const budget = new Budget(Math.max(MIN_STATEMENTS, limits.maxStatements ?? ERASE_MAX_STATEMENTS));
  const erased: Record<string, number> = {};
  for (const plan of ERASURE_PLAN) {
    const where = match(plan, subject);
    for (const ref of plan.keyRefs ?? []) {
      if (!budget.take()) return { erased, complete: false };
      await d1
        .prepare(`UPDATE "${plan.table}" SET "${ref}" = NULL WHERE "${ref}" IN (${subjectKeys(subject)})`)
        .bind(subjectValue(subject))
        .run();
    }
    if (!where) continue;
    const done =
      plan.table === 'feedback'
        ? await eraseFeedback(d1, where, weightOf, budget, erased)
        : await eraseTable(d1, plan.table, where, batchRows, budget, erased);
    if (!done) return { erased, complete: false };
  }
  return { erased, complete: true };
}

/** Whether D1 holds anything of the subject at all (its key or team row, or any row of the plan). */
export async function subjectExists(d1: D1Database, subject: ErasureSubject): Promise<boolean> {
  for (const plan of ERASURE_PLAN) {
    const where = match(plan, subject);
    if (where && (await d1.prepare(`SELECT 1 FROM "${plan.table}" WHERE ${where.where} LIMIT 1`).bind(where.value).first())) return true;
  }
  return false;
}

/** The key ids of the subject: the key, or every key of the team (api_keys rows, revoked ones included). */
export async function subjectKeyIds(d1: D1Database, subject: ErasureSubject): Promise<string[]> {
  if (subject.kind === 'key') return [subject.keyId];
  const { results } = await d1.prepare('SELECT id FROM api_keys WHERE team_id = ?1').bind(subject.teamId).all<{ id: string }>();
  return results.map((r) => r.id);
}

/**
 * Every row of the subject, table by table in plan order (the team row first), secret columns left out,
 * read in pages of `pageRows` so a large team streams without being held in memory.
 */
export async function* exportRecords(
  d1: D1Database,
  subject: ErasureSubject,
  pageRows = 500,
): AsyncGenerator<{ table: string; row: Record<string, unknown> }> {
  for (const plan of [...ERASURE_PLAN].reverse()) {
    const where = match(plan, subject);
    if (!where) continue;
    const page = d1.prepare(`SELECT rowid AS _rowid, * FROM "${plan.table}" WHERE ${where.where} AND rowid > ?2 ORDER BY rowid LIMIT ?3`);
    let after = 0;
    for (;;) {
      const { results } = await page.bind(where.value, after, pageRows).all<Record<string, unknown>>();
      for (const { _rowid, ...row } of results) {
        for (const column of plan.secret ?? []) delete row[column];
        yield { table: plan.table, row };
      }
      if (results.length < pageRows) break;
      after = results.at(-1)!._rowid as number;
    }
  }
}
