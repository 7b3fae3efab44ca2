/**
 * JSON Schema → the OpenAPI 3.0 subset Gemini accepts for function parameters and responseSchema.
 *
 * Gemini rejects a whole request on one unknown keyword (`additionalProperties`, `$schema`, …),
 * so this keeps an allow-list rather than a deny-list: anything not listed below is dropped.
 * Lossy by design: dropped constraints only make the schema looser, never stricter, so a valid
 * answer under the original schema stays valid under the reduced one.
 */

type Json = Record<string, unknown>;

/** Keywords Gemini's Schema object understands (after our rewrites). */
const KEPT_KEYWORDS = new Set([
  'type',
  'format',
  'description',
  'nullable',
  'enum',
  'properties',
  'required',
  'items',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'anyOf',
]);

/**
 * Formats Gemini documents per type; any other format (uri, email, uuid…) is a 400 upstream, so it
 * is dropped (the description still tells the model what is expected).
 */
const ALLOWED_FORMATS: Record<string, Set<string>> = {
  string: new Set(['enum', 'date-time']),
  number: new Set(['float', 'double']),
  integer: new Set(['int32', 'int64']),
};

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

/** A recursive `$ref` is cut here: Gemini schemas cannot be recursive. */
const RECURSION_FALLBACK_NOTE = '(recursive structure; nested levels are not constrained)';

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNullSchema(v: unknown): boolean {
  return isObject(v) && (v.type === 'null' || (Array.isArray(v.enum) && v.enum.length === 1 && v.enum[0] === null));
}

interface Context {
  definitions: Record<string, unknown>;
  /** `$ref`s being expanded on the current path: seeing one again means recursion. */
  expanding: string[];
}

/** Reduce a JSON Schema to the subset Gemini accepts. The input is not modified. */
export function reduceSchemaForGemini(schema: Record<string, unknown>): Record<string, unknown> {
  // Null prototype: a `$ref` of "__proto__" or "constructor" must resolve to nothing.
  const definitions: Record<string, unknown> = Object.create(null);
  for (const key of ['definitions', '$defs']) {
    const defs = schema[key];
    if (isObject(defs)) for (const [name, def] of Object.entries(defs)) definitions[`#/${key}/${name}`] = def;
  }
  return reduceNode(schema, { definitions, expanding: [] });
}

function reduceNode(input: unknown, ctx: Context): Json {
  if (!isObject(input)) return {};
  let node: Json = { ...input };

  // A definition may itself be a `$ref` (an alias): keep resolving until a real schema appears.
  while (typeof node.$ref === 'string') {
    const ref = node.$ref;
    const resolved = resolveRef(node, ctx);
    if (resolved.recursive) return resolved.schema;
    node = resolved.schema;
    ctx = { ...ctx, expanding: [...ctx.expanding, ref] };
  }

  // allOf of objects is merged (the common "base + extension" pattern); Gemini has no allOf.
  if (Array.isArray(node.allOf)) node = mergeAllOf(node, ctx);

  // oneOf is treated as anyOf: looser, and Gemini only knows anyOf.
  const union = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (union) {
    const members = union.filter((m) => !isNullSchema(m));
    const hasNull = members.length < union.length;
    const rest = withoutKeys(node, ['anyOf', 'oneOf']);
    if (members.length === 1) {
      const merged = { ...reduceNode(members[0], ctx), ...reduceSiblings(rest, ctx) };
      if (hasNull) merged.nullable = true;
      return merged;
    }
    const out = reduceSiblings(rest, ctx);
    if (members.length > 1) out.anyOf = members.map((m) => reduceNode(m, ctx));
    if (hasNull) out.nullable = true;
    return out;
  }

  return reduceSiblings(node, ctx);
}

