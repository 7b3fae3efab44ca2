import { Agent, run, setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled, tool } from '@openai/agents';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestKey, openaiClient } from '../helpers/gateway';

/**
 * The product pitch: a triage agent hands off to a resolver agent with two tools, both on
 * model "auto", through the gateway. The SDK is set to the Chat Completions API.
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
  const { key } = await createTestKey({ name: 'agents-sdk' });
  setDefaultOpenAIClient(openaiClient(key) as never);
  setOpenAIAPI('chat_completions');
  setTracingDisabled(true);
});

describe('@openai/agents through the gateway (Chat Completions API)', () => {
  it('triage hands off to the resolver, which calls both tools and answers', async () => {
    calls.length = 0;
    const result = await run(triage, 'My order 1234 arrived broken. Please look up the order and issue a refund.');
    expect(result.lastAgent?.name).toBe('Resolver');
    expect(calls).toContain('lookup_order');
    expect(calls).toContain('issue_refund');
    expect(typeof result.finalOutput).toBe('string');
    expect(String(result.finalOutput).length).toBeGreaterThan(0);
    const toolOutputs = result.newItems.filter((i) => i.type === 'tool_call_output_item');
    expect(toolOutputs.length).toBeGreaterThanOrEqual(2);
  });

  it('works with streaming on', async () => {
    calls.length = 0;
    const stream = await run(triage, 'Order 77 arrived broken, please look up the order and issue a refund.', { stream: true });
    let textDeltas = 0;
    for await (const event of stream) {
      if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') textDeltas++;
    }
    await stream.completed;
    expect(stream.lastAgent?.name).toBe('Resolver');
    expect(calls).toEqual(expect.arrayContaining(['lookup_order', 'issue_refund']));
    expect(textDeltas).toBeGreaterThan(0);
    expect(String(stream.finalOutput).length).toBeGreaterThan(0);
  });
});
