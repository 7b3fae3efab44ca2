import type { Capabilities } from '../../catalog';
import type { ThinkingBlock, ThinkingConfig } from '../../hub';

/** Extended thinking on the Anthropic wire: which `thinking` config an endpoint gets, and history blocks. Pure. */

export type AnthropicThinkingBlock = ThinkingBlock;

/**
 * The client's `thinking` as this endpoint can take it, or undefined when it cannot (dropped):
 * `enabled` (a token budget) and `disabled` need the reasoning capability, `adaptive` the adaptive one.
 * Other forms are not forwarded: no catalog entry says which models take them.
 */
export function thinkingFor(thinking: ThinkingConfig | undefined, caps: Capabilities): ThinkingConfig | undefined {
  if (!thinking) return undefined;
  switch (thinking.type) {
    case 'enabled':
      return caps.reasoning && thinking.budget_tokens !== undefined ? thinking : undefined;
    case 'disabled':
      return caps.reasoning ? thinking : undefined;
    case 'adaptive':
      return caps.adaptiveThinking ? thinking : undefined;
    default:
      return undefined;
  }
}

/** Whether the forwarded config makes the model think (so temperature and forced tools are off limits). */
export function thinks(thinking: ThinkingConfig | undefined): boolean {
  return thinking?.type === 'enabled' || thinking?.type === 'adaptive';
}

/** Copies of the blocks with exactly the fields Anthropic reads (the signature must come back unchanged). */
export function historyThinkingBlocks(blocks: readonly ThinkingBlock[] | undefined): AnthropicThinkingBlock[] {
  return (blocks ?? []).map((b) =>
    b.type === 'thinking'
      ? { type: 'thinking', thinking: b.thinking, signature: b.signature }
      : { type: 'redacted_thinking', data: b.data },
  );
}
