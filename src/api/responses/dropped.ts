import { OPENROUTER_FIELDS } from '../../hub';
import type { ResponsesRequest } from './schema';

/**
 * The client's top-level Responses fields that reach no provider because the adapter does not
 * translate them (to-chat.ts): unknown fields and Responses features Cailos does not implement
 * (`include`, `reasoning`, `truncation: "auto"`, `service_tier`…). They are reported with the
 * endpoint's own drops in `x-cailos-dropped-params` and the decision trace, as on chat completions.
 */

/** Fields the adapter translates, honours (store: false, metadata echoed), or refuses when set. */
const HANDLED: ReadonlySet<string> = new Set([
  'model',
  'input',
  'instructions',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'text',
  'max_output_tokens',
  'temperature',
  'top_p',
  'user',
  'stream',
  'store',
  'previous_response_id',
  'conversation',
  'background',
  'prompt',
  'metadata',
  'trust_level',
  'routing',
  ...OPENROUTER_FIELDS,
]);

/** In the parsed body's order (the schema's fields, then the others as sent); a null counts as unset. `text` is translated for its `format` only. */
export function responsesDroppedParams(body: ResponsesRequest): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    // Cailos never truncates a conversation: "disabled" is what it does anyway.
    if (key === 'truncation' && value === 'disabled') continue;
    if (key === 'text' && typeof value === 'object') {
      for (const [sub, v] of Object.entries(value)) if (sub !== 'format' && v !== undefined && v !== null) out.push(`text.${sub}`);
      continue;
    }
    if (!HANDLED.has(key)) out.push(key);
  }
  return out;
}
