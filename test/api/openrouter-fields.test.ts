import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, admin, chat, clearFaults, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';

/**
 * OpenRouter's routing fields (`models`, `route`, `provider`, the `:nitro` / `:floor` suffixes) are
 * read by the router and never forwarded; fields no provider format defines are dropped and named
 * in `x-cailos-dropped-params` and the decision trace. Providers are the simulated fleet, which
 * records the bodies it received.
 */

interface Trace {
  strategy: string;
  chain: string[];
  dropped: { id: string; stage: string; reason: string }[];
  stages: { stage: string; note?: string }[];
  candidates: { id: string }[];
  openrouter?: { field: string; meaning: string }[];
  droppedParams?: string[];
  droppedParamsNotShown?: number;
}

const messages = [{ role: 'user', content: 'Say hello.' }];
let key: string;
let openKey: string;

beforeAll(async () => {
  key = (await createTestKey({ name: 'openrouter-fields' })).key;
  // Allows level 0 (free tiers), so data_collection has something to exclude.
  openKey = (await createTestKey({ name: 'openrouter-fields-open', settings: { minTrustLevel: 0 } })).key;
});

afterEach(async () => {
  await clearFaults();
  await admin('/sim/recorder', { body: { on: false } });
  await admin('/breakers', { method: 'DELETE' });
});

async function traceOf(apiKey: string, id: string): Promise<Trace> {
  // The log row is written behind the response: poll briefly.
  for (let i = 0; i < 100; i++) {
    const res = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (res.status === 200) return ((await res.json()) as { trace: Trace }).trace;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`decision ${id} never appeared`);
}

async function routed(body: Record<string, unknown>, apiKey = key): Promise<{ res: Response; trace: Trace }> {
  const res = await chat(apiKey, { messages, ...body });
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, trace: await traceOf(apiKey, res.headers.get('x-cailos-decision-id')!) };
}

const providerOf = (endpointId: string) => endpointId.split('/')[0];
const note = (t: Trace, field: string) => t.openrouter?.find((n) => n.field === field)?.meaning;

async function received(): Promise<{ endpointId: string; body: Record<string, unknown> }[]> {
  const { data } = (await (await admin('/sim/received')).json()) as { data: { endpointId: string; body: string }[] };
  return data.map((d) => ({ endpointId: d.endpointId, body: JSON.parse(d.body) as Record<string, unknown> }));
}

describe('models: an ordered fallback list', () => {
  it('the OpenRouter fields reach no provider; models becomes the chain after the primary', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    const { res, trace } = await routed({ model: 'openai/gpt-4o', models: ['claude-opus'], provider: { order: ['groq'] } });
    expect(res.headers.get('x-cailos-endpoint')).toBe('openai/gpt-4o');
    const bodies = await received();
    expect(bodies).toHaveLength(1);
    for (const field of ['models', 'provider', 'route']) expect(bodies[0].body).not.toHaveProperty(field);
    expect(trace.chain[0]).toBe('openai/gpt-4o');
    expect(trace.chain.slice(1).length).toBeGreaterThan(0);
    expect(trace.chain.slice(1).every((id) => id.startsWith('anthropic/claude-opus'))).toBe(true);
    expect(note(trace, 'models')).toContain('claude-opus');
    expect(note(trace, 'provider.order')).toContain('groq');
  });

  it('a failing primary falls back to the next model (route: "fallback")', async () => {
    await admin('/sim/faults', { body: { target: 'openai/gpt-4o', fault: 'http_503', times: 1 } });
    const alone = await chat(key, { model: 'openai/gpt-4o', messages });
    expect(alone.status).toBe(502);

    await admin('/sim/faults', { body: { target: 'openai/gpt-4o', fault: 'http_503', times: 1 } });
    const { res, trace } = await routed({ model: 'openai/gpt-4o', models: ['claude-sonnet'], route: 'fallback' });
    expect(res.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    expect(trace.chain).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4-6']);
  });

  it('every listed model gets a place in the chain, in order, the primary first', async () => {
    const { trace } = await routed({ model: 'llama-3.3-70b', models: ['llama-3.3-70b', 'gpt-4o', 'claude-sonnet'] });
    expect(trace.chain).toHaveLength(4);
    expect(trace.chain.slice(0, 2).every((id) => !id.startsWith('openai/') && !id.startsWith('anthropic/'))).toBe(true);
    expect(trace.chain.slice(2)).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4-6']);
  });

  it('an unknown fallback model is skipped and said so; an unknown primary is still 404', async () => {
    const { trace } = await routed({ model: 'gpt-4o', models: ['no-such-model-xyz'] });
    expect(trace.chain).toEqual(['openai/gpt-4o']);
    expect(note(trace, 'models')).toMatch(/no-such-model-xyz.*skipped/);
    const res = await chat(key, { model: 'no-such-model-xyz', models: ['gpt-4o'], messages });
    expect(res.status).toBe(404);
  });
});

