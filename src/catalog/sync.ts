import { sql } from 'drizzle-orm';
import { db, catalogEndpoints } from '../db';
import type { Env } from '../env';
import { allEndpoints, CATALOG_VERSION } from './catalog';

const VERSION_KEY = 'catalog:version';

/** Upserts the typed catalog into D1 when its version changed (cron and admin; never per request). */
export async function syncCatalogToD1(env: Env, force = false): Promise<{ version: string; written: number }> {
  if (!force && (await env.KV.get(VERSION_KEY)) === CATALOG_VERSION) return { version: CATALOG_VERSION, written: 0 };
  const now = Date.now();
  const rows = allEndpoints().map((e) => ({
    id: e.id,
    provider: e.provider,
    model: e.model,
    codename: e.codename,
    wireFormat: e.wireFormat,
    data: JSON.stringify(e),
    catalogVersion: CATALOG_VERSION,
    updatedAt: now,
  }));
  const client = db(env.DB);
  // D1 caps bound parameters per statement; 10 rows × 8 columns stays well below it.
  const statements = [];
  for (let i = 0; i < rows.length; i += 10) {
    statements.push(
      client
        .insert(catalogEndpoints)
        .values(rows.slice(i, i + 10))
        .onConflictDoUpdate({
          target: catalogEndpoints.id,
          set: {
            data: sql`excluded.data`,
            catalogVersion: sql`excluded.catalog_version`,
            updatedAt: sql`excluded.updated_at`,
            codename: sql`excluded.codename`,
            model: sql`excluded.model`,
          },
        }),
    );
  }
  const ids = rows.map((r) => r.id);
  statements.push(client.delete(catalogEndpoints).where(sql`${catalogEndpoints.catalogVersion} != ${CATALOG_VERSION}`));
  await client.batch(statements as [(typeof statements)[0], ...typeof statements]);
  await env.KV.put(VERSION_KEY, CATALOG_VERSION);
  return { version: CATALOG_VERSION, written: ids.length };
}
