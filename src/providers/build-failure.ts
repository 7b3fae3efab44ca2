import { type ChatRequest, ApiError } from '../hub';

/**
 * An exception thrown while the gateway builds a provider's request (nothing has been sent yet) is the
 * gateway's, never the provider's: it must not count against the endpoint's breaker or live statistics.
 * A request too deeply nested to translate is the client's to fix (400 naming the parameter); anything
 * else is a fault of the gateway itself (500).
 */
export class RequestBuildError extends ApiError {
  constructor(
    status: 400 | 500,
    message: string,
    param: string | null,
    /** Who the failure is on: the client's request, or the gateway's own code. */
    readonly blame: 'client' | 'gateway',
  ) {
    super(status, {
      message,
      type: status === 400 ? 'invalid_request_error' : 'api_error',
      param,
      code: status === 400 ? 'request_too_deep' : 'internal_error',
    });
    this.name = 'RequestBuildError';
  }
}

/** V8 (workerd) reports a recursion that ran out of stack as this RangeError. */
function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

export function buildFailure(err: unknown, req: ChatRequest, providerName: string): RequestBuildError {
  if (isStackOverflow(err)) {
    const param = deepestParam(req);
    return new RequestBuildError(
      400,
      `The request cannot be translated for ${providerName}: ${param ? `'${param}' is` : 'it is'} nested too deeply. Flatten it (JSON Schemas rarely need more than a few dozen levels).`,
      param,
      'client',
    );
  }
  // Logged without the request (only the exception's own message): the gateway has a bug to fix.
  console.error('building the upstream request failed', providerName, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  return new RequestBuildError(
    500,
    `The gateway failed to prepare the request for ${providerName}. This is a bug in the gateway, not in the request.`,
    null,
    'gateway',
  );
}

type Segment = string | number;

/** Where a deeply nested value sits, named the way the client wrote it: the schema, else the top-level field. */
function paramOf(path: Segment[]): string {
  const schemaAt = path.findIndex((s) => s === 'parameters' || s === 'schema');
  const kept = schemaAt >= 0 ? path.slice(0, schemaAt + 1) : path.slice(0, typeof path[1] === 'number' ? 2 : 1);
  // A pass-through field's name is the client's text: quoted back only in part.
  return kept.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${s.slice(0, 64)}`)).join('');
}

interface Visit {
  value: unknown;
  key: Segment;
  parent: Visit | null;
  depth: number;
}

/**
 * The parameter holding the request's most deeply nested value. Iterative, and linked to parents rather
 * than copying paths, on purpose: the request just exhausted the stack once, and may be millions of levels deep.
 */
export function deepestParam(req: ChatRequest): string | null {
  let deepest: Visit | null = null;
  const stack: Visit[] = [{ value: req, key: '', parent: null, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!deepest || node.depth > deepest.depth) deepest = node;
    const { value } = node;
    if (value === null || typeof value !== 'object') continue;
    const entries: [Segment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, v] of entries) stack.push({ value: v, key, parent: node, depth: node.depth + 1 });
  }
  const path: Segment[] = [];
  for (let n = deepest; n && n.parent; n = n.parent) path.push(n.key);
  return path.length > 0 ? paramOf(path.reverse()) : null;
}
