import type { Endpoint } from '../catalog';
import type { ChatRequest } from '../hub';
import { droppedParams } from '../providers';

/**
 * The client's parameters the answering endpoint did not receive (src/providers/params.ts), as the
 * `x-cailos-dropped-params` header and the decision trace report them. Field names are client
 * input: only plain identifiers are named (a name is never prompt text, and must be a valid header
 * value); the others are only counted.
 */

const NAMEABLE = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_NAMED = 32;

export interface DroppedParams {
  names: string[];
  /** Dropped fields not named: not plain identifiers, or past MAX_NAMED. */
  notShown: number;
}

/** `inbound`: the fields the inbound dialect did not translate (FlowContext.inboundDropped), named first. */
export function droppedParamsOf(req: ChatRequest, endpoint: Endpoint, inbound: readonly string[] = []): DroppedParams | undefined {
  const all = [...new Set([...inbound, ...droppedParams(req, endpoint)])];
  if (all.length === 0) return undefined;
  const names = all.filter((n) => NAMEABLE.test(n)).slice(0, MAX_NAMED);
  return { names, notShown: all.length - names.length };
}

/** `x-cailos-dropped-params`: comma-separated names, `(+N more)` last; only when something was dropped. */
export function droppedParamsHeader(req: ChatRequest, endpoint: Endpoint, inbound?: readonly string[]): Record<string, string> {
  const d = droppedParamsOf(req, endpoint, inbound);
  if (!d) return {};
  return { 'x-cailos-dropped-params': [...d.names, ...(d.notShown ? [`(+${d.notShown} more)`] : [])].join(',') };
}

/** The trace's fields: `droppedParams`, and `droppedParamsNotShown` when some were only counted. */
export function droppedParamsTrace(req: ChatRequest, endpoint: Endpoint | undefined, inbound?: readonly string[]): Record<string, unknown> {
  const d = endpoint && droppedParamsOf(req, endpoint, inbound);
  if (!d) return {};
  return { droppedParams: d.names, ...(d.notShown ? { droppedParamsNotShown: d.notShown } : {}) };
}
