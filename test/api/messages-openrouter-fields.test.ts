import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admin, BASE, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * OpenRouter's routing fields on /v1/messages mean what they mean on chat completions: `models` is the
 * ordered fallback list (and may stand in for `model`), `provider` the provider preferences, `route`
 * the fallback mode. The router reads them; no provider receives them.
 */

interface Trace {
  chain: string[];
  openrouter?: { field: string; meaning: string }[];
}

let key: string;

beforeAll(async () => {
  key = (await createTestKey({ name: 'messages-openrouter' })).key;
});

afterEach(async () => {
  await admin('/sim/recorder', { body: { on: false } });
});

async function messages(body: Record<string, unknown>): Promise<Response> {
  return workerFetch(`${BASE}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: JSON.stringify({ max_tokens: 200, messages: [{ role: 'user', content: 'Say hello.' }], ...body }),
  });
}

async function traceOf(res: Response): Promise<Trace> {
  const id = res.headers.get('x-cailos-decision-id');
  for (let i = 0; i < 100; i++) {
    const r = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${key}` } });
    if (r.status === 200) return ((await r.json()) as { trace: Trace }).trace;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`decision ${id} never appeared`);
}

const providerOf = (endpointId: string) => endpointId.split('/')[0];
const note = (t: Trace, field: string) => t.openrouter?.find((n) => n.field === field)?.meaning;

describe('/v1/messages reads OpenRouter’s routing fields', () => {
  it('provider.order reorders the chain; models become the fallbacks after the primary; no provider receives them', async () => {
    await admin('/sim/recorder', { body: { on: true } });
    const res = await messages({ model: 'llama-3.3-70b', models: ['claude-opus'], provider: { order: ['sambanova', 'together'] } });
    expect(res.status, await res.clone().text()).toBe(200);
    const trace = await traceOf(res);
    expect(trace.chain.slice(0, 2).map(providerOf)).toEqual(['sambanova', 'together']);
    expect(trace.chain.some((id) => id.startsWith('anthropic/claude-opus'))).toBe(true);
    expect(note(trace, 'provider.order')).toContain('sambanova');
    expect(note(trace, 'models')).toContain('claude-opus');
    const { data } = (await (await admin('/sim/received')).json()) as { data: { body: string }[] };
    expect(data.length).toBeGreaterThan(0);
    for (const d of data) for (const field of ['models', 'provider', 'route']) expect(JSON.parse(d.body)).not.toHaveProperty(field);
  });

  it('models alone names the model, as on chat completions', async () => {
    const res = await messages({ models: ['openai/gpt-4o', 'claude-opus'] });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('x-cailos-endpoint')).toBe('openai/gpt-4o');
  });

  it('through the Anthropic SDK (extra body fields)', async () => {
    const client = new Anthropic({ baseURL: BASE, apiKey: key, fetch: workerFetch as typeof fetch, maxRetries: 0 });
    const { response } = await client.messages
      .create(
        { model: 'llama-3.3-70b', max_tokens: 100, messages: [{ role: 'user', content: 'Say hello.' }] },
        {
          body: {
            model: 'llama-3.3-70b',
            max_tokens: 100,
            messages: [{ role: 'user', content: 'Say hello.' }],
            provider: { only: ['groq'] },
          },
        },
      )
      .withResponse();
    expect(providerOf(response.headers.get('x-cailos-endpoint')!)).toBe('groq');
  });

  it('an invalid field is Anthropic’s 400 naming it', async () => {
    const res = await messages({ model: 'auto', provider: { order: 'groq' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('provider.order');
  });
});
