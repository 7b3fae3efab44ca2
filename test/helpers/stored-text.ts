import { env } from 'cloudflare:test';

/**
 * Everything the worker has stored, as text, for tests that assert something is nowhere in it (a prompt
 * marker, an erased id). Every D1 table but SQLite's, Cloudflare's and the migration log, row by row; every
 * KV key with its metadata and value, page by page.
 */
export async function storedD1Text(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
  ).all<{ name: string }>();
  let dump = '';
  for (const { name } of tables.results)
    dump += `${name}:${JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results)}\n`;
  return dump;
}

export async function storedKvText(): Promise<string> {
  let dump = '';
  let cursor: string | undefined;
  do {
    const page = await env.KV.list({ cursor });
    for (const k of page.keys) dump += `${k.name} ${JSON.stringify(k.metadata ?? null)} ${(await env.KV.get(k.name)) ?? ''}\n`;
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return dump;
}
