import { describe, expect, it } from 'vitest';
import { allEndpoints } from '../../src/catalog/catalog';
import type { Endpoint } from '../../src/catalog';
import { CAILOS_FIELDS, chatRequest } from '../../src/hub';
import { EXTRA_PARAMS } from '../../src/catalog/data/extra-params';
import { droppedParams, PROVIDER_PARAMS } from '../../src/providers';
import { OPENAI_CHAT_PARAMS } from '../../src/providers/openai/request';
import { adapterFor } from '../../src/providers/registry';

/**
 * Each wire format's allow-list (src/providers/<format>/request.ts) against what its adapter really
 * builds: a parameter is reported dropped exactly when adding it leaves the upstream request
 * unchanged. Checked for every catalog endpoint kind (format × reasoning capabilities), alone and
 * next to the parameters that change what others mean (temperature, thinking).
 */

const tool = {
  type: 'function',
  function: { name: 'lookup', description: 'Look up a word.', parameters: { type: 'object', properties: { w: { type: 'string' } } } },
};
const BASE = {
  model: 'auto',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Define "gateway".' },
  ],
  tools: [tool],
};

/** One value per parameter: OpenAI's reference, Anthropic's thinking, and other gateways' extensions. */
const SAMPLES: Record<string, unknown> = {
  temperature: 0.5,
  top_p: 0.5,
  max_tokens: 100,
  max_completion_tokens: 90,
  stop: ['END'],
  seed: 7,
  presence_penalty: 0.5,
  frequency_penalty: 0.5,
  user: 'user-1',
  tool_choice: 'required',
  parallel_tool_calls: false,
  response_format: { type: 'json_object' },
  logprobs: true,
  top_logprobs: 2,
  logit_bias: { '50256': -100 },
  metadata: { app: 'test' },
  store: false,
  service_tier: 'default',
  reasoning_effort: 'low',
  verbosity: 'low',
  modalities: ['text'],
  audio: { voice: 'alloy', format: 'wav' },
  prediction: { type: 'content', content: 'A gateway is' },
  web_search_options: {},
  prompt_cache_key: 'k-1',
  prompt_cache_retention: 'in-memory',
  safety_identifier: 's-1',
  functions: [{ name: 'f', parameters: { type: 'object' } }],
  function_call: 'auto',
  thinking: { type: 'enabled', budget_tokens: 2048 },
  top_k: 40,
  transforms: ['middle-out'],
  repetition_penalty: 1.1,
  min_p: 0.05,
};

/** Any value will do for a provider's own parameter: the builder passes it through untouched. */
const SAMPLE_EXTRA = { sample: 1 };

const CONTEXTS: Record<string, Record<string, unknown>> = {
  alone: {},
  'with temperature': { temperature: 0.7 },
  'with thinking': { thinking: { type: 'enabled', budget_tokens: 4096 } },
};

/** One endpoint per distinct adapter behaviour. */
function endpointKinds(): Endpoint[] {
  const seen = new Map<string, Endpoint>();
  for (const e of allEndpoints()) {
    const kind = [e.wireFormat, e.capabilities.reasoning, e.capabilities.adaptiveThinking, e.outputLimitField, e.extraParams].join('|');
    if (!seen.has(kind)) seen.set(kind, e);
  }
  return [...seen.values()];
}

function upstreamBody(input: Record<string, unknown>, endpoint: Endpoint): string {
  const req = chatRequest.parse(input);
  return adapterFor(endpoint.wireFormat).buildRequest(
    req,
    { endpoint, baseUrl: 'https://upstream.test/v1', apiKey: 'k' },
    { stream: false },
  ).body;
}

