import { type StreamFailure, translateChunks } from '../../flow';
import type { ChatCompletionChunk, FinishReason, ThinkingDelta, Usage } from '../../hub';
import { messageId, stopReasonFor, toAnthropicUsage } from './from-chat';

/**
 * Hub chunk stream → Anthropic Messages event stream. Pure and incremental.
 * Sequence: message_start, ping, then per content block content_block_start →
 * content_block_delta (thinking_delta | signature_delta | text_delta | input_json_delta)… →
 * content_block_stop, then message_delta
 * (stop_reason and usage) and message_stop. A failure after the answer began ends with an `error`
 * event, as Anthropic does.
 */

export type AnthropicEvent = { type: string } & Record<string, unknown>;

type OpenBlock =
  | { kind: 'text'; index: number }
  | { kind: 'tool'; index: number; toolIndex: number }
  | { kind: 'thinking'; index: number; thinkingIndex: number };

export class MessagesStreamTranslator {
  private started = false;
  private nextIndex = 0;
  private open: OpenBlock | null = null;
  private readonly toolBlocks = new Map<number, number>();
  private finishReason: FinishReason | null = null;
  private usage: Usage | null = null;

  constructor(private readonly decisionId: string) {}

  private start(model: string, out: AnthropicEvent[]): void {
    if (this.started) return;
    this.started = true;
    // Input tokens are only known when the upstream finishes; message_delta carries the totals.
    out.push({
      type: 'message_start',
      message: {
        id: messageId(this.decisionId),
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 0, output_tokens: 0 },
      },
    });
    out.push({ type: 'ping' });
  }

  private stopOpen(out: AnthropicEvent[]): void {
    if (!this.open) return;
    out.push({ type: 'content_block_stop', index: this.open.index });
    this.open = null;
  }

  private text(text: string, out: AnthropicEvent[]): void {
    if (this.open?.kind !== 'text') {
      this.stopOpen(out);
      this.open = { kind: 'text', index: this.nextIndex++ };
      out.push({ type: 'content_block_start', index: this.open.index, content_block: { type: 'text', text: '' } });
    }
    out.push({ type: 'content_block_delta', index: this.open.index, delta: { type: 'text_delta', text } });
  }

  /** Thinking blocks pass through verbatim: a new hub thinking index opens a new content block. */
  private thinking(t: ThinkingDelta, out: AnthropicEvent[]): void {
    if (this.open?.kind !== 'thinking' || this.open.thinkingIndex !== t.index) {
      this.stopOpen(out);
      this.open = { kind: 'thinking', index: this.nextIndex++, thinkingIndex: t.index };
      const block =
        t.type === 'redacted_thinking'
          ? { type: 'redacted_thinking', data: t.data ?? '' }
          : { type: 'thinking', thinking: '', signature: '' };
      out.push({ type: 'content_block_start', index: this.open.index, content_block: block });
    }
    const index = this.open.index;
    if (t.thinking) out.push({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: t.thinking } });
    if (t.signature) out.push({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: t.signature } });
  }

  push(chunk: ChatCompletionChunk): AnthropicEvent[] {
    const out: AnthropicEvent[] = [];
    this.start(chunk.model, out);
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) return out;
    const delta = choice.delta;
    for (const t of delta.thinking_blocks ?? []) this.thinking(t, out);
    if (delta.content) this.text(delta.content, out);
    if (delta.refusal) this.text(delta.refusal, out);
    for (const tc of delta.tool_calls ?? []) {
      let index = this.toolBlocks.get(tc.index);
      if (index === undefined) {
        this.stopOpen(out);
        index = this.nextIndex++;
        this.toolBlocks.set(tc.index, index);
        this.open = { kind: 'tool', index, toolIndex: tc.index };
        out.push({
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: tc.id ?? `toolu_${this.decisionId}_${index}`, name: tc.function?.name ?? '', input: {} },
        });
      }
      const args = tc.function?.arguments;
      if (args) out.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: args } });
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    return out;
  }

  finish(model = ''): AnthropicEvent[] {
    const out: AnthropicEvent[] = [];
    this.start(model, out);
    this.stopOpen(out);
    const usage = this.usage
      ? toAnthropicUsage(this.usage)
      : { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
    out.push({ type: 'message_delta', delta: { stop_reason: stopReasonFor(this.finishReason) ?? 'end_turn', stop_sequence: null }, usage });
    out.push({ type: 'message_stop' });
    return out;
  }

  fail(failure: StreamFailure, model = ''): AnthropicEvent[] {
    const out: AnthropicEvent[] = [];
    this.start(model, out);
    out.push({ type: 'error', error: { type: 'api_error', message: failure.error.message } });
    return out;
  }
}

export function messagesEvents(
  chunks: AsyncIterable<ChatCompletionChunk | StreamFailure>,
  decisionId: string,
): AsyncGenerator<AnthropicEvent> {
  return translateChunks(chunks, new MessagesStreamTranslator(decisionId));
}
