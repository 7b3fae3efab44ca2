import { beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog';
import { flushRequestLog } from '../../src/db/request-log';
import { BASE, chat, createTestKey, env, workerFetch } from '../helpers/gateway';

/**
 * Every answer says what it cost, in USD, as OpenRouter names it (`usage.cost`): the figure the
 * gateway bills (the request's log row, the key's spend and /v1/usage), never a second estimate.
 * Non-streamed answers also carry it in the `x-cailos-cost` header.
 */

let key: string;
let keyId: string;

beforeAll(async () => {
  const created = await createTestKey({ name: 'usage-cost', settings: { shield: { mode: 'off' } } });
  key = created.key;
  keyId = created.id;
});

/** The billed cost of one request, read from its log row (written behind the response). */
async function billedCost(decisionId: string): Promise<number> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    await flushRequestLog();
    const row = await env.DB.prepare('SELECT cost_usd FROM request_log WHERE id = ? AND key_id = ?')
      .bind(decisionId, keyId)
      .first<{ cost_usd: number }>();
    if (row) return row.cost_usd;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log row for ${decisionId}`);
}

/** The catalog price of the tokens the answer reports, as an independent check of the figure. */
function listPrice(endpointId: string, promptTokens: number, completionTokens: number): number {
  const p = getEndpoint(endpointId)!.pricing;
  return (promptTokens * p.inputPerMTok + completionTokens * p.outputPerMTok) / 1_000_000;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return workerFetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** `data:` payloads of an SSE body, `[DONE]` excluded. */
async function sseData(res: Response): Promise<Record<string, unknown>[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .flatMap((frame) => frame.split('\n').filter((l) => l.startsWith('data: ')))
    .map((l) => l.slice('data: '.length))
    .filter((d) => d !== '[DONE]')
    .map((d) => JSON.parse(d) as Record<string, unknown>);
}

const ASK = [{ role: 'user', content: 'Describe the common kingfisher in two sentences.' }];
// A catalog model with a non-zero price, so the cost is a real figure.
const MODEL = 'llama-3.3-70b';

describe('usage.cost and x-cailos-cost on /v1/chat/completions', () => {
  it('a non-streamed answer carries the billed cost in usage.cost and the x-cailos-cost header', async () => {
    const res = await chat(key, { model: MODEL, messages: ASK });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { usage: { prompt_tokens: number; completion_tokens: number; cost: number } };
    const decisionId = res.headers.get('x-cailos-decision-id')!;
    expect(typeof body.usage.cost).toBe('number');
    expect(body.usage.cost).toBeGreaterThan(0);
    expect(body.usage.cost).toBe(await billedCost(decisionId));
    expect(body.usage.cost).toBeCloseTo(
      listPrice(res.headers.get('x-cailos-endpoint')!, body.usage.prompt_tokens, body.usage.completion_tokens),
      15,
    );
    const header = res.headers.get('x-cailos-cost');
    // A plain decimal (never exponent notation) that reads back as exactly the same number.
    expect(header).toMatch(/^\d+(\.\d+)?$/);
    expect(Number(header)).toBe(body.usage.cost);
  });

  it('a stream with include_usage carries usage.cost in its final usage chunk', async () => {
    const res = await chat(key, { model: MODEL, stream: true, stream_options: { include_usage: true }, messages: ASK });
    expect(res.status).toBe(200);
    // A stream's cost is known only at its end: the header cannot carry it.
    expect(res.headers.get('x-cailos-cost')).toBeNull();
    const chunks = (await sseData(res)) as { choices: unknown[]; usage?: { cost?: number } | null }[];
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage!.cost).toBeGreaterThan(0);
    expect(last.usage!.cost).toBe(await billedCost(res.headers.get('x-cailos-decision-id')!));
    // Only the usage chunk carries usage.
    expect(chunks.slice(0, -1).every((c) => c.usage === undefined || c.usage === null)).toBe(true);
  });

  it('the costs the answers report add up to the key’s /v1/usage spend', async () => {
    const fresh = await createTestKey({ name: 'usage-cost-sum', settings: { shield: { mode: 'off' } } });
    let sum = 0;
    for (let i = 0; i < 3; i++) {
      const res = await chat(fresh.key, { model: 'auto:cost', messages: [{ role: 'user', content: `Name bird number ${i}.` }] });
      sum += ((await res.json()) as { usage: { cost: number } }).usage.cost;
    }
    let usage = { requests: 0, cost_usd: 0 };
    // Log rows are written behind the responses: wait until all three have landed.
    for (let waited = 0; usage.requests < 3 && waited < 10_000; waited += 50) {
      await flushRequestLog();
      usage = (await (await workerFetch(`${BASE}/v1/usage`, { headers: { authorization: `Bearer ${fresh.key}` } })).json()) as typeof usage;
      if (usage.requests < 3) await new Promise((r) => setTimeout(r, 50));
    }
    expect(usage.requests).toBe(3);
    expect(usage.cost_usd).toBeCloseTo(sum, 8);
  });
});

describe('usage.cost on /v1/responses', () => {
  it('a non-streamed response carries usage.cost and the header', async () => {
    const res = await post('/v1/responses', { model: MODEL, input: 'Describe the dipper.' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; usage: { cost: number } };
    expect(body.usage.cost).toBeGreaterThan(0);
    expect(body.usage.cost).toBe(await billedCost(res.headers.get('x-cailos-decision-id')!));
    expect(Number(res.headers.get('x-cailos-cost'))).toBe(body.usage.cost);
  });

  it('a streamed response carries usage.cost in response.completed', async () => {
    const res = await post('/v1/responses', { model: MODEL, input: 'Describe the wren.', stream: true });
    const events = (await sseData(res)) as { type: string; response?: { usage: { cost: number } | null } }[];
    const done = events.find((e) => e.type === 'response.completed')!;
    expect(done.response!.usage!.cost).toBeGreaterThan(0);
    expect(done.response!.usage!.cost).toBe(await billedCost(res.headers.get('x-cailos-decision-id')!));
  });
});

describe('usage.cost on /v1/messages', () => {
  const anthropic = { 'anthropic-version': '2023-06-01' };

  it('a non-streamed message carries usage.cost and the header', async () => {
    const res = await post('/v1/messages', { model: MODEL, max_tokens: 200, messages: ASK }, anthropic);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { usage: { input_tokens: number; cost: number } };
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.usage.cost).toBeGreaterThan(0);
    expect(body.usage.cost).toBe(await billedCost(res.headers.get('x-cailos-decision-id')!));
    expect(Number(res.headers.get('x-cailos-cost'))).toBe(body.usage.cost);
  });

  it('a streamed message carries usage.cost in message_delta', async () => {
    const res = await post('/v1/messages', { model: MODEL, max_tokens: 200, stream: true, messages: ASK }, anthropic);
    const events = (await sseData(res)) as { type: string; usage?: { cost?: number } }[];
    const delta = events.find((e) => e.type === 'message_delta')!;
    expect(delta.usage!.cost).toBeGreaterThan(0);
    expect(delta.usage!.cost).toBe(await billedCost(res.headers.get('x-cailos-decision-id')!));
  });
});
