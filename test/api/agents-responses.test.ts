import { run, setDefaultOpenAIClient, setTracingDisabled } from '@openai/agents';
import OpenAI from 'openai';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestKey, workerFetch } from '../helpers/gateway';
import { pitchAgents } from '../helpers/pitch-agents';

/**
 * The product pitch on the Agents SDK's DEFAULT model API (the Responses API): only the base URL
 * and the key are configured. Same triage and resolver agents as test/flow/agents-sdk.test.ts.
 */

const { triage, calls } = pitchAgents();

beforeAll(async () => {
  const { key } = await createTestKey({ name: 'agents-sdk-responses' });
  setDefaultOpenAIClient(new OpenAI({ baseURL: `${BASE}/v1`, apiKey: key, fetch: workerFetch as typeof fetch, maxRetries: 0 }) as never);
  setTracingDisabled(true);
});

describe('@openai/agents through the gateway (default Responses API)', () => {
  it('triage hands off to the resolver, which calls both tools and answers', async () => {
    calls.length = 0;
    const result = await run(triage, 'My order 1234 arrived broken. Please look up the order and issue a refund.');
    expect(result.lastAgent?.name).toBe('Resolver');
    expect(calls).toContain('lookup_order');
    expect(calls).toContain('issue_refund');
    expect(String(result.finalOutput)).toContain('My order 1234 arrived broken');
    const toolOutputs = result.newItems.filter((i) => i.type === 'tool_call_output_item');
    expect(toolOutputs.length).toBeGreaterThanOrEqual(2);
    const responseIds = result.rawResponses.map((r) => r.responseId);
    expect(responseIds.every((id) => typeof id === 'string' && id.startsWith('resp_'))).toBe(true);
    expect(result.rawResponses.every((r) => r.usage.inputTokens > 0 && r.usage.outputTokens > 0)).toBe(true);
  });

  it('works with streaming on', async () => {
    calls.length = 0;
    const stream = await run(triage, 'Order 77 arrived broken, please look up the order and issue a refund.', { stream: true });
    let textDeltas = 0;
    let text = '';
    for await (const event of stream) {
      if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
        textDeltas++;
        text += event.data.delta;
      }
    }
    await stream.completed;
    expect(stream.lastAgent?.name).toBe('Resolver');
    expect(calls).toEqual(expect.arrayContaining(['lookup_order', 'issue_refund']));
    expect(textDeltas).toBeGreaterThan(1);
    expect(text).toBe(String(stream.finalOutput));
    expect(text).toContain('Order 77 arrived broken');
  });
});