describe('models alone, as OpenRouter documents it', () => {
  it('the first entry is the model, the rest its fallbacks', async () => {
    const { res, trace } = await routed({ models: ['openai/gpt-4o', 'claude-sonnet'] });
    expect(res.headers.get('x-cailos-endpoint')).toBe('openai/gpt-4o');
    expect(trace.chain).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4-6']);
    expect(note(trace, 'models')).toContain('claude-sonnet');
    expect(note(trace, 'models')).not.toContain('openai/gpt-4o');
  });

  it('a failing first entry falls back to the next', async () => {
    await admin('/sim/faults', { body: { target: 'openai/gpt-4o', fault: 'http_503', times: 1 } });
    const { res } = await routed({ models: ['openai/gpt-4o', 'claude-sonnet'] });
    expect(res.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
  });

  it('neither model nor models is a 400 naming model', async () => {
    for (const body of [{ messages }, { messages, models: null }, { messages, model: null }]) {
      const res = await chat(key, body);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { message: string; param: string } };
      expect(error.param).toBe('model');
      expect(error.message).toMatch(/model is required/);
    }
  });

  it('a bad models list without model is still a 400 naming it', async () => {
    const res = await chat(key, { messages, models: [''] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('models[0]');
  });
});

describe('provider preferences', () => {
  it('order puts those providers first, in that order; the others follow', async () => {
    const plain = await routed({ model: 'llama-3.3-70b:cost' });
    expect(providerOf(plain.trace.chain[0])).not.toBe('sambanova');
    const { trace } = await routed({ model: 'llama-3.3-70b:cost', provider: { order: ['SambaNova', 'together'] } });
    expect(trace.chain.slice(0, 2).map(providerOf)).toEqual(['sambanova', 'together']);
    expect(trace.chain.length).toBe(4);
  });

  it('allow_fallbacks: false keeps only the listed providers', async () => {
    const { trace } = await routed({ model: 'llama-3.3-70b', provider: { order: ['groq', 'nscale'], allow_fallbacks: false } });
    expect(trace.chain.map(providerOf).sort()).toEqual(['groq', 'nscale']);
    const dropped = trace.dropped.filter((d) => d.stage === 'policy');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped[0].reason).toContain('allow_fallbacks');
  });

  it('allow_fallbacks: false without a list keeps the chain on the first provider', async () => {
    const { trace } = await routed({ model: 'llama-3.3-70b', provider: { allow_fallbacks: false } });
    expect(new Set(trace.chain.map(providerOf)).size).toBe(1);
  });

  it('allow_fallbacks: false with only (no order) keeps the chain on the first of those providers', async () => {
    const { trace } = await routed({
      model: 'llama-3.3-70b',
      provider: { only: ['deepinfra', 'novita', 'together'], allow_fallbacks: false },
    });
    expect(new Set(trace.chain.map(providerOf)).size).toBe(1);
    expect(['deepinfra', 'novita', 'together']).toContain(providerOf(trace.chain[0]));
  });

  it('allow_fallbacks: false with order and only: only the providers in order', async () => {
    const { trace } = await routed({
      model: 'llama-3.3-70b',
      provider: { order: ['groq'], only: ['groq', 'nscale'], allow_fallbacks: false },
    });
    expect(trace.chain.map(providerOf)).toEqual(['groq']);
  });

  it('allow_fallbacks: false concerns providers, not models: the next model of models is still tried', async () => {
    await admin('/sim/faults', { body: { target: 'openai/gpt-4o', fault: 'http_503', times: 1 } });
    const { res, trace } = await routed({
      model: 'openai/gpt-4o',
      models: ['claude-sonnet'],
      provider: { allow_fallbacks: false },
    });
    expect(res.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    expect(trace.chain).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4-6']);
    expect(note(trace, 'provider.allow_fallbacks')).toMatch(/models.*still tried/);
  });

  it('only and ignore allow and exclude providers', async () => {
    const only = await routed({ model: 'llama-3.3-70b', provider: { only: ['deepinfra', 'novita'] } });
    expect(only.trace.chain.every((id) => ['deepinfra', 'novita'].includes(providerOf(id)))).toBe(true);
    const ignore = await routed({ model: 'llama-3.3-70b:cost', provider: { ignore: ['deepinfra', 'openrouter'] } });
    expect(ignore.trace.chain.some((id) => ['deepinfra', 'openrouter'].includes(providerOf(id)))).toBe(false);
    expect(ignore.trace.dropped.find((d) => d.id.startsWith('deepinfra/'))).toMatchObject({ stage: 'policy' });
  });

  it('max_price caps the prompt and completion price, USD per million tokens', async () => {
    const { trace } = await routed({ model: 'llama-3.3-70b', provider: { max_price: { prompt: 0.2, completion: '0.35' } } });
    // Catalog: deepinfra Turbo 0.10/0.32, nscale 0.20/0.20, openrouter 0.10/0.32 are the only ones within both caps.
    expect([...trace.chain].sort()).toEqual(
      [
        'deepinfra/meta-llama/Llama-3.3-70B-Instruct-Turbo',
        'nscale/meta-llama/Llama-3.3-70B-Instruct',
        'openrouter/meta-llama/llama-3.3-70b-instruct',
      ].sort(),
    );
    const groq = trace.dropped.find((d) => d.id === 'groq/llama-3.3-70b-versatile');
    expect(groq).toMatchObject({ stage: 'budget' });
    expect(groq!.reason).toContain('max_price');
  });

  it('data_collection: "deny" excludes endpoints that may train on inputs (trust 0)', async () => {
    const open = await routed({ model: 'llama-3.3-70b:cost' }, openKey);
    expect(open.trace.chain).toContain('openrouter-free/meta-llama/llama-3.3-70b-instruct:free');
    const { trace } = await routed({ model: 'llama-3.3-70b:cost', provider: { data_collection: 'deny' } }, openKey);
    expect(trace.chain.some((id) => id.startsWith('openrouter-free/'))).toBe(false);
    expect(trace.dropped.find((d) => d.id.startsWith('openrouter-free/'))).toMatchObject({ stage: 'trust' });
  });

  it('zdr: true requires trust level 2 (nothing stored beyond the request)', async () => {
    const { trace } = await routed({ model: 'llama-3.3-70b', provider: { zdr: true } });
    expect(trace.chain).toEqual(['tinfoil/llama3-3-70b']);
    const none = await chat(key, { model: 'gpt-4o', provider: { zdr: true }, messages });
    expect(none.status).toBe(422);
    const err = ((await none.json()) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('no_endpoint_meets_constraints');
    expect(err.message).toContain("'trust'");
  });

  it('require_parameters keeps only endpoints whose format carries every parameter sent', async () => {
    const plain = await routed({ model: 'claude-sonnet', models: ['gpt-4o'], seed: 7 });
    expect(plain.res.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
    expect(plain.res.headers.get('x-cailos-dropped-params')).toBe('seed');
    const { res, trace } = await routed({ model: 'claude-sonnet', models: ['gpt-4o'], seed: 7, provider: { require_parameters: true } });
    expect(res.headers.get('x-cailos-endpoint')).toBe('openai/gpt-4o');
    expect(res.headers.get('x-cailos-dropped-params')).toBeNull();
    const claude = trace.dropped.find((d) => d.id === 'anthropic/claude-sonnet-4-6');
    expect(claude).toMatchObject({ stage: 'capabilities' });
    expect(claude!.reason).toContain('seed');
  });

  it('fields without a Cailos meaning are accepted and named in the trace', async () => {
    const { trace } = await routed({
      model: 'llama-3.3-70b',
      provider: {
        quantizations: ['fp8'],
        preferred_min_throughput: { p90: 50 },
        preferred_max_latency: 2,
        enforce_distillable_text: true,
        max_price: { request: 0.01, image: 0.01 },
        sort: { by: 'price', partition: 'none' },
      },
    });
    for (const field of [
      'provider.quantizations',
      'provider.preferred_min_throughput',
      'provider.preferred_max_latency',
      'provider.enforce_distillable_text',
      'provider.max_price.request',
      'provider.max_price.image',
      'provider.sort.partition',
    ])
      expect(note(trace, field), field).toMatch(/no Cailos meaning/);
  });
});

describe('sorting: provider.sort, :nitro and :floor', () => {
  const strategyOf = async (body: Record<string, unknown>) => (await routed(body)).res.headers.get('x-cailos-strategy');

  it('map onto the cost and speed strategies', async () => {
    expect(await strategyOf({ model: 'llama-3.3-70b:floor' })).toBe('cost');
    expect(await strategyOf({ model: 'llama-3.3-70b:nitro' })).toBe('speed');
    expect(await strategyOf({ model: 'auto:nitro' })).toBe('speed');
    expect(await strategyOf({ model: 'llama-3.3-70b', provider: { sort: 'price' } })).toBe('cost');
    expect(await strategyOf({ model: 'llama-3.3-70b', provider: { sort: 'throughput' } })).toBe('speed');
    expect(await strategyOf({ model: 'llama-3.3-70b', provider: { sort: { by: 'latency' } } })).toBe('speed');
  });

  it('a strategy in the model name wins over provider.sort, and the trace says so', async () => {
    const { res, trace } = await routed({ model: 'llama-3.3-70b:quality', provider: { sort: 'price' } });
    expect(res.headers.get('x-cailos-strategy')).toBe('quality');
    expect(note(trace, 'provider.sort')).toContain('quality');
  });
});

describe('bad shapes are 400 naming the param', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['provider is a string', { provider: 'groq' }, 'provider'],
    ['order is not a list', { provider: { order: 'groq' } }, 'provider.order'],
    ['order holds a number', { provider: { order: [1] } }, 'provider.order[0]'],
    ['unknown sort', { provider: { sort: 'cheapest' } }, 'provider.sort'],
    ['max_price not a number', { provider: { max_price: { prompt: 'cheap' } } }, 'provider.max_price.prompt'],
    ['negative max_price', { provider: { max_price: { completion: -1 } } }, 'provider.max_price.completion'],
    ['unknown data_collection', { provider: { data_collection: 'never' } }, 'provider.data_collection'],
    ['zdr not a boolean', { provider: { zdr: 'yes' } }, 'provider.zdr'],
    ['unknown provider field', { provider: { colour: 'red' } }, 'provider'],
    ['models is a string', { models: 'claude-opus' }, 'models'],
    ['models is empty', { models: [] }, 'models'],
    ['an empty model name', { models: [''] }, 'models[0]'],
    ['unknown route', { route: 'sort' }, 'route'],
  ];
  it.each(cases)('%s', async (_name, extra, param) => {
    const res = await chat(key, { model: 'gpt-4o', messages, ...extra });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string; type: string; param: string; code: string | null } };
    expect(error.type).toBe('invalid_request_error');
    expect(error.param).toBe(param);
    expect(error.message.length).toBeGreaterThan(0);
  });
});

