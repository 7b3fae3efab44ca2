import { Hono } from 'hono';
import { requireAdmin } from '../../tenancy';
import type { AppEnv, Env } from '../../env';
import { forgetErrorRates, refreshSignalsNow } from '../../routing';
import { type BreakerRecord, type BreakerRpc, allBreakerViews, KV_PREFIX, providerHealth, resetBreakerViews } from '../../reliability';

/**
 * Operator view of the circuit breakers (mounted at /admin/breakers):
 *   GET  /admin/breakers            this isolate's views, the published KV records, provider health
 *   GET  /admin/breakers/:id{.+}    one endpoint: the Durable Object's state and this isolate's view
 *   POST /admin/breakers/refresh    pull the published records into this isolate now
 *   DELETE /admin/breakers          close every breaker (local views, Durable Objects, KV records) and
 *                                   forget this isolate's recent error rates (others age out in minutes)
 */
export const breakerAdmin = new Hono<AppEnv>();
breakerAdmin.use('*', requireAdmin);

function stub(env: Env, endpointId: string): BreakerRpc {
  return env.BREAKER.get(env.BREAKER.idFromName(endpointId)) as unknown as BreakerRpc;
}

async function publishedRecords(env: Env): Promise<Record<string, BreakerRecord>> {
  const out: Record<string, BreakerRecord> = {};
  let cursor: string | undefined;
  do {
    const page: KVNamespaceListResult<BreakerRecord> = await env.KV.list<BreakerRecord>({ prefix: KV_PREFIX, cursor });
    for (const k of page.keys) if (k.metadata) out[k.name.slice(KV_PREFIX.length)] = k.metadata;
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}

breakerAdmin.get('/', async (c) =>
  c.json({ object: 'breakers', local: allBreakerViews(), published: await publishedRecords(c.env), providers: providerHealth() }),
);

breakerAdmin.post('/refresh', async (c) => {
  await refreshSignalsNow(c.env);
  return c.json({ object: 'breakers', local: allBreakerViews() });
});

breakerAdmin.get('/:id{.+}', async (c) => {
  const id = c.req.param('id');
  return c.json({
    endpointId: id,
    durable: await stub(c.env, id).record(),
    local: allBreakerViews().find((v) => v.endpointId === id)?.state ?? null,
  });
});

breakerAdmin.delete('/', async (c) => {
  const ids = new Set([...allBreakerViews().map((v) => v.endpointId), ...Object.keys(await publishedRecords(c.env))]);
  await Promise.all([...ids].map((id) => stub(c.env, id).reset()));
  await Promise.all([...ids].map((id) => c.env.KV.delete(`${KV_PREFIX}${id}`)));
  resetBreakerViews(c.env);
  forgetErrorRates(c.env);
  return c.json({ object: 'breakers', reset: ids.size });
});
