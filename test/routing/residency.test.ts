import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { admin, apiRefusal, chat, createTestKey, decisionTrace, openaiClient } from '../helpers/gateway';

/**
 * Strict residency: a key's `residency` setting or the request's `routing.residency` admits only
 * endpoints whose processing region is sourced (catalog `processing`) to be that region; `global`
 * and undocumented endpoints never qualify, and when nothing does the request fails (422
 * `residency_unavailable`) instead of falling back elsewhere. `routing.region` stays a preference
 * that admits `global` endpoints.
 */

interface CatalogRow {
  id: string;
  codename: string;
  regions: string[];
  processing?: { region: string; source: string };
}

interface Trace {
  stages: { stage: string; kept: number; note?: string }[];
  dropped: { id: string; stage: string; reason: string }[];
  candidates: { id: string }[];
  chain: string[];
}

const MODELS = ['auto', 'auto:cost', 'auto:quality', 'auto:speed', 'auto:balanced', 'llama-3.3-70b', 'gpt-oss-120b:cost', 'mistral-small'];

async function catalog(): Promise<CatalogRow[]> {
  return ((await (await admin('/catalog')).json()) as { data: CatalogRow[] }).data;
}

async function call(key: string, model: string, routing?: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const body = { model, messages: [{ role: 'user' as const, content: 'Summarise the water cycle in one line.' }], ...extra };
  const { data, response } = await openaiClient(key)
    .chat.completions.create({ ...body, ...(routing ? { routing } : {}) } as OpenAI.ChatCompletionCreateParamsNonStreaming)
    .withResponse();
  return { data, endpoint: response.headers.get('x-cailos-endpoint')!, decision: response.headers.get('x-cailos-decision-id')! };
}

const trace = (key: string, id: string) => decisionTrace<Trace>(key, id);

describe('strict residency', () => {
  it('a key with residency "eu" is only ever routed to endpoints sourced to process in the EU, across models and strategies', async () => {
    const rows = await catalog();
    const eu = new Set(rows.filter((e) => e.processing?.region === 'eu').map((e) => e.id));
    expect(eu.size).toBeGreaterThan(0);
    const k = await createTestKey({ name: 'eu-key', settings: { residency: 'eu' } });
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      for (const model of MODELS) {
        const { endpoint, decision } = await call(k.key, model);
        expect(eu.has(endpoint)).toBe(true);
        seen.add(endpoint);
        if (round === 0 && model === 'auto:quality') {
          const t = await trace(k.key, decision);
          for (const id of [...t.chain, ...t.candidates.map((c) => c.id)]) expect(eu.has(id)).toBe(true);
          expect(t.stages.find((s) => s.stage === 'residency')?.note).toBe("key residency 'eu'");
          const drops = t.dropped.filter((d) => d.stage === 'residency');
          expect(drops.length).toBe(rows.length - eu.size);
          expect(drops.find((d) => d.id === 'openai/gpt-4o')?.reason).toBe("processing region not sourced (key residency 'eu')");
          const apac = rows.find((e) => e.processing && e.processing.region !== 'eu');
          if (apac)
            expect(drops.find((d) => d.id === apac.id)?.reason).toBe(`processed in '${apac.processing!.region}' (key residency 'eu')`);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('the request hint routing.residency does the same for any key, streamed or not', async () => {
    const rows = await catalog();
    const eu = new Set(rows.filter((e) => e.processing?.region === 'eu').map((e) => e.id));
    const k = await createTestKey({ name: 'eu-hint' });
    for (const model of MODELS) expect(eu.has((await call(k.key, model, { residency: 'eu' })).endpoint)).toBe(true);
    const stream = await chat(k.key, {
      model: 'auto:speed',
      stream: true,
      routing: { residency: 'eu' },
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(stream.status).toBe(200);
    expect(eu.has(stream.headers.get('x-cailos-endpoint')!)).toBe(true);
    await stream.text();
    const { decision } = await call(k.key, 'auto', { residency: 'eu' });
    expect((await trace(k.key, decision)).stages.find((s) => s.stage === 'residency')?.note).toBe("routing.residency 'eu'");
  });

  it('the chain never leaves the region: with every EU endpoint of a family failing, the request fails rather than falls back', async () => {
    const k = await createTestKey({ name: 'eu-failover' });
    const rows = await catalog();
    const euLlama = rows.filter((e) => e.codename === 'llama-3.3-70b' && e.processing?.region === 'eu');
    expect(euLlama.length).toBeGreaterThan(0);
    for (const e of euLlama) await admin('/sim/faults', { body: { target: e.id, fault: 'http_500' } });
    try {
      const res = await chat(k.key, { model: 'llama-3.3-70b', routing: { residency: 'eu' }, messages: [{ role: 'user', content: 'Hi' }] });
      expect(res.status).toBe(502);
      const ok = await chat(k.key, { model: 'llama-3.3-70b', messages: [{ role: 'user', content: 'Hi' }] });
      expect(ok.status).toBe(200);
    } finally {
      await admin('/sim/faults', { method: 'DELETE' });
      await admin('/breakers', { method: 'DELETE' });
    }
  });

  it('when no endpoint qualifies: 422 residency_unavailable naming the region, never a silent fallback', async () => {
    const k = await createTestKey({ name: 'eu-none', settings: { residency: 'eu' } });
    const err = await apiRefusal(call(k.key, 'gpt-4o'));
    expect(err.status).toBe(422);
    expect(err.code).toBe('residency_unavailable');
    expect(err.param).toBe('model');
    expect(err.message).toContain("model 'gpt-4o'");
    expect(err.message).toContain("'eu'");
    expect(err.message).toMatch(/global/);

    const plain = await createTestKey({ name: 'nowhere' });
    const none = await apiRefusal(call(plain.key, 'auto', { residency: 'sa' }));
    expect(none.status).toBe(422);
    expect(none.code).toBe('residency_unavailable');
    expect(none.param).toBe('routing.residency');

    // A request cannot ask for another region than its key's.
    const conflict = await apiRefusal(call(k.key, 'auto', { residency: 'us' }));
    expect(conflict.status).toBe(422);
    expect(conflict.code).toBe('residency_unavailable');
    expect(conflict.message).toContain("'us'");
    expect(conflict.message).toContain("'eu'");
  });

  it('validates the hint and the setting: a region code, never "global"', async () => {
    const k = await createTestKey({ name: 'eu-validate' });
    for (const residency of ['global', '', 42, 'e u']) {
      const res = await chat(k.key, { model: 'auto', routing: { residency }, messages: [{ role: 'user', content: 'Hi' }] });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe('routing.residency');
    }
    const bad = await admin('/keys', { body: { name: 'bad-residency', settings: { residency: 'global' } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('settings.residency');
  });

  it('routing.region alone is a preference: it still admits global endpoints whose processing region is unknown', async () => {
    const k = await createTestKey({ name: 'region-pref' });
    const { decision } = await call(k.key, 'auto:cost', { region: 'eu' });
    const t = await trace(k.key, decision);
    const rows = new Map((await catalog()).map((e) => [e.id, e]));
    const kept = t.candidates.map((c) => rows.get(c.id)!);
    expect(kept.some((e) => e.regions.includes('global') && !e.processing)).toBe(true);
    expect(t.stages.some((s) => s.stage === 'residency')).toBe(false);
  });
});
