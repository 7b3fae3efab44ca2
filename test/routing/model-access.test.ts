import { describe, expect, it } from 'vitest';
import { admin, apiRefusal, createTestKey, decisionTrace, openaiClient } from '../helpers/gateway';

/**
 * A key's model allow/deny lists (`allowModels`, `denyModels`): rules name a model family, an
 * upstream model id, a provider or an endpoint id (optionally as `family:`, `model:`, `provider:`,
 * `endpoint:`); deny wins. They constrain routing: `auto` only considers allowed endpoints, and a
 * model the rules exclude entirely is refused with 403 `model_not_allowed`.
 */

interface Trace {
  stages: { stage: string; kept: number; note?: string }[];
  dropped: { id: string; stage: string; reason: string }[];
  chain: string[];
}

const STRATEGIES = ['auto', 'auto:cost', 'auto:quality', 'auto:speed', 'auto:balanced'];

async function call(key: string, model: string) {
  const { data, response } = await openaiClient(key)
    .chat.completions.create({ model, messages: [{ role: 'user', content: 'Write one sentence about rivers.' }] })
    .withResponse();
  return { data, endpoint: response.headers.get('x-cailos-endpoint')!, decision: response.headers.get('x-cailos-decision-id')! };
}

const trace = (key: string, id: string) => decisionTrace<Trace>(key, id);

async function endpointsOf(family: string): Promise<{ id: string; provider: string; model: string }[]> {
  const report = (await (await admin('/catalog')).json()) as { data: { id: string; provider: string; model: string; codename: string }[] };
  return report.data.filter((e) => e.codename === family);
}

describe('model allow/deny lists on a key', () => {
  it('a denied model family asked for by name gets 403 model_not_allowed naming the model and the rule', async () => {
    const k = await createTestKey({ name: 'deny-family', settings: { denyModels: ['gpt-4o'] } });
    const err = await apiRefusal(call(k.key, 'gpt-4o'));
    expect(err.status).toBe(403);
    expect(err.code).toBe('model_not_allowed');
    expect(err.type).toBe('permission_error');
    expect(err.param).toBe('model');
    expect(err.message).toContain("'gpt-4o'");
    expect(err.message).toContain("deny rule 'gpt-4o'");
    // Other models still work.
    expect((await call(k.key, 'llama-3.3-70b')).data.choices.length).toBe(1);
  });

  it('denies by endpoint id and by upstream model id, and deny wins over allow', async () => {
    const k = await createTestKey({
      name: 'deny-endpoint',
      settings: { allowModels: ['llama-3.3-70b', 'groq/llama-3.3-70b-versatile'], denyModels: ['model:llama-3.3-70b-versatile'] },
    });
    const err = await apiRefusal(call(k.key, 'groq/llama-3.3-70b-versatile'));
    expect(err.status).toBe(403);
    expect(err.code).toBe('model_not_allowed');
    expect(err.message).toContain("'groq/llama-3.3-70b-versatile'");
    expect(err.message).toContain("deny rule 'model:llama-3.3-70b-versatile'");
    // The family is allowed: it routes to the providers the deny rule leaves.
    for (let i = 0; i < 5; i++) expect((await call(k.key, 'llama-3.3-70b')).endpoint).not.toBe('groq/llama-3.3-70b-versatile');
  });

  it('a denied provider is a routing constraint: the family routes to its other providers, and the trace names the rule', async () => {
    const k = await createTestKey({ name: 'deny-provider', settings: { denyModels: ['provider:groq'] } });
    const groq = (await endpointsOf('llama-3.3-70b')).filter((e) => e.provider === 'groq');
    expect(groq.length).toBeGreaterThan(0);
    const { endpoint, decision } = await call(k.key, 'llama-3.3-70b:speed');
    expect(endpoint.startsWith('groq/')).toBe(false);
    const t = await trace(k.key, decision);
    const access = t.stages.find((s) => s.stage === 'access');
    expect(access?.note).toContain("deny 'provider:groq'");
    const drops = t.dropped.filter((d) => d.stage === 'access');
    expect(drops.map((d) => d.id).sort()).toEqual(groq.map((e) => e.id).sort());
    for (const d of drops) expect(d.reason).toBe("deny rule 'provider:groq' (provider groq)");
    expect(t.chain.some((id) => id.startsWith('groq/'))).toBe(false);
  });

  it('auto, under every strategy, only considers allowed endpoints', async () => {
    const k = await createTestKey({ name: 'allow-family', settings: { allowModels: ['llama-3.3-70b', 'family:gpt-oss-120b'] } });
    const allowed = new Set([...(await endpointsOf('llama-3.3-70b')), ...(await endpointsOf('gpt-oss-120b'))].map((e) => e.id));
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      for (const model of STRATEGIES) {
        const { endpoint, decision } = await call(k.key, model);
        expect(allowed.has(endpoint)).toBe(true);
        seen.add(endpoint);
        if (i === 0 && model === 'auto:quality') {
          const t = await trace(k.key, decision);
          for (const id of t.chain) expect(allowed.has(id)).toBe(true);
          const drop = t.dropped.find((d) => d.stage === 'access');
          expect(drop?.reason).toBe("not in allow list ('llama-3.3-70b', 'family:gpt-oss-120b')");
        }
      }
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('when the rules leave nothing, auto gets 403 model_not_allowed too', async () => {
    const k = await createTestKey({ name: 'allow-nothing', settings: { allowModels: ['family:no-such-family'] } });
    const err = await apiRefusal(call(k.key, 'auto:cost'));
    expect(err.status).toBe(403);
    expect(err.code).toBe('model_not_allowed');
    expect(err.message).toContain("allow list ('family:no-such-family')");
  });

  it('rules are validated when set: a list of non-empty strings', async () => {
    for (const bad of ['gpt-4o', [''], [42], Array.from({ length: 201 }, (_, i) => `m${i}`)]) {
      const res = await admin('/keys', { body: { name: 'bad-rules', settings: { denyModels: bad } } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toMatch(/^settings\.denyModels/);
    }
    const k = await createTestKey({ name: 'patched-rules' });
    expect((await call(k.key, 'gpt-4o')).data.choices.length).toBe(1);
    expect((await admin(`/keys/${k.id}`, { method: 'PATCH', body: { denyModels: ['endpoint:openai/gpt-4o'] } })).status).toBe(200);
    expect((await apiRefusal(call(k.key, 'gpt-4o'))).code).toBe('model_not_allowed');
  });
});
