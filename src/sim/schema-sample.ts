import type { Prng } from './prng';

/**
 * SIMULATION support: builds a plausible value that validates against a JSON Schema, so simulated
 * tool calls and structured outputs exercise the gateway's real argument/JSON handling.
 *
 * Covers what tool and response schemas use in practice: type (also Gemini's upper-case names and
 * type arrays), const/enum, properties/required, items/prefixItems, min/max for numbers, lengths and
 * counts, multipleOf, common string formats, local $ref, allOf/anyOf/oneOf, and simple patterns.
 * Not covered: `not`, if/then/else, dependentSchemas, patternProperties, complex regex features.
 */

type Schema = Record<string, unknown>;

export interface SampleContext {
  rng: Prng;
  /** Words to fill strings with (taken from the user's message so arguments look on topic). */
  words: string[];
}

const FALLBACK_WORDS = ['sample', 'value', 'example', 'test'];
const MAX_DEPTH = 8;

export function sampleFromSchema(schema: unknown, ctx: SampleContext): unknown {
  const words = ctx.words.length > 0 ? ctx.words : FALLBACK_WORDS;
  const root = isSchema(schema) ? schema : {};
  return sample(root, { ...ctx, words }, root, 0);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  }
  return isSchema(node) ? node : {};
}

/** Flatten $ref and allOf into one schema (shallow merge; properties and required are unioned). */
function normalize(schema: Schema, root: Schema, depth: number): Schema {
  let s = schema;
  if (typeof s.$ref === 'string' && depth < MAX_DEPTH) {
    const { $ref, ...rest } = s;
    s = { ...normalize(resolveRef($ref as string, root), root, depth + 1), ...rest };
  }
  if (Array.isArray(s.allOf)) {
    const { allOf, ...rest } = s;
    let merged: Schema = {};
    for (const part of [...(allOf as unknown[]), rest]) {
      if (!isSchema(part)) continue;
      const p = normalize(part, root, depth + 1);
      merged = {
        ...merged,
        ...p,
        properties: { ...(merged.properties as Schema), ...(p.properties as Schema) },
        required: [...((merged.required as string[]) ?? []), ...((p.required as string[]) ?? [])],
      };
    }
    s = merged;
  }
  return s;
}

function typeOf(s: Schema): string {
  let t = s.type;
  if (Array.isArray(t)) t = t.find((x) => String(x).toLowerCase() !== 'null') ?? t[0];
  if (typeof t === 'string') return t.toLowerCase();
  if (isSchema(s.properties) || Array.isArray(s.required)) return 'object';
  if (s.items !== undefined || Array.isArray(s.prefixItems)) return 'array';
  if (s.minimum !== undefined || s.maximum !== undefined) return 'number';
  return 'string';
}

function sample(schema: Schema, ctx: SampleContext, root: Schema, depth: number): unknown {
  const s = normalize(schema, root, depth);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return ctx.rng.pick(s.enum);
  const alternatives = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined) as unknown[] | undefined;
  if (alternatives && alternatives.length > 0) {
    // The first non-null alternative: oneOf branches rarely overlap, and null is the dull answer.
    const chosen = alternatives.find((a) => isSchema(a) && String(a.type).toLowerCase() !== 'null') ?? alternatives[0];
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    return sample({ ...rest, ...(isSchema(chosen) ? chosen : {}) }, ctx, root, depth + 1);
  }
  switch (typeOf(s)) {
    case 'object':
      return sampleObject(s, ctx, root, depth);
    case 'array':
      return sampleArray(s, ctx, root, depth);
    case 'integer':
      return sampleNumber(s, ctx, true);
    case 'number':
      return sampleNumber(s, ctx, false);
    case 'boolean':
      return ctx.rng.next() < 0.5;
    case 'null':
      return null;
    default:
      return sampleString(s, ctx);
  }
}

