import { app } from './app';
import { syncCatalogToD1 } from './catalog/sync';
import type { Env } from './env';
import { scheduledEvals } from './evals/cron';

export { KeyGuard } from './tenancy/key-guard';
export { EndpointBreaker } from './reliability/breaker';

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(syncCatalogToD1(env));
    ctx.waitUntil(scheduledEvals(controller, env));
  },
} satisfies ExportedHandler<Env>;
