import { describe, expect, it } from 'vitest';
import { BASE, createTestKey, openaiClient, workerFetch } from '../helpers/gateway';

/**
 * /v1/responses reports the client's fields no provider received, as chat completions does: the
 * fields the Responses adapter does not translate (unknown ones, and Responses fields Cailos does not
 * implement) and the translated ones the answering endpoint does not take, in `x-cailos-dropped-params`
 * and the decision trace's `droppedParams`.
 */

let key: string;

async function post(body: Record<string, unknown>): Promise<Response> {
  key ??= (await createTestKey({ name: 'responses-dropped' })).key;
  const res = await workerFetch(`${BASE}/v1/responses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
}

async function droppedInTrace(res: Response): Promise<string[] | undefined> {
  const id = res.headers.get('x-cailos-decision-id');
  for (let i = 0; i < 100; i++) {
    const r = await workerFetch(`${BASE}/v1/routing/decisions/${id}`, { headers: { authorization: `Bearer ${key}` } });
    if (r.status === 200) return ((await r.json()) as { trace: { droppedParams?: string[] } }).trace.droppedParams;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`decision ${id} never appeared`);
}

describe('/v1/responses names the fields it drops', () => {
  it('unknown fields and Responses fields Cailos does not implement', async () => {
    const res = await post({
      model: 'openai/gpt-4o',
      input: 'Say hello.',
      text: { format: { type: 'text' }, verbosity: 'low' },
      top_k: 20,
      include: ['message.output_text.logprobs'],
      reasoning: { effort: 'low' },
      truncation: 'auto',
      service_tier: 'flex',
    });
    const names = ['text.verbosity', 'top_k', 'include', 'reasoning', 'truncation', 'service_tier'];
    expect(res.headers.get('x-cailos-dropped-params')).toBe(names.join(','));
    expect(await droppedInTrace(res)).toEqual(names);
  });

  it('what it translates or honours is not named: store: false, truncation: "disabled", metadata, text.format, nulls', async () => {
    const res = await post({
      model: 'openai/gpt-4o',
      instructions: 'Be brief.',
      input: 'Say hello.',
      store: false,
      truncation: 'disabled',
      metadata: { run: 'a' },
      text: { format: { type: 'text' } },
      include: null,
      reasoning: null,
      max_output_tokens: 200,
      temperature: 0.5,
      user: 'u-1',
      routing: { max_latency_ms: 60_000 },
      provider: { order: ['openai'] },
    });
    expect(res.headers.get('x-cailos-dropped-params')).toBeNull();
    expect(await droppedInTrace(res)).toBeUndefined();
  });

  it('with the endpoint’s own drops: both, the adapter’s first', async () => {
    // Recent Claude models refuse temperature and top_p together: the endpoint drops top_p.
    const res = await post({ model: 'anthropic/claude-sonnet-4-6', input: 'Say hello.', temperature: 0.5, top_p: 0.9, foo_bar: 1 });
    expect(res.headers.get('x-cailos-dropped-params')).toBe('foo_bar,top_p');
    expect(await droppedInTrace(res)).toEqual(['foo_bar', 'top_p']);
  });

  it('streamed, through the OpenAI SDK', async () => {
    key ??= (await createTestKey({ name: 'responses-dropped' })).key;
    const { response } = await openaiClient(key)
      .responses.create({ model: 'openai/gpt-4o', input: 'Say hello.', stream: true, top_logprobs: 2, max_tool_calls: 3 })
      .withResponse();
    expect(response.headers.get('x-cailos-dropped-params')).toBe('top_logprobs,max_tool_calls');
    await response.body?.cancel();
  });
});
