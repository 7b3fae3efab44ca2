import type { ProviderAdapter } from '../types';
import { classifyAnthropicError } from './error';
import { buildAnthropicRequest } from './request';
import { parseAnthropicResponse } from './response';
import { createAnthropicStreamTranslator } from './stream';

export { JSON_OBJECT_INSTRUCTION, JSON_TOOL_PREFIX } from './request';

export const anthropicAdapter: ProviderAdapter = {
  format: 'anthropic',
  buildRequest: buildAnthropicRequest,
  parseResponse: parseAnthropicResponse,
  createStreamTranslator: createAnthropicStreamTranslator,
  classifyError: classifyAnthropicError,
};
