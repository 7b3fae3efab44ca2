import type { ChunkDelta, FinishReason, Usage } from '../../hub';
import type { SseEvent } from '../sse';
import { type StreamEvent, type StreamTranslator, UpstreamError } from '../types';
import { failureFromErrorObject } from './error';
import { malformed, mapGeminiFinish, normalizeGeminiUsage, readParts } from './response';

/**
 * `streamGenerateContent?alt=sse`: every `data:` is a complete GenerateContentResponse holding the
 * NEW text since the previous chunk and whole function calls (never split across chunks).
 * The stream has no terminal marker: it is complete when a chunk carried a finishReason.
 */
export function createGeminiStreamTranslator(): StreamTranslator {
  let finishReason: FinishReason | null = null;
  let toolCallCount = 0;
  let sentRole = false;
  // Usage metadata is repeated (cumulative) on chunks; only the latest is reported, once, at the end.
  let latestUsage: Usage | undefined;

  const withRole = (delta: ChunkDelta): ChunkDelta => {
    if (sentRole) return delta;
    sentRole = true;
    return { role: 'assistant', ...delta };
  };

  return {
    push(ev: SseEvent): StreamEvent[] {
      if (ev.data.trim() === '') return [];
      let chunk: unknown;
      try {
        chunk = JSON.parse(ev.data);
      } catch {
        throw malformed('Gemini stream sent a non-JSON data line');
      }
      if (Array.isArray(chunk)) chunk = chunk[0];
      if (typeof chunk !== 'object' || chunk === null) throw malformed('Gemini stream chunk is not an object');
      const json = chunk as Record<string, unknown>;
      if (typeof json.error === 'object' && json.error !== null) {
        throw new UpstreamError(failureFromErrorObject(json.error as Record<string, unknown>, 200));
      }
      if (finishReason !== null) return [];

      const out: StreamEvent[] = [];
      latestUsage = normalizeGeminiUsage(json.usageMetadata) ?? latestUsage;
      const candidates = Array.isArray(json.candidates) ? json.candidates : [];
      const candidate = candidates[0] as Record<string, unknown> | undefined;

      if (!candidate) {
        const feedback = json.promptFeedback as Record<string, unknown> | undefined;
        if (feedback && typeof feedback.blockReason === 'string') {
          finishReason = 'content_filter';
          out.push({ type: 'delta', delta: withRole({ content: '' }), finishReason });
          if (latestUsage) out.push({ type: 'usage', usage: latestUsage });
        }
        return out;
      }

      const content = candidate.content as Record<string, unknown> | undefined;
      const { text, toolCalls } = readParts(content?.parts, toolCallCount);
      if (text) out.push({ type: 'delta', delta: withRole({ content: text }) });
      if (toolCalls.length > 0) {
        out.push({
          type: 'delta',
          delta: withRole({
            tool_calls: toolCalls.map((call, i) => ({
              index: toolCallCount + i,
              id: call.id,
              type: 'function' as const,
              function: { name: call.function.name, arguments: call.function.arguments },
            })),
          }),
        });
        toolCallCount += toolCalls.length;
      }
      if (typeof candidate.finishReason === 'string') {
        finishReason = mapGeminiFinish(candidate.finishReason, toolCallCount > 0);
        out.push({ type: 'delta', delta: withRole({}), finishReason });
        if (latestUsage) out.push({ type: 'usage', usage: latestUsage });
      }
      return out;
    },
    finish(): StreamEvent[] {
      if (finishReason === null) {
        throw new UpstreamError({
          kind: 'stream_error',
          retryable: true,
          status: 200,
          message: 'Gemini stream ended before a finishReason',
        });
      }
      return [{ type: 'done' }];
    },
  };
}
