import type { SseEvent } from '../sse';
import type { StreamEvent, StreamTranslator } from '../types';
import { isRecord, mapFinishReason, mapUsage, upstreamError } from './common';

/**
 * Cohere v2 SSE events → hub stream events.
 *
 * Each `data:` payload is JSON with a `type` (the `event:` field, when sent, carries the same name
 * and is only a fallback). Handled: message-start (role), content-delta (answer text),
 * tool-call-start / tool-call-delta (one hub tool index per started call), message-end (finish
 * reason, usage, done). Ignored on purpose: content-start/-end and tool-call-end (framing only),
 * tool-plan-delta (the model's planning notes before calling tools, not answer content),
 * citation-start/-end (hub has no citations), and unknown types (forward compatibility).
 */

const streamError = (message: string) => upstreamError('stream_error', message);
const malformed = (why: string) => upstreamError('malformed', `Cohere stream is malformed: ${why}`);

/** `delta.message` of an event, or undefined. */
function deltaMessage(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  const delta = payload.delta;
  if (!isRecord(delta)) return undefined;
  return isRecord(delta.message) ? delta.message : undefined;
}

export function createCohereStreamTranslator(): StreamTranslator {
  let toolIndex = -1;
  let ended = false;

  const onMessageEnd = (payload: Record<string, unknown>): StreamEvent[] => {
    const delta = isRecord(payload.delta) ? payload.delta : {};
    if (delta.error !== undefined && delta.error !== null && delta.error !== '') {
      throw streamError('Cohere reported an error during the stream');
    }
    const finishReason = mapFinishReason(delta.finish_reason, { error: 'stream_error', timeout: 'stream_error' });
    ended = true;
    const out: StreamEvent[] = [{ type: 'delta', delta: {}, finishReason }];
    const usage = mapUsage(delta.usage);
    if (usage) out.push({ type: 'usage', usage });
    out.push({ type: 'done' });
    return out;
  };

  return {
    push(event: SseEvent): StreamEvent[] {
      if (ended) return [];
      const data = event.data.trim();
      if (data === '') return [];
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        throw malformed('an event is not JSON');
      }
      if (!isRecord(payload)) throw malformed('an event is not an object');
      const type = typeof payload.type === 'string' ? payload.type : event.event;
      if (type === 'error' || (payload.error !== undefined && payload.error !== null && type !== 'message-end')) {
        throw streamError('Cohere reported an error during the stream');
      }

      switch (type) {
        case 'message-start':
          return [{ type: 'delta', delta: { role: 'assistant' } }];
        case 'content-start':
        case 'content-delta': {
          const content = deltaMessage(payload)?.content;
          // Only text blocks are answer text; thinking blocks carry `thinking`, not `text`.
          const text = isRecord(content) && typeof content.text === 'string' ? content.text : '';
          return text === '' ? [] : [{ type: 'delta', delta: { content: text } }];
        }
        case 'tool-call-start': {
          const call = deltaMessage(payload)?.tool_calls;
          if (!isRecord(call) || !isRecord(call.function) || typeof call.function.name !== 'string') {
            throw malformed('tool-call-start without a function name');
          }
          toolIndex++;
          const args = typeof call.function.arguments === 'string' ? call.function.arguments : '';
          return [
            {
              type: 'delta',
              delta: {
                tool_calls: [
                  {
                    index: toolIndex,
                    id: typeof call.id === 'string' ? call.id : `call_${toolIndex}`,
                    type: 'function',
                    function: { name: call.function.name, arguments: args },
                  },
                ],
              },
            },
          ];
        }
        case 'tool-call-delta': {
          if (toolIndex < 0) throw malformed('tool-call-delta before tool-call-start');
          const call = deltaMessage(payload)?.tool_calls;
          const args = isRecord(call) && isRecord(call.function) ? call.function.arguments : undefined;
          if (typeof args !== 'string' || args === '') return [];
          return [{ type: 'delta', delta: { tool_calls: [{ index: toolIndex, function: { arguments: args } }] } }];
        }
        case 'message-end':
          return onMessageEnd(payload);
        default:
          return [];
      }
    },

    finish(): StreamEvent[] {
      if (!ended) throw streamError('Cohere stream ended before message-end');
      return [];
    },
  };
}