describe('parameters no provider format defines are dropped, and said so', () => {
  it('x-cailos-dropped-params and the trace name them; the provider never sees them', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    const { res, trace } = await routed({
      model: 'openai/gpt-4o',
      top_k: 40,
      models: ['gpt-4o-mini'],
      transforms: ['middle-out'],
      seed: 3,
      repetition_penalty: 1.1,
    });
    expect(res.headers.get('x-cailos-dropped-params')).toBe('top_k,transforms,repetition_penalty');
    expect(trace.droppedParams).toEqual(['top_k', 'transforms', 'repetition_penalty']);
    const [{ body }] = await received();
    for (const field of ['top_k', 'transforms', 'repetition_penalty', 'models']) expect(body).not.toHaveProperty(field);
    expect(body.seed).toBe(3);
  });

  it('no header when nothing was dropped', async () => {
    const { res, trace } = await routed({ model: 'openai/gpt-4o', seed: 1, temperature: 0.2, reasoning_effort: 'low' });
    expect(res.headers.get('x-cailos-dropped-params')).toBeNull();
    expect(trace.droppedParams).toBeUndefined();
  });

  it('names that are not plain identifiers are counted, never echoed', async () => {
    const { res, trace } = await routed({ model: 'openai/gpt-4o', top_k: 1, 'jane@example.org: secret': 1 });
    expect(res.headers.get('x-cailos-dropped-params')).toBe('top_k,(+1 more)');
    expect(trace.droppedParams).toEqual(['top_k']);
    expect(trace.droppedParamsNotShown).toBe(1);
    expect(JSON.stringify(trace)).not.toContain('jane@example.org');
  });

  it('through the official openai client, extra body fields included', async () => {
    const client = openaiClient(key);
    const { data, response } = await client.chat.completions
      .create({
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'Say hello.' }],
        // OpenRouter users pass these through extra body fields.
        ...({ models: ['claude-haiku'], provider: { ignore: ['groq'], sort: 'price' }, top_k: 5 } as object),
      })
      .withResponse();
    expect(data.choices[0].message.content).toBeTruthy();
    expect(response.headers.get('x-cailos-dropped-params')).toBe('top_k');
  });
});

