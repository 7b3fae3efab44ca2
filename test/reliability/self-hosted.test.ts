import { beforeAll, describe, expect, it } from 'vitest';
import { admin, BASE, createTestKey, workerFetch } from '../helpers/gateway';
import { chat, decision, fakeHits, readSse } from './helpers';

/**
 * Operator configuration through the worker (bindings in vitest.config.ts, trustConfig): a
 * self-hosted endpoint served by the loopback fake, and TRUST_OVERRIDES raising Anthropic to 2.
 */

const ID = 'onprem/llama-3.3-70b';
const UPSTREAM_MODEL = 'llama-3.3-70b-onprem';
const FAKE_ID = `selfhosted/${UPSTREAM_MODEL}`;
const AGREEMENT = 'ZDR addendum 2026-03, ref TEST-1';

let key: string;
beforeAll(async () => {
  key = (await createTestKey({ name: 'self-hosted' })).key;
});

const ask = (model: string, extra: Record<string, unknown> = {}) =>
  chat(key, { model, messages: [{ role: 'user', content: 'Where does this run?' }], ...extra });

async function answeredBySelfHosted(res: Response): Promise<void> {
  expect(res.status).toBe(200);
  expect(res.headers.get('x-cailos-endpoint')).toBe(ID);
  expect(res.headers.get('x-cailos-provider')).toBe('self-hosted');
  expect(res.headers.get('x-cailos-simulated')).toBeNull();
  const body = (await res.json()) as { choices: { message: { content: string } }[] };
  expect(body.choices[0].message.content).toBe(`Fake ${FAKE_ID} answers: Where does this run?`);
}

interface CatalogEntry {
  id: string;
  provider: string;
  trust: {
    level: number;
    defaultLevel: number;
    evidence: { onPremise?: boolean; quote: string } | null;
    override: { agreement: string } | null;
  };
}

describe('a self-hosted endpoint registered by configuration', () => {
  it('is listed by GET /admin/catalog at trust 3 with its evidence, and in /v1/models', async () => {
    const body = (await (await admin('/catalog')).json()) as { selfHosted: string[]; data: CatalogEntry[] };
    expect(body.selfHosted).toEqual([ID]);
    const e = body.data.find((x) => x.id === ID)!;
    expect(e.provider).toBe('self-hosted');
    expect(e.trust).toMatchObject({ level: 3, defaultLevel: 3, override: null, evidence: { onPremise: true } });
    const models = (await (await workerFetch(`${BASE}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      data: { id: string; owned_by: string }[];
    };
    expect(models.data).toContainEqual(expect.objectContaining({ id: 'onprem-llama', owned_by: 'self-hosted' }));
  });

  it('is routable by exact id, by family name and by upstream model id, at trust_level 3', async () => {
    const before = (await fakeHits())[FAKE_ID] ?? 0;
    await answeredBySelfHosted(await ask(ID, { trust_level: 3 }));
    await answeredBySelfHosted(await ask('onprem-llama', { trust_level: 3 }));
    await answeredBySelfHosted(await ask(UPSTREAM_MODEL));
    expect((await fakeHits())[FAKE_ID]).toBe(before + 3);
  });

  it('is routable by auto (here restricted to it), streamed', async () => {
    const res = await ask('auto:cost', { trust_level: 3, stream: true, routing: { providers: { allow: ['self-hosted'] } } });
    expect(res.headers.get('x-cailos-endpoint')).toBe(ID);
    const sse = await readSse(res);
    expect(sse.done).toBe(true);
    expect(sse.text).toBe(`Fake ${FAKE_ID} answers: Where does this run?`);
  });
});

describe('TRUST_OVERRIDES on a deployment', () => {
  it('raises exactly the named provider, shows the agreement, and reports the entry it rejected', async () => {
    const body = (await (await admin('/catalog')).json()) as {
      errors: string[];
      data: CatalogEntry[];
      trustOverrides: { applied: { provider: string }[] };
    };
    for (const e of body.data) {
      if (e.provider === 'anthropic') expect(e.trust).toMatchObject({ level: 2, defaultLevel: 1, override: { agreement: AGREEMENT } });
      else expect(e.trust.override, e.id).toBeNull();
    }
    expect(body.data.find((e) => e.provider === 'groq')!.trust.level).toBe(1);
    expect(body.trustOverrides.applied.map((o) => o.provider)).toEqual(['anthropic']);
    expect(body.errors).toEqual([
      expect.stringMatching(/TRUST_OVERRIDES\[1\] ignored: level 3 for 'groq' needs a hardware-attested enclave/),
    ]);
  });

  it('lets a trust_level 2 request reach that provider, and the decision trace names the agreement', async () => {
    const res = await ask('claude-sonnet', { trust_level: 2 });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-provider')).toBe('anthropic');
    await res.text();
    const d = (await decision(key, res.headers.get('x-cailos-decision-id')!)) as unknown as {
      trace: { stages: { stage: string; note?: string }[] };
    };
    expect(d.trace.stages.find((s) => s.stage === 'trust')?.note).toBe(`kept under override anthropic 1→2 (${AGREEMENT})`);
  });
});
