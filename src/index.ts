import { app } from './app';
import { syncCatalogToD1 } from './catalog';
import type { Env } from './env';
import { evalSignalSource, scheduledEvals } from './evals';
import { feedbackSignalSource } from './feedback';
import { breakerSignalSource } from './reliability';
import { registerSignalSource } from './routing';

/**
 * The composition root: the one place that wires the routing signals, the HTTP app (src/app.ts), the
 * cron handler and the Durable Objects together. No module registers anything when imported.
 */

// The routing snapshot's background refreshers: eval scores, feedback posteriors, other isolates'
// breaker states. The request path starts a due refresh and never waits for it (src/routing/signals.ts).
for (const source of [evalSignalSource, feedbackSignalSource, breakerSignalSource]) registerSignalSource(source);

export { KeyGuard } from './tenancy';
export { EndpointBreaker } from './reliability';

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(syncCatalogToD1(env));
    ctx.waitUntil(scheduledEvals(controller, env));
  },
} satisfies ExportedHandler<Env>;
