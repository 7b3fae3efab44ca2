import type { ProviderAdapter } from '../types';
import { classifyOpenAIError } from './error';
import { buildOpenAIRequest } from './request';
import { parseOpenAIResponse } from './response';
import { createOpenAIStreamTranslator } from './stream';

export const openaiAdapter: ProviderAdapter = {
  format: 'openai',
  buildRequest: buildOpenAIRequest,
  parseResponse: parseOpenAIResponse,
  createStreamTranslator: createOpenAIStreamTranslator,
  classifyError: classifyOpenAIError,
};
