import type { ChunkDelta, ToolCallDelta } from '../../hub';
import type { SseEvent } from '../sse';
import { type StreamEvent, type StreamTranslator, UpstreamError } from '../types';
import { malformed, mapOpenAIFinish, normalizeOpenAIUsage } from './response';

/**
 * OpenAI-compatible streams are already in hub shape; the translator validates them, keeps
 * tool-call indexes consistent and turns in-band error objects into failures instead of
 * passing an empty "successful" answer on.
 */
export function createOpenAIStreamTranslator(): StreamTranslator {
  let finished = false;
  let sawDone = false;
  let sawToolCalls = false;

  return {
    push(ev: SseEvent): StreamEvent[] {
      if (ev.data === '[DONE]') {
        sawDone = true;
        return finished ? [{ type: 'done' }] : [];
      }
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(ev.data);
      } catch {
        throw malformed('upstream stream sent a non-JSON data line');
      }
      if (json.error || ev.event === 'error') {
        const err = (json.error ?? json) as Record<string, unknown>;
        // OpenAI's rate-limit errors carry type 'requests' or 'tokens' and the telling code: read both.
        const kind = /rate|429/i.test(`${String(err.type ?? '')} ${String(err.code ?? '')}`) ? 'rate_limit' : 'stream_error';
        throw new UpstreamError({
          kind,
          retryable: true,
          status: 200,
          message: `upstream stream error: ${String(err.message ?? 'unknown')}`,
        });
      }
      const out: StreamEvent[] = [];
      const choices = Array.isArray(json.choices) ? json.choices : [];
      const choice = choices[0] as Record<string, unknown> | undefined;
      if (choice) {
        const d = (choice.delta ?? {}) as Record<string, unknown>;
        const delta: ChunkDelta = {};
        if (typeof d.content === 'string' && d.content.length > 0) delta.content = d.content;
        if (typeof d.refusal === 'string' && d.refusal.length > 0) delta.refusal = d.refusal;
        if (Array.isArray(d.tool_calls) && d.tool_calls.length > 0) {
          sawToolCalls = true;
          delta.tool_calls = d.tool_calls.map((tc: Record<string, unknown>, i: number): ToolCallDelta => {
            const fn = (tc.function ?? {}) as Record<string, unknown>;
            const item: ToolCallDelta = { index: typeof tc.index === 'number' ? tc.index : i };
            if (typeof tc.id === 'string') item.id = tc.id;
            if (tc.type === 'function' || typeof tc.id === 'string') item.type = 'function';
            const f: ToolCallDelta['function'] = {};
            if (typeof fn.name === 'string') f.name = fn.name;
            if (typeof fn.arguments === 'string') f.arguments = fn.arguments;
            item.function = f;
            return item;
          });
        }
        const finish = choice.finish_reason ? mapOpenAIFinish(choice.finish_reason, sawToolCalls) : null;
        if (finish) finished = true;
        if (Object.keys(delta).length > 0 || finish) out.push({ type: 'delta', delta, finishReason: finish });
      }
      const usage = normalizeOpenAIUsage(json.usage);
      if (usage) out.push({ type: 'usage', usage });
      return out;
    },
    finish(): StreamEvent[] {
      if (!finished) {
        throw new UpstreamError({
          kind: 'stream_error',
          retryable: true,
          status: 200,
          message: 'upstream stream ended before a finish_reason',
        });
      }
      return sawDone ? [] : [{ type: 'done' }];
    },
  };
}
