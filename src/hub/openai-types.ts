/** OpenAI response shapes Cailos returns (the hub format's output side). */

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/**
 * Anthropic extended-thinking output, kept verbatim: the signature covers the text, and the client must
 * send the block back unchanged for the conversation to continue on an Anthropic endpoint.
 */
export type ThinkingBlock = { type: 'thinking'; thinking: string; signature: string } | { type: 'redacted_thinking'; data: string };

export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  tool_calls?: ToolCall[];
  refusal?: string | null;
  thinking_blocks?: ThinkingBlock[];
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** cache_creation_1h_tokens: the part of cache_creation_tokens written with Anthropic's 1-hour TTL (priced higher). */
  prompt_tokens_details?: { cached_tokens?: number; cache_creation_tokens?: number; cache_creation_1h_tokens?: number };
  /** USD the gateway bills for the answer (OpenRouter's name), set by the request flow, never by a provider. */
  cost?: number;
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: { index: 0; message: AssistantMessage; finish_reason: FinishReason; logprobs: null }[];
  usage: Usage;
  system_fingerprint?: string | null;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

/** A piece of a streamed thinking block; `index` numbers the answer's thinking blocks (text and signature come in pieces). */
export interface ThinkingDelta {
  index: number;
  type: 'thinking' | 'redacted_thinking';
  thinking?: string;
  signature?: string;
  data?: string;
}

export interface ChunkDelta {
  role?: 'assistant';
  content?: string | null;
  tool_calls?: ToolCallDelta[];
  refusal?: string | null;
  thinking_blocks?: ThinkingDelta[];
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: { index: 0; delta: ChunkDelta; finish_reason: FinishReason | null; logprobs: null }[];
  usage?: Usage | null;
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}
