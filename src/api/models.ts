import type { Context } from 'hono';
import { STRATEGIES } from './chat-schema';
import { codenames, endpointsForCodename } from '../catalog';
import type { AppEnv } from '../env';
import { routingSnapshot } from '../routing/snapshot';

/** Catalog snapshot date, as a Unix time for the `created` field. */
const CREATED = Math.floor(Date.parse('2026-07-24T00:00:00Z') / 1000);

export function listModels(c: Context<AppEnv>): Response {
  const available = new Set(routingSnapshot(c.env).endpoints.map((e) => e.endpoint.codename));
  const data = [
    { id: 'auto', object: 'model' as const, created: CREATED, owned_by: 'cailos' },
    ...STRATEGIES.map((s) => ({ id: `auto:${s}`, object: 'model' as const, created: CREATED, owned_by: 'cailos' })),
    ...codenames()
      .filter((name) => available.has(name))
      .map((name) => ({ id: name, object: 'model' as const, created: CREATED, owned_by: endpointsForCodename(name)[0]?.provider ?? 'cailos' })),
  ];
  return c.json({ object: 'list', data });
}
