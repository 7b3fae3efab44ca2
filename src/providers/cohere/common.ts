import type { FinishReason, Usage, UpstreamFailureKind } from '../../hub';
import { UpstreamError } from '../types';

/** Shapes and mappings shared by the Cohere v2 response parser and stream translator. */

export type CohereFinishReason = 'COMPLETE' | 'STOP_SEQUENCE' | 'MAX_TOKENS' | 'TOOL_CALL' | 'ERROR' | 'TIMEOUT';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function upstreamError(kind: UpstreamFailureKind, message: string): UpstreamError {
  return new UpstreamError({ kind, retryable: true, status: 200, message });
}

/**
 * Maps a successful Cohere finish reason; ERROR and TIMEOUT mean the generation failed upstream and
 * are thrown with `failureKind` so the dispatcher can fall back.
 */
export function mapFinishReason(raw: unknown, failureKind: { error: UpstreamFailureKind; timeout: UpstreamFailureKind }): FinishReason {
  switch (raw) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'TOOL_CALL':
      return 'tool_calls';
    case 'ERROR':
      throw upstreamError(failureKind.error, 'Cohere ended the generation with an error');
    case 'TIMEOUT':
      throw upstreamError(failureKind.timeout, 'Cohere timed out during the generation');
    default:
      throw upstreamError('malformed', 'Cohere response has an unknown finish_reason');
  }
}

function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Cohere reports `tokens` (what the model processed) and `billed_units` (what is charged). Prefer
 * `tokens` for the hub's token counts; fall back to billed units when `tokens` is absent.
 */
export function mapUsage(raw: unknown): Usage | undefined {
  if (!isRecord(raw)) return undefined;
  for (const key of ['tokens', 'billed_units'] as const) {
    const group = raw[key];
    if (!isRecord(group)) continue;
    const input = tokenCount(group.input_tokens);
    const output = tokenCount(group.output_tokens);
    if (input === undefined && output === undefined) continue;
    const prompt = input ?? 0;
    const completion = output ?? 0;
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  }
  return undefined;
}
