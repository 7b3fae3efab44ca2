import type { ProviderAdapter } from '../types';
import { classifyCohereError } from './error';
import { buildCohereRequest } from './request';
import { parseCohereResponse } from './response';
import { createCohereStreamTranslator } from './stream';

/** Cohere Chat API v2 (`POST /v2/chat`). */
export const cohereAdapter: ProviderAdapter = {
  format: 'cohere',
  buildRequest: buildCohereRequest,
  parseResponse: parseCohereResponse,
  createStreamTranslator: createCohereStreamTranslator,
  classifyError: classifyCohereError,
};
