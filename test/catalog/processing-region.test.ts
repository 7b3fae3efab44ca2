import { describe, expect, it } from 'vitest';
import { allEndpoints, PROVIDERS } from '../../src/catalog/catalog';
import { parseSelfHosted } from '../../src/catalog/self-hosted';

/**
 * Each endpoint's processing region (`processing`), the fact strict residency relies on: set only
 * where a provider's own page states where inference runs for the API the catalog calls, always with
 * that page, a quote and a date; absent (unknown) everywhere else.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('catalog processing regions', () => {
  const sourced = allEndpoints().filter((e) => e.processing);

  it('every endpoint with a processing region has a first-party source URL, a quote and a date', () => {
    expect(sourced.length).toBeGreaterThan(0);
    for (const e of sourced) {
      const p = e.processing!;
      expect(p.region, e.id).toMatch(/^[a-z]{2,16}$/);
      expect(p.region, e.id).not.toBe('global');
      expect(() => new URL(p.source), e.id).not.toThrow();
      expect(new URL(p.source).protocol, e.id).toBe('https:');
      expect(p.quote.trim().length, e.id).toBeGreaterThan(10);
      expect(p.asOf, e.id).toMatch(ISO_DATE);
      // The serving regions routing.region filters on must agree with the processing region.
      expect(e.regions, e.id).toContain(p.region);
    }
  });

  it("is a property of the provider: all of a provider's endpoints share it, and providers without one have none", () => {
    for (const provider of Object.values(PROVIDERS)) {
      for (const e of allEndpoints().filter((x) => x.provider === provider.id)) expect(e.processing, e.id).toEqual(provider.processing);
    }
  });

  it("Scaleway's endpoints are sourced to process in the EU; 'global' providers have no processing region", () => {
    const scaleway = allEndpoints().filter((e) => e.provider === 'scaleway');
    expect(scaleway.length).toBeGreaterThan(0);
    for (const e of scaleway) expect(e.processing?.region, e.id).toBe('eu');
    for (const e of allEndpoints().filter((x) => x.regions.includes('global'))) expect(e.processing, e.id).toBeUndefined();
  });
});

describe('self-hosted processing regions', () => {
  const base = {
    id: 'onprem/llama',
    baseUrl: 'https://llm.internal/v1',
    model: 'llama-3.3-70b',
    codename: 'llama-3.3-70b',
    pricing: { inputPerMTok: 0, outputPerMTok: 0 },
    contextWindow: 131_072,
    maxOutputTokens: 8_192,
    regions: ['eu'],
  };
  const parse = (list: unknown) => parseSelfHosted(JSON.stringify(list), '2026-12-07');

  it('an operator may declare one with its own statement as the source', () => {
    const { endpoints, errors } = parse([{ ...base, processing: { region: 'eu', source: 'Frankfurt rack FRA-2, contract 42' } }]);
    expect(errors).toEqual([]);
    expect(endpoints[0].processing).toEqual({
      region: 'eu',
      source: 'Frankfurt rack FRA-2, contract 42',
      quote: 'Declared by the operator in SELF_HOSTED_ENDPOINTS.',
      asOf: '2026-12-07',
    });
    expect(parse([base]).endpoints[0].processing).toBeUndefined();
  });

  it('refuses a declaration without a source, for "global", or outside the endpoint\'s regions', () => {
    const { endpoints, errors } = parse([
      { ...base, id: 'a/x', processing: { region: 'eu' } },
      { ...base, id: 'b/x', processing: { region: 'global', source: 's' } },
      { ...base, id: 'c/x', processing: { region: 'us', source: 's' } },
    ]);
    expect(endpoints).toEqual([]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/processing\.source/);
    expect(errors[1]).toMatch(/processing\.region/);
    expect(errors[2]).toMatch(/processing\.region/);
  });
});
