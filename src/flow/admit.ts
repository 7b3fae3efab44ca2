import { refreshSignals } from '../routing';
import { admitRequest } from '../tenancy';
import type { FlowContext } from './context';

/**
 * Admission: starts any due background refresh of the routing signals (never waited on) and checks
 * the key's rate limit and budget from the isolate's lease (a Durable Object round trip only when the
 * lease is empty). Throws the 429 the client should see.
 */
export async function admit(ctx: FlowContext, now: number): Promise<void> {
  refreshSignals(ctx.env, ctx.waitUntil, now);
  await admitRequest(ctx.env, ctx.key, ctx.waitUntil);
}
