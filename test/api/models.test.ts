import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog';
import { STRATEGIES } from '../../src/hub';
import { BASE, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';
import { schemaErrors } from './openapi-schema';

/**
 * GET /v1/models and /v1/models/{id}: OpenAI's list and retrieve shapes, enriched with what a client
 * needs to choose (pricing per token like OpenRouter's, context length, capabilities, trust level,
 * providers); Anthropic's models shape when the request carries `anthropic-version`.
 */

interface Pricing {
  prompt: string;
  completion: string;
  input_cache_read?: string;
  input_cache_write?: string;
}
interface EndpointInfo {
  id: string;
  provider: string;
  model: string;
  pricing: Pricing;
  context_length: number;
  max_output_tokens: number;
  capabilities: Record<string, boolean>;
  trust_level: number;
  regions: string[];
  simulated: boolean;
}
interface ModelEntry {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  kind: 'router' | 'family' | 'endpoint';
  strategy: string | null;
  family?: string;
  pricing: Pricing | null;
  context_length: number;
  max_output_tokens: number;
  capabilities: Record<string, boolean>;
  trust_level: number;
  providers: string[];
  endpoints?: EndpointInfo[];
}

let key: string;
let client: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  key = (await createTestKey({ name: 'models' })).key;
  client = openaiClient(key);
  anthropic = new Anthropic({ baseURL: BASE, apiKey: key, fetch: workerFetch as typeof fetch, maxRetries: 0 });
});

function get(path: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }): Promise<Response> {
  return workerFetch(`${BASE}${path}`, { headers });
}

async function list(): Promise<ModelEntry[]> {
  const res = await get('/v1/models');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { object: string; data: ModelEntry[] };
  expect(schemaErrors('ListModelsResponse', body)).toEqual([]);
  return body.data;
}

/** USD per million tokens → the per-token decimal string the listing uses. */
const perToken = (perMTok: number) => Number(perMTok) / 1_000_000;

describe('GET /v1/models (OpenAI shape, enriched)', () => {
  it('lists auto, its strategies and every family, each an OpenAI model object', async () => {
    const data = await list();
    const ids = data.map((m) => m.id);
    expect(ids.slice(0, 1 + STRATEGIES.length)).toEqual(['auto', ...STRATEGIES.map((s) => `auto:${s}`)]);
    expect(ids).toContain('gpt-4o');
    expect(ids).toContain('llama-3.3-70b');
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of data) {
      expect(m.object).toBe('model');
      expect(Number.isInteger(m.created)).toBe(true);
      expect(typeof m.owned_by).toBe('string');
    }
  });

  it('gives a family its providers, per-token pricing, context length, capabilities and trust level', async () => {
    const llama = (await list()).find((m) => m.id === 'llama-3.3-70b')!;
    expect(llama.kind).toBe('family');
    expect(llama.endpoints!.length).toBeGreaterThan(1);
    expect(llama.providers).toEqual([...new Set(llama.endpoints!.map((e) => e.provider))]);
    for (const e of llama.endpoints!) {
      const catalog = getEndpoint(e.id)!;
      expect(catalog.codename).toBe('llama-3.3-70b');
      expect(e.provider).toBe(catalog.provider);
      expect(e.model).toBe(catalog.model);
      // OpenRouter's convention: USD per token, as decimal strings (no exponent notation).
      expect(e.pricing.prompt).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(e.pricing.prompt)).toBeCloseTo(perToken(catalog.pricing.inputPerMTok), 15);
      expect(Number(e.pricing.completion)).toBeCloseTo(perToken(catalog.pricing.outputPerMTok), 15);
      expect(e.context_length).toBe(catalog.contextWindow);
      expect(e.max_output_tokens).toBe(catalog.maxOutputTokens);
      expect(e.trust_level).toBe(catalog.trustLevel);
      expect(e.capabilities).toMatchObject({
        tools: catalog.capabilities.tools,
        vision: catalog.capabilities.vision,
        json_schema: catalog.capabilities.jsonSchema,
        streaming: catalog.capabilities.streaming,
      });
      expect(e.simulated).toBe(true);
    }
    // The family's figures: its cheapest provider's price, its largest window, what any provider offers.
    // The free tier (price 0, trust level 0) serves only keys that allow level 0, below the default minimum:
    // this key does not see it (below, a key that allows 0 does).
    expect(llama.endpoints!.every((e) => e.trust_level >= 1)).toBe(true);
    const cheapest = [...llama.endpoints!].sort(
      (a, b) => Number(a.pricing.prompt) + Number(a.pricing.completion) - (Number(b.pricing.prompt) + Number(b.pricing.completion)),
    )[0];
    expect(llama.pricing).toEqual(cheapest.pricing);
    expect(Number(llama.pricing!.prompt)).toBeGreaterThan(0);
    expect(llama.context_length).toBe(Math.max(...llama.endpoints!.map((e) => e.context_length)));
    expect(llama.trust_level).toBe(Math.max(...llama.endpoints!.map((e) => e.trust_level)));
    expect(llama.capabilities.tools).toBe(llama.endpoints!.some((e) => e.capabilities.tools));
  });

  it('prices cache reads and writes where the catalog bills them', async () => {
    const sonnet = (await list()).find((m) => m.id === 'claude-sonnet')!;
    const direct = sonnet.endpoints!.find((e) => e.provider === 'anthropic')!;
    const catalog = getEndpoint(direct.id)!;
    expect(Number(direct.pricing.input_cache_read)).toBeCloseTo(perToken(catalog.pricing.cachedInputPerMTok!), 15);
    expect(Number(direct.pricing.input_cache_write)).toBeCloseTo(perToken(catalog.pricing.cacheWritePerMTok!), 15);
  });

  it('describes auto as a router over the whole catalog, its price set per request', async () => {
    const data = await list();
    const auto = data.find((m) => m.id === 'auto:cost')!;
    expect(auto).toMatchObject({ kind: 'router', strategy: 'cost', owned_by: 'cailos', pricing: null });
    const families = data.filter((m) => m.kind === 'family');
    expect(auto.context_length).toBe(Math.max(...families.map((m) => m.context_length)));
    expect(auto.trust_level).toBe(Math.max(...families.map((m) => m.trust_level)));
    expect(new Set(auto.providers)).toEqual(new Set(families.flatMap((m) => m.providers)));
    expect(auto.capabilities).toMatchObject({ tools: true, vision: true, json_schema: true, streaming: true });
  });

  it('works through the OpenAI SDK', async () => {
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toContain('auto:quality');
    expect(ids).toContain('claude-sonnet');
  });
});

