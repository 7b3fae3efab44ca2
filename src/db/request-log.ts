import { getTableColumns } from 'drizzle-orm';
import type { Env } from '../env';
import { requestLog } from './schema/core';

export type RequestLogRow = typeof requestLog.$inferInsert;

/**
 * Write-behind for request metadata rows, per isolate. One D1 round trip per request is the largest
 * per-request background cost (bench/overhead/README.md, finding 3), so rows wait in isolate memory
 * and go out together in one `DB.batch` of inserts of as many rows as D1's 100-bound-parameter limit
 * allows (3 rows of 27 columns): each statement costs D1 its own work, whatever its size. A batch leaves
 * when it holds MAX_BATCH_ROWS rows or FLUSH_DELAY_MS after its first row, whichever comes first.
 *
 * Every request that adds a row hands a promise to its own ctx.waitUntil (see enqueueRequestLog), so
 * the runtime keeps the isolate alive until the rows are written. Rows sit in memory for at most
 * FLUSH_DELAY_MS; an isolate evicted with rows buffered despite waitUntil loses them (the log is
 * metadata for dashboards, not billing: spend lives in KeyGuard). Readers of one request's row use
 * readOwnRow, so a client reading its decision right after the answer still finds it.
 * The row type has no text columns for prompts or answers by construction.
 */

export const MAX_BATCH_ROWS = 50;
export const FLUSH_DELAY_MS = 200;

interface Batch {
  d1: D1Database;
  rows: RequestLogRow[];
  dueAt: number;
  sent: boolean;
}

/** The filling batch per D1 binding (one binding in production; tests also pass wrapped ones). */
const open = new Map<D1Database, Batch>();
/** Batches whose write is under way, in whichever request's context sent them. */
const writing = new Set<Batch>();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * The INSERT statements, built once from the drizzle schema, bound per row with each column's own driver
 * mapping (booleans → 0/1) and default. Building the insert through drizzle's query builder for every row
 * was ~10 % of a gateway-mode request's JS time in workerd (bench/overhead/cpu-profile.md).
 */
const COLUMNS = Object.entries(getTableColumns(requestLog));
/** D1 refuses a statement with more than 100 bound parameters. */
const MAX_BOUND_PARAMETERS = 100;
export const ROWS_PER_INSERT = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / COLUMNS.length));
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`;
const insertOf = (rows: number) =>
  `INSERT INTO request_log (${COLUMNS.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES ${Array(rows).fill(ROW_PLACEHOLDERS).join(', ')}`;

/** The batch as statements of up to ROWS_PER_INSERT rows each (the last one takes the rest). */
function boundInserts(d1: D1Database, rows: RequestLogRow[]): D1PreparedStatement[] {
  const prepared = new Map<number, D1PreparedStatement>();
  const statements: D1PreparedStatement[] = [];
  for (let first = 0; first < rows.length; first += ROWS_PER_INSERT) {
    const end = Math.min(rows.length, first + ROWS_PER_INSERT);
    const values: unknown[] = [];
    for (let i = first; i < end; i++) {
      for (const [property, column] of COLUMNS) {
        const value = (rows[i] as Record<string, unknown>)[property] ?? column.default;
        values.push(value === undefined || value === null ? null : column.mapToDriverValue(value));
      }
    }
    let statement = prepared.get(end - first);
    if (!statement) prepared.set(end - first, (statement = d1.prepare(insertOf(end - first))));
    statements.push(statement.bind(...values));
  }
  return statements;
}

async function write(d1: D1Database, rows: RequestLogRow[]): Promise<void> {
  try {
    await d1.batch(boundInserts(d1, rows));
  } catch (err) {
    // Logging must never fail a request. The message names no content; ids locate the lost rows.
    console.error(`request_log batch of ${rows.length} rows failed (first id ${rows[0]!.id})`, (err as Error).message);
  }
}

/** Writes the batch in the CALLER's request context, unless another request already sent it. */
async function send(batch: Batch): Promise<void> {
  if (batch.sent) return;
  batch.sent = true;
  if (open.get(batch.d1) === batch) open.delete(batch.d1);
  writing.add(batch);
  try {
    await write(batch.d1, batch.rows);
  } finally {
    writing.delete(batch);
  }
}

/**
 * Buffers one metadata row. Returns a promise the caller must pass to ctx.waitUntil: it holds the
 * request until its batch is due and, if this request is the one that sends it, until it is written.
 * It never rejects.
 *
 * Each request waits on a timer of its own and whichever fires first writes the batch: a promise
 * settled by another request cannot be shared, because its continuations would run in that other
 * request's context, which workerd rejects ("Cannot perform I/O on behalf of a different request").
 * The request that writes holds the isolate until the write is done.
 */
export function enqueueRequestLog(env: Env, row: RequestLogRow): Promise<void> {
  let batch = open.get(env.DB);
  if (!batch) {
    batch = { d1: env.DB, rows: [], dueAt: Date.now() + FLUSH_DELAY_MS, sent: false };
    open.set(env.DB, batch);
  }
  batch.rows.push(row);
  if (batch.rows.length >= MAX_BATCH_ROWS) return send(batch);
  const due = batch;
  return sleep(due.dueAt - Date.now()).then(() => send(due));
}

/** Writes this isolate's buffered rows now; resolves once no batch is being written (at most ~2 s). */
export async function flushRequestLog(): Promise<void> {
  for (const batch of [...open.values()]) void send(batch);
  // Polled on this request's own timers: batches sent by other requests settle in their contexts.
  for (let waited = 0; writing.size > 0 && waited < 2_000; waited += 5) await sleep(5);
}

/**
 * Read-your-writes for lookups of one request's row (e.g. a client reading its decision right after
 * the answer): when the row is not there yet and this isolate still holds rows, flush and read again.
 */
export async function readOwnRow<T>(read: () => Promise<T | null | undefined>): Promise<T | null | undefined> {
  const row = await read();
  if (row || (open.size === 0 && writing.size === 0)) return row;
  await flushRequestLog();
  return read();
}
