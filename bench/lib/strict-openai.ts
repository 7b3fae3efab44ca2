/**
 * What a strict OpenAI-compatible upstream accepts: the top-level request parameters of OpenAI's Chat
 * Completions reference (POST /v1/chat/completions), written from the reference itself and kept apart
 * from the gateway's own allow-list, so a test against the strict fake checks the gateway rather than
 * itself. Anything else is refused the way OpenAI refuses it.
 */
export const OPENAI_REFERENCE_PARAMS: ReadonlySet<string> = new Set([
  'messages',
  'model',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
]);

/** The body's top-level fields OpenAI would not recognise. */
export function unrecognizedArguments(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((k) => !OPENAI_REFERENCE_PARAMS.has(k));
}

/** OpenAI's 400 for unknown parameters: one message naming them, no param, no code. */
export function unrecognizedArgumentsError(names: string[]) {
  const message =
    names.length === 1
      ? `Unrecognized request argument supplied: ${names[0]}`
      : `Unrecognized request arguments supplied: ${names.join(', ')}`;
  return { error: { message, type: 'invalid_request_error', param: null, code: null } };
}
