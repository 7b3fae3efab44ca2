/// <reference types="vite/client" />
import type { StreamEvent, UpstreamFailure } from '../../src/providers/types';

/**
 * The golden fixtures of every wire format share one layout (test/fixtures/<format>/):
 * requests.json   [{ name, stream?, input: hub request, expected: native body }]
 * responses.json  [{ name, body: native 2xx body, expected: NormalizedResponse } | { name, body, error: failure }]
 * streams.json    [{ name, sse: file name, expected: hub events, error?: failure }]
 * *.sse           the raw native SSE bytes, exactly as the wire carries them.
 */

export interface StreamFixture {
  name: string;
  /** The .sse file next to streams.json. */
  sse: string;
  expected: StreamEvent[];
  /** The failure thrown after `expected` (an error event, a truncated stream); absent when the stream succeeds. */
  error?: Partial<UpstreamFailure>;
}

const SSE_FILES = import.meta.glob<string>('../fixtures/*/*.sse', { query: '?raw', import: 'default', eager: true });

/** The raw text of test/fixtures/<format>/<file>. */
export function sseFixture(format: string, file: string): string {
  const text = SSE_FILES[`../fixtures/${format}/${file}`];
  if (text === undefined) throw new Error(`no SSE fixture test/fixtures/${format}/${file}`);
  return text;
}
