import { deliverDueAlerts } from './alerts';
import { app } from './app';
import { syncCatalogToD1 } from './catalog';
import type { Env } from './env';
import { enforceRetention } from './db';
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
    // Metadata past its retention (src/db/retention.ts), a bounded batch per tick.
    ctx.waitUntil(enforceRetention(env).catch((err: Error) => console.error('retention run failed', err.message)));
    // Spend alerts whose delivery failed or whose process died before delivering (src/alerts).
    ctx.waitUntil(deliverDueAlerts(env).catch((err: Error) => console.error('alert delivery run failed', err.message)));
  },
} satisfies ExportedHandler<Env>;
