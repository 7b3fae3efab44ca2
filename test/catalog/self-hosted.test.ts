import { describe, expect, it } from 'vitest';
import { parseSelfHosted } from '../../src/catalog/self-hosted';
import { buildCatalogView, upstreamAccess } from '../../src/catalog/view';
import type { Env } from '../../src/env';

const base = {
  id: 'onprem/llama-3.3-70b',
  baseUrl: 'https://llm.internal/v1',
  model: 'llama-3.3-70b',
  codename: 'llama-3.3-70b',
  pricing: { inputPerMTok: 0, outputPerMTok: 0 },
  contextWindow: 131_072,
  maxOutputTokens: 8_192,
  capabilities: { tools: true },
};
const onPrem = { ...base, trust: { level: 3, basis: 'on-premise', evidence: 'Runs in our Frankfurt rack, no third party' } };
const parse = (list: unknown) => parseSelfHosted(JSON.stringify(list), '2026-12-07');

describe('SELF_HOSTED_ENDPOINTS', () => {
  it('registers an OpenAI-format endpoint rated 3 on an on-premise declaration with evidence', () => {
    const { endpoints, errors } = parse([onPrem]);
    expect(errors).toEqual([]);
    expect(endpoints).toHaveLength(1);
    const e = endpoints[0];
    expect(e).toMatchObject({
      id: 'onprem/llama-3.3-70b',
      provider: 'self-hosted',
      wireFormat: 'openai',
      trustLevel: 3,
      qualityPrior: 0.75,
      upstream: { baseUrl: 'https://llm.internal/v1' },
    });
    expect(e.capabilities).toEqual({ tools: true, vision: false, jsonSchema: false, streaming: true });
    expect(e.trustEvidence).toMatchObject({ onPremise: true, quote: onPrem.trust.evidence });
  });

  it('rates an attested enclave 3, and anything without a declared basis 1 — saying why', () => {
    const attested = {
      ...base,
      id: 'enclave/llama',
      trust: { level: 3, basis: 'attested', evidence: 'SEV-SNP report checked by our client' },
    };
    const bare = { ...base, id: 'lab/llama', trust: { level: 3 } };
    const noEvidence = { ...base, id: 'lab2/llama', trust: { level: 3, basis: 'on-premise' } };
    const plain = { ...base, id: 'lab3/llama' };
    const { endpoints, errors } = parse([attested, bare, noEvidence, plain]);
    expect(endpoints.map((e) => [e.id, e.trustLevel])).toEqual([
      ['enclave/llama', 3],
      ['lab/llama', 1],
      ['lab2/llama', 1],
      ['lab3/llama', 1],
    ]);
    expect(endpoints[0].trustEvidence?.enclave).toBe(true);
    expect(errors).toEqual([
      expect.stringMatching(/\[1\] lab\/llama: trust 3 needs trust.basis .* rated 1/),
      expect.stringMatching(/\[2\] lab2\/llama: trust 3 needs/),
    ]);
  });

  it('refuses invalid entries with the reason and keeps the valid ones', () => {
    const { endpoints, errors } = parse([
      { ...base, id: 'groq/llama' }, // a catalog provider's prefix
      { ...base, id: 'no-slash' },
      { ...base, id: 'x/y', baseUrl: 'ftp://host/v1' },
      { ...base, id: 'x/z', maxOutputTokens: 200_000 },
      { ...base, id: 'x/w', codename: 'my-own-model' }, // unknown family, no qualityPrior
      { ...base, id: 'x/v', extra: true },
      onPrem,
      onPrem,
    ]);
    expect(endpoints.map((e) => e.id)).toEqual(['onprem/llama-3.3-70b']);
    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatch(/\[0\] ignored: id prefix 'groq' is reserved/);
    expect(errors[1]).toMatch(/\[1\] ignored: id: must look like/);
    expect(errors[2]).toMatch(/\[2\] ignored: baseUrl/);
    expect(errors[3]).toMatch(/\[3\] ignored: maxOutputTokens: must not exceed contextWindow/);
    expect(errors[4]).toMatch(/\[4\] ignored: qualityPrior is required/);
    expect(errors[5]).toMatch(/\[5\] ignored: .*extra/);
    expect(errors[6]).toMatch(/\[7\] ignored: duplicate id onprem\/llama-3.3-70b/);
    expect(parseSelfHosted('[', '2026-12-07').errors[0]).toMatch(/not valid JSON/);
  });

  it('resolves by id, by a new family name and by upstream model id in the deployment catalog', () => {
    const own = { ...onPrem, id: 'onprem/mistral', model: 'mistral-onprem-v2', codename: 'onprem-mistral', qualityPrior: 0.7 };
    const view = buildCatalogView({ SELF_HOSTED_ENDPOINTS: JSON.stringify([own]) });
    expect(view.resolveModelName('onprem/mistral')).toMatchObject({ kind: 'endpoint', endpoint: { id: 'onprem/mistral' } });
    expect(view.resolveModelName('onprem-mistral')).toEqual({ kind: 'codename', codename: 'onprem-mistral' });
    expect(view.resolveModelName('MISTRAL-ONPREM-V2')).toMatchObject({ kind: 'endpoint', endpoint: { id: 'onprem/mistral' } });
    // Catalog names keep their meaning.
    expect(view.resolveModelName('gpt-4o')).toEqual({ kind: 'codename', codename: 'gpt-4o' });
    expect(view.getEndpoint('onprem/mistral')?.trustLevel).toBe(3);
  });

  it('is reached at its own base URL, with its own key or none', () => {
    const withKey = { ...onPrem, id: 'k/llama', apiKeyEnv: 'ONPREM_API_KEY' };
    const view = buildCatalogView({ SELF_HOSTED_ENDPOINTS: JSON.stringify([onPrem, withKey]) });
    const env = { ONPREM_API_KEY: 'sekret' } as unknown as Env;
    expect(upstreamAccess(env, view.getEndpoint('onprem/llama-3.3-70b')!)).toEqual({
      name: 'onprem/llama-3.3-70b',
      baseUrl: 'https://llm.internal/v1',
      apiKey: '',
    });
    expect(upstreamAccess(env, view.getEndpoint('k/llama')!)?.apiKey).toBe('sekret');
    expect(upstreamAccess({} as Env, view.getEndpoint('k/llama')!)?.apiKey).toBeUndefined();
  });
});
