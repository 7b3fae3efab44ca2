import { Agent, run, setDefaultOpenAIClient, setTracingDisabled, tool } from '@openai/agents';
import OpenAI from 'openai';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BASE, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * The product pitch on the Agents SDK's DEFAULT model API (the Responses API): only the base URL
 * and the key are configured. Same triage and resolver agents as test/gateway/agents-sdk.test.ts.
 */

const calls: string[] = [];

const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Look up an order by its number and return its status',
  parameters: z.object({ order_number: z.string() }),
  execute: async ({ order_number }) => {
    calls.push('lookup_order');
    return JSON.stringify({ order_number, status: 'delivered', item: 'teapot', condition_reported: 'broken' });
  },
});

const issueRefund = tool({
  name: 'issue_refund',
  description: 'Issue a refund for an order',
  parameters: z.object({ order_number: z.string(), reason: z.string() }),
  execute: async ({ order_number }) => {
    calls.push('issue_refund');
    return JSON.stringify({ order_number, refunded: true, amount_usd: 42 });
  },
});

const resolver = new Agent({
  name: 'Resolver',
  handoffDescription: 'Resolves order problems: looks up orders and issues refunds',
  instructions: 'You resolve customer order problems. Look up the order, then issue a refund when the item arrived broken.',
  model: 'auto',
  tools: [lookupOrder, issueRefund],
});

const triage = new Agent({
  name: 'Triage',
  instructions: 'Decide which specialist should handle the customer request and hand off to it.',
  model: 'auto',
  handoffs: [resolver],
});

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
