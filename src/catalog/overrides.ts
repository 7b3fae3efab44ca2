import { z } from 'zod';
import { PROVIDERS } from './providers';
import { maxTrustFromEvidence } from './trust';
import type { CatalogProviderId, Endpoint, TrustLevel } from './types';
import { SELF_HOSTED } from './types';

/**
 * TRUST_OVERRIDES (optional binding, JSON): the operator's agreements that change a provider's
 * default level on this deployment, e.g.
 *   [{"provider":"anthropic","level":2,"agreement":"ZDR addendum 2026-03, ref ABC-123"}]
 * An override sets the level of every endpoint of exactly that provider. Every entry must name
 * its agreement, and none may go above 2 unless the provider's own evidence is an attested
 * enclave or on-premise deployment: a contract cannot make a provider unable to read plaintext.
 * Invalid entries are ignored and reported (console.error and GET /admin/catalog), never silently.
 */

export interface TrustOverrideEntry {
  provider: CatalogProviderId;
  level: TrustLevel;
  agreement: string;
}

export interface ParsedTrustOverrides {
  byProvider: ReadonlyMap<CatalogProviderId, TrustOverrideEntry>;
  errors: readonly string[];
}

const entrySchema = z
  .object({
    provider: z.string().min(1),
    level: z.number().int().min(0).max(3),
    agreement: z.string().trim().min(3).max(300),
  })
  .strict();

const AGREEMENT_HINT = 'every entry needs an "agreement" reference (e.g. "ZDR addendum 2026-03, ref ABC-123")';

function entryProblem(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const agreement = (value as Record<string, unknown>).agreement;
    if (typeof agreement !== 'string' || agreement.trim().length < 3) return AGREEMENT_HINT;
  }
  const parsed = entrySchema.safeParse(value);
  if (parsed.success) return null;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
}

function isCatalogProvider(id: string): id is CatalogProviderId {
  return Object.hasOwn(PROVIDERS, id);
}

function checkEntry(value: unknown, seen: Map<string, number>, index: number): TrustOverrideEntry | string {
  const problem = entryProblem(value);
  if (problem) return problem;
  const e = entrySchema.parse(value);
  if (e.provider === SELF_HOSTED) return 'self-hosted endpoints declare their trust in SELF_HOSTED_ENDPOINTS';
  if (!isCatalogProvider(e.provider)) return `unknown provider '${e.provider}'`;
  const first = seen.get(e.provider);
  if (first !== undefined) return `'${e.provider}' is already overridden by entry ${first}`;
  const level = e.level as TrustLevel;
  if (level > 2 && maxTrustFromEvidence(PROVIDERS[e.provider].trustEvidence) < 3) {
    return `level ${level} for '${e.provider}' needs a hardware-attested enclave or on-premise deployment; an agreement can raise a provider to 2 at most`;
  }
  seen.set(e.provider, index);
  return { provider: e.provider, level, agreement: e.agreement };
}

/** Pure parse of the binding's text; `undefined` or blank means no overrides. */
export function parseTrustOverrides(raw: string | undefined): ParsedTrustOverrides {
  const byProvider = new Map<CatalogProviderId, TrustOverrideEntry>();
  const errors: string[] = [];
  if (raw === undefined || raw.trim() === '') return { byProvider, errors };
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return { byProvider, errors: ['TRUST_OVERRIDES is not valid JSON; no override applies'] };
  }
  if (!Array.isArray(list))
    return { byProvider, errors: ['TRUST_OVERRIDES must be a JSON array of {provider, level, agreement}; no override applies'] };
  const seen = new Map<string, number>();
  list.forEach((value, index) => {
    const checked = checkEntry(value, seen, index);
    if (typeof checked === 'string') errors.push(`TRUST_OVERRIDES[${index}] ignored: ${checked}`);
    else byProvider.set(checked.provider, checked);
  });
  return { byProvider, errors };
}

/** The endpoint as routing must see it under the overrides (the same object when none applies). */
export function applyTrustOverride(endpoint: Endpoint, overrides: ParsedTrustOverrides): Endpoint {
  const entry = overrides.byProvider.get(endpoint.provider as CatalogProviderId);
  if (!entry) return endpoint;
  return {
    ...endpoint,
    trustLevel: entry.level,
    trustOverride: { level: entry.level, defaultLevel: endpoint.trustLevel, agreement: entry.agreement },
  };
}
