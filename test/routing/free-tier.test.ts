import { describe, expect, it } from 'vitest';
import { admin, BASE, chat, createTestKey, workerFetch } from '../helpers/gateway';

/** Free tiers (trust 0, price 0) through the worker; the simulated fleet serves them here (no free-tier keys are set). */

interface Decision {
  costUsd: number;
  trace: { chain: string[]; dropped: { id: string; stage: string; reason: string }[] };
}

async function decision(key: string, id: string): Promise<Decision> {
  for (let i = 0; i < 100; i++) {
    const res = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${key}` } });
    if (res.status === 200) return (await res.json()) as Decision;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`decision ${id} never appeared`);
}

async function catalogPrices(): Promise<Map<string, { price: number; trust: number }>> {
  const body = (await (await admin('/catalog')).json()) as {
    data: { id: string; pricing: { inputPerMTok: number; outputPerMTok: number }; trustLevel: number }[];
  };
  return new Map(body.data.map((e) => [e.id, { price: e.pricing.inputPerMTok + e.pricing.outputPerMTok, trust: e.trustLevel }]));
}

const hello = [{ role: 'user', content: 'Give me one word for happy.' }];

describe('trust_level 0', () => {
  it('with auto:cost, on a key that allows 0, is answered by a free endpoint at no cost', async () => {
    const { key } = await createTestKey({ name: 'free-ok', settings: { minTrustLevel: 0 } });
    const res = await chat(key, { model: 'auto:cost', trust_level: 0, messages: hello });
    expect(res.status).toBe(200);
    const endpoint = res.headers.get('x-cailos-endpoint')!;
    expect(res.headers.get('x-cailos-simulated')).toBe('true');
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0].message.content.length).toBeGreaterThan(0);
    const prices = await catalogPrices();
    expect(prices.get(endpoint)).toEqual({ price: 0, trust: 0 });
    expect((await decision(key, res.headers.get('x-cailos-decision-id')!)).costUsd).toBe(0);
  });

  it('on a key with the default minimum, never reaches a level-0 endpoint', async () => {
    const { key } = await createTestKey({ name: 'free-default' });
    const res = await chat(key, { model: 'auto:cost', trust_level: 0, messages: hello });
    expect(res.status).toBe(200);
    const d = await decision(key, res.headers.get('x-cailos-decision-id')!);
    const prices = await catalogPrices();
    for (const id of d.trace.chain) expect(prices.get(id)!.trust, id).toBeGreaterThanOrEqual(1);
    expect(d.costUsd).toBeGreaterThan(0);
    expect(d.trace.dropped.some((x) => x.stage === 'trust' && /trust 0 < required 1/.test(x.reason))).toBe(true);
  });
});