function sampleObject(s: Schema, ctx: SampleContext, root: Schema, depth: number): Record<string, unknown> {
  // Null prototype: a property named "__proto__" is sampled as a property like any other.
  const out: Record<string, unknown> = Object.create(null);
  if (depth >= MAX_DEPTH) return out;
  const props = isSchema(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const minProps = typeof s.minProperties === 'number' ? s.minProperties : 0;
  for (const [name, propSchema] of Object.entries(props)) {
    const include = required.has(name) || ctx.rng.next() < 0.5 || Object.keys(out).length < minProps;
    if (include) out[name] = sample(isSchema(propSchema) ? propSchema : {}, ctx, root, depth + 1);
  }
  for (const name of required) {
    // Required names without a property schema are still required.
    if (!Object.hasOwn(out, name)) out[name] = ctx.rng.pick(ctx.words);
  }
  return out;
}

function sampleArray(s: Schema, ctx: SampleContext, root: Schema, depth: number): unknown[] {
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as unknown[]) : [];
  const minItems = typeof s.minItems === 'number' ? s.minItems : 0;
  const maxItems = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
  if (depth >= MAX_DEPTH) return [];
  const wanted = Math.min(maxItems, Math.max(minItems, prefix.length, ctx.rng.between(1, 2)));
  const itemSchema = isSchema(s.items) ? s.items : {};
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; out.length < wanted && attempt < wanted * 8; attempt++) {
    const slot = out.length;
    const schema = slot < prefix.length && isSchema(prefix[slot]) ? prefix[slot] : itemSchema;
    const value = sample(schema as Schema, ctx, root, depth + 1);
    if (s.uniqueItems === true) {
      const key = JSON.stringify(value);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(value);
  }
  return out;
}

