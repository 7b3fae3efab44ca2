/** Public surface of src/hub: what other modules import. Imports from outside the module go through this file. */
export type { Attempt, UpstreamFailureKind } from './attempts';
export { readJsonBody, toChatRequest } from './body';
export { plainChatRequest } from './chat-fast-path';
export type { EndpointHealth, EvalCell, FeedbackEvidence, LatencyStat } from './cells';
export { cacheControl, CAILOS_FIELDS, chatRequest, routingHints, thinkingConfig } from './chat-schema';
export type {
  CacheControl,
  ChatMessage,
  ChatRequest,
  ContentPart,
  FunctionTool,
  ResponseFormat,
  RoutingHints,
  ThinkingConfig,
  ToolChoice,
} from './chat-schema';
export { echo } from './echo';
export { OPENROUTER_FIELDS, PROVIDER_SORTS, withModelFromModels } from './openrouter-schema';
export type { ProviderPreferences, ProviderSort } from './openrouter-schema';
export {
  EMBEDDING_INPUT_TYPES,
  embeddingInputs,
  embeddingsRequest,
  estimateEmbeddingTokens,
  inputCount,
  MAX_EMBEDDING_INPUTS,
} from './embeddings';
export type { EmbeddingInputs, EmbeddingInputType, EmbeddingsCall, EmbeddingsRequest } from './embeddings';
export { ApiError, badRequest, fromZodError } from './errors';
export type {
  AssistantMessage,
  ChatCompletion,
  ChatCompletionChunk,
  ChunkDelta,
  FinishReason,
  ThinkingBlock,
  ThinkingDelta,
  ToolCall,
  ToolCallDelta,
  Usage,
} from './openai-types';
export { EVAL_CATEGORIES, STRATEGIES, TASK_CLASSES, TEXT_CLASSES } from './taxonomy';
export type { EvalCategory, Strategy, TaskClass, TextClass } from './taxonomy';
