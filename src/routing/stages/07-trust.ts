import type { Endpoint } from '../../catalog';
import { filterStage, isWorking } from '../filter';
import type { Candidate, RoutingContext } from '../types';

function overrideNote(e: Endpoint): string {
  const o = e.trustOverride!;
  return `override ${e.provider} ${o.defaultLevel}→${o.level} (${o.agreement})`;
}

/** Providers among `kept` whose level comes from an operator agreement, once each. */
function keptOverrides(kept: readonly Candidate[]): string | undefined {
  const seen = new Map<string, string>();
  for (const { endpoint: e } of kept) if (e.trustOverride && !seen.has(e.provider)) seen.set(e.provider, overrideNote(e));
  return seen.size ? `kept under ${[...seen.values()].join('; ')}` : undefined;
}

/**
 * Hard minimum: max(request trust_level, key minimum). Never relaxed, even when nothing is left.
 * A level set by TRUST_OVERRIDES is named, with its agreement, wherever it decided the outcome.
 */
export function trustStage(ctx: RoutingContext): RoutingContext {
  const min = ctx.requirements!.minTrustLevel;
  const reject = ({ endpoint: e }: Candidate) => {
    if (e.trustLevel >= min) return null;
    return `trust ${e.trustLevel} < required ${min}${e.trustOverride ? ` (${overrideNote(e)})` : ''}`;
  };
  const next = filterStage(ctx, 'trust', reject);
  const note = keptOverrides(next.candidates);
  if (!note) return next;
  if (isWorking(next)) {
    next.trace[next.trace.length - 1] = { ...next.trace[next.trace.length - 1], note };
    return next;
  }
  const trace = [...next.trace];
  trace[trace.length - 1] = { ...trace[trace.length - 1], note };
  return { ...next, trace };
}
