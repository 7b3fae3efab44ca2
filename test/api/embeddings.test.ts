import OpenAI from 'openai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embeddingEndpoints, getEmbeddingEndpoint } from '../../src/catalog';
import { PROVIDERS } from '../../src/catalog/providers';
import { flushRequestLog } from '../../src/db/request-log';
import { admin, BASE, clearFaults, createTestKey, env, openaiClient, workerFetch } from '../helpers/gateway';
import { storedD1Text, storedKvText } from '../helpers/stored-text';

/** POST /v1/embeddings through the worker, driven by the official openai client (simulated fleet). */

let key: string;
let client: OpenAI;

beforeAll(async () => {
  key = (await createTestKey({ name: 'embeddings' })).key;
  client = openaiClient(key);
});

afterEach(async () => {
  await clearFaults();
  // Failures injected by one test must not leave a breaker open for the next.
  await admin('/breakers', { method: 'DELETE' });
});

function embed(apiKey: string, body: unknown): Promise<Response> {
  return workerFetch(`${BASE}/v1/embeddings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(res: Response): Promise<{ status: number; message: string; type: string; param: string | null; code: string }> {
  const body = (await res.json()) as { error: { message: string; type: string; param: string | null; code: string } };
  return { status: res.status, ...body.error };
}

interface Trace {
  strategy: string;
  stages: { stage: string; kept: number; note?: string }[];
  dropped: { id: string; stage: string; reason: string }[];
  chain: string[];
  attempts: { endpointId: string; outcome: string; errorKind?: string }[];
}

async function traceOf(decisionId: string): Promise<Trace> {
  return ((await client.get(`/routing/decisions/${decisionId}`)) as { trace: Trace }).trace;
}

const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));

/** OpenAI's base64 encoding: little-endian float32. */
function decodeBase64(text: string): number[] {
  const bin = atob(text);
  const view = new DataView(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) view.setUint8(i, bin.charCodeAt(i));
  return Array.from({ length: bin.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

describe('the embedding catalog', () => {
  it('every row is sourced, priced per input token only, and as trustworthy as its provider', () => {
    const rows = embeddingEndpoints(env);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const e of rows) {
      expect(e.pricing.source.length, e.id).toBeGreaterThan(10);
      expect(e.embedding.source.length, e.id).toBeGreaterThan(10);
      expect(e.pricing.inputPerMTok, e.id).toBeGreaterThan(0);
      expect(e.pricing.outputPerMTok).toBe(0);
      const provider = PROVIDERS[e.provider as keyof typeof PROVIDERS];
      expect(e.trustLevel).toBe(provider.trustLevel);
      expect(e.trustEvidence).toBe(provider.trustEvidence);
      expect(e.contextWindow).toBe(e.embedding.maxInputTokens);
    }
    // One family, one default length: otherwise a fallback could change the vectors' size.
    const lengths = new Map<string, Set<number>>();
    for (const e of rows) lengths.set(e.codename, (lengths.get(e.codename) ?? new Set()).add(e.embedding.defaultDimensions));
    for (const [family, set] of lengths) expect(set.size, family).toBe(1);
    const formats = new Set(rows.map((e) => e.wireFormat));
    expect([...formats].sort()).toEqual(['cohere', 'gemini', 'openai']);
  });
});

describe('POST /v1/embeddings with the official openai client', () => {
  it('embeds one text with a named model: unit vector, usage with cost, routing headers', async () => {
    const { data, response } = await client.embeddings
      .create({ model: 'text-embedding-3-small', input: 'The food was delicious' })
      .withResponse();
    expect(data.object).toBe('list');
    expect(data.model).toBe('text-embedding-3-small');
    expect(data.data).toHaveLength(1);
    expect(data.data[0].index).toBe(0);
    // The client asked for base64 (its default) and decoded it: float32 values of a unit vector.
    expect(data.data[0].embedding).toHaveLength(1536);
    expect(norm(data.data[0].embedding)).toBeCloseTo(1, 5);
    expect(data.usage.prompt_tokens).toBe(6);
    expect(data.usage.total_tokens).toBe(6);
    const cost = (data.usage as unknown as { cost: number }).cost;
    expect(cost).toBeCloseTo((6 * 0.02) / 1e6, 15);
    expect(response.headers.get('x-cailos-endpoint')).toBe('openai/text-embedding-3-small');
    expect(response.headers.get('x-cailos-provider')).toBe('openai');
    expect(response.headers.get('x-cailos-simulated')).toBe('true');
    expect(Number(response.headers.get('x-cailos-cost'))).toBeCloseTo(cost, 15);
    const decision = response.headers.get('x-cailos-decision-id')!;
    expect(decision).toMatch(/^[0-9A-Za-z]{24}$/);
    const trace = await traceOf(decision);
    expect(trace.chain).toEqual(['openai/text-embedding-3-small', 'openrouter/openai/text-embedding-3-small']);
    expect(trace.stages.map((s) => s.stage)).toEqual([
      'parse_spec',
      'candidates',
      'input',
      'dimensions',
      'input_length',
      'trust',
      'policy',
      'family',
      'health',
      'rank',
    ]);
  });

  it('encoding_format base64 is little-endian float32 of the same vector float gives', async () => {
    const asBase64 = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'same text', encoding_format: 'base64' });
    const asFloat = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'same text', encoding_format: 'float' });
    const encoded = asBase64.data[0].embedding as unknown as string;
    expect(typeof encoded).toBe('string');
    const floats = asFloat.data[0].embedding;
    expect(Array.isArray(floats)).toBe(true);
    const decoded = decodeBase64(encoded);
    expect(decoded).toHaveLength(1536);
    decoded.forEach((x, i) => expect(x).toBeCloseTo(floats[i], 6));
  });

  it('auto takes the default family; auto:cost the cheapest eligible one', async () => {
    const { data: def, response: r1 } = await client.embeddings.create({ model: 'auto', input: 'cheap or default?' }).withResponse();
    expect(r1.headers.get('x-cailos-endpoint')).toBe('openai/text-embedding-3-small');
    expect(def.data[0].embedding).toHaveLength(1536);
    const { data: cheap, response: r2 } = await client.embeddings.create({ model: 'auto:cost', input: 'cheap or default?' }).withResponse();
    // $0.01/M: bge-m3 and qwen3-embedding-8b tie on price; the family order breaks the tie, the
    // host with the lower latency prior leads the chain.
    expect(r2.headers.get('x-cailos-endpoint')).toBe('deepinfra/BAAI/bge-m3-multi-8k');
    expect(r2.headers.get('x-cailos-strategy')).toBe('cost');
    expect(cheap.model).toBe('BAAI/bge-m3-multi-8k');
    expect(cheap.data[0].embedding).toHaveLength(1024);
    const cheapCost = (cheap.usage as unknown as { cost: number }).cost;
    expect(cheapCost).toBeLessThan((def.usage as unknown as { cost: number }).cost);
    const trace = await traceOf(r2.headers.get('x-cailos-decision-id')!);
    expect(trace.strategy).toBe('cost');
    expect(trace.stages.find((s) => s.stage === 'family')!.note).toMatch(/^bge-m3, 1024 dimensions \(cheapest\)/);
    expect(trace.chain).toEqual(['deepinfra/BAAI/bge-m3-multi-8k', 'openrouter/baai/bge-m3']);
  });

  it('dimensions go only to endpoints that return that length; 400 when none does', async () => {
    const short = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'short please', dimensions: 256 });
    expect(short.data[0].embedding).toHaveLength(256);
    expect(norm(short.data[0].embedding)).toBeCloseTo(1, 5);
    // Gemini's Matryoshka lengths are documented for Google's own endpoint, not for OpenRouter's.
    const { data, response } = await client.embeddings
      .create({ model: 'gemini-embedding-001', input: 'gemini, natively', dimensions: 768 })
      .withResponse();
    expect(response.headers.get('x-cailos-endpoint')).toBe('google/gemini-embedding-001');
    expect(data.data[0].embedding).toHaveLength(768);
    const trace = await traceOf(response.headers.get('x-cailos-decision-id')!);
    expect(trace.dropped).toContainEqual({
      id: 'openrouter/google/gemini-embedding-001',
      stage: 'dimensions',
      reason: 'cannot return 768-dimensional vectors',
    });
    expect(trace.chain).toEqual(['google/gemini-embedding-001']);
    const refused = await client.embeddings.create({ model: 'bge-m3', input: 'x', dimensions: 256 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('dimensions');
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('no_endpoint_meets_constraints');
  });

  it('embeds a batch in input order, each vector the one the text gets alone', async () => {
    const texts = ['first', 'second', 'third'];
    const batch = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
    expect(batch.data.map((d) => d.index)).toEqual([0, 1, 2]);
    const alone = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'second' });
    expect(batch.data[1].embedding).toEqual(alone.data[0].embedding);
    expect(batch.data[0].embedding).not.toEqual(batch.data[1].embedding);
  });

  it('a batch larger than a host takes leaves that host out of the chain', async () => {
    const input = Array.from({ length: 100 }, (_, i) => `item ${i}`);
    const { data, response } = await client.embeddings.create({ model: 'auto:cost', input }).withResponse();
    expect(data.data).toHaveLength(100);
    // The $0.01 hosts document no batch limit (96 assumed): the cheapest family left is text-embedding-3-small, OpenAI only.
    expect(response.headers.get('x-cailos-endpoint')).toBe('openai/text-embedding-3-small');
    const trace = await traceOf(response.headers.get('x-cailos-decision-id')!);
    expect(trace.dropped).toContainEqual({
      id: 'deepinfra/BAAI/bge-m3-multi-8k',
      stage: 'input',
      reason: 'takes at most 96 inputs per request',
    });
    expect(trace.chain).toEqual(['openai/text-embedding-3-small']);
  });

  it("Cohere's native embed API serves a key that accepts its trust level, with its output_dimension", async () => {
    const lowTrust = openaiClient((await createTestKey({ name: 'embeddings-cohere', settings: { minTrustLevel: 0 } })).key);
    const { data, response } = await lowTrust.embeddings
      .create({ model: 'embed-v4.0', input: ['a', 'b'], dimensions: 512, trust_level: 0 } as OpenAI.EmbeddingCreateParams)
      .withResponse();
    expect(response.headers.get('x-cailos-endpoint')).toBe('cohere/embed-v4.0');
    expect(data.data.map((d) => d.embedding.length)).toEqual([512, 512]);
    // The default key (trust minimum 1) is not routed to Cohere's training-by-default terms.
    const refused = await client.embeddings.create({ model: 'embed-v4.0', input: 'a' }).catch((e: unknown) => e);
    expect((refused as InstanceType<typeof OpenAI.APIError>).status).toBe(422);
    expect((refused as InstanceType<typeof OpenAI.APIError>).param).toBe('trust_level');
  });
});

describe('token-id input', () => {
  it('goes to an endpoint that reads OpenAI token ids, for a key whose shield is off', async () => {
    const plain = openaiClient((await createTestKey({ name: 'embeddings-tokens', settings: { shield: { mode: 'off' } } })).key);
    const { data, response } = await plain.embeddings.create({ model: 'auto', input: [[9906, 1917], [15339]] }).withResponse();
    expect(data.data).toHaveLength(2);
    expect(data.usage.prompt_tokens).toBe(3);
    expect(response.headers.get('x-cailos-endpoint')).toBe('openai/text-embedding-3-small');
    const refused = await plain.embeddings.create({ model: 'bge-m3', input: [1, 2, 3] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('input');
  });

  it('is refused for a key whose shield must read the input', async () => {
    const e = await errorOf(await embed(key, { model: 'auto', input: [1, 2, 3] }));
    expect(e).toMatchObject({ status: 400, param: 'input', code: 'tokens_not_shieldable' });
  });
});

describe('errors', () => {
  it('a missing or wrong key is 401 in OpenAI’s envelope', async () => {
    const wrong = openaiClient('cai_' + 'x'.repeat(40));
    const err = await wrong.embeddings.create({ model: 'auto', input: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    const none = await workerFetch(`${BASE}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
  });

  it.each([
    ['an empty string', { model: 'auto', input: '' }, 400, 'input'],
    ['an empty array', { model: 'auto', input: [] }, 400, 'input'],
    ['strings mixed with numbers', { model: 'auto', input: ['a', 1] }, 400, 'input[1]'],
    ['an empty string in a batch', { model: 'auto', input: ['a', ''] }, 400, 'input[1]'],
    ['a negative token id', { model: 'auto', input: [[1, -2]] }, 400, 'input[0]'],
    ['no input', { model: 'auto' }, 400, 'input'],
    ['more than 2048 inputs', { model: 'auto', input: Array.from({ length: 2049 }, () => 'x') }, 400, 'input'],
    ['dimensions 0', { model: 'auto', input: 'x', dimensions: 0 }, 400, 'dimensions'],
    ['an unknown encoding', { model: 'auto', input: 'x', encoding_format: 'hex' }, 400, 'encoding_format'],
    ['an unknown field', { model: 'auto', input: 'x', temperature: 1 }, 400, null],
    ['an unknown strategy', { model: 'auto:cheapest', input: 'x' }, 400, 'model'],
    ['a chat model', { model: 'gpt-4o', input: 'x' }, 400, 'model'],
    ['an unknown model', { model: 'no-such-embedder', input: 'x' }, 404, 'model'],
  ])('%s is refused with its status, naming the field', async (_what, body, status, param) => {
    const e = await errorOf(await embed(key, body));
    expect(e.status, e.message).toBe(status);
    expect(e.param).toBe(param);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it('malformed JSON is invalid_json', async () => {
    expect(await errorOf(await embed(key, '{"model": "auto",'))).toMatchObject({ status: 400, code: 'invalid_json' });
  });

  it('an input longer than every candidate takes is 400 naming input', async () => {
    const e = await errorOf(await embed(key, { model: 'text-embedding-3-small', input: 'word '.repeat(8000) }));
    expect(e).toMatchObject({ status: 400, param: 'input', code: 'no_endpoint_meets_constraints' });
  });
});

