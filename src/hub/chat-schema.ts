import { z } from 'zod';
import { fallbackModels, modelRoute, OPENROUTER_FIELDS, providerPreferencesField } from './openrouter-schema';

/** The hub format: an OpenAI Chat Completions request, validated at the boundary. */

/**
 * Anthropic prompt-caching breakpoint (`cache_control`): the prompt up to and including the marked
 * part, message (its last block) or tool is cached. Forwarded to Anthropic endpoints only.
 */
export const cacheControl = z.object({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() });

const textPart = z.object({ type: z.literal('text'), text: z.string(), cache_control: cacheControl.optional() });
const imagePart = z.object({
  type: z.literal('image_url'),
  image_url: z.object({ url: z.string().min(1), detail: z.enum(['auto', 'low', 'high']).optional() }),
  cache_control: cacheControl.optional(),
});
export const contentPart = z.discriminatedUnion('type', [textPart, imagePart]);

const toolCall = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

const content = z.union([z.string(), z.array(contentPart)]);

/** Anthropic thinking blocks of an earlier assistant turn, sent back verbatim (their signature covers the text). */
export const thinkingBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('thinking'), thinking: z.string(), signature: z.string() }),
  z.object({ type: z.literal('redacted_thinking'), data: z.string() }),
]);

/** Per message, `cache_control` marks the message's last block as a prompt-caching breakpoint. */
const cache_control = cacheControl.optional();

export const chatMessage = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content, name: z.string().optional(), cache_control }),
  z.object({ role: z.literal('developer'), content, name: z.string().optional(), cache_control }),
  z.object({ role: z.literal('user'), content, name: z.string().optional(), cache_control }),
  z.object({
    role: z.literal('assistant'),
    content: content.nullable().optional(),
    name: z.string().optional(),
    tool_calls: z.array(toolCall).optional(),
    refusal: z.string().nullable().optional(),
    thinking_blocks: z.array(thinkingBlock).optional(),
    cache_control,
  }),
  z.object({ role: z.literal('tool'), content, tool_call_id: z.string(), cache_control }),
]);

export const functionTool = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'tool names are 1-64 letters, digits, _ or -'),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullable().optional(),
  }),
  cache_control,
});

/**
 * Anthropic extended thinking: `enabled` with a token budget, `adaptive` (the model decides), or
 * `disabled`. Forwarded to Anthropic endpoints that support that form; mapped to `reasoning_effort`
 * on OpenAI-format endpoints with the reasoning capability; dropped elsewhere.
 */
export const thinkingConfig = z.looseObject({
  type: z.string().min(1),
  budget_tokens: z.number().int().positive().optional(),
});

export const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }),
]);

export const responseFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
    }),
  }),
]);

/** Cailos routing hints (body field `routing`), documented in the README. */
export const routingHints = z
  .object({
    max_price_per_mtok: z.number().positive().optional(),
    max_latency_ms: z.number().int().positive().optional(),
    providers: z
      .object({ allow: z.array(z.string()).optional(), deny: z.array(z.string()).optional() })
      .strict()
      .optional(),
    region: z.string().min(2).max(32).optional(),
    /** Strict: only endpoints whose processing region is sourced to be this one ('global' never qualifies). */
    residency: z
      .string()
      .regex(/^[a-z]{2,16}$/, 'a lowercase region code such as "eu"')
      .refine((r) => r !== 'global', "'global' is not a residency: name the region data must be processed in")
      .optional(),
    /** Per-attempt timeout before response headers / first token, ms. */
    timeout_ms: z.number().int().min(100).max(600_000).optional(),
    /** Overall deadline for the request including fallbacks, ms. */
    deadline_ms: z.number().int().min(100).max(900_000).optional(),
    /** Maximum number of endpoints tried. */
    max_attempts: z.number().int().min(1).max(10).optional(),
  })
  .strict();
export type RoutingHints = z.infer<typeof routingHints>;

export const chatRequest = z
  .object({
    model: z
      .string({
        error: (iss) => (iss.input == null ? 'model is required, e.g. "auto" (or models: [...], the first tried first)' : undefined),
      })
      .min(1, 'model is required, e.g. "auto"'),
    messages: z.array(chatMessage).min(1, 'messages must contain at least one message'),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    max_tokens: z.number().int().positive().nullable().optional(),
    max_completion_tokens: z.number().int().positive().nullable().optional(),
    stop: z
      .union([z.string(), z.array(z.string()).max(4)])
      .nullable()
      .optional(),
    seed: z.number().int().nullable().optional(),
    user: z.string().optional(),
    n: z.literal(1).nullable().optional(),
    presence_penalty: z.number().min(-2).max(2).nullable().optional(),
    frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
    tools: z.array(functionTool).optional(),
    tool_choice: toolChoice.optional(),
    parallel_tool_calls: z.boolean().optional(),
    response_format: responseFormat.optional(),
    stream: z.boolean().nullable().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
    thinking: thinkingConfig.optional(),
    trust_level: z.number().int().min(0).max(3).optional(),
    routing: routingHints.optional(),
    // OpenRouter's routing fields (./openrouter-schema.ts), read by the router.
    models: fallbackModels.nullable().optional(),
    route: modelRoute.nullable().optional(),
    provider: providerPreferencesField.nullable().optional(),
  })
  // Unknown fields are accepted: each wire format sends only the parameters its API defines, and the
  // others are reported as dropped (src/providers/params.ts).
  .catchall(z.unknown());

export type ChatRequest = z.infer<typeof chatRequest>;
export type ChatMessage = z.infer<typeof chatMessage>;
export type ContentPart = z.infer<typeof contentPart>;
export type FunctionTool = z.infer<typeof functionTool>;
export type ToolChoice = z.infer<typeof toolChoice>;
export type ResponseFormat = z.infer<typeof responseFormat>;
export type CacheControl = z.infer<typeof cacheControl>;
export type ThinkingConfig = z.infer<typeof thinkingConfig>;

/** Fields Cailos consumes itself and never forwards upstream. */
export const CAILOS_FIELDS = ['trust_level', 'routing', ...OPENROUTER_FIELDS] as const;
