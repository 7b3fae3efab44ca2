import { describe, expect, it } from 'vitest';
import { allEndpoints, endpointsForProvider, PROVIDERS } from '../../src/catalog/catalog';
import { maxTrustFromEvidence, trustLimitReason } from '../../src/catalog/trust';
import type { CatalogProviderId, TrustEvidence } from '../../src/catalog/types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const providers = Object.values(PROVIDERS);

/** Evidence of a provider with no retention, no training and a GDPR commitment; cases vary one field. */
const clean: TrustEvidence = {
  policyFound: true,
  retentionDays: 0,
  trainsOnInputs: false,
  compliance: ['GDPR'],
  quote: 'q',
  source: 's',
  asOf: '2026-01-01',
};

describe('maxTrustFromEvidence (the product definitions)', () => {
  it('level 2 needs no retention, an explicit no-training commitment and SOC 2 / GDPR', () => {
    expect(maxTrustFromEvidence(clean)).toBe(2);
    expect(maxTrustFromEvidence({ ...clean, compliance: [] })).toBe(1);
    expect(maxTrustFromEvidence({ ...clean, trainsOnInputs: null })).toBe(1);
  });

  it('any retention of inputs, or retention not documented, is at most 1', () => {
    for (const retentionDays of [1, 30, 55, null]) expect(maxTrustFromEvidence({ ...clean, retentionDays }), String(retentionDays)).toBe(1);
  });

  it('no policy found is at most 1; training on inputs is 0', () => {
    expect(maxTrustFromEvidence({ ...clean, policyFound: false })).toBe(1);
    expect(maxTrustFromEvidence({ ...clean, trainsOnInputs: true })).toBe(0);
    expect(maxTrustFromEvidence({ ...clean, trainsOnInputs: true, enclave: true })).toBe(0);
  });

  it('3 only with an attested enclave or on-premise', () => {
    expect(maxTrustFromEvidence({ ...clean, enclave: true })).toBe(3);
    expect(maxTrustFromEvidence({ ...clean, retentionDays: null, compliance: [], onPremise: true })).toBe(3);
    expect(maxTrustFromEvidence({ ...clean, zdrAvailable: true })).toBe(2);
  });

  it('names what stops the evidence at its level', () => {
    expect(trustLimitReason({ ...clean, retentionDays: 30 })).toBe('inputs kept up to 30 days');
    expect(trustLimitReason({ ...clean, compliance: [] })).toMatch(/SOC 2/);
    expect(trustLimitReason({ ...clean, trainsOnInputs: true })).toBe('may train on inputs');
  });
});

describe('catalog trust levels', () => {
  it('every provider level is exactly what its evidence supports, with a dated source', () => {
    for (const p of providers) {
      expect(p.trustLevel, p.id).toBe(maxTrustFromEvidence(p.trustEvidence));
      expect(p.trustEvidence.quote.length, p.id).toBeGreaterThan(10);
      expect(p.trustEvidence.source.length, p.id).toBeGreaterThan(10);
      expect(p.trustEvidence.asOf, p.id).toMatch(ISO_DATE);
    }
  });

  it('no provider that keeps inputs on default terms (or does not say) is rated 2 or more without an enclave', () => {
    for (const p of providers) {
      const e = p.trustEvidence;
      if (e.retentionDays !== 0 && !e.enclave && !e.onPremise) expect(p.trustLevel, p.id).toBeLessThanOrEqual(1);
      if (e.trainsOnInputs === true) expect(p.trustLevel, p.id).toBe(0);
    }
  });

  it('rates abuse-monitoring retention (OpenAI, Anthropic, Google, Groq, xAI) and Together as standard, as the product does', () => {
    for (const id of ['openai', 'anthropic', 'google', 'groq', 'xai', 'together'] as CatalogProviderId[])
      expect(PROVIDERS[id].trustLevel, id).toBe(1);
    expect(PROVIDERS.cohere.trustLevel).toBe(0); // trains on API data by default
    expect(PROVIDERS.tinfoil.trustLevel).toBe(3);
  });

  it('every endpoint carries its provider level and evidence', () => {
    for (const e of allEndpoints()) {
      const p = PROVIDERS[e.provider as CatalogProviderId];
      expect(e.trustLevel, e.id).toBe(p.trustLevel);
      expect(e.trustEvidence, e.id).toBe(p.trustEvidence);
      expect(e.trustOverride, e.id).toBeUndefined();
    }
  });

  it('has free endpoints at level 0, priced 0, with their rate limits and sources', () => {
    const free = [...endpointsForProvider('google-free'), ...endpointsForProvider('openrouter-free')];
    expect(free.length).toBeGreaterThanOrEqual(5);
    for (const e of free) {
      expect(e.trustLevel, e.id).toBe(0);
      expect([e.pricing.inputPerMTok, e.pricing.outputPerMTok], e.id).toEqual([0, 0]);
      expect(e.freeTier, e.id).toBeDefined();
      expect(e.freeTier!.source.length, e.id).toBeGreaterThan(10);
      expect(e.freeTier!.asOf, e.id).toMatch(ISO_DATE);
    }
    expect(endpointsForProvider('openrouter-free').every((e) => e.model.endsWith(':free') && e.freeTier!.requestsPerMinute === 20)).toBe(
      true,
    );
    // Only free tiers are free: a paid endpoint never carries free-tier limits.
    for (const e of allEndpoints()) if (!free.includes(e)) expect(e.freeTier, e.id).toBeUndefined();
  });
});
