import { describe, expect, it } from 'vitest';
import {
  allEndpoints,
  CATALOG_VERSION,
  codenames,
  endpointsForCodename,
  endpointsForProvider,
  EUR_TO_USD,
  getEndpoint,
  getProvider,
  PROVIDERS,
  resolveModelName,
} from '../src/catalog/catalog';
import { EXCLUDED } from '../src/catalog/data/excluded';
import { QUALITY_PRIORS } from '../src/catalog/quality-priors';
import { maxTrustFromEvidence } from '../src/catalog/trust';
import type { CatalogProviderId } from '../src/catalog/types';

const ALL_PROVIDERS: CatalogProviderId[] = [
  'openai',
  'anthropic',
  'google',
  'cohere',
  'groq',
  'together',
  'deepinfra',
  'scaleway',
  'cerebras',
  'ncompass',
  'nscale',
  'inception',
  'openrouter',
  'novita',
  'sambanova',
  'tinfoil',
  'xai',
  'byteplus',
  'google-free',
  'openrouter-free',
];
const FREE_PROVIDERS: CatalogProviderId[] = ['google-free', 'openrouter-free'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LATEST_AS_OF = '2026-12-07';
const providerOf = (e: { provider: string }) => PROVIDERS[e.provider as CatalogProviderId];

const endpoints = allEndpoints();

describe('catalog data', () => {
  it('has 90–130 endpoints with unique ids of the form provider/model', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(90);
    expect(endpoints.length).toBeLessThanOrEqual(130);
    const ids = endpoints.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of endpoints) expect(e.id).toBe(`${e.provider}/${e.model}`);
  });

  it('covers exactly the 18 providers and their 2 free tiers, each with at least one endpoint', () => {
    expect(Object.keys(PROVIDERS).sort()).toEqual([...ALL_PROVIDERS].sort());
    for (const id of ALL_PROVIDERS) {
      expect(PROVIDERS[id].id).toBe(id);
      expect(endpointsForProvider(id).length, id).toBeGreaterThanOrEqual(1);
    }
    for (const e of endpoints) expect(ALL_PROVIDERS).toContain(e.provider);
  });

  it('has sane prices with a dated source; only free tiers are priced 0', () => {
    for (const e of endpoints) {
      const p = e.pricing;
      const free = FREE_PROVIDERS.includes(e.provider as CatalogProviderId);
      if (free) expect([p.inputPerMTok, p.outputPerMTok], e.id).toEqual([0, 0]);
      else expect(Number.isFinite(p.inputPerMTok) && p.inputPerMTok > 0, e.id).toBe(true);
      expect(p.inputPerMTok, e.id).toBeLessThanOrEqual(200);
      expect(Number.isFinite(p.outputPerMTok) && p.outputPerMTok >= 0, e.id).toBe(true);
      if (p.cachedInputPerMTok !== undefined) {
        expect(p.cachedInputPerMTok, e.id).toBeGreaterThan(0);
        expect(p.cachedInputPerMTok, e.id).toBeLessThanOrEqual(p.inputPerMTok);
      }
      if (p.cacheWritePerMTok !== undefined) expect(p.cacheWritePerMTok, e.id).toBeGreaterThanOrEqual(p.inputPerMTok);
      expect(p.asOf, e.id).toMatch(ISO_DATE);
      expect(new Date(`${p.asOf}T00:00:00Z`).toISOString().slice(0, 10), e.id).toBe(p.asOf);
      expect(p.asOf <= LATEST_AS_OF, e.id).toBe(true);
      expect(p.source.length, e.id).toBeGreaterThan(10);
    }
  });

  it('flags the estimated prices, and only nCompass has them', () => {
    for (const e of endpoints) {
      const estimated = e.pricing.source.includes('estimate, no published price');
      expect(estimated, e.id).toBe(e.provider === 'ncompass');
    }
  });

  it('converts Scaleway EUR prices at the documented rate', () => {
    expect(EUR_TO_USD).toBe(1.08);
    const llama = getEndpoint('scaleway/llama-3.3-70b-instruct')!;
    expect(llama.pricing.inputPerMTok).toBeCloseTo(0.9 * 1.08, 6);
    for (const e of endpointsForProvider('scaleway')) expect(e.pricing.source).toContain('1.08');
  });

  it('has context windows of at least 4096 that hold the max output', () => {
    for (const e of endpoints) {
      expect(e.contextWindow, e.id).toBeGreaterThanOrEqual(4096);
      expect(e.maxOutputTokens, e.id).toBeGreaterThan(0);
      expect(e.maxOutputTokens, e.id).toBeLessThanOrEqual(e.contextWindow);
    }
  });

  it('inherits wire format and never exceeds the provider trust level', () => {
    for (const e of endpoints) {
      const provider = providerOf(e);
      expect(e.wireFormat, e.id).toBe(provider.wireFormat);
      expect([0, 1, 2, 3]).toContain(e.trustLevel);
      expect(e.trustLevel, e.id).toBeLessThanOrEqual(provider.trustLevel);
      expect(e.regions.length, e.id).toBeGreaterThan(0);
    }
  });

  it('uses the native wire format only for the four native providers', () => {
    expect(PROVIDERS.anthropic).toMatchObject({ wireFormat: 'anthropic', baseUrl: 'https://api.anthropic.com/v1' });
    expect(PROVIDERS.google).toMatchObject({ wireFormat: 'gemini', baseUrl: 'https://generativelanguage.googleapis.com/v1beta' });
    expect(PROVIDERS['google-free']).toMatchObject({ wireFormat: 'gemini', baseUrl: PROVIDERS.google.baseUrl });
    expect(PROVIDERS.cohere.wireFormat).toBe('cohere');
    const others = ALL_PROVIDERS.filter((p) => !['anthropic', 'google', 'google-free', 'cohere'].includes(p));
    for (const p of others) expect(PROVIDERS[p].wireFormat, p).toBe('openai');
  });

  it('has well-formed providers', () => {
    const keys = new Set<string>();
    for (const p of Object.values(PROVIDERS)) {
      expect(p.baseUrl, p.id).toMatch(/^https:\/\/[^\s]+[^/]$/);
      expect(p.apiKeyEnv, p.id).toMatch(/^[A-Z][A-Z0-9_]*_API_KEY$/);
      keys.add(p.apiKeyEnv);
      expect([0, 1, 2, 3]).toContain(p.trustLevel);
      expect(p.regions.length, p.id).toBeGreaterThan(0);
    }
    // Each free tier has its own key binding: a deployment opts into training terms explicitly.
    expect(keys.size).toBe(20);
  });

  it('has priors in range', () => {
    for (const e of endpoints) {
      expect(e.qualityPrior, e.id).toBeGreaterThanOrEqual(0);
      expect(e.qualityPrior, e.id).toBeLessThanOrEqual(1);
      expect(e.qualityPrior, e.id).toBe(QUALITY_PRIORS[e.codename as keyof typeof QUALITY_PRIORS]);
      expect(e.latency.ttftMs, e.id).toBeGreaterThan(0);
      expect(e.latency.tokensPerSec, e.id).toBeGreaterThan(0);
    }
  });

  it('uses published speeds where they exist', () => {
    expect(getEndpoint('cerebras/gpt-oss-120b')!.latency).toEqual({ ttftMs: 170, tokensPerSec: 1706 });
    expect(getEndpoint('groq/llama-3.1-8b-instant')!.latency.tokensPerSec).toBe(840);
    expect(getEndpoint('inception/mercury-2')!.latency.tokensPerSec).toBe(1009);
    const viaRouter = getEndpoint('openrouter/inception/mercury-2')!.latency;
    expect(viaRouter.ttftMs).toBeGreaterThan(getEndpoint('inception/mercury-2')!.latency.ttftMs);
  });

  it('contains none of the excluded rows', () => {
    for (const x of EXCLUDED) expect(getEndpoint(x.id), x.id).toBeUndefined();
  });

  it('only marks capabilities that make sense together', () => {
    for (const e of endpoints) expect(e.capabilities.streaming, e.id).toBe(true);
    expect(getEndpoint('novita/openai/gpt-oss-120b')!.capabilities.vision).toBe(false);
    expect(getEndpoint('nscale/Qwen/QwQ-32B')!.capabilities).toEqual({ tools: false, vision: false, jsonSchema: false, streaming: true });
  });
});

