import type { Context } from 'hono';
import { parseCacheHeaders } from '../cache';
import type { AppEnv } from '../env';
import type { FlowContext } from '../flow';

/** The request flow's context from a Hono request that passed key authentication. */
export function flowContext(c: Context<AppEnv>): FlowContext {
  const cf = c.req.raw.cf;
  return {
    env: c.env,
    key: c.get('key'),
    waitUntil: (p) => c.executionCtx.waitUntil(p),
    signal: c.req.raw.signal,
    country: cf?.country as string | undefined,
    colo: cf?.colo as string | undefined,
    cache: parseCacheHeaders(c.req.raw.headers),
  };
}
