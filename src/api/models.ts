import type { Context } from 'hono';
import { endpointsForCodename } from '../catalog';
import type { AppEnv } from '../env';
import { routingSnapshot } from '../routing';
import { STRATEGIES } from '../hub';

/** Catalog snapshot date, as a Unix time for the `created` field. */
const CREATED = Math.floor(Date.parse('2026-07-24T00:00:00Z') / 1000);

export function listModels(c: Context<AppEnv>): Response {
  // Families with an available endpoint, self-hosted ones included; owner = a provider serving it.
  const available = new Map<string, string>();
  for (const { endpoint: e } of routingSnapshot(c.env).endpoints)
    if (!available.has(e.codename)) available.set(e.codename, endpointsForCodename(e.codename)[0]?.provider ?? e.provider);
  const data = [
    { id: 'auto', object: 'model' as const, created: CREATED, owned_by: 'cailos' },
    ...STRATEGIES.map((s) => ({ id: `auto:${s}`, object: 'model' as const, created: CREATED, owned_by: 'cailos' })),
    ...[...available.keys()]
      .sort()
      .map((name) => ({ id: name, object: 'model' as const, created: CREATED, owned_by: available.get(name)! })),
  ];
  return c.json({ object: 'list', data });
}