function sampleNumber(s: Schema, ctx: SampleContext, integer: boolean): number {
  let lo = typeof s.minimum === 'number' ? s.minimum : -Infinity;
  let hi = typeof s.maximum === 'number' ? s.maximum : Infinity;
  let loOpen = false;
  let hiOpen = false;
  // Draft 6+ numeric exclusives, and draft 4 boolean ones.
  if (typeof s.exclusiveMinimum === 'number' && s.exclusiveMinimum >= lo) [lo, loOpen] = [s.exclusiveMinimum, true];
  if (typeof s.exclusiveMaximum === 'number' && s.exclusiveMaximum <= hi) [hi, hiOpen] = [s.exclusiveMaximum, true];
  if (s.exclusiveMinimum === true) loOpen = true;
  if (s.exclusiveMaximum === true) hiOpen = true;
  if (!Number.isFinite(lo) && !Number.isFinite(hi)) [lo, hi] = [0, 100];
  else if (!Number.isFinite(lo)) lo = Math.min(0, hi - 100);
  else if (!Number.isFinite(hi)) hi = Math.max(lo + 100, 100);
  const step = typeof s.multipleOf === 'number' && s.multipleOf > 0 ? s.multipleOf : integer ? 1 : 0;
  if (step > 0) {
    let first = Math.ceil(lo / step);
    let last = Math.floor(hi / step);
    if (loOpen && first * step <= lo) first++;
    if (hiOpen && last * step >= hi) last--;
    if (integer && !Number.isInteger(step)) {
      // Integer multiples of a fractional step: fall back to scanning whole numbers.
      for (let v = Math.ceil(lo); v <= hi; v++) if (Number.isInteger(v / step) && (!loOpen || v > lo) && (!hiOpen || v < hi)) return v;
    }
    if (last < first) return Math.round(lo);
    const k = first + ctx.rng.int(last - first + 1);
    return roundTo(k * step, step);
  }
  const inRange = (v: number) => (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
  const raw = lo + ctx.rng.next() * (hi - lo);
  const rounded = Math.round(raw * 100) / 100;
  if (inRange(rounded)) return rounded;
  return inRange(raw) ? raw : (lo + hi) / 2;
}

/** k × step in floating point gives 0.30000000000000004; round to the step's decimals. */
function roundTo(value: number, step: number): number {
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Number(value.toFixed(Math.min(decimals, 12)));
}

function sampleString(s: Schema, ctx: SampleContext): string {
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const word = ctx.rng.pick(ctx.words);
  let value = formatted(String(s.format ?? ''), word, ctx) ?? word;
  if (typeof s.pattern === 'string') value = matchPattern(s.pattern, value, ctx) ?? value;
  while (value.length < minLength) value += ` ${ctx.rng.pick(ctx.words)}`.slice(0, minLength - value.length);
  if (value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatted(format: string, word: string, ctx: SampleContext): string | undefined {
  const r = ctx.rng;
  const date = () => `${r.between(2020, 2026)}-${pad2(r.between(1, 12))}-${pad2(r.between(1, 28))}`;
  const time = () => `${pad2(r.between(0, 23))}:${pad2(r.between(0, 59))}:${pad2(r.between(0, 59))}Z`;
  const slug = word.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'sample';
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(16)]).join('');
  switch (format) {
    case 'date':
      return date();
    case 'date-time':
      return `${date()}T${time()}`;
    case 'time':
      return time();
    case 'email':
      return `${slug}@example.com`;
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/${slug}`;
    case 'hostname':
      return `${slug}.example.com`;
    case 'ipv4':
      return `192.0.2.${r.between(1, 254)}`;
    case 'ipv6':
      return `2001:db8::${hex(4)}`;
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
    case 'duration':
      return `PT${r.between(1, 59)}M`;
    default:
      return undefined;
  }
}

/** Keep the candidate when it matches; else generate from a simple regex (classes, escapes, quantifiers). */
function matchPattern(pattern: string, candidate: string, ctx: SampleContext): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  if (re.test(candidate)) return candidate;
  for (let attempt = 0; attempt < 5; attempt++) {
    const generated = generateFromPattern(pattern, ctx);
    if (generated !== undefined && re.test(generated)) return generated;
  }
  return undefined;
}

function generateFromPattern(pattern: string, ctx: SampleContext): string | undefined {
  const src = pattern.replace(/^\^/, '').replace(/\$$/, '');
  let out = '';
  let i = 0;
  const atoms: (() => string)[] = [];
  const classFrom = (chars: string) => () => chars[ctx.rng.int(chars.length)];
  const DIGITS = '0123456789';
  const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
  while (i < src.length) {
    const ch = src[i];
    let atom: () => string;
    if (ch === '\\') {
      const e = src[i + 1];
      atom = e === 'd' ? classFrom(DIGITS) : e === 'w' ? classFrom(WORD) : e === 's' ? () => ' ' : () => e;
      i += 2;
    } else if (ch === '[') {
      const end = src.indexOf(']', i + 1);
      if (end === -1) return undefined;
      const body = src.slice(i + 1, end);
      if (body.startsWith('^')) return undefined;
      let chars = '';
      for (let j = 0; j < body.length; j++) {
        if (body[j] === '\\') {
          const e = body[++j];
          chars += e === 'd' ? DIGITS : e === 'w' ? WORD : e;
        } else if (body[j + 1] === '-' && j + 2 < body.length) {
          for (let c = body.charCodeAt(j); c <= body.charCodeAt(j + 2); c++) chars += String.fromCharCode(c);
          j += 2;
        } else chars += body[j];
      }
      if (!chars) return undefined;
      atom = classFrom(chars);
      i = end + 1;
    } else if (ch === '.') {
      atom = classFrom(WORD);
      i++;
    } else if ('()|'.includes(ch)) {
      return undefined;
    } else {
      atom = () => ch;
      i++;
    }
    let min = 1;
    let max = 1;
    const q = src[i];
    if (q === '+') [min, max, i] = [1, 3, i + 1];
    else if (q === '*') [min, max, i] = [0, 3, i + 1];
    else if (q === '?') [min, max, i] = [0, 1, i + 1];
    else if (q === '{') {
      const end = src.indexOf('}', i);
      const m = /^(\d+)(?:,(\d*))?$/.exec(src.slice(i + 1, end));
      if (end === -1 || !m) return undefined;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[2] === '' ? min + 2 : Number(m[2]);
      i = end + 1;
    }
    atoms.push(() => {
      let s = '';
      const n = ctx.rng.between(min, max);
      for (let k = 0; k < n; k++) s += atom();
      return s;
    });
  }
  for (const a of atoms) out += a();
  return out;
}
