import { describe, expect, it } from 'vitest';
import { allEndpoints } from '../../src/catalog/catalog';
import { parseTrustOverrides } from '../../src/catalog/overrides';
import { catalogReport } from '../../src/catalog';
import { buildCatalogView, catalogView } from '../../src/catalog/view';
import type { Env } from '../../src/env';

const ANTHROPIC_ZDR = { provider: 'anthropic', level: 2, agreement: 'ZDR addendum 2026-03, ref ABC-123' };
const json = (x: unknown) => JSON.stringify(x);

describe('TRUST_OVERRIDES parsing', () => {
  it('accepts an entry with an agreement reference', () => {
    const o = parseTrustOverrides(json([ANTHROPIC_ZDR]));
    expect(o.errors).toEqual([]);
    expect(o.byProvider.get('anthropic')).toEqual(ANTHROPIC_ZDR);
  });

  it('rejects, with a reason, an entry without an agreement, above 2 without an enclave, unknown, duplicate or malformed', () => {
    const o = parseTrustOverrides(
      json([
        { provider: 'groq', level: 2 },
        { provider: 'openai', level: 3, agreement: 'Enterprise MSA 2026' },
        { provider: 'nope', level: 2, agreement: 'contract 1' },
        ANTHROPIC_ZDR,
        { ...ANTHROPIC_ZDR, level: 1 },
        { provider: 'xai', level: 2, agreement: '  ' },
        { provider: 'xai', level: 2.5, agreement: 'contract 2' },
        { provider: 'self-hosted', level: 3, agreement: 'ours' },
        'anthropic',
      ]),
    );
    expect([...o.byProvider.keys()]).toEqual(['anthropic']);
    expect(o.byProvider.get('anthropic')!.level).toBe(2); // the first entry for a provider stands
    expect(o.errors).toHaveLength(8);
    expect(o.errors[0]).toMatch(/TRUST_OVERRIDES\[0\] ignored: .*agreement/);
    expect(o.errors[1]).toMatch(/\[1\] ignored: level 3 for 'openai' needs a hardware-attested enclave/);
    expect(o.errors[2]).toMatch(/unknown provider 'nope'/);
    expect(o.errors[3]).toMatch(/\[4\] ignored: 'anthropic' is already overridden by entry 3/);
    expect(o.errors[4]).toMatch(/\[5\] ignored: .*agreement/);
    expect(o.errors[5]).toMatch(/\[6\] ignored: level/);
    expect(o.errors[6]).toMatch(/SELF_HOSTED_ENDPOINTS/);
  });

  it('accepts level 3 only for a provider whose own evidence is an attested enclave', () => {
    expect(parseTrustOverrides(json([{ provider: 'tinfoil', level: 3, agreement: 'attestation audit 2026-05' }])).errors).toEqual([]);
  });

  it('reports text that is not a JSON array and applies nothing', () => {
    expect(parseTrustOverrides('{oops').errors[0]).toMatch(/not valid JSON/);
    expect(parseTrustOverrides(json(ANTHROPIC_ZDR)).errors[0]).toMatch(/must be a JSON array/);
    expect(parseTrustOverrides(undefined)).toEqual({ byProvider: new Map(), errors: [] });
    expect(parseTrustOverrides('  ').errors).toEqual([]);
  });
});

describe('overrides in the deployment catalog', () => {
  it('raise exactly the named provider, recording the default and the agreement', () => {
    const view = buildCatalogView({ TRUST_OVERRIDES: json([ANTHROPIC_ZDR]) });
    const defaults = new Map(allEndpoints().map((e) => [e.id, e]));
    expect(view.endpoints).toHaveLength(defaults.size);
    let raised = 0;
    for (const e of view.endpoints) {
      const before = defaults.get(e.id)!;
      if (e.provider === 'anthropic') {
        raised++;
        expect(e.trustLevel).toBe(2);
        expect(e.trustOverride).toEqual({ level: 2, defaultLevel: before.trustLevel, agreement: ANTHROPIC_ZDR.agreement });
      } else {
        expect(e).toBe(before);
      }
    }
    expect(raised).toBe(allEndpoints().filter((e) => e.provider === 'anthropic').length);
    expect(raised).toBeGreaterThan(0);
  });

  it('is parsed once per configuration text: the same text gives the same view', () => {
    const text = json([ANTHROPIC_ZDR]);
    const a = catalogView({ TRUST_OVERRIDES: text });
    expect(catalogView({ TRUST_OVERRIDES: `${text}` })).toBe(a);
    expect(catalogView({ TRUST_OVERRIDES: json([{ ...ANTHROPIC_ZDR, level: 1 }]) })).not.toBe(a);
  });

  it('GET /admin/catalog data: level, default level, evidence, override with agreement, and the rejected entries', () => {
    const env = { TRUST_OVERRIDES: json([ANTHROPIC_ZDR, { provider: 'groq', level: 2 }]) } as unknown as Env;
    const report = catalogReport(env);
    expect(report.count).toBe(report.data.length);
    const claude = report.data.find((e) => e.provider === 'anthropic')!;
    expect(claude.trust).toMatchObject({
      level: 2,
      defaultLevel: 1,
      override: { agreement: ANTHROPIC_ZDR.agreement },
      limitedBy: 'inputs kept up to 30 days',
    });
    expect(claude.trust.evidence?.source).toMatch(/Commercial Terms/);
    const groq = report.data.find((e) => e.provider === 'groq')!;
    expect(groq.trust).toMatchObject({ level: 1, defaultLevel: 1, override: null });
    expect(report.trustOverrides.applied).toEqual([
      {
        provider: 'anthropic',
        level: 2,
        defaultLevel: 1,
        agreement: ANTHROPIC_ZDR.agreement,
        endpoints: report.data.filter((e) => e.provider === 'anthropic').length,
      },
    ]);
    expect(report.errors).toEqual([expect.stringMatching(/TRUST_OVERRIDES\[1\] ignored: .*agreement/)]);
    expect(Object.values(report.byTrust).reduce((a, b) => a + b, 0)).toBe(report.count);
  });
});
