import type { WireFormat } from '../catalog';

/** What the simulated fleet needs to answer as one endpoint would. */
export interface SimulatedProfile {
  endpointId: string;
  format: WireFormat;
  ttftMs: number;
  tokensPerSec: number;
}

/** Answers a request built for a real provider, in that provider's native format (src/sim). */
export type SimulatedUpstream = (request: Request, profile: SimulatedProfile, options: { latencyScale: number }) => Promise<Response>;

let simulated: SimulatedUpstream | undefined;

/**
 * The composition root hands dispatch the simulated fleet: providers sit below the simulator (which
 * answers eval items and uses provider formats), so they must not import it.
 */
export function useSimulatedUpstream(upstream: SimulatedUpstream): void {
  simulated = upstream;
}

export function simulatedUpstream(): SimulatedUpstream {
  if (!simulated) throw new Error('the simulated fleet is not wired: call wire() from src/wiring.ts');
  return simulated;
}
