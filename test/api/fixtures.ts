import type { ChatCompletion, ChatCompletionChunk, ChunkDelta, FinishReason, Usage } from '../../src/hub';
import { expect } from 'vitest';
import { ApiError } from '../../src/hub';
import type { MessagesRequest } from '../../src/api/messages/schema';
import { messagesToChatRequest } from '../../src/api/messages/to-chat';

/** Hub-format values for the pure translator tests. */

export const USAGE: Usage = {
  prompt_tokens: 120,
  completion_tokens: 30,
  total_tokens: 150,
  prompt_tokens_details: { cached_tokens: 20, cache_creation_tokens: 10 },
};

export function chunk(delta: ChunkDelta, finish: FinishReason | null = null): ChatCompletionChunk {
  return {
    id: 'chatcmpl-d1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'sim-model',
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  };
}

export function usageChunk(usage: Usage = USAGE): ChatCompletionChunk {
  return { id: 'chatcmpl-d1', object: 'chat.completion.chunk', created: 1, model: 'sim-model', choices: [], usage };
}

/** Text, then one tool call whose arguments arrive in three pieces, then finish and usage. */
export const TEXT_THEN_TOOL: ChatCompletionChunk[] = [
  chunk({ role: 'assistant', content: 'Let me ' }),
  chunk({ content: 'check.' }),
  chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: 'ty":"Os' } }] }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: 'lo"}' } }] }),
  chunk({}, 'tool_calls'),
  usageChunk(),
];

export function completion(message: ChatCompletion['choices'][0]['message'], finish: FinishReason, usage: Usage = USAGE): ChatCompletion {
  return {
    id: 'chatcmpl-d1',
    object: 'chat.completion',
    created: 1,
    model: 'sim-model',
    choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
    usage,
  };
}

/** The ApiError the Messages → hub translation must throw for `request`. */
export function translationRefusal(request: MessagesRequest): ApiError {
  try {
    messagesToChatRequest(request);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected a refusal');
}
