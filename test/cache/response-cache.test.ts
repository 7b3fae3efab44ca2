import Anthropic from '@anthropic-ai/sdk';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKvPrefix } from '../../src/cache';
import { admin, BASE, chat, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';

/**
 * The exact response cache, driven through the official `openai` client against the simulated fleet.
 * A scripted answer is changed between two identical requests: only a cache hit can return the first
 * answer again, so each hit below proves the provider was not asked.
 */

const USE = { headers: { 'x-cailos-cache': 'use' } };

afterEach(async () => {
  await admin('/sim/scripts', { method: 'DELETE' });
  await admin('/sim/faults', { method: 'DELETE' });
});

async function script(text: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await admin('/sim/scripts', { body: { target: '*', text, ...extra } });
  expect(res.status).toBe(200);
}

/** A prompt no other test sends, so entries never collide across tests. */
const prompt = (label: string) => [{ role: 'user' as const, content: `${label} ${crypto.randomUUID()}` }];

async function entries(teamId: string): Promise<number> {
  return (await env.KV.list({ prefix: cacheKvPrefix(teamId) })).keys.length;
}

/** Entries are written after the response (waitUntil): wait until the team holds `n`. */
async function stored(teamId: string, n = 1): Promise<void> {
  for (let waited = 0; waited < 3_000; waited += 20) {
    if ((await entries(teamId)) >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`team ${teamId} holds ${await entries(teamId)} cache entries, expected ${n}`);
}

const team = (label: string) => `cache-${label}-${crypto.randomUUID().slice(0, 8)}`;

async function collect(
  stream: AsyncIterable<{ choices: { delta: { content?: string | null }; finish_reason: string | null }[]; usage?: unknown }>,
) {
  let text = '';
  let finish: string | null = null;
  let usage: { prompt_tokens: number; completion_tokens: number; prompt_tokens_details?: { cached_tokens?: number } } | undefined;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) usage = chunk.usage as typeof usage;
  }
  return { text, finish, usage };
}

