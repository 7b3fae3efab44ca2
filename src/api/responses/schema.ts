import { z } from 'zod';
import { routingHints } from '../../hub';

/**
 * The OpenAI Responses API request, as Cailos accepts it. Item and part objects are loose because
 * clients echo back the output items they received (ids, status, provider data) as input.
 */

const inputText = z.looseObject({ type: z.literal('input_text'), text: z.string() });
const inputImage = z.looseObject({
  type: z.literal('input_image'),
  image_url: z.string().min(1).nullable().optional(),
  file_id: z.string().nullable().optional(),
  detail: z.enum(['auto', 'low', 'high']).nullable().optional(),
});
const inputFile = z.looseObject({ type: z.literal('input_file') });
const outputText = z.looseObject({ type: z.literal('output_text'), text: z.string() });
const refusal = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

export const responsesContentPart = z.discriminatedUnion('type', [inputText, inputImage, inputFile, outputText, refusal]);

const messageItem = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(responsesContentPart)]),
});

const functionCallItem = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
});

const functionCallOutputItem = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(responsesContentPart)]),
});

/** Any other typed item (reasoning, item_reference, built-in tool calls): judged in translation. */
const otherItem = z.looseObject({ type: z.string() });

export const responsesInputItem = z.union([messageItem, functionCallItem, functionCallOutputItem, otherItem]);

const functionTool = z.looseObject({
  type: z.literal('function'),
  name: z.string(),
  description: z.string().nullable().optional(),
  parameters: z.record(z.string(), z.unknown()).nullable().optional(),
  strict: z.boolean().nullable().optional(),
});
const otherTool = z.looseObject({ type: z.string() });

export const responsesToolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string() }),
  z.looseObject({ type: z.string() }),
]);

export const responsesTextFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string().min(1),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullable().optional(),
    strict: z.boolean().nullable().optional(),
  }),
]);

export const responsesRequest = z.looseObject({
  model: z.string().min(1, 'model is required, e.g. "auto"'),
  input: z.union([z.string(), z.array(responsesInputItem)]),
  instructions: z.string().nullable().optional(),
  tools: z
    .array(z.union([functionTool, otherTool]))
    .nullable()
    .optional(),
  tool_choice: responsesToolChoice.nullable().optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  text: z.looseObject({ format: responsesTextFormat.nullable().optional() }).nullable().optional(),
  max_output_tokens: z.number().int().positive().nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  stream: z.boolean().nullable().optional(),
  store: z.boolean().nullable().optional(),
  previous_response_id: z.string().nullable().optional(),
  conversation: z.unknown().optional(),
  background: z.boolean().nullable().optional(),
  prompt: z.unknown().optional(),
  user: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  trust_level: z.number().int().min(0).max(3).optional(),
  routing: routingHints.optional(),
});

export type ResponsesRequest = z.infer<typeof responsesRequest>;
export type ResponsesInputItem = z.infer<typeof responsesInputItem>;
export type ResponsesContentPart = z.infer<typeof responsesContentPart>;
