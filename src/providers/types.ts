import type { ChatRequest, AssistantMessage, ChunkDelta, FinishReason, Usage, UpstreamFailureKind } from '../hub';
import type { Endpoint, WireFormat } from '../catalog';
import type { SseEvent } from './sse';

/**
 * The adapter contract: pure functions between the hub format (OpenAI chat) and one native wire
 * format. No fetch, no bindings, no clocks — the dispatcher (src/providers/dispatch.ts) owns I/O.
 */

export interface UpstreamTarget {
  endpoint: Endpoint;
  baseUrl: string;
  apiKey: string;
}

export interface UpstreamHttpRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export interface NormalizedResponse {
  message: AssistantMessage;
  finishReason: FinishReason;
  usage: Usage;
  /** The model id the upstream says answered, when it says. */
  upstreamModel?: string;
}

export interface UpstreamFailure {
  kind: UpstreamFailureKind;
  /** True when another endpoint may succeed with the same request. */
  retryable: boolean;
  /** HTTP status seen upstream (0 when no response). */
  status: number;
  /** Safe to show the client: never contains the prompt. */
  message: string;
  retryAfterMs?: number;
  /**
   * For timeouts: how late the gateway's own timer fired. A timer that fires seconds late means this isolate
   * was too busy to notice the answer, so the timeout says nothing about the endpoint (the breaker ignores it).
   */
  gatewayLagMs?: number;
}

/** Thrown by adapters and the dispatcher; carries a classified upstream failure. */
export class UpstreamError extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(failure.message);
    this.name = 'UpstreamError';
  }
}

/** One translated streaming step in hub terms. */
export type StreamEvent =
  { type: 'delta'; delta: ChunkDelta; finishReason?: FinishReason | null } | { type: 'usage'; usage: Usage } | { type: 'done' };

export interface StreamTranslator {
  /** Feed one parsed SSE event; returns hub events. Throws UpstreamError on an error event. */
  push(event: SseEvent): StreamEvent[];
  /**
   * The upstream body ended. Returns any final events; throws UpstreamError('stream_error' or
   * 'malformed') when the stream ended before the format's terminal event.
   */
  finish(): StreamEvent[];
}

export interface BuildOptions {
  stream: boolean;
}

export interface ProviderAdapter {
  format: WireFormat;
  buildRequest(req: ChatRequest, target: UpstreamTarget, opts: BuildOptions): UpstreamHttpRequest;
  /** Parse a 2xx JSON body; throws UpstreamError('malformed') when it is not the format's shape. */
  parseResponse(body: unknown): NormalizedResponse;
  createStreamTranslator(): StreamTranslator;
  /** Classify a non-2xx response. */
  classifyError(status: number, bodyText: string, headers: Headers): UpstreamFailure;
}
