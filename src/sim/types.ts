import type { FinishReason } from '../hub';
import type { WireFormat } from '../catalog';

/**
 * SIMULATION. The simulated provider fleet answers in real wire formats so the gateway's
 * translators, streaming and fallbacks run for real without provider keys.
 * A SimFormat turns native requests into a format-neutral view and renders format-neutral turns
 * back into native JSON / SSE. The fleet core (src/sim/fleet.ts) decides what to say (brain.ts),
 * paces it (latency) and injects faults.
 */

export interface SimToolSpec {
  name: string;
  description?: string;
  /** JSON Schema of the arguments, as the client sent it (native schema after translation). */
  parameters?: Record<string, unknown>;
}

export interface SimRequestView {
  /** Model id as sent upstream. */
  model: string;
  stream: boolean;
  /** Whether the client asked for usage in the stream (OpenAI stream_options.include_usage). */
  includeUsage: boolean;
  /** Text of every message, in order, joined (for token estimates and echoing). */
  allText: string;
  /** Text of the last user message (after tool results, the last user text before them). */
  lastUserText: string;
  /** True when the conversation's last message is a tool result (tool / tool_result / functionResponse). */
  lastIsToolResult: boolean;
  /** Text of the trailing tool results, when lastIsToolResult. */
  toolResultText: string;
  /**
   * Names of the tools the assistant called since the last user text. An agent that was handed
   * the conversation (its history ends in another agent's tool result) still calls its own tools.
   */
  calledToolNames: string[];
  tools: SimToolSpec[];
  /** 'auto' | 'none' | 'required' | { name } — already mapped from the native form. */
  toolChoice: 'auto' | 'none' | 'required' | { name: string };
  parallelToolCalls: boolean;
  /** JSON requested: schema when json_schema, {} for plain JSON mode, undefined otherwise. */
  jsonSchema?: Record<string, unknown>;
  imageCount: number;
  maxTokens?: number;
  stop?: string[];
}

export interface SimToolCall {
  id: string;
  name: string;
  /** JSON text. */
  arguments: string;
}

export interface SimTurn {
  text: string;
  toolCalls: SimToolCall[];
  finishReason: FinishReason;
  usage: { promptTokens: number; completionTokens: number; cachedTokens?: number };
  /** Text split into the pieces the stream sends, in order (concatenation === text). */
  textPieces: string[];
}

export type SimErrorKind = 'server' | 'overloaded' | 'rate_limit' | 'bad_request' | 'context_length' | 'auth';

export interface SimHttpError {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface SimFormat {
  format: WireFormat;
  /** Parse a native request body (throws on an invalid body: the fleet answers 400). */
  parseRequest(body: unknown, url: URL): SimRequestView;
  renderResponse(turn: SimTurn, model: string): unknown;
  /**
   * Native SSE frames (each a complete `event:`/`data:` block ending in a blank line), in order.
   * The fleet paces them: frames before the first text/tool frame go at once, the rest by tokens/s.
   */
  renderStream(turn: SimTurn, model: string, view: SimRequestView): string[];
  renderError(kind: SimErrorKind, message: string, retryAfterSeconds?: number): SimHttpError;
  /** A native error event sent inside an HTTP 200 stream. */
  renderStreamError(message: string): string;
}
