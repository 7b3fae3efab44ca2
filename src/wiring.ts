import { evalSignalSource } from './evals';
import { feedbackSignalSource } from './feedback';
import { useSimulatedUpstream } from './providers';
import { breakerSignalSource } from './reliability';
import { registerSignalSource } from './routing';
import { simFetch } from './sim';

/**
 * The one place modules are wired to each other at run time; no module registers anything when
 * imported. The worker entry (src/index.ts) calls it once per isolate; so do the test setup and the
 * Node scripts that run the flow outside the worker. Idempotent.
 */
export function wire(): void {
  // The routing snapshot's background refreshers: eval scores, feedback posteriors, other isolates'
  // breaker states. The request path starts a due refresh and never waits for it (src/routing/signals.ts).
  for (const source of [evalSignalSource, feedbackSignalSource, breakerSignalSource]) registerSignalSource(source);
  // Dispatch answers simulated endpoints from the labeled fleet; providers may not import the simulator.
  useSimulatedUpstream(simFetch);
}