describe('catalog lookups', () => {
  it('lists sorted unique codenames, each resolving to its endpoints', () => {
    const names = codenames();
    expect([...names]).toEqual([...new Set(names)].sort());
    expect(names.length).toBe(new Set(endpoints.map((e) => e.codename)).size);
    for (const name of names) {
      expect(resolveModelName(name)).toEqual({ kind: 'codename', codename: name });
      const list = endpointsForCodename(name);
      expect(list.length).toBeGreaterThan(0);
      for (const e of list) expect(e.codename).toBe(name);
    }
    expect(endpointsForCodename('llama-3.3-70b').length).toBeGreaterThanOrEqual(8);
  });

  it('resolves endpoint ids and provider model ids', () => {
    for (const e of endpoints) expect(resolveModelName(e.id)).toEqual({ kind: 'endpoint', endpoint: e });
    const groq = resolveModelName('groq/llama-3.3-70b-versatile');
    expect(groq?.kind === 'endpoint' && groq.endpoint.provider).toBe('groq');
    // Unique upstream id → that endpoint.
    const haiku = resolveModelName('claude-haiku-4-5-20251001');
    expect(haiku?.kind === 'endpoint' && haiku.endpoint.id).toBe('anthropic/claude-haiku-4-5-20251001');
    // Shared upstream id of one family → the family.
    expect(resolveModelName('openai/gpt-oss-120b')).toEqual({ kind: 'codename', codename: 'gpt-oss-120b' });
    expect(resolveModelName('gpt-4o')).toEqual({ kind: 'codename', codename: 'gpt-4o' });
    expect(resolveModelName('claude-sonnet')).toEqual({ kind: 'codename', codename: 'claude-sonnet' });
  });

  it('falls back to case-insensitive matching and rejects unknown names', () => {
    expect(resolveModelName('GPT-4o')).toEqual({ kind: 'codename', codename: 'gpt-4o' });
    const sn = resolveModelName('sambanova/meta-llama-3.3-70b-instruct');
    expect(sn?.kind === 'endpoint' && sn.endpoint.id).toBe('sambanova/Meta-Llama-3.3-70B-Instruct');
    expect(resolveModelName('no-such-model')).toBeUndefined();
    expect(resolveModelName('')).toBeUndefined();
    expect(resolveModelName('groq/')).toBeUndefined();
    expect(getEndpoint('no/such')).toBeUndefined();
    expect(endpointsForCodename('no-such')).toEqual([]);
  });

  it('looks up providers', () => {
    expect(getProvider('groq')?.baseUrl).toBe('https://api.groq.com/openai/v1');
    expect(getProvider('nope')).toBeUndefined();
    expect(getProvider('toString')).toBeUndefined();
  });

  it('has a stable short catalog version', () => {
    expect(CATALOG_VERSION).toMatch(/^[0-9a-f]{8}$/);
  });
});
