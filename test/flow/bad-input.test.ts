import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/hub/body';
import { admin, BASE, chat, createTestKey, workerFetch } from '../helpers/gateway';

let key: string;
const hello = [{ role: 'user', content: 'hello' }];

beforeAll(async () => {
  key = (await createTestKey({ name: 'bad-input' })).key;
});

async function expectError(res: Response, status: number, code?: string, param?: string | null) {
  const body = (await res.json()) as { error: { message: string; type: string; param: string | null; code: string | null } };
  expect(res.status).toBe(status);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.message.length).toBeGreaterThan(10);
  if (code) expect(body.error.code).toBe(code);
  if (param !== undefined) expect(body.error.param).toBe(param);
  return body.error;
}

describe('bad input gets the OpenAI error envelope with the right status, never a 500', () => {
  it('malformed JSON → 400', async () => {
    await expectError(await chat(key, '{"model": "auto", "messages": ['), 400, 'invalid_json');
  });

  it('a body that is not an object → 400', async () => {
    await expectError(await chat(key, '[1,2]'), 400, 'invalid_json');
  });

  it('wrong types name the field', async () => {
    await expectError(await chat(key, { model: 'auto', messages: hello, temperature: 'hot' }), 400, 'invalid_request', 'temperature');
    await expectError(await chat(key, { model: 'auto', messages: hello, max_tokens: -5 }), 400, 'invalid_request', 'max_tokens');
    await expectError(await chat(key, { model: 42, messages: hello }), 400, 'invalid_request', 'model');
  });

  it('missing or empty messages → 400', async () => {
    await expectError(await chat(key, { model: 'auto' }), 400, 'invalid_request', 'messages');
    const e = await expectError(await chat(key, { model: 'auto', messages: [] }), 400, 'invalid_request', 'messages');
    expect(e.message).toMatch(/at least one message/);
  });

  it('unknown role → 400', async () => {
    const e = await expectError(await chat(key, { model: 'auto', messages: [{ role: 'wizard', content: 'hi' }] }), 400, 'invalid_request');
    expect(e.param).toMatch(/^messages\[0\]/);
  });

  it('a body over the size limit → 413', async () => {
    const big = 'x'.repeat(9 * 1024 * 1024);
    await expectError(await chat(key, { model: 'auto', messages: [{ role: 'user', content: big }] }), 413, 'request_too_large');
  });

  it('unknown model → 404, unknown strategy → 400', async () => {
    await expectError(await chat(key, { model: 'gpt-17-ultra', messages: hello }), 404, 'model_not_found', 'model');
    await expectError(await chat(key, { model: 'auto:cheapest', messages: hello }), 400, 'invalid_strategy', 'model');
  });

  it('trust_level out of range → 400', async () => {
    await expectError(await chat(key, { model: 'auto', messages: hello, trust_level: 7 }), 400, 'invalid_request', 'trust_level');
    await expectError(await chat(key, { model: 'auto', messages: hello, trust_level: -1 }), 400, 'invalid_request', 'trust_level');
  });

  it('unknown routing hints → 400 naming the field', async () => {
    await expectError(await chat(key, { model: 'auto', messages: hello, routing: { fastest: true } }), 400, 'invalid_request', 'routing');
  });

  it('constraints no endpoint meets → 4xx saying what to fix', async () => {
    const e = await expectError(
      await chat(key, { model: 'auto', messages: hello, routing: { max_price_per_mtok: 0.000001 } }),
      422,
      'no_endpoint_meets_constraints',
    );
    expect(e.message).toMatch(/max_price_per_mtok/);
    const t = await expectError(
      await chat(key, { model: 'gpt-4o', messages: hello, trust_level: 3 }),
      422,
      'no_endpoint_meets_constraints',
      'trust_level',
    );
    expect(t.message).toMatch(/trust/);
  });

  it('a feature the named model lacks → 400 that says why', async () => {
    const e = await expectError(
      await chat(key, {
        model: 'llama-3.1-8b',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is this?' },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
            ],
          },
        ],
      }),
      400,
      'no_endpoint_meets_constraints',
    );
    expect(e.message).toMatch(/image/);
  });

  it('missing, malformed, unknown and revoked keys → 401', async () => {
    const noKey = await workerFetch(`${BASE}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'auto', messages: hello }),
    });
    await expectError(noKey, 401, 'missing_api_key');
    await expectError(await chat('sk-not-ours', { model: 'auto', messages: hello }), 401, 'invalid_api_key');
    await expectError(await chat('cai_' + 'A'.repeat(40), { model: 'auto', messages: hello }), 401, 'invalid_api_key');
    const doomed = await createTestKey({ name: 'doomed' });
    expect((await chat(doomed.key, { model: 'auto', messages: hello })).status).toBe(200);
    expect((await admin(`/keys/${doomed.id}/revoke`, { method: 'POST' })).status).toBe(200);
    await expectError(await chat(doomed.key, { model: 'auto', messages: hello }), 401, 'invalid_api_key');
  });

  it('over the rate → 429 with retry-after', async () => {
    const limited = await createTestKey({ name: 'limited', settings: { requestsPerMinute: 2 } });
    expect((await chat(limited.key, { model: 'auto', messages: hello })).status).toBe(200);
    expect((await chat(limited.key, { model: 'auto', messages: hello })).status).toBe(200);
    const res = await chat(limited.key, { model: 'auto', messages: hello });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(res, 429, 'rate_limit_exceeded');
  });

  it('over budget → 429 insufficient_quota', async () => {
    const tiny = await createTestKey({ name: 'tiny-budget', settings: { monthlyBudgetUsd: 0.0000001 } });
    expect((await chat(tiny.key, { model: 'gpt-4o', messages: hello })).status).toBe(200);
    // Spend is recorded off the request path; give waitUntil a moment.
    await new Promise((r) => setTimeout(r, 50));
    const res = await chat(tiny.key, { model: 'auto', messages: hello });
    const e = await expectError(res, 429, 'insufficient_quota');
    expect(e.type).toBe('insufficient_quota');
  });

  it('unknown routes and admin without the secret', async () => {
    await expectError(await workerFetch(`${BASE}/v1/nothing-here`, { headers: { authorization: `Bearer ${key}` } }), 404, 'unknown_route');
    await expectError(await workerFetch(`${BASE}/admin/keys`, { headers: { authorization: 'Bearer wrong' } }), 401, 'invalid_admin_secret');
  });

  it('a 1 MB model, strategy, hint or item type is quoted back as a short prefix only', async () => {
    const huge = 'q'.repeat(1024 * 1024);
    const short = (e: { message: string }) => expect(e.message.length).toBeLessThan(400);
    short(await expectError(await chat(key, { model: huge, messages: hello }), 404, 'model_not_found', 'model'));
    short(await expectError(await chat(key, { model: `auto:${huge}`, messages: hello }), 400, 'invalid_strategy', 'model'));
    short(
      await expectError(await chat(key, { model: 'auto', messages: hello, routing: { [huge]: 1 } }), 400, 'invalid_request', 'routing'),
    );
    short(await expectError(await inbound('/v1/responses', { model: 'auto', input: [{ type: huge, content: 'x' }] }), 400));
    short(await expectError(await inbound('/v1/responses', { model: 'auto', input: 'hi', tools: [{ type: huge }] }), 400));
    short(
      await expectError(
        await workerFetch(`${BASE}/v1/routing/decisions/${huge.slice(0, 16_000)}`, { headers: { authorization: `Bearer ${key}` } }),
        404,
      ),
    );
    short(
      await expectError(
        await workerFetch(`${BASE}/v1/${huge.slice(0, 16_000)}`, { headers: { authorization: `Bearer ${key}` } }),
        404,
        'unknown_route',
      ),
    );
    const msg = await inbound('/v1/messages', {
      model: 'auto',
      max_tokens: 10,
      messages: [{ role: 'user', content: [{ type: huge, text: 'x' }] }],
    });
    expect(msg.status).toBe(400);
    expect(((await msg.json()) as { error: { message: string } }).error.message.length).toBeLessThan(400);
  });

  it('a chunked body (no content-length) over the limit → 413, without reading it all', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const total = 50 * 1024 * 1024;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"model":"auto","messages":[{"role":"user","content":"'));
      },
      pull(controller) {
        pulls++;
        if (pulls * chunk.byteLength >= total) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const req = new Request(`${BASE}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(req.headers.get('content-length')).toBeNull();
    await expectError(await workerFetch(req), 413, 'request_too_large');
    // 8 MB is 128 chunks; reading the whole 50 MB would take 800 pulls.
    expect(pulls).toBeLessThan(400);
  });

  it('a body nested deeper than the limit → 400 on chat, responses and messages, never a 500', async () => {
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    for (const levels of [MAX_JSON_DEPTH + 1, 100_000]) {
      const e = await expectError(
        await chat(key, `{"model":"auto","messages":${JSON.stringify(hello)},"metadata":${deep(levels)}}`),
        400,
        'invalid_request',
      );
      expect(e.message).toMatch(new RegExp(`${MAX_JSON_DEPTH}`));
      await expectError(
        await inbound('/v1/responses', `{"model":"auto","input":"hi","metadata":{"a":${deep(levels)}}}`),
        400,
        'invalid_request',
      );
      const msg = await inbound(
        '/v1/messages',
        `{"model":"auto","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"metadata":${deep(levels)}}`,
      );
      expect(msg.status).toBe(400);
      expect(((await msg.json()) as { error: { type: string; message: string } }).error).toMatchObject({
        type: 'invalid_request_error',
        message: expect.stringMatching(/nest/),
      });
    }
    // Brackets inside strings are text, not nesting: a deep-looking string is fine.
    const res = await chat(key, { model: 'auto', messages: [{ role: 'user', content: '[{"\\'.repeat(500) }] });
    expect(res.status).toBe(200);
  });
});

function inbound(path: string, body: unknown): Promise<Response> {
  return workerFetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'x-api-key': key, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
