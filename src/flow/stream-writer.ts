import type { ChatCompletionChunk, ChunkDelta, FinishReason, Usage } from '../hub';
import type { StreamEvent } from '../providers';
import type { StreamOutputFilter } from './output-filter';

/**
 * Turns hub stream events from any wire format into OpenAI `chat.completion.chunk` frames with the
 * gateway's id and model, applying the output filter to content and tool-call argument deltas.
 * Guarantees: the first chunk carries role "assistant"; exactly one chunk carries finish_reason;
 * a usage chunk (empty choices) follows when the client asked for it; then `data: [DONE]`.
 */
/** The usual ~4 characters per token, as routing's input estimate (stage 02) uses. */
const CHARS_PER_TOKEN = 4;

export class ChunkWriter {
  private sentRole = false;
  /** The finish reason sent to the client, once sent. */
  finishReason: FinishReason | null = null;
  usage: Usage | null = null;
  /** Characters of text, refusal and tool calls the provider produced, and how many its usage report covers. */
  private producedChars = 0;
  private charsAtUsage = 0;

  constructor(
    private readonly id: string,
    private readonly model: string,
    private readonly created: number,
    private readonly filter: StreamOutputFilter,
  ) {}

  private chunk(delta: ChunkDelta, finish: FinishReason | null = null): ChatCompletionChunk {
    if (!this.sentRole) {
      delta = { role: 'assistant', ...delta };
      this.sentRole = true;
    }
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    };
  }

  /** Chunks for one event (possibly none, when the filter holds text back). */
  push(ev: StreamEvent): ChatCompletionChunk[] {
    if (ev.type === 'usage') {
      this.usage = ev.usage;
      this.charsAtUsage = this.producedChars;
      return [];
    }
    if (ev.type === 'done') return [];
    this.producedChars += producedChars(ev.delta);
    const out: ChatCompletionChunk[] = [];
    const delta: ChunkDelta = {};
    if (ev.delta.content) {
      const text = this.filter.content(ev.delta.content);
      if (text) delta.content = text;
    }
    if (ev.delta.refusal) delta.refusal = ev.delta.refusal;
    // Thinking goes out verbatim (its signature covers the text), as in whole answers.
    if (ev.delta.thinking_blocks?.length) delta.thinking_blocks = ev.delta.thinking_blocks;
    if (ev.delta.tool_calls?.length) {
      delta.tool_calls = ev.delta.tool_calls.map((tc) => {
        const args = tc.function?.arguments;
        if (args === undefined) return tc;
        return { ...tc, function: { ...tc.function, arguments: this.filter.toolArguments(tc.index, args) } };
      });
    }
    if (ev.finishReason) {
      // Release anything the filter held back before the finishing chunk.
      const held = this.filter.flush();
      if (held.content) delta.content = (delta.content ?? '') + held.content;
      const heldArgs = Object.entries(held.toolArguments).filter(([, v]) => v);
      if (heldArgs.length) {
        delta.tool_calls = [...(delta.tool_calls ?? []), ...heldArgs.map(([i, v]) => ({ index: Number(i), function: { arguments: v } }))];
      }
    }
    if (Object.keys(delta).length > 0) {
      out.push(this.chunk(delta));
    }
    if (ev.finishReason && this.finishReason === null) {
      this.finishReason = ev.finishReason;
      out.push(this.chunk({}, ev.finishReason));
    }
    return out;
  }

  /**
   * What the provider bills for this stream so far. Its usage report when one came, plus an estimate for
   * anything produced after it; without a report (the client left, or the upstream broke off, first) the
   * prompt as routing estimated it and the produced characters as completion tokens.
   */
  billedUsage(estimatedPromptTokens: number): Usage {
    const after = Math.ceil((this.producedChars - this.charsAtUsage) / CHARS_PER_TOKEN);
    const reported = this.usage ?? { prompt_tokens: estimatedPromptTokens, completion_tokens: 0, total_tokens: estimatedPromptTokens };
    if (after === 0) return reported;
    return { ...reported, completion_tokens: reported.completion_tokens + after, total_tokens: reported.total_tokens + after };
  }

  get finished(): boolean {
    return this.finishReason !== null;
  }

  usageChunk(usage: Usage): ChatCompletionChunk {
    return { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, choices: [], usage };
  }
}

function producedChars(delta: ChunkDelta): number {
  let n = (delta.content?.length ?? 0) + (delta.refusal?.length ?? 0);
  for (const tc of delta.tool_calls ?? []) n += (tc.function?.name?.length ?? 0) + (tc.function?.arguments?.length ?? 0);
  for (const t of delta.thinking_blocks ?? []) n += (t.thinking?.length ?? 0) + (t.data?.length ?? 0);
  return n;
}
