import { app } from './app';
import { syncCatalogToD1 } from './catalog/sync';
import type { Env } from './env';

export { KeyGuard } from './tenancy/key-guard';
export { EndpointBreaker } from './reliability/breaker';

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(syncCatalogToD1(env));
  },
} satisfies ExportedHandler<Env>;