describe('fallback within one family', () => {
  it('a failing first endpoint falls over to another host of the same model, with the same vectors', async () => {
    const before = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'fail over me' });
    await admin('/sim/faults', { body: { target: 'openai/text-embedding-3-small', fault: 'http_500', times: 1 } });
    const { data, response } = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'fail over me' }).withResponse();
    expect(response.headers.get('x-cailos-endpoint')).toBe('openrouter/openai/text-embedding-3-small');
    expect(data.model).toBe('openai/text-embedding-3-small');
    expect(data.data[0].embedding).toEqual(before.data[0].embedding);
    const trace = await traceOf(response.headers.get('x-cailos-decision-id')!);
    expect(trace.attempts.map((a) => [a.endpointId, a.outcome])).toEqual([
      ['openai/text-embedding-3-small', 'failed'],
      ['openrouter/openai/text-embedding-3-small', 'ok'],
    ]);
    expect(trace.attempts[0].errorKind).toBe('server');
  });

  it('a family whose every host fails is a 502, never vectors of another model', async () => {
    await admin('/sim/faults', { body: { target: 'openai/text-embedding-3-small', fault: 'http_503', times: 1 } });
    await admin('/sim/faults', { body: { target: 'openrouter/openai/text-embedding-3-small', fault: 'overloaded', times: 1 } });
    const res = await embed(key, { model: 'auto', input: 'nowhere to go' });
    const decision = res.headers.get('x-cailos-decision-id')!;
    expect(await errorOf(res)).toMatchObject({ status: 502, code: 'upstream_unavailable' });
    const trace = await traceOf(decision);
    expect(trace.attempts.map((a) => a.endpointId)).toEqual(['openai/text-embedding-3-small', 'openrouter/openai/text-embedding-3-small']);
  });

  it('open breakers on every host of the family are a 503, even for auto: another family is never substituted', async () => {
    await admin('/sim/faults', { body: { target: 'openai/text-embedding-3-small', fault: 'http_500' } });
    await admin('/sim/faults', { body: { target: 'openrouter/openai/text-embedding-3-small', fault: 'http_500' } });
    // Three failures in a row open an endpoint's breaker.
    for (let i = 0; i < 3; i++) expect((await embed(key, { model: 'auto', input: `trip ${i}` })).status).toBe(502);
    const e = await errorOf(await embed(key, { model: 'auto', input: 'still there?' }));
    expect(e).toMatchObject({ status: 503, code: 'endpoints_unavailable', param: 'model' });
    // A family named by the client is unaffected by another family's breakers.
    expect((await embed(key, { model: 'bge-m3', input: 'other family' })).status).toBe(200);
  });

  it('an answer that is not JSON counts as the endpoint failing: the next host answers', async () => {
    await admin('/sim/faults', { body: { target: 'openai/text-embedding-3-small', fault: 'garbage_json', times: 1 } });
    const { response } = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'garbled' }).withResponse();
    expect(response.headers.get('x-cailos-endpoint')).toBe('openrouter/openai/text-embedding-3-small');
  });
});

