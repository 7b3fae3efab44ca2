import type { Endpoint } from '../../catalog';
import type { ChatRequest, ThinkingConfig } from '../../hub';

/**
 * Hub fields that come from Anthropic's dialect and that OpenAI-compatible APIs do not take (OpenAI
 * refuses unknown properties inside messages and tools): `cache_control` breakpoints and earlier
 * `thinking_blocks` are left out, and `thinking` becomes `reasoning_effort` on an endpoint with the
 * reasoning capability (unless the client set one), else it is left out. Pure; `body` is the request
 * body being built, changed in place.
 */
export function adaptForeignFields(body: Record<string, unknown>, req: ChatRequest, endpoint: Endpoint): void {
  delete body.thinking;
  if (req.messages.some(hasForeignMessageFields)) body.messages = req.messages.map(withoutForeignMessageFields);
  if (req.tools?.some((t) => t.cache_control)) body.tools = req.tools.map(({ cache_control: _, ...t }) => t);
  const effort = effortFor(req.thinking);
  if (effort && endpoint.capabilities.reasoning && body.reasoning_effort === undefined) body.reasoning_effort = effort;
}

type Message = ChatRequest['messages'][number];

function hasForeignMessageFields(m: Message): boolean {
  if (m.cache_control || (m.role === 'assistant' && m.thinking_blocks)) return true;
  return Array.isArray(m.content) && m.content.some((p) => p.cache_control);
}

function withoutForeignMessageFields(m: Message): Message {
  if (!hasForeignMessageFields(m)) return m;
  const { cache_control: _, ...rest } = m;
  if (rest.role === 'assistant') delete (rest as { thinking_blocks?: unknown }).thinking_blocks;
  if (Array.isArray(rest.content)) rest.content = rest.content.map(({ cache_control: __, ...p }) => p) as typeof rest.content;
  return rest as Message;
}

/**
 * A thinking budget as an effort level every reasoning model of the catalog takes (low, medium,
 * high); adaptive thinking lets the model decide, which OpenAI's default effort does at `medium`.
 */
export function effortFor(thinking: ThinkingConfig | undefined): 'low' | 'medium' | 'high' | undefined {
  if (thinking?.type === 'adaptive') return 'medium';
  if (thinking?.type !== 'enabled' || thinking.budget_tokens === undefined) return undefined;
  if (thinking.budget_tokens < 4_096) return 'low';
  return thinking.budget_tokens < 16_384 ? 'medium' : 'high';
}
