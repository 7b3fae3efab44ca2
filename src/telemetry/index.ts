/** Public surface of src/telemetry: what other modules import. Imports from outside the module go through this file. */
import type { RequestLogRow } from '../db';
import type { Env } from '../env';
import type { ChatRequest } from '../hub';
import { otlpConfig } from './config';
import { enqueueSpans } from './exporter';
import { requestSpans, type RequestOutcome } from './spans';

export { otlpConfig } from './config';
export type { OtlpConfig } from './config';
export type { RequestOutcome } from './spans';

/**
 * Exports one settled request as an OpenTelemetry trace (OTLP/HTTP, JSON) when OTEL_EXPORTER_OTLP_ENDPOINT
 * (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Off, it returns at once and builds nothing. The promise
 * belongs in ctx.waitUntil; it never rejects.
 */
export function traceRequest(env: Env, row: RequestLogRow, outcome: RequestOutcome, request: ChatRequest): Promise<void> | undefined {
  const config = otlpConfig(env);
  if (!config) return undefined;
  try {
    return enqueueSpans(config, requestSpans(row, outcome, request));
  } catch (err) {
    // Telemetry must never fail a request or its log row.
    console.error('telemetry: could not build the spans of a request', (err as Error).message);
    return undefined;
  }
}
