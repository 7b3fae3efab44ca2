import { getProvider } from './catalog';
import type { Env } from '../env';
import { upstreamAccess } from './view';
import type { Endpoint } from './types';

/** Provider credentials from the environment, and whether the simulated fleet stands in for missing ones. */
export function simulationEnabled(env: Env): boolean {
  return env.CAILOS_SIMULATE === 'true';
}

/** The endpoint's API key; '' for a self-hosted endpoint that needs none; undefined when not configured. */
export function providerKey(env: Env, endpoint: Endpoint): string | undefined {
  return upstreamAccess(env, endpoint)?.apiKey;
}