/** Reduce one schema node that has no `$ref`/union left to expand. */
function reduceSiblings(node: Json, ctx: Context): Json {
  const out: Json = {};
  let nullable = node.nullable === true;

  let type: string | undefined;
  if (Array.isArray(node.type)) {
    const types = node.type.filter((t): t is string => typeof t === 'string' && JSON_TYPES.has(t));
    if (node.type.includes('null')) nullable = true;
    if (types.length === 1) type = types[0];
    else if (types.length > 1) {
      // ['string','number'] has no single Gemini type: express it as anyOf of the plain types.
      const anyOf = types.map((t) => reduceSiblings({ ...withoutKeys(node, ['type', 'description', 'nullable']), type: t }, ctx));
      const out: Json = { anyOf };
      if (typeof node.description === 'string') out.description = node.description;
      if (nullable) out.nullable = true;
      return out;
    }
  } else if (typeof node.type === 'string') {
    if (node.type === 'null') nullable = true;
    else if (JSON_TYPES.has(node.type)) type = node.type;
  }

  let enumValues: unknown[] | undefined;
  if ('const' in node) enumValues = [node.const];
  else if (Array.isArray(node.enum)) enumValues = node.enum;
  if (enumValues) {
    if (enumValues.includes(null)) nullable = true;
    const values = enumValues.filter((v) => v !== null);
    // Gemini enums are string-only; non-string values are sent as their JSON text, so the model
    // answers e.g. "3" instead of 3 — looser, but the only way to keep the choice list.
    out.type = 'string';
    out.format = 'enum';
    out.enum = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    type = undefined;
  }

  if (type) out.type = type;
  if (!out.format && typeof node.format === 'string' && type && ALLOWED_FORMATS[type]?.has(node.format)) {
    out.format = node.format;
  }
  if (typeof node.description === 'string') out.description = node.description;
  if (nullable) out.nullable = true;

  for (const key of ['minimum', 'maximum', 'minItems', 'maxItems'] as const) {
    const value = node[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }

  if (isObject(node.properties)) {
    // Null prototype: a property named "__proto__" stays a property instead of replacing the prototype.
    const props: Json = Object.create(null);
    for (const [name, sub] of Object.entries(node.properties)) props[name] = reduceNode(sub, ctx);
    // An explicit empty `properties: {}` is a 400 ("should be non-empty for OBJECT type"); a bare
    // object type is accepted and means the same.
    if (Object.keys(props).length > 0) out.properties = props;
    if (Array.isArray(node.required)) {
      const required = node.required.filter((r): r is string => typeof r === 'string' && Object.hasOwn(props, r));
      if (required.length > 0) out.required = required;
    }
    if (!out.type && !out.anyOf) out.type = 'object';
  }

  if (node.items !== undefined) {
    // Tuple form (items: [...]) has no Gemini equivalent: the first item's schema is the closest.
    const items = Array.isArray(node.items) ? node.items[0] : node.items;
    if (isObject(items)) out.items = reduceNode(items, ctx);
    if (!out.type && !out.anyOf) out.type = 'array';
  }

  if (out.type === 'array' && !out.items) {
    // Gemini requires `items` on arrays; an unconstrained item schema keeps "array of anything".
    out.items = {};
  }

  // Anything outside KEPT_KEYWORDS never reaches the output: the keys above are the allow-list.
  for (const key of Object.keys(out)) if (!KEPT_KEYWORDS.has(key)) delete out[key];
  return out;
}

function resolveRef(node: Json, ctx: Context): { schema: Json; recursive: boolean } {
  const ref = node.$ref as string;
  const siblings = withoutKeys(node, ['$ref']);
  const target = ctx.definitions[ref];
  if (ctx.expanding.includes(ref) || !isObject(target)) {
    // Recursion (or an unresolvable / external ref) is cut to a plain object with a note, so the
    // declaration is still accepted; the model is told what the field is through the description.
    const description = [siblings.description ?? (isObject(target) ? target.description : undefined), RECURSION_FALLBACK_NOTE]
      .filter((d) => typeof d === 'string')
      .join(' ');
    const out: Json = { type: 'object', description };
    if (siblings.nullable === true) out.nullable = true;
    return { schema: out, recursive: true };
  }
  // Siblings of $ref (description, nullable) describe this use site and win over the definition's.
  return { schema: { ...target, ...siblings }, recursive: false };
}

function mergeAllOf(node: Json, ctx: Context): Json {
  const parts = (node.allOf as unknown[]).filter(isObject);
  const merged: Json = withoutKeys(node, ['allOf']);
  const properties: Json = Object.assign(Object.create(null), isObject(merged.properties) ? merged.properties : {});
  const required = new Set<string>(Array.isArray(merged.required) ? (merged.required as string[]) : []);
  for (let part of parts) {
    if (typeof part.$ref === 'string') {
      const resolved = resolveRef(part, ctx);
      part = resolved.schema;
    }
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && isObject(value)) Object.assign(properties, value);
      else if (key === 'required' && Array.isArray(value)) value.forEach((r) => typeof r === 'string' && required.add(r));
      else if (!Object.hasOwn(merged, key)) merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function withoutKeys(node: Json, keys: string[]): Json {
  const out: Json = Object.create(null);
  for (const [k, v] of Object.entries(node)) if (!keys.includes(k)) out[k] = v;
  return out;
}