describe("parameters a provider documents beyond OpenAI's reference reach that provider", () => {
  const EXTRAS = { top_k: 40, min_p: 0.05, repetition_penalty: 1.1 };

  it('Together receives top_k, min_p and repetition_penalty; OpenAI does not, and the header says so', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    const together = await routed({ model: 'together/meta-llama/Llama-3.3-70B-Instruct-Turbo', ...EXTRAS });
    expect(together.res.headers.get('x-cailos-dropped-params')).toBeNull();
    expect(together.trace.droppedParams).toBeUndefined();
    const openai = await routed({ model: 'openai/gpt-4o', ...EXTRAS });
    expect(openai.res.headers.get('x-cailos-dropped-params')).toBe('top_k,min_p,repetition_penalty');
    const bodies = await received();
    const sentTo = (id: string) => bodies.find((b) => b.endpointId === id)!.body;
    expect(sentTo('together/meta-llama/Llama-3.3-70B-Instruct-Turbo')).toMatchObject(EXTRAS);
    for (const field of Object.keys(EXTRAS)) expect(sentTo('openai/gpt-4o')).not.toHaveProperty(field);
  });

  it('a provider-specific name reaches only the provider that documents it', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    const groq = await routed({ model: 'groq/llama-3.3-70b-versatile', reasoning_format: 'hidden', top_k: 5 });
    // Groq documents reasoning_format but not top_k.
    expect(groq.res.headers.get('x-cailos-dropped-params')).toBe('top_k');
    const [{ body }] = await received();
    expect(body.reasoning_format).toBe('hidden');
    expect(body).not.toHaveProperty('top_k');
  });

  it('require_parameters with top_k keeps only providers that document top_k', async () => {
    const { trace } = await routed({ model: 'llama-3.3-70b', top_k: 40, provider: { require_parameters: true } });
    expect(trace.chain.length).toBeGreaterThan(0);
    for (const id of trace.chain) expect(['deepinfra', 'novita', 'openrouter', 'sambanova', 'together']).toContain(providerOf(id));
    const groq = trace.dropped.find((d) => d.id === 'groq/llama-3.3-70b-versatile');
    expect(groq).toMatchObject({ stage: 'capabilities' });
    expect(groq!.reason).toContain('top_k');
  });
});

describe('/v1/responses reads the same fields', () => {
  async function respond(body: Record<string, unknown>): Promise<Response> {
    return workerFetch(`${BASE}/v1/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'Say hello.', ...body }),
    });
  }

  it('models and provider route the request', async () => {
    await admin('/sim/faults', { body: { target: 'openai/gpt-4o', fault: 'http_503', times: 1 } });
    const res = await respond({ model: 'openai/gpt-4o', models: ['claude-sonnet'], provider: { only: ['openai', 'anthropic'] } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-endpoint')).toBe('anthropic/claude-sonnet-4-6');
  });

  it('models alone names the model there too', async () => {
    const res = await respond({ models: ['openai/gpt-4o', 'claude-sonnet'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-endpoint')).toBe('openai/gpt-4o');
  });

  it('a bad provider shape is a 400 naming it', async () => {
    const res = await respond({ model: 'gpt-4o', provider: { order: 'groq' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('provider.order');
  });
});
