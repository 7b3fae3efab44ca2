import type { FinishReason, ToolCall, Usage } from '../../hub';
import { type NormalizedResponse, UpstreamError } from '../types';
import { failureFromErrorObject } from './error';

/** Gemini `GenerateContentResponse` → hub response. */

type Json = Record<string, unknown>;

const FILTER_REASONS = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

export function malformed(message: string): UpstreamError {
  return new UpstreamError({ kind: 'malformed', retryable: true, status: 200, message });
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mapGeminiFinish(reason: string, hasToolCalls: boolean): FinishReason {
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTER_REASONS.has(reason)) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}

/** 32-bit FNV-1a, hex: a short stable fingerprint so the same call always gets the same id. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Gemini function calls have no ids (the API pairs calls and results by name), but OpenAI
 * clients need one: derive it from position + content so retries of the same answer agree.
 */
export function toolCallId(index: number, name: string, args: unknown): string {
  return `call_${index}_${shortHash(name + JSON.stringify(args ?? {}))}`;
}

export interface CandidateParts {
  text: string;
  toolCalls: ToolCall[];
}

/** Text (excluding thought summaries) and function calls of a parts array. `firstIndex` numbers the calls. */
export function readParts(parts: unknown, firstIndex = 0): CandidateParts {
  let text = '';
  const toolCalls: ToolCall[] = [];
  if (parts !== undefined && !Array.isArray(parts)) throw malformed('Gemini content.parts is not an array');
  for (const part of (parts ?? []) as unknown[]) {
    if (!isObject(part)) throw malformed('Gemini content part is not an object');
    // Thought summaries (includeThoughts) are reasoning, not the answer.
    if (part.thought === true) continue;
    if (typeof part.text === 'string') text += part.text;
    if (isObject(part.functionCall)) {
      const call = part.functionCall;
      if (typeof call.name !== 'string') throw malformed('Gemini functionCall has no name');
      const args = call.args ?? {};
      toolCalls.push({
        id: toolCallId(firstIndex + toolCalls.length, call.name, args),
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(args) },
      });
    }
  }
  return { text, toolCalls };
}

export function normalizeGeminiUsage(meta: unknown): Usage | undefined {
  if (!isObject(meta)) return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  // Tool-use prompt tokens (results of built-in tools fed back in) are billed as input;
  // thinking tokens are billed as output.
  const prompt = num(meta.promptTokenCount) + num(meta.toolUsePromptTokenCount);
  const completion = num(meta.candidatesTokenCount) + num(meta.thoughtsTokenCount);
  const usage: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  if (typeof meta.cachedContentTokenCount === 'number') {
    usage.prompt_tokens_details = { cached_tokens: meta.cachedContentTokenCount };
  }
  return usage;
}

export function parseGeminiResponse(body: unknown): NormalizedResponse {
  if (!isObject(body)) throw malformed('Gemini response is not a JSON object');
  if (isObject(body.error)) throw new UpstreamError(failureFromErrorObject(body.error, 200));
  const candidates = body.candidates;
  if (candidates !== undefined && !Array.isArray(candidates)) throw malformed('Gemini candidates is not an array');
  const candidate = (candidates as unknown[] | undefined)?.[0];
  const usage = normalizeGeminiUsage(body.usageMetadata) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  const upstreamModel = typeof body.modelVersion === 'string' ? body.modelVersion : undefined;
  const withModel = (r: NormalizedResponse): NormalizedResponse => (upstreamModel ? { ...r, upstreamModel } : r);

  if (candidate === undefined) {
    const feedback = body.promptFeedback;
    if (isObject(feedback) && typeof feedback.blockReason === 'string') {
      // The prompt itself was blocked: no candidate is generated at all.
      return withModel({ message: { role: 'assistant', content: '' }, finishReason: 'content_filter', usage });
    }
    throw malformed('Gemini response has no candidates');
  }
  if (!isObject(candidate)) throw malformed('Gemini candidate is not an object');
  if (candidate.content !== undefined && !isObject(candidate.content)) throw malformed('Gemini candidate content is not an object');
  const { text, toolCalls } = readParts(candidate.content?.parts);
  const reason = typeof candidate.finishReason === 'string' ? candidate.finishReason : 'STOP';
  const message: NormalizedResponse['message'] = { role: 'assistant', content: text || (toolCalls.length > 0 ? null : '') };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return withModel({ message, finishReason: mapGeminiFinish(reason, toolCalls.length > 0), usage });
}
