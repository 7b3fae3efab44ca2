import type { SimRequestView } from '../../src/sim/types';
import { createSseParser, type SseEvent } from '../../src/providers/sse';

/** A format-neutral view with sensible defaults for brain tests. */
export function makeView(overrides: Partial<SimRequestView> = {}): SimRequestView {
  const lastUserText = overrides.lastUserText ?? 'What is the weather in Paris today?';
  return {
    model: 'sim-model',
    stream: false,
    includeUsage: false,
    allText: overrides.allText ?? `You are helpful.\n${lastUserText}`,
    lastUserText,
    lastIsToolResult: false,
    toolResultText: '',
    calledToolNames: [],
    tools: [],
    toolChoice: 'auto',
    parallelToolCalls: true,
    imageCount: 0,
    ...overrides,
  };
}

export function chatRequest(body: Record<string, unknown>, signal?: AbortSignal): Request {
  return new Request('https://sim.invalid/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'sim-model', ...body }),
    signal,
  });
}

/** Read a whole SSE body with the gateway's own parser, in arbitrary network chunks. */
export async function readEvents(res: Response): Promise<SseEvent[]> {
  const parser = createSseParser();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    events.push(...parser.push(decoder.decode(value, { stream: true })));
  }
  events.push(...parser.end());
  return events;
}
