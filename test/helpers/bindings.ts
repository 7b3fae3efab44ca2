/** Wrapped bindings for tests that count the background I/O the gateway does (see test/overhead). */

export interface CollectingContext {
  ctx: ExecutionContext;
  /** Awaits every waitUntil promise, including ones added while waiting. */
  drain(): Promise<void>;
}

export function collectingContext(): CollectingContext {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (p: Promise<unknown>) => pending.push(p),
    passThroughOnException: () => undefined,
    props: {},
  } as unknown as ExecutionContext;
  return {
    ctx,
    async drain() {
      while (pending.length > 0) await Promise.allSettled(pending.splice(0));
    },
  };
}

/** A D1 binding that records the size of every `batch` call (and can make it fail). */
export function countingD1(real: D1Database, opts: { batchSizes: number[]; failWith?: string }): D1Database {
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          opts.batchSizes.push(statements.length);
          if (opts.failWith) return Promise.reject(new Error(opts.failWith));
          return target.batch(statements);
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

export interface StubCall {
  method: string;
  args: unknown[];
}

/** A Durable Object namespace whose stubs record every RPC; while `hang()` is true they never answer. */
export function recordingNamespace(
  real: DurableObjectNamespace,
  calls: StubCall[],
  hang: () => boolean = () => false,
): DurableObjectNamespace {
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'get') {
        return (id: DurableObjectId) => {
          const stub = target.get(id) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
          return new Proxy(
            {},
            {
              get(_t, method) {
                if (method === 'then' || typeof method === 'symbol') return undefined;
                return (...args: unknown[]) => {
                  calls.push({ method: String(method), args });
                  if (hang()) return new Promise<never>(() => undefined);
                  return stub[method](...args);
                };
              },
            },
          );
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
