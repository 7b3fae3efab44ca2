import { type OutputUnit, Validator } from '@cfworker/json-schema';
import doc from '../fixtures/openai-openapi/schemas.json';

/**
 * Validators for component schemas of OpenAI's published OpenAPI document (the vendored subset in
 * test/fixtures/openai-openapi/). The document still uses OpenAPI 3.0's `nullable: true` in a few
 * places, which JSON Schema 2020-12 ignores; it is rewritten to the 3.1 form (`anyOf` with
 * `{type: "null"}`) so a null the document allows is accepted. Nothing else is changed.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function rewriteNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'nullable') out[k] = rewriteNullable(v);
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const components = rewriteNullable((doc as unknown as { components: Json }).components);
const validators = new Map<string, Validator>();

export const OPENAPI_SOURCE = (doc as { source: { commit: string; version: string } }).source;

export type SchemaName =
  | 'CreateChatCompletionResponse'
  | 'CreateChatCompletionStreamResponse'
  | 'ErrorResponse'
  | 'Response'
  | 'ResponseStreamEvent'
  | 'Model'
  | 'ListModelsResponse';

const schemas = (components as { schemas: Record<string, { anyOf?: { $ref?: string }[]; properties?: { type?: { enum?: string[] } } }> })
  .schemas;

function errorsAgainst(name: string, value: unknown): string[] {
  let v = validators.get(name);
  if (!v) {
    const schema = { $ref: `#/components/schemas/${name}`, components } as unknown as Record<string, unknown>;
    v = new Validator(schema, '2020-12', false);
    validators.set(name, v);
  }
  const result = v.validate(value);
  return result.valid ? [] : result.errors.map((e: OutputUnit) => `${e.instanceLocation}: ${e.error}`);
}

/** The member of a union schema whose `type` enum names `type` (a stream event's own schema). */
function unionMember(name: string, type: unknown): string | undefined {
  for (const ref of schemas[name]?.anyOf ?? []) {
    const member = ref.$ref?.split('/').pop();
    if (member && schemas[member]?.properties?.type?.enum?.includes(type as string)) return member;
  }
  return undefined;
}

/**
 * Errors of `value` against the named component schema (empty when it conforms). When a union (such as
 * ResponseStreamEvent) rejects it, the errors reported are those of the member its `type` names, which
 * say what is wrong rather than that no member matched.
 */
export function schemaErrors(name: SchemaName, value: unknown): string[] {
  const errors = errorsAgainst(name, value);
  if (errors.length === 0) return errors;
  const member = unionMember(name, (value as { type?: unknown } | null)?.type);
  return member ? [`not a ${name}; as ${member}:`, ...errorsAgainst(member, value)] : errors;
}
