import type { Env } from '../env';
import { db } from './client';
import { requestLog } from './schema/core';

export type RequestLogRow = typeof requestLog.$inferInsert;

/**
 * Writes one metadata row. Callers pass it to ctx.waitUntil so the client never waits on D1.
 * The row type has no text columns for prompts or answers by construction.
 */
export async function writeRequestLog(env: Env, row: RequestLogRow): Promise<void> {
  try {
    await db(env.DB).insert(requestLog).values(row);
  } catch (err) {
    // Logging must never fail a request; the error names no content.
    console.error('request_log insert failed', (err as Error).message);
  }
}
