import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createTestKey } from '../helpers/gateway';

/** Runs one migration's statements again against rows written as the code before it wrote them. */
async function rerun(tag: string): Promise<void> {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith(tag));
  if (!migration) throw new Error(`migration ${tag} not found`);
  for (const query of migration.queries) await env.DB.prepare(query).run();
}

async function storedMinTrust(id: string): Promise<unknown> {
  const row = await env.DB.prepare('SELECT settings FROM api_keys WHERE id = ?').bind(id).first<{ settings: string }>();
  return (JSON.parse(row!.settings) as { minTrustLevel?: unknown }).minTrustLevel;
}

describe('0005: keys stored with the old default trust minimum', () => {
  it('moves minTrustLevel 0 to 1 and leaves other levels alone', async () => {
    const old = await createTestKey({ name: 'old-default' });
    const strict = await createTestKey({ name: 'strict', settings: { minTrustLevel: 3 } });
    await env.DB.prepare("UPDATE api_keys SET settings = json_set(settings, '$.minTrustLevel', 0) WHERE id = ?").bind(old.id).run();
    expect(await storedMinTrust(old.id)).toBe(0);
    await rerun('0005');
    expect(await storedMinTrust(old.id)).toBe(1);
    expect(await storedMinTrust(strict.id)).toBe(3);
  });
});
