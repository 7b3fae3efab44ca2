import { type Endpoint, EXTRA_PARAMS, type WireFormat } from '../catalog';
import type { ChatRequest } from '../hub';
import { ANTHROPIC_PARAMS, anthropicDroppedParams } from './anthropic/request';
import { COHERE_PARAMS, cohereDroppedParams } from './cohere/request';
import { GEMINI_PARAMS, geminiDroppedParams } from './gemini/request';
import { OPENAI_CHAT_PARAMS, openaiDroppedParams } from './openai/request';

/**
 * Which of the client's parameters an endpoint receives. Each wire format sends only what its API
 * defines (its adapter's request.ts); every other field is either used by Cailos (CAILOS_FIELDS:
 * routing, trust, OpenRouter's routing fields) or dropped. The dropped names are what
 * `x-cailos-dropped-params` and the decision trace report. Pure.
 */
const DROPPED_BY: Record<WireFormat, (req: ChatRequest, endpoint: Endpoint) => string[]> = {
  openai: openaiDroppedParams,
  anthropic: anthropicDroppedParams,
  gemini: geminiDroppedParams,
  cohere: cohereDroppedParams,
};

/** The client's fields (null = unset) this endpoint does not receive, in the request's order. */
export function droppedParams(req: ChatRequest, endpoint: Endpoint): string[] {
  // Endpoints of other kinds (embeddings) may carry a format without a chat adapter: nothing to report.
  return DROPPED_BY[endpoint.wireFormat]?.(req, endpoint) ?? [];
}

/**
 * Parameters some provider format or provider defines: what provider.require_parameters asks every
 * endpoint to carry. A field no provider takes (another gateway's own, e.g. `transforms`) excludes nothing.
 */
export const PROVIDER_PARAMS: ReadonlySet<string> = new Set([
  ...OPENAI_CHAT_PARAMS,
  ...ANTHROPIC_PARAMS,
  ...GEMINI_PARAMS,
  ...COHERE_PARAMS,
  ...Object.values(EXTRA_PARAMS).flatMap((extra) => extra.params),
]);
