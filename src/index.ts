import { app } from './app';
import { syncCatalogToD1 } from './catalog';
import type { Env } from './env';
import { scheduledEvals } from './evals';
import { wire } from './wiring';

/** The worker entry: the HTTP app (src/app.ts), the cron handler and the Durable Objects, wired once. */
wire();

export { KeyGuard } from './tenancy';
export { EndpointBreaker } from './reliability';

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(syncCatalogToD1(env));
    ctx.waitUntil(scheduledEvals(controller, env));
  },
} satisfies ExportedHandler<Env>;
