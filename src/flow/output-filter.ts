import type { AssistantMessage } from '../hub';

/**
 * What happens to upstream output on its way to the client (llmshield restores placeholders here).
 * Streaming filters may hold back a tail and release it on flush.
 */
export interface StreamOutputFilter {
  content(delta: string): string;
  toolArguments(index: number, delta: string): string;
  flush(): { content: string; toolArguments: Record<number, string> };
}

export interface OutputFilter {
  message(message: AssistantMessage): AssistantMessage;
  stream(): StreamOutputFilter;
}

export const IDENTITY_FILTER: OutputFilter = {
  message: (m) => m,
  stream: () => ({ content: (d) => d, toolArguments: (_i, d) => d, flush: () => ({ content: '', toolArguments: {} }) }),
};
