import { app } from './app';
import { syncCatalogToD1 } from './catalog';
import type { Env } from './env';
import { scheduledEvals } from './evals';

export { KeyGuard } from './tenancy';
export { EndpointBreaker } from './reliability';

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(syncCatalogToD1(env));
    ctx.waitUntil(scheduledEvals(controller, env));
  },
} satisfies ExportedHandler<Env>;