describe('exact response cache: miss, then hit', () => {
  it('JSON: the first request is a miss, the identical second one a hit with the same answer', async () => {
    const teamId = team('json');
    const { key } = await createTestKey({ name: 'cache-json', team: teamId });
    const client = openaiClient(key);
    const body = { model: 'auto:cost', messages: prompt('Name three rivers.'), temperature: 0 };
    await script('The Rhine, the Danube and the Loire.');
    const first = await client.chat.completions.create(body, USE).withResponse();
    expect(first.response.headers.get('x-cailos-cache')).toBe('miss');
    expect(first.data.choices[0].message.content).toBe('The Rhine, the Danube and the Loire.');
    await stored(teamId);
    await script('A different answer the provider would give now.');
    const second = await client.chat.completions.create(body, USE).withResponse();
    expect(second.response.headers.get('x-cailos-cache')).toBe('hit');
    const [a, b] = [first.data, second.data];
    expect(b.choices[0].message.content).toBe(a.choices[0].message.content);
    expect(b.choices[0].finish_reason).toBe(a.choices[0].finish_reason);
    expect(b.model).toBe(a.model);
    expect(b.usage!.prompt_tokens).toBe(a.usage!.prompt_tokens);
    expect(b.usage!.completion_tokens).toBe(a.usage!.completion_tokens);
    // Every prompt token of a hit came from the cache (OpenAI's field for cached prompt tokens).
    expect(b.usage!.prompt_tokens_details?.cached_tokens).toBe(a.usage!.prompt_tokens);
    // A hit costs nothing, wherever the gateway reports a cost.
    expect(second.response.headers.get('x-cailos-cost')).toBe('0');
    if ('cost' in a.usage!) expect((b.usage as unknown as { cost: number }).cost).toBe(0);
    // A hit is a request of its own: its own id and decision, the answering endpoint's headers.
    expect(b.id).not.toBe(a.id);
    expect(second.response.headers.get('x-cailos-decision-id')).toBe(b.id.slice('chatcmpl-'.length));
    expect(second.response.headers.get('x-cailos-endpoint')).toBe(first.response.headers.get('x-cailos-endpoint'));
    expect(second.response.headers.get('x-cailos-simulated')).toBe('true');
    expect(b.system_fingerprint).toBe('cailos-sim');
  });

  it('stream: a stored answer replays as a stream the openai client parses, with usage', async () => {
    const teamId = team('stream');
    const { key } = await createTestKey({ name: 'cache-stream', team: teamId });
    const client = openaiClient(key);
    const body = {
      model: 'auto:cost',
      messages: prompt('Stream a short poem.'),
      stream: true as const,
      stream_options: { include_usage: true },
    };
    await script('Roses stream, violets flow, cached answers replay just so.');
    const first = await client.chat.completions.create(body, USE).withResponse();
    expect(first.response.headers.get('x-cailos-cache')).toBe('miss');
    const a = await collect(first.data);
    await stored(teamId);
    await script('Something else entirely.');
    const second = await client.chat.completions.create(body, USE).withResponse();
    expect(second.response.headers.get('x-cailos-cache')).toBe('hit');
    expect(second.response.headers.get('content-type')).toContain('text/event-stream');
    const b = await collect(second.data);
    expect(b.text).toBe('Roses stream, violets flow, cached answers replay just so.');
    expect(b.text).toBe(a.text);
    expect(b.finish).toBe('stop');
    expect(b.usage!.completion_tokens).toBe(a.usage!.completion_tokens);
    expect(b.usage!.prompt_tokens_details?.cached_tokens).toBe(a.usage!.prompt_tokens);
    // The same entry serves a non-streamed request: `stream` is not part of the cache key.
    const json = await client.chat.completions.create({ model: body.model, messages: body.messages }, USE).withResponse();
    expect(json.response.headers.get('x-cailos-cache')).toBe('hit');
    expect(json.data.choices[0].message.content).toBe(a.text);
  });

  it('stream without include_usage: no usage chunk reaches the client, on the miss or the hit', async () => {
    const teamId = team('nousage');
    const { key } = await createTestKey({ name: 'cache-nousage', team: teamId });
    const client = openaiClient(key);
    const body = { model: 'auto:cost', messages: prompt('Briefly.'), stream: true as const };
    await script('Brief.');
    const a = await collect(await client.chat.completions.create(body, USE));
    expect(a.usage).toBeUndefined();
    await stored(teamId);
    const second = await client.chat.completions.create(body, USE).withResponse();
    expect(second.response.headers.get('x-cailos-cache')).toBe('hit');
    const b = await collect(second.data);
    expect(b.text).toBe('Brief.');
    expect(b.usage).toBeUndefined();
  });

  it('tool-call answers are stored and replayed; the SDK assembles the calls from the replayed stream', async () => {
    const teamId = team('tools');
    const { key } = await createTestKey({ name: 'cache-tools', team: teamId });
    const client = openaiClient(key);
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      },
    ];
    const body = { model: 'auto:cost', messages: prompt('Weather in Paris?'), tools };
    await script('', { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }] });
    const first = await client.chat.completions.create(body, USE);
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    await stored(teamId);
    await script('', { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Lyon"}' }] });
    const runner = client.chat.completions.stream(body, USE);
    const final = await runner.finalChatCompletion();
    const call = final.choices[0].message.tool_calls![0] as { id: string; function: { name: string; arguments: string } };
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(call.function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' });
    expect(call.id).toBe(first.choices[0].message.tool_calls![0].id);
  });
});

describe('the other inbound APIs', () => {
  it('Messages API: the Anthropic SDK gets a hit, whole and streamed, from the same entry', async () => {
    const teamId = team('messages');
    const { key } = await createTestKey({ name: 'cache-messages', team: teamId });
    const client = new Anthropic({ baseURL: BASE, apiKey: key, fetch: workerFetch as typeof fetch, maxRetries: 0 });
    const params = { model: 'auto:cost', max_tokens: 200, messages: prompt('Hello heron.') };
    await script('Hello from the cache.');
    const first = await client.messages.create(params, USE).withResponse();
    expect(first.response.headers.get('x-cailos-cache')).toBe('miss');
    await stored(teamId);
    await script('Not from the cache.');
    const second = await client.messages.create(params, USE).withResponse();
    expect(second.response.headers.get('x-cailos-cache')).toBe('hit');
    expect(second.data.content).toEqual(first.data.content);
    const streamed = await client.messages.stream(params, USE).finalMessage();
    expect(streamed.content.map((block) => (block.type === 'text' ? block.text : block.type))).toEqual(['Hello from the cache.']);
    expect(streamed.stop_reason).toBe(first.data.stop_reason);
  });
});

