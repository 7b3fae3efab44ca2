import { z } from 'zod';
import { cacheControl, routingHints, thinkingConfig } from '../../hub';

/** Anthropic Messages API request, as Cailos accepts it (blocks are loose: clients echo extra fields). */

/** A prompt-caching breakpoint; null is the same as none. */
const cache_control = cacheControl.nullable().optional();

const textBlock = z.looseObject({ type: z.literal('text'), text: z.string(), cache_control });
const imageBlock = z.looseObject({
  type: z.literal('image'),
  source: z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('base64'), media_type: z.string().min(1), data: z.string().min(1) }),
    z.looseObject({ type: z.literal('url'), url: z.string().min(1) }),
  ]),
  cache_control,
});
const toolUseBlock = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  cache_control,
});
const toolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.discriminatedUnion('type', [textBlock, imageBlock]))]).optional(),
  is_error: z.boolean().optional(),
  cache_control,
});
const thinkingBlock = z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: z.string() });
const redactedThinkingBlock = z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() });
/** thinking, document, server tool blocks…: judged in translation. */
const otherBlock = z.looseObject({ type: z.string() });

export const anthropicBlock = z.union([
  textBlock,
  imageBlock,
  toolUseBlock,
  toolResultBlock,
  thinkingBlock,
  redactedThinkingBlock,
  otherBlock,
]);

export const anthropicMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(anthropicBlock)]),
});

const customTool = z.looseObject({
  type: z.literal('custom').optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
  cache_control,
});
const serverTool = z.looseObject({ type: z.string(), name: z.string().optional() });

export const anthropicToolChoice = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('tool'), name: z.string().min(1), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('none') }),
]);

/** Anthropic's structured outputs: the answer's text is JSON matching `schema`. */
const jsonOutputFormat = z.looseObject({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) });

export const messagesRequest = z.looseObject({
  model: z.string().min(1, 'model is required, e.g. "auto"'),
  max_tokens: z.number().int().positive(),
  messages: z.array(anthropicMessage).min(1, 'messages must contain at least one message'),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().positive().optional(),
  stream: z.boolean().optional(),
  tools: z.array(z.union([customTool, serverTool])).optional(),
  tool_choice: anthropicToolChoice.optional(),
  metadata: z.looseObject({ user_id: z.string().nullable().optional() }).optional(),
  thinking: thinkingConfig.optional(),
  output_config: z
    .looseObject({ format: jsonOutputFormat.nullable().optional(), effort: z.string().nullable().optional() })
    .nullable()
    .optional(),
  /** The beta name of output_config.format (structured-outputs-2025-11-13), still sent by older SDKs. */
  output_format: jsonOutputFormat.nullable().optional(),
  trust_level: z.number().int().min(0).max(3).optional(),
  routing: routingHints.optional(),
});

export type MessagesRequest = z.infer<typeof messagesRequest>;

/** POST /v1/messages/count_tokens: the same body without max_tokens (and never streamed). */
export const countTokensRequest = messagesRequest.extend({ max_tokens: z.number().int().positive().optional() });
export type CountTokensRequest = z.infer<typeof countTokensRequest>;
export type AnthropicBlockIn = z.infer<typeof anthropicBlock>;
