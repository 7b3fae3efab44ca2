import { Agent, tool } from '@openai/agents';
import { z } from 'zod';

/**
 * The two agents from the product pitch, on model "auto": a triage agent that hands off to a
 * resolver agent with two tools. `calls` records which tools ran.
 */
export function pitchAgents() {
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
  return { triage, resolver, calls };
}
