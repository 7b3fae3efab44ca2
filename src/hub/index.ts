/** Public surface of src/hub: what other modules import. Imports from outside the module go through this file. */
export type { Attempt, UpstreamFailureKind } from './attempts';
export { readJsonBody, toChatRequest } from './body';
export type { EndpointHealth, EvalCell, FeedbackEvidence, LatencyStat } from './cells';
export { CAILOS_FIELDS, chatRequest, routingHints } from './chat-schema';
export type { ChatMessage, ChatRequest, ContentPart, FunctionTool, ResponseFormat, RoutingHints, ToolChoice } from './chat-schema';
export { echo } from './echo';
export { ApiError, badRequest, fromZodError } from './errors';
export type {
  AssistantMessage,
  ChatCompletion,
  ChatCompletionChunk,
  ChunkDelta,
  FinishReason,
  ToolCall,
  ToolCallDelta,
  Usage,
} from './openai-types';
export { EVAL_CATEGORIES, STRATEGIES, TASK_CLASSES, TEXT_CLASSES } from './taxonomy';
export type { EvalCategory, Strategy, TaskClass, TextClass } from './taxonomy';
