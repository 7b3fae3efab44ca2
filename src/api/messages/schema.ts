import { z } from 'zod';
import { routingHints } from '../../hub';

/** Anthropic Messages API request, as Cailos accepts it (blocks are loose: clients echo extra fields). */

const textBlock = z.looseObject({ type: z.literal('text'), text: z.string() });
const imageBlock = z.looseObject({
  type: z.literal('image'),
  source: z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('base64'), media_type: z.string().min(1), data: z.string().min(1) }),
    z.looseObject({ type: z.literal('url'), url: z.string().min(1) }),
  ]),
});
const toolUseBlock = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});
const toolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.discriminatedUnion('type', [textBlock, imageBlock]))]).optional(),
  is_error: z.boolean().optional(),
});
/** thinking, document, server tool blocks…: judged in translation. */
const otherBlock = z.looseObject({ type: z.string() });

export const anthropicBlock = z.union([textBlock, imageBlock, toolUseBlock, toolResultBlock, otherBlock]);

export const anthropicMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(anthropicBlock)]),
});

const customTool = z.looseObject({
  type: z.literal('custom').optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
});
const serverTool = z.looseObject({ type: z.string(), name: z.string().optional() });

export const anthropicToolChoice = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('tool'), name: z.string().min(1), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('none') }),
]);

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
  thinking: z.looseObject({ type: z.string() }).optional(),
  trust_level: z.number().int().min(0).max(3).optional(),
  routing: routingHints.optional(),
});

export type MessagesRequest = z.infer<typeof messagesRequest>;
export type AnthropicBlockIn = z.infer<typeof anthropicBlock>;
