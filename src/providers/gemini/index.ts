import type { ProviderAdapter } from '../types';
import { classifyGeminiError } from './error';
import { buildGeminiRequest } from './request';
import { parseGeminiResponse } from './response';
import { createGeminiStreamTranslator } from './stream';

/** Google Gemini `generateContent` / `streamGenerateContent?alt=sse` (Generative Language API). */
export const geminiAdapter: ProviderAdapter = {
  format: 'gemini',
  buildRequest: buildGeminiRequest,
  parseResponse: parseGeminiResponse,
  createStreamTranslator: createGeminiStreamTranslator,
  classifyError: classifyGeminiError,
};
