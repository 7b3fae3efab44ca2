import { run, setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled } from '@openai/agents';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestKey, openaiClient } from '../helpers/gateway';
import { pitchAgents } from '../helpers/pitch-agents';

/**
 * The product pitch: a triage agent hands off to a resolver agent with two tools, both on
 * model "auto", through the gateway. The SDK is set to the Chat Completions API.
 */

const { triage, calls } = pitchAgents();

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
