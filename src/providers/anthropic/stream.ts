import type { ChunkDelta, FinishReason } from '../../hub';
import type { SseEvent } from '../sse';
import { UpstreamError, type StreamEvent, type StreamTranslator } from '../types';
import { isJsonAnswerTool, isRecord, mapStopReason, readUsageCounts, toHubUsage, ZERO_USAGE, type AnthropicUsageCounts } from './response';

/** Anthropic Messages SSE → hub stream events. Pure state machine, one per upstream stream. */

/** What an Anthropic content block index became on the hub side. */
type BlockRole =
  | { kind: 'text' }
  | { kind: 'tool'; toolIndex: number }
  | { kind: 'json_answer' }
  | { kind: 'thinking'; thinkingIndex: number }
  | { kind: 'ignored' };

export function createAnthropicStreamTranslator(): StreamTranslator {
  const blocks = new Map<number, BlockRole>();
  let nextToolIndex = 0;
  let nextThinkingIndex = 0;
  let sawJsonAnswer = false;
  let usage: AnthropicUsageCounts = ZERO_USAGE;
  let roleSent = false;
  let finishSent = false;
  let stopped = false;

  // The first delta carries the role, as OpenAI's first chunk does.
  const delta = (d: ChunkDelta, finishReason?: FinishReason): StreamEvent => {
    const withRole: ChunkDelta = roleSent ? d : { role: 'assistant', ...d };
    roleSent = true;
    return finishReason === undefined ? { type: 'delta', delta: withRole } : { type: 'delta', delta: withRole, finishReason };
  };

  const onBlockStart = (index: number, block: Record<string, unknown>): StreamEvent[] => {
    if (block.type === 'text') {
      blocks.set(index, { kind: 'text' });
      // Anthropic may put initial text in the start block; it is normally empty.
      return typeof block.text === 'string' && block.text ? [delta({ content: block.text })] : [];
    }
    if (block.type === 'tool_use') {
      if (isJsonAnswerTool(block.name)) {
        blocks.set(index, { kind: 'json_answer' });
        sawJsonAnswer = true;
        return [];
      }
      const toolIndex = nextToolIndex++;
      blocks.set(index, { kind: 'tool', toolIndex });
      return [
        delta({
          tool_calls: [
            { index: toolIndex, id: String(block.id ?? ''), type: 'function', function: { name: String(block.name ?? ''), arguments: '' } },
          ],
        }),
      ];
    }
    if (block.type === 'thinking' || block.type === 'redacted_thinking') {
      const thinkingIndex = nextThinkingIndex++;
      blocks.set(index, { kind: 'thinking', thinkingIndex });
      if (block.type === 'redacted_thinking') {
        // Arrives whole in the start event; it has no deltas.
        return [delta({ thinking_blocks: [{ index: thinkingIndex, type: 'redacted_thinking', data: String(block.data ?? '') }] })];
      }
      return typeof block.thinking === 'string' && block.thinking
        ? [delta({ thinking_blocks: [{ index: thinkingIndex, type: 'thinking', thinking: block.thinking }] })]
        : [];
    }
    blocks.set(index, { kind: 'ignored' });
    return [];
  };

  const onBlockDelta = (index: number, d: Record<string, unknown>): StreamEvent[] => {
    const role = blocks.get(index);
    if (!role) throw malformed(`delta for unknown content block ${index}`);
    if (d.type === 'text_delta' && role.kind === 'text') {
      return typeof d.text === 'string' && d.text ? [delta({ content: d.text })] : [];
    }
    if (d.type === 'input_json_delta' && typeof d.partial_json === 'string' && d.partial_json) {
      if (role.kind === 'json_answer') return [delta({ content: d.partial_json })];
      if (role.kind === 'tool') {
        return [delta({ tool_calls: [{ index: role.toolIndex, function: { arguments: d.partial_json } }] })];
      }
    }
    if (role.kind === 'thinking') {
      const index = role.thinkingIndex;
      if (d.type === 'thinking_delta' && typeof d.thinking === 'string' && d.thinking) {
        return [delta({ thinking_blocks: [{ index, type: 'thinking', thinking: d.thinking }] })];
      }
      if (d.type === 'signature_delta' && typeof d.signature === 'string' && d.signature) {
        return [delta({ thinking_blocks: [{ index, type: 'thinking', signature: d.signature }] })];
      }
    }
    // citations_delta… have no hub equivalent.
    return [];
  };

  return {
    push(event: SseEvent): StreamEvent[] {
      if (stopped) return [];
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        throw malformed(`event data is not JSON`);
      }
      if (!isRecord(data)) throw malformed('event data is not an object');
      const type = typeof data.type === 'string' ? data.type : event.event;
      switch (type) {
        case 'message_start': {
          const message = isRecord(data.message) ? data.message : {};
          usage = readUsageCounts(message.usage, usage);
          return [];
        }
        case 'content_block_start':
          if (typeof data.index !== 'number' || !isRecord(data.content_block)) throw malformed('bad content_block_start');
          return onBlockStart(data.index, data.content_block);
        case 'content_block_delta':
          if (typeof data.index !== 'number' || !isRecord(data.delta)) throw malformed('bad content_block_delta');
          return onBlockDelta(data.index, data.delta);
        case 'content_block_stop':
          return [];
        case 'message_delta': {
          // message_delta usage is cumulative; newer API versions also repeat the input counts here.
          usage = readUsageCounts(data.usage, usage);
          const reason = isRecord(data.delta) ? data.delta.stop_reason : undefined;
          if (reason == null || finishSent) return [];
          finishSent = true;
          return [delta({}, mapStopReason(reason, nextToolIndex > 0, sawJsonAnswer))];
        }
        case 'message_stop':
          stopped = true;
          return [{ type: 'usage', usage: toHubUsage(usage) }, { type: 'done' }];
        case 'error':
          throw streamError(data.error);
        default:
          // ping and event types added after this adapter was written.
          return [];
      }
    },
    finish(): StreamEvent[] {
      if (!stopped) {
        throw new UpstreamError({ kind: 'stream_error', retryable: true, status: 200, message: 'upstream stream ended early' });
      }
      return [];
    },
  };
}

function streamError(error: unknown): UpstreamError {
  const type = isRecord(error) && typeof error.type === 'string' ? error.type : 'api_error';
  const message = isRecord(error) && typeof error.message === 'string' ? error.message : 'upstream stream error';
  return new UpstreamError({
    kind: type === 'overloaded_error' ? 'overloaded' : 'stream_error',
    retryable: true,
    status: 200,
    message,
  });
}

function malformed(detail: string): UpstreamError {
  return new UpstreamError({ kind: 'malformed', retryable: true, status: 200, message: `malformed Anthropic stream: ${detail}` });
}
