import type { AssistantMessage, ChatCompletion, ChatCompletionChunk, ChunkDelta, FinishReason, ToolCall, Usage } from '../hub';

/** One cached answer and where it came from: the plaintext of an entry (sealed before it reaches KV). */
export interface CachedAnswer {
  message: AssistantMessage;
  finishReason: FinishReason;
  usage: Usage;
  /** The real model id that answered, as the original response named it. */
  model: string;
  systemFingerprint?: string;
  endpointId: string;
  provider: string;
  simulated: boolean;
  strategy: string;
  taskClass: string | null;
  /** The request whose answer this is. */
  decisionId: string;
  storedAt: number;
  expiresAt: number;
}

/**
 * A hit's usage: the cached answer's token counts, every prompt token marked cached (OpenAI's field),
 * and cost 0 wherever the gateway reports a cost.
 */
export function hitUsage(usage: Usage): Usage {
  const out: Usage = { ...usage, prompt_tokens_details: { ...usage.prompt_tokens_details, cached_tokens: usage.prompt_tokens } };
  if ('cost' in out) (out as unknown as Record<string, unknown>).cost = 0;
  return out;
}

/** A hit as a whole completion, under the hit's own id. */
export function hitCompletion(entry: CachedAnswer, id: string, created: number): ChatCompletion {
  return {
    id,
    object: 'chat.completion',
    created,
    model: entry.model,
    choices: [{ index: 0, message: entry.message, finish_reason: entry.finishReason, logprobs: null }],
    usage: hitUsage(entry.usage),
    ...(entry.systemFingerprint ? { system_fingerprint: entry.systemFingerprint } : {}),
  };
}

/**
 * A hit as a stream with the guarantees of a live one: the first chunk carries role "assistant" with
 * the text and refusal, then one chunk per tool call, one chunk with finish_reason, and the usage chunk
 * when the client asked for it.
 */
export function hitChunks(entry: CachedAnswer, id: string, created: number, includeUsage: boolean): ChatCompletionChunk[] {
  const chunk = (delta: ChunkDelta, finish: FinishReason | null = null): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: entry.model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const { content, refusal, tool_calls } = entry.message;
  const first: ChunkDelta = { role: 'assistant' };
  if (content) first.content = content;
  if (refusal) first.refusal = refusal;
  const out = [chunk(first)];
  // Each tool call whole in a chunk of its own, as OpenAI streams them.
  tool_calls?.forEach((tc, index) =>
    out.push(chunk({ tool_calls: [{ index, id: tc.id, type: 'function', function: { ...tc.function } }] })),
  );
  out.push(chunk({}, entry.finishReason));
  if (includeUsage)
    out.push({ id, object: 'chat.completion.chunk', created, model: entry.model, choices: [], usage: hitUsage(entry.usage) });
  return out;
}

/**
 * Rebuilds a streamed answer from the chunks the client received, to store it once the stream has
 * completed. Only the fields a replay reproduces are followed; a delta carrying anything else marks
 * the answer as one the cache does not keep.
 */
export class AnswerCollector {
  private content = '';
  private refusal = '';
  private readonly calls = new Map<number, ToolCall>();
  private other = false;
  finishReason: FinishReason | null = null;
  usage: Usage | null = null;
  model = '';

  push(chunk: ChatCompletionChunk): void {
    this.model ||= chunk.model;
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) return;
    const { role: _role, content, refusal, tool_calls, ...rest } = choice.delta;
    if (Object.values(rest).some((v) => v !== undefined && v !== null)) this.other = true;
    if (content) this.content += content;
    if (refusal) this.refusal += refusal;
    for (const tc of tool_calls ?? []) {
      const call = this.calls.get(tc.index) ?? { id: '', type: 'function', function: { name: '', arguments: '' } };
      if (tc.id) call.id = tc.id;
      if (tc.function?.name) call.function.name += tc.function.name;
      if (tc.function?.arguments) call.function.arguments += tc.function.arguments;
      this.calls.set(tc.index, call);
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  /** The answer, once the stream delivered its usage (only a stream that completed does); null otherwise. */
  answer(): { message: AssistantMessage; finishReason: FinishReason | null; usage: Usage; model: string } | null {
    if (!this.usage || this.other) return null;
    const message: AssistantMessage = { role: 'assistant', content: this.content || null, refusal: this.refusal || null };
    if (this.calls.size) message.tool_calls = [...this.calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
    return { message, finishReason: this.finishReason, usage: this.usage, model: this.model };
  }
}
