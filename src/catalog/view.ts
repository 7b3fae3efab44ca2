import type { Env } from '../env';
import { allEndpoints, getProvider, resolveExactInCatalog, resolveLooseInCatalog } from './catalog';
import { createLookup, type EndpointLookup, type ResolvedModel } from './lookup';
import { applyTrustOverride, parseTrustOverrides, type ParsedTrustOverrides } from './overrides';
import { parseSelfHosted } from './self-hosted';
import { maxTrustFromEvidence, trustLimitReason } from './trust';
import type { Endpoint, TrustEvidence, TrustLevel, TrustOverride } from './types';

/**
 * The catalog as this deployment sees it: the typed catalog with TRUST_OVERRIDES applied, plus the
 * SELF_HOSTED_ENDPOINTS. Built once per isolate and configuration (cached by the bindings' raw
 * text), so the request path never parses JSON; configuration errors are logged once per parse.
 */
export interface CatalogView {
  endpoints: readonly Endpoint[];
  selfHosted: readonly Endpoint[];
  overrides: ParsedTrustOverrides;
  /** Problems in TRUST_OVERRIDES / SELF_HOSTED_ENDPOINTS; the entries they name are ignored. */
  errors: readonly string[];
  getEndpoint(id: string): Endpoint | undefined;
  /** Like resolveModelName, over the catalog and the self-hosted endpoints. */
  resolveModelName(name: string): ResolvedModel | undefined;
}

type ViewEnv = Pick<Env, 'TRUST_OVERRIDES' | 'SELF_HOSTED_ENDPOINTS'>;

export function buildCatalogView(env: ViewEnv, asOf = new Date().toISOString().slice(0, 10)): CatalogView {
  const overrides = parseTrustOverrides(env.TRUST_OVERRIDES);
  const self = parseSelfHosted(env.SELF_HOSTED_ENDPOINTS, asOf);
  const catalog = allEndpoints().map((e) => applyTrustOverride(e, overrides));
  const endpoints = Object.freeze([...catalog, ...self.endpoints]);
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const selfLookup: EndpointLookup = createLookup(self.endpoints);
  return {
    endpoints,
    selfHosted: self.endpoints,
    overrides,
    errors: [...overrides.errors, ...self.errors],
    getEndpoint: (id) => byId.get(id),
    resolveModelName(name) {
      const trimmed = name.trim();
      if (!trimmed) return undefined;
      return (
        resolveExactInCatalog(trimmed) ??
        selfLookup.resolveExact(trimmed) ??
        resolveLooseInCatalog(trimmed) ??
        selfLookup.resolveLoose(trimmed)
      );
    },
  };
}

let cached: { overrides: string | undefined; selfHosted: string | undefined; view: CatalogView } | null = null;

export function catalogView(env: ViewEnv): CatalogView {
  if (cached && cached.overrides === env.TRUST_OVERRIDES && cached.selfHosted === env.SELF_HOSTED_ENDPOINTS) return cached.view;
  const view = buildCatalogView(env);
  for (const message of view.errors) console.error(`catalog configuration: ${message}`);
  cached = { overrides: env.TRUST_OVERRIDES, selfHosted: env.SELF_HOSTED_ENDPOINTS, view };
  return view;
}

/** Where to send an endpoint's requests for real, and with which key (undefined: not configured; '' = none needed). */
export interface UpstreamAccess {
  name: string;
  baseUrl: string;
  apiKey: string | undefined;
}

function secret(env: Env, name: string): string | undefined {
  const value = (env as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function upstreamAccess(env: Env, endpoint: Endpoint): UpstreamAccess | undefined {
  if (endpoint.upstream) {
    const keyName = endpoint.upstream.apiKeyEnv;
    return { name: endpoint.id, baseUrl: endpoint.upstream.baseUrl, apiKey: keyName ? secret(env, keyName) : '' };
  }
  const provider = getProvider(endpoint.provider);
  return provider ? { name: provider.name, baseUrl: provider.baseUrl, apiKey: secret(env, provider.apiKeyEnv) } : undefined;
}

/** An endpoint's trust as the admin API shows it: level in force, default, evidence, override. */
export interface TrustSummary {
  level: TrustLevel;
  defaultLevel: TrustLevel;
  maxSupported: TrustLevel | null;
  limitedBy: string | null;
  evidence: TrustEvidence | null;
  override: TrustOverride | null;
}

export function trustSummary(e: Endpoint): TrustSummary {
  const evidence = e.trustEvidence ?? null;
  return {
    level: e.trustLevel,
    defaultLevel: e.trustOverride?.defaultLevel ?? e.trustLevel,
    maxSupported: evidence ? maxTrustFromEvidence(evidence) : null,
    limitedBy: evidence ? trustLimitReason(evidence) : null,
    evidence,
    override: e.trustOverride ?? null,
  };
}
