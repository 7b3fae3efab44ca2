import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey, openaiClient } from '../helpers/gateway';

/**
 * A strict OpenAI-compatible upstream, one that answers 400 "Unrecognized request argument supplied"
 * to any top-level field outside OpenAI's Chat Completions reference, never sees one: the official
 * `openai` client sends OpenRouter's routing fields and other gateways' extensions through the worker
 * to nscale, served here by the loopback fake (bench/lib/fake-upstream.ts) in strict mode.
 */

const fakeUrl = () => (env as unknown as { FAKE_UPSTREAM_URL: string }).FAKE_UPSTREAM_URL;
const ENDPOINT = 'nscale/meta-llama/Llama-3.3-70B-Instruct';

async function strictMode(on?: boolean): Promise<{ strict: boolean; rejected: string[][] }> {
  const res = await fetch(
    `${fakeUrl()}/__control/strict`,
    on === undefined ? {} : { method: 'POST', body: JSON.stringify({ strict: on }) },
  );
  return (await res.json()) as { strict: boolean; rejected: string[][] };
}

/** A field name no other request sends: other test files may share the fake. */
const JUNK = `junk_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** What users of other gateways send besides OpenAI's parameters. */
const FOREIGN = {
  models: ['ncompass/google/gemma-3-27b-it'],
  route: 'fallback',
  // require_parameters stays false: top_k and repetition_penalty are parameters other providers
  // document (catalog data/extra-params.ts), so true would rule nscale out.
  provider: { order: ['nscale'], require_parameters: false, data_collection: 'deny', sort: 'throughput' },
  transforms: ['middle-out'],
  top_k: 40,
  repetition_penalty: 1.05,
  usage: { include: true },
  [JUNK]: 1,
};
const FOREIGN_DROPPED = `transforms,top_k,repetition_penalty,usage,${JUNK}`;

/** Whether the strict fake refused any request carrying this test's fields. */
const refusedOurs = async () => (await strictMode()).rejected.some((names) => names.includes(JUNK));

let key: string;
beforeAll(async () => {
  key = (await createTestKey({ name: 'strict-upstream' })).key;
  await strictMode(true);
});
afterAll(async () => {
  await strictMode(false);
});

describe('a strict upstream never sees a field outside its reference', () => {
  it('the strict fake refuses unknown fields exactly as OpenAI does', async () => {
    const direct = `${JUNK}_direct`;
    const res = await fetch(`${fakeUrl()}/nscale/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'x', messages: [{ role: 'user', content: 'hi' }], seed: 1, models: ['y'], [direct]: 3 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: `Unrecognized request arguments supplied: models, ${direct}`,
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    expect((await strictMode()).rejected).toContainEqual(['models', direct]);
  });

  it('OpenAI parameters pass, everything else stops at the gateway (JSON)', async () => {
    const { data, response } = await openaiClient(key)
      .chat.completions.create({
        model: ENDPOINT,
        messages: [{ role: 'user', content: 'Say hello.' }],
        temperature: 0.3,
        top_p: 0.9,
        seed: 11,
        max_tokens: 64,
        stop: ['\n\n'],
        user: 'end-user-1',
        metadata: { app: 'strict-test' },
        ...(FOREIGN as object),
      })
      .withResponse();
    expect(response.headers.get('x-cailos-endpoint')).toBe(ENDPOINT);
    expect(response.headers.get('x-cailos-dropped-params')).toBe(FOREIGN_DROPPED);
    // The echo fake names the endpoint that answered: the strict upstream accepted the request.
    expect(data.choices[0].message.content).toContain(ENDPOINT);
    expect(await refusedOurs()).toBe(false);
  });

  it('and when streamed', async () => {
    const { data: stream, response } = await openaiClient(key)
      .chat.completions.create({
        model: ENDPOINT,
        messages: [{ role: 'user', content: 'Say hello.' }],
        stream: true,
        stream_options: { include_usage: true },
        ...(FOREIGN as object),
      })
      .withResponse();
    expect(response.headers.get('x-cailos-dropped-params')).toBe(FOREIGN_DROPPED);
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toContain(ENDPOINT);
    expect(await refusedOurs()).toBe(false);
  });
});
