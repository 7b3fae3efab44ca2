import type { Env } from '../env';
import { CATALOG_VERSION } from './catalog';
import { PROVIDERS } from './providers';
import type { TrustLevel } from './types';
import { catalogView, trustSummary } from './view';

/**
 * GET /admin/catalog: every endpoint this deployment knows, each with its trust (level in force,
 * default level, evidence, override with its agreement), the overrides applied, and every problem
 * found in TRUST_OVERRIDES / SELF_HOSTED_ENDPOINTS (those entries are ignored).
 */
export function catalogReport(env: Env) {
  const view = catalogView(env);
  const byTrust: Record<TrustLevel, number> = { 0: 0, 1: 0, 2: 0, 3: 0 };
  for (const e of view.endpoints) byTrust[e.trustLevel]++;
  const applied = [...view.overrides.byProvider.values()].map((o) => ({
    provider: o.provider,
    level: o.level,
    defaultLevel: PROVIDERS[o.provider].trustLevel,
    agreement: o.agreement,
    endpoints: view.endpoints.filter((e) => e.provider === o.provider).length,
  }));
  return {
    version: CATALOG_VERSION,
    count: view.endpoints.length,
    byTrust,
    trustOverrides: { applied, errors: view.overrides.errors },
    selfHosted: view.selfHosted.map((e) => e.id),
    errors: view.errors,
    data: view.endpoints.map((e) => ({ ...e, trust: trustSummary(e) })),
  };
}
