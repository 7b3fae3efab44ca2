/*
 * String mapping inside JSON, without recursion: nesting depth is the client's choice (any depth
 * JSON.parse accepts), so the walks below keep their own stack and never grow the call stack.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** A JSON document nested deeper than the engine's parser goes; `param` names the request field once known. */
export class ShieldJsonDepthError extends Error {
  readonly param: string | null;
  constructor(param: string | null = null) {
    super('a JSON document in the request is nested too deeply to parse');
    this.name = 'ShieldJsonDepthError';
    this.param = param;
  }
}

/** Index just past the string literal that opens at `start` (the text is known to be valid JSON). */
function literalEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return json.length;
}

function isValidJson(json: string): boolean {
  try {
    JSON.parse(json);
    return true;
  } catch (err) {
    // Too deep for the engine (a RangeError) is not "not JSON": cloaking it as plain text would miss
    // values hidden behind JSON escapes (\u00e9), so the request is refused instead.
    if (err instanceof RangeError) throw new ShieldJsonDepthError();
    return false;
  }
}

/**
 * Apply fn to every string value inside a JSON document (object keys untouched), in document order;
 * invalid JSON → null. The document's own formatting, number spelling and unchanged strings are kept
 * byte for byte: only string literals whose value fn changed are rewritten.
 */
export function mapJsonStrings(json: string, fn: (s: string) => string): string | null {
  if (!isValidJson(json)) return null;
  const out: string[] = [];
  // true = inside an object; a string right after `{` or an object's `,` is a key.
  const inObject: boolean[] = [];
  let expectKey = false;
  let copied = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      const end = literalEnd(json, i);
      if (!expectKey) {
        const value = JSON.parse(json.slice(i, end)) as string;
        const mapped = fn(value);
        if (mapped !== value) {
          out.push(json.slice(copied, i), JSON.stringify(mapped));
          copied = end;
        }
      }
      i = end - 1;
    } else if (c === OPEN_OBJECT) {
      inObject.push(true);
      expectKey = true;
    } else if (c === OPEN_ARRAY) {
      inObject.push(false);
      expectKey = false;
    } else if (c === COLON) {
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = inObject[inObject.length - 1] === true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      inObject.pop();
      expectKey = false;
    }
  }
  out.push(json.slice(copied));
  return out.join('');
}

type Container = unknown[] | Record<string, unknown>;

function isContainer(v: unknown): v is Container {
  return v !== null && typeof v === 'object';
}

/** `__proto__` from JSON.parse is an own data property; plain assignment would set the prototype instead. */
function setOwn(target: Container, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

/**
 * A copy of a parsed JSON value with fn applied to every string value (object keys untouched), in
 * document order. Non-JSON values (functions, class instances) do not occur: input comes from JSON.parse.
 */
export function mapValueStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (!isContainer(value)) return value;
  const copyOf = (v: Container): Container => (Array.isArray(v) ? new Array<unknown>(v.length) : {});
  const root = copyOf(value);
  // Each frame walks one container's keys; a child container is entered before the next sibling.
  const stack: { src: Container; dst: Container; keys: string[]; next: number }[] = [
    { src: value, dst: root, keys: Object.keys(value), next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.keys.length) {
      stack.pop();
      continue;
    }
    const key = frame.keys[frame.next++];
    const v = (frame.src as Record<string, unknown>)[key];
    if (typeof v === 'string') setOwn(frame.dst, key, fn(v));
    else if (isContainer(v)) {
      const child = copyOf(v);
      setOwn(frame.dst, key, child);
      stack.push({ src: v, dst: child, keys: Object.keys(v), next: 0 });
    } else setOwn(frame.dst, key, v);
  }
  return root;
}
