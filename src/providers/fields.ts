import { CAILOS_FIELDS, type ChatRequest } from '../hub';

const CAILOS: ReadonlySet<string> = new Set(CAILOS_FIELDS);

/**
 * The request's top-level fields a wire format may carry or drop: every field the client set (a
 * null counts as unset), except those Cailos consumes itself (CAILOS_FIELDS), in the request's order.
 */
export function clientFields(req: ChatRequest): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(req)) if (value !== undefined && value !== null && !CAILOS.has(key)) out.push(key);
  return out;
}