describe('what makes a different entry', () => {
  it('a change to the model spec, messages or any answer-changing parameter is a miss', async () => {
    const teamId = team('params');
    const { key } = await createTestKey({ name: 'cache-params', team: teamId });
    const base = { model: 'auto:cost', messages: prompt('Base request.'), temperature: 0.2 };
    expect((await chat(key, base, USE.headers)).headers.get('x-cailos-cache')).toBe('miss');
    await stored(teamId);
    expect((await chat(key, base, USE.headers)).headers.get('x-cailos-cache')).toBe('hit');
    const variants: Record<string, unknown>[] = [
      { ...base, model: 'auto:speed' },
      { ...base, messages: [...base.messages, { role: 'user', content: 'and one more' }] },
      { ...base, temperature: 0.3 },
      { ...base, max_tokens: 50 },
      { ...base, top_p: 0.5 },
      { ...base, seed: 7 },
      { ...base, stop: ['\n'] },
      { ...base, response_format: { type: 'json_object' } },
      { ...base, tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }] },
      { ...base, user: 'end-user-2' },
      { ...base, routing: { providers: { deny: ['groq'] } } },
    ];
    for (const v of variants) {
      const res = await chat(key, v, USE.headers);
      expect(res.status, JSON.stringify(v)).toBe(200);
      expect(res.headers.get('x-cailos-cache'), JSON.stringify(v)).toBe('miss');
    }
    // Key order in the body does not matter: the key is canonical JSON.
    const reordered = { temperature: 0.2, messages: base.messages, model: 'auto:cost' };
    expect((await chat(key, reordered, USE.headers)).headers.get('x-cailos-cache')).toBe('hit');
  });

  it('teams never share entries; keys of one team with the same routing policy do; another policy does not', async () => {
    const [t1, t2] = [team('t1'), team('t2')];
    const a = await createTestKey({ name: 'a', team: t1 });
    const sameTeam = await createTestKey({ name: 'a2', team: t1 });
    const strict = await createTestKey({ name: 'a3', team: t1, settings: { minTrustLevel: 3 } });
    const other = await createTestKey({ name: 'b', team: t2 });
    const body = { model: 'auto', messages: prompt('Shared question.') };
    await script('Answer for team one.');
    expect((await chat(a.key, body, USE.headers)).headers.get('x-cailos-cache')).toBe('miss');
    await stored(t1);
    await script('Answer for team two.');
    const res = await chat(other.key, body, USE.headers);
    expect(res.headers.get('x-cailos-cache')).toBe('miss');
    expect(((await res.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content).toBe('Answer for team two.');
    const shared = await chat(sameTeam.key, body, USE.headers);
    expect(shared.headers.get('x-cailos-cache')).toBe('hit');
    expect(((await shared.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content).toBe(
      'Answer for team one.',
    );
    // A key whose settings route differently (here: trust minimum 3) never gets an answer routed for another policy.
    expect((await chat(strict.key, body, USE.headers)).headers.get('x-cailos-cache')).toBe('miss');
  });
});

describe('opting in', () => {
  it('not opted in: no x-cailos-cache header and nothing stored', async () => {
    const teamId = team('off');
    const { key } = await createTestKey({ name: 'cache-off', team: teamId });
    const body = { model: 'auto:cost', messages: prompt('Not cached.') };
    for (let i = 0; i < 2; i++) {
      const res = await chat(key, body);
      expect(res.status).toBe(200);
      expect(res.headers.has('x-cailos-cache')).toBe(false);
      await res.text();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(await entries(teamId)).toBe(0);
  });

  it('the key setting responseCache.enabled caches without a header; `x-cailos-cache: off` bypasses it', async () => {
    const teamId = team('keyset');
    const { key } = await createTestKey({ name: 'cache-keyset', team: teamId, settings: { responseCache: { enabled: true } } });
    const body = { model: 'auto:cost', messages: prompt('Cached by key setting.') };
    await script('From the key setting.');
    expect((await chat(key, body)).headers.get('x-cailos-cache')).toBe('miss');
    await stored(teamId);
    await script('Fresh.');
    const hit = await chat(key, body);
    expect(hit.headers.get('x-cailos-cache')).toBe('hit');
    const off = await chat(key, body, { 'x-cailos-cache': 'off' });
    expect(off.headers.get('x-cailos-cache')).toBe('bypass');
    expect(((await off.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content).toBe('Fresh.');
  });

  it('the key setting is validated: a TTL above the maximum is refused', async () => {
    const res = await admin('/keys', { body: { name: 'bad-ttl', settings: { responseCache: { enabled: true, ttlSeconds: 10_000_000 } } } });
    expect(res.status).toBe(400);
  });

  it('malformed cache headers are a 400 naming the header', async () => {
    const { key } = await createTestKey({ name: 'cache-bad-header', team: team('bad') });
    const body = { model: 'auto:cost', messages: prompt('x') };
    const cases: Record<string, string>[] = [
      { 'x-cailos-cache': 'sometimes' },
      { 'x-cailos-cache': 'use', 'x-cailos-cache-ttl': '0' },
      { 'x-cailos-cache-ttl': 'soon' },
    ];
    for (const headers of cases) {
      const res = await chat(key, body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(400);
      const err = (await res.json()) as { error: { param: string; type: string } };
      expect(err.error.type).toBe('invalid_request_error');
      expect(Object.keys(headers)).toContain(err.error.param);
    }
  });

  it('a request with an image fetched by URL bypasses the cache (what the URL points to can change)', async () => {
    const teamId = team('img');
    const { key } = await createTestKey({ name: 'cache-img', team: teamId });
    const body = {
      model: 'auto:cost',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe.' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          ],
        },
      ],
    };
    const res = await chat(key, body, USE.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cailos-cache')).toBe('bypass');
  });
});

describe('lifetime and eligibility', () => {
  it('an entry past its TTL is a miss (the expiry is checked inside the encrypted entry)', async () => {
    const teamId = team('ttl');
    const { key } = await createTestKey({ name: 'cache-ttl', team: teamId });
    const body = { model: 'auto:cost', messages: prompt('Short-lived.') };
    const headers = { 'x-cailos-cache': 'use', 'x-cailos-cache-ttl': '1' };
    expect((await chat(key, body, headers)).headers.get('x-cailos-cache')).toBe('miss');
    await stored(teamId);
    expect((await chat(key, body, headers)).headers.get('x-cailos-cache')).toBe('hit');
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await chat(key, body, headers)).headers.get('x-cailos-cache')).toBe('miss');
  });

  for (const [label, setup] of [
    ['a content-filtered answer', () => script('Filtered.', { finishReason: 'content_filter' })],
    ['an empty answer', () => script('')],
    ['a stream the upstream broke off', () => admin('/sim/faults', { body: { target: '*', fault: 'truncated_sse', times: 1 } })],
  ] as const) {
    it(`${label} is not stored`, async () => {
      const teamId = team('inelig');
      const { key } = await createTestKey({ name: 'cache-inelig', team: teamId });
      const body = { model: 'auto:cost', messages: prompt(label), stream: true, routing: { max_attempts: 1 } };
      await setup();
      const res = await chat(key, body, USE.headers);
      expect(res.headers.get('x-cailos-cache')).toBe('miss');
      await res.text();
      await new Promise((r) => setTimeout(r, 150));
      expect(await entries(teamId)).toBe(0);
    });
  }
});

describe('accounting', () => {
  it('a hit is logged with cost 0, no tokens, cached: true; its trace names the cache; /v1/usage counts it', async () => {
    const teamId = team('log');
    const { key } = await createTestKey({ name: 'cache-log', team: teamId });
    const client = openaiClient(key);
    const body = { model: 'auto:cost', messages: prompt('Account for me.') };
    const miss = await client.chat.completions.create(body, USE);
    await stored(teamId);
    const hit = await client.chat.completions.create(body, USE);
    type Row = {
      cached: boolean;
      costUsd: number;
      inputTokens: number;
      outputTokens: number;
      status: number;
      endpointId: string;
      trace: Record<string, unknown>;
    };
    const missRow = (await client.get(`/routing/decisions/${miss.id}`)) as Row;
    const hitRow = (await client.get(`/routing/decisions/${hit.id}`)) as Row;
    expect(missRow.cached).toBe(false);
    expect(missRow.costUsd).toBeGreaterThan(0);
    expect(hitRow).toMatchObject({
      cached: true,
      costUsd: 0,
      inputTokens: 0,
      outputTokens: 0,
      status: 200,
      endpointId: missRow.endpointId,
    });
    expect(hitRow.trace.cache).toMatchObject({ hit: true, sourceDecisionId: miss.id.slice('chatcmpl-'.length) });
    expect(hitRow.trace.attempts).toEqual([]);
    const usage = (await client.get('/usage')) as { requests: number; cached_requests: number; cost_usd: number };
    expect(usage.requests).toBe(2);
    expect(usage.cached_requests).toBe(1);
    expect(usage.cost_usd).toBeCloseTo(missRow.costUsd, 8);
  });

  it('a hit still counts against the rate limit', async () => {
    const teamId = team('rate');
    const { key } = await createTestKey({ name: 'cache-rate', team: teamId, settings: { requestsPerMinute: 2 } });
    const body = { model: 'auto:cost', messages: prompt('Rate me.') };
    expect((await chat(key, body, USE.headers)).status).toBe(200);
    await stored(teamId);
    expect((await chat(key, body, USE.headers)).headers.get('x-cailos-cache')).toBe('hit');
    const third = await chat(key, body, USE.headers);
    expect(third.status).toBe(429);
  });
});