describe('GET /v1/models/{id} (OpenAI retrieve)', () => {
  it('retrieves every listed model as listed', async () => {
    const data = await list();
    for (const m of data) {
      const res = await get(`/v1/models/${encodeURIComponent(m.id)}`);
      expect(res.status, m.id).toBe(200);
      const body = await res.json();
      expect(schemaErrors('Model', body)).toEqual([]);
      expect(body).toEqual(m);
    }
  });

  it('resolves every spec a request accepts: strategies, endpoint ids, provider model ids', async () => {
    const quality = await client.models.retrieve('auto:quality');
    expect(quality).toMatchObject({ id: 'auto:quality', object: 'model', owned_by: 'cailos', kind: 'router', strategy: 'quality' });

    const cheap = (await client.models.retrieve('gpt-4o:cost')) as unknown as ModelEntry;
    expect(cheap).toMatchObject({ id: 'gpt-4o:cost', kind: 'family', family: 'gpt-4o', strategy: 'cost' });

    // The SDK percent-encodes the slash of an endpoint id; a plain slash works too.
    const viaSdk = (await client.models.retrieve('groq/llama-3.3-70b-versatile')) as unknown as ModelEntry;
    const plain = (await (await get('/v1/models/groq/llama-3.3-70b-versatile')).json()) as ModelEntry;
    expect(plain).toEqual(viaSdk);
    expect(viaSdk).toMatchObject({ id: 'groq/llama-3.3-70b-versatile', kind: 'endpoint', owned_by: 'groq', family: 'llama-3.3-70b' });
    expect(viaSdk.endpoints!.map((e) => e.id)).toEqual(['groq/llama-3.3-70b-versatile']);
    expect(viaSdk.pricing).toEqual(viaSdk.endpoints![0].pricing);

    // A provider's own model id names its endpoint.
    const upstream = (await client.models.retrieve('llama-3.3-70b-versatile')) as unknown as ModelEntry;
    expect(upstream.endpoints!.map((e) => e.id)).toEqual(['groq/llama-3.3-70b-versatile']);
  });

  it('answers 404 model_not_found in OpenAI’s envelope for an unknown model or strategy', async () => {
    for (const id of ['no-such-model', 'auto:cheapest', 'gpt-4o:fastest']) {
      const res = await get(`/v1/models/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(404);
      const body = (await res.json()) as { error: { code: string; type: string } };
      expect(schemaErrors('ErrorResponse', body)).toEqual([]);
      expect(body.error).toMatchObject({ code: 'model_not_found', type: 'not_found_error' });
    }
    await expect(client.models.retrieve('no-such-model')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('needs a key', async () => {
    const res = await get('/v1/models/auto', {});
    expect(res.status).toBe(401);
    expect(schemaErrors('ErrorResponse', await res.json())).toEqual([]);
  });
});

describe('the models API for Anthropic clients (anthropic-version header)', () => {
  const headers = () => ({ 'x-api-key': key, 'anthropic-version': '2023-06-01' });

  interface AnthropicModel {
    type: string;
    id: string;
    display_name: string;
    created_at: string;
    max_input_tokens: number;
    max_tokens: number;
  }

  it('accepts x-api-key without anthropic-version, answering in OpenAI’s shape', async () => {
    const res = await get('/v1/models', { 'x-api-key': key });
    expect(res.status).toBe(200);
    expect(schemaErrors('ListModelsResponse', await res.json())).toEqual([]);
  });

  it('lists the same models in Anthropic’s shape, page by page, through the Anthropic SDK', async () => {
    const openaiIds = (await list()).map((m) => m.id);
    const seen: Anthropic.ModelInfo[] = [];
    for await (const m of anthropic.models.list({ limit: 7 })) seen.push(m);
    expect(seen.map((m) => m.id)).toEqual(openaiIds);
    for (const m of seen) {
      expect(m.type).toBe('model');
      expect(typeof m.display_name).toBe('string');
      expect(new Date(m.created_at).toISOString()).toBe(m.created_at);
    }
  });

  it('pages with limit, after_id and before_id, naming first_id, last_id and has_more', async () => {
    const ids = (await list()).map((m) => m.id);
    const first = (await (await get('/v1/models?limit=3', headers())).json()) as {
      data: AnthropicModel[];
      has_more: boolean;
      first_id: string;
      last_id: string;
    };
    expect(first.data.map((m) => m.id)).toEqual(ids.slice(0, 3));
    expect(first).toMatchObject({ has_more: true, first_id: ids[0], last_id: ids[2] });
    const next = (await (await get(`/v1/models?limit=3&after_id=${encodeURIComponent(first.last_id)}`, headers())).json()) as typeof first;
    expect(next.data.map((m) => m.id)).toEqual(ids.slice(3, 6));
    const back = (await (await get(`/v1/models?limit=2&before_id=${encodeURIComponent(next.first_id)}`, headers())).json()) as typeof first;
    expect(back.data.map((m) => m.id)).toEqual(ids.slice(1, 3));
    expect(back.has_more).toBe(true);
    const all = (await (await get('/v1/models?limit=1000', headers())).json()) as typeof first;
    expect(all.data.length).toBe(ids.length);
    expect(all).toMatchObject({ has_more: false, first_id: ids[0], last_id: ids.at(-1) });
  });

  it('retrieves a model, with its token limits', async () => {
    const m = (await anthropic.models.retrieve('claude-sonnet')) as unknown as AnthropicModel;
    expect(m).toMatchObject({ type: 'model', id: 'claude-sonnet' });
    const catalog = getEndpoint('anthropic/claude-sonnet-4-6')!;
    expect(m.max_input_tokens).toBeGreaterThanOrEqual(catalog.contextWindow);
    expect(m.max_tokens).toBeGreaterThanOrEqual(catalog.maxOutputTokens);
    const auto = await anthropic.models.retrieve('auto:speed');
    expect(auto.id).toBe('auto:speed');
  });

  it('answers errors in Anthropic’s envelope', async () => {
    await expect(anthropic.models.retrieve('no-such-model')).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    const missing = await get('/v1/models/no-such-model', headers());
    expect(await missing.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    const unauthenticated = await get('/v1/models', { 'anthropic-version': '2023-06-01' });
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    const badCursor = await get('/v1/models?after_id=no-such-model', headers());
    expect(badCursor.status).toBe(400);
    expect(await badCursor.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });
});

describe('the listing follows the key', () => {
  const entries = async (apiKey: string) => {
    const res = await get('/v1/models', { authorization: `Bearer ${apiKey}` });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: ModelEntry[] }).data;
  };

  it('lists the free tier only to a key that allows trust level 0', async () => {
    const open = (await createTestKey({ name: 'models-level-0', settings: { minTrustLevel: 0 } })).key;
    const llama = (await entries(open)).find((m) => m.id === 'llama-3.3-70b')!;
    expect(llama.endpoints!.some((e) => e.trust_level === 0 && Number(e.pricing.prompt) === 0)).toBe(true);
    const strict = (await createTestKey({ name: 'models-level-3', settings: { minTrustLevel: 3 } })).key;
    for (const m of await entries(strict)) for (const e of m.endpoints ?? []) expect(e.trust_level).toBe(3);
  });

  it('leaves out what the key’s model rules deny, and will not retrieve it', async () => {
    const denied = (await createTestKey({ name: 'models-deny', settings: { denyModels: ['gpt-4o', 'provider:groq'] } })).key;
    const data = await entries(denied);
    expect(data.map((m) => m.id)).not.toContain('gpt-4o');
    for (const m of data) expect(m.providers ?? []).not.toContain('groq');
    const res = await get('/v1/models/gpt-4o', { authorization: `Bearer ${denied}` });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('model_not_found');
  });

  it('lists only endpoints inside the key’s strict residency', async () => {
    const eu = (await createTestKey({ name: 'models-eu', settings: { residency: 'eu' } })).key;
    const families = (await entries(eu)).filter((m) => m.kind === 'family');
    expect(families.length).toBeGreaterThan(0);
    for (const m of families) for (const e of m.endpoints!) expect(getEndpoint(e.id)!.processing?.region).toBe('eu');
  });
});