describe('billing and the request log', () => {
  it('charges the budget: a key with a tiny budget is refused after its first embedding', async () => {
    const tiny = (await createTestKey({ name: 'embeddings-budget', settings: { monthlyBudgetUsd: 1e-9 } })).key;
    const first = await embed(tiny, { model: 'text-embedding-3-small', input: 'spend a little' });
    expect(first.status, await first.clone().text()).toBe(200);
    const second = await embed(tiny, { model: 'text-embedding-3-small', input: 'and again' });
    expect(await errorOf(second)).toMatchObject({ status: 429, code: 'insufficient_quota' });
  });

  it('writes a metadata row with tokens and cost, and no input text anywhere in D1 or KV', async () => {
    const marker = `EMBED-MARKER-${crypto.randomUUID()}`;
    const { data, response } = await client.embeddings
      .create({ model: 'text-embedding-3-small', input: [`first ${marker}`, `second ${marker}`] })
      .withResponse();
    const id = response.headers.get('x-cailos-decision-id')!;
    await new Promise((r) => setTimeout(r, 10));
    await flushRequestLog();
    const row = await env.DB.prepare('SELECT * FROM request_log WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({
      api: 'embeddings',
      requested_model: 'text-embedding-3-small',
      endpoint_id: 'openai/text-embedding-3-small',
      status: 200,
      input_tokens: data.usage.prompt_tokens,
      output_tokens: 0,
      keyphrases: '[]',
      simulated: 1,
    });
    expect(row!.cost_usd as number).toBeCloseTo((data.usage as unknown as { cost: number }).cost, 15);
    expect(row!.baseline_cost_usd as number).toBeCloseTo(row!.cost_usd as number, 15);
    expect(await storedD1Text()).not.toContain(marker);
    expect(await storedKvText()).not.toContain(marker);
  });

  it('llmshield cloaks personal data before a provider embeds it', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    await client.embeddings.create({ model: 'text-embedding-3-small', input: 'Write to jane.roe@example.com today' });
    const { data } = (await (await admin('/sim/received')).json()) as { data: { endpointId: string; body: string }[] };
    await admin('/sim/recorder', { body: { on: false } });
    const sent = data.filter((d) => d.endpointId === 'openai/text-embedding-3-small').map((d) => d.body);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.join('')).not.toContain('jane.roe@example.com');
    expect(sent.join('')).toContain('Write to ');
  });
});

describe('catalog lookups', () => {
  it('resolves an endpoint id to that endpoint only', async () => {
    expect(getEmbeddingEndpoint('openrouter/baai/bge-m3')?.codename).toBe('bge-m3');
    const { response } = await client.embeddings.create({ model: 'openrouter/baai/bge-m3', input: 'exactly there' }).withResponse();
    expect(response.headers.get('x-cailos-endpoint')).toBe('openrouter/baai/bge-m3');
    const trace = await traceOf(response.headers.get('x-cailos-decision-id')!);
    expect(trace.chain).toEqual(['openrouter/baai/bge-m3']);
  });
});