describe('per-format parameter allow-lists', () => {
  const kinds = endpointKinds();

  it('cover every wire format', () => {
    expect(new Set(kinds.map((e) => e.wireFormat))).toEqual(new Set(['openai', 'anthropic', 'gemini', 'cohere']));
  });

  for (const endpoint of kinds) {
    for (const [context, extra] of Object.entries(CONTEXTS)) {
      it(`${endpoint.id} (${endpoint.wireFormat}), ${context}: dropped exactly when the upstream body does not change`, () => {
        const before = upstreamBody({ ...BASE, ...extra }, endpoint);
        const mismatches: string[] = [];
        for (const [param, value] of Object.entries(SAMPLES)) {
          if (param in extra) continue;
          const input = { ...BASE, ...extra, [param]: value };
          const unchanged = upstreamBody(input, endpoint) === before;
          const dropped = droppedParams(chatRequest.parse(input), endpoint).includes(param);
          if (unchanged !== dropped)
            mismatches.push(`${param}: body ${unchanged ? 'unchanged' : 'changed'}, reported ${dropped ? 'dropped' : 'carried'}`);
        }
        expect(mismatches).toEqual([]);
      });
    }
  }

  it("Cailos' own fields are never sent and never reported dropped", () => {
    const own = {
      trust_level: 1,
      routing: { max_attempts: 2 },
      models: ['gpt-4o'],
      route: 'fallback',
      provider: { order: ['groq'], sort: 'price', max_price: { prompt: 1 } },
    };
    for (const field of Object.keys(own)) expect(CAILOS_FIELDS as readonly string[]).toContain(field);
    for (const endpoint of kinds) {
      expect(upstreamBody({ ...BASE, ...own }, endpoint)).toBe(upstreamBody(BASE, endpoint));
      expect(droppedParams(chatRequest.parse({ ...BASE, ...own }), endpoint)).toEqual([]);
    }
  });

  it('a null counts as unset: never reported', () => {
    const openai = kinds.find((e) => e.wireFormat === 'openai')!;
    expect(droppedParams(chatRequest.parse({ ...BASE, top_k: null, seed: null }), openai)).toEqual([]);
  });

  it('the parameters require_parameters checks are those some format or provider carries, and no gateway-only field', () => {
    for (const p of ['seed', 'temperature', 'logprobs', 'thinking', 'user', 'top_k', 'repetition_penalty', 'min_p'])
      expect(PROVIDER_PARAMS.has(p), p).toBe(true);
    for (const p of ['transforms', 'usage', ...CAILOS_FIELDS]) expect(PROVIDER_PARAMS.has(p), p).toBe(false);
  });
});

describe("a provider's documented extra parameters (catalog data/extra-params.ts)", () => {
  const openai = allEndpoints().find((e) => e.id === 'openai/gpt-4o')!;

  it('each list is sourced, names no OpenAI parameter and none Cailos consumes', () => {
    expect(Object.keys(EXTRA_PARAMS).length).toBeGreaterThan(0);
    for (const [provider, extra] of Object.entries(EXTRA_PARAMS)) {
      expect(extra!.source, provider).toMatch(/^https:\/\//);
      expect(extra!.asOf, provider).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const p of extra!.params) {
        expect(OPENAI_CHAT_PARAMS.has(p), `${provider}: ${p}`).toBe(false);
        expect(CAILOS_FIELDS as readonly string[], `${provider}: ${p}`).not.toContain(p);
      }
    }
  });

  it("every catalog endpoint of such a provider receives them; OpenAI's own API does not", () => {
    const withExtras = allEndpoints().filter((e) => e.extraParams?.length);
    expect(new Set(withExtras.map((e) => e.provider))).toEqual(new Set(Object.keys(EXTRA_PARAMS)));
    for (const endpoint of withExtras) {
      const params = Object.fromEntries(endpoint.extraParams!.map((p) => [p, SAMPLE_EXTRA]));
      const sent = JSON.parse(upstreamBody({ ...BASE, ...params }, endpoint)) as Record<string, unknown>;
      for (const p of endpoint.extraParams!) expect(sent[p], `${endpoint.id}: ${p}`).toEqual(SAMPLE_EXTRA);
      expect(droppedParams(chatRequest.parse({ ...BASE, ...params }), endpoint)).toEqual([]);
      const toOpenAI = JSON.parse(upstreamBody({ ...BASE, ...params }, openai)) as Record<string, unknown>;
      for (const p of endpoint.extraParams!) expect(toOpenAI, p).not.toHaveProperty(p);
      expect(droppedParams(chatRequest.parse({ ...BASE, ...params }), openai)).toEqual(endpoint.extraParams);
    }
  });
});
