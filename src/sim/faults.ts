import { createPrng, type Prng } from './prng';
import { fnv1a } from '../lib';

/**
 * SIMULATION. Faults the simulated fleet injects on demand, so fallbacks, breakers and stream
 * error handling can be exercised deterministically. Held in isolate memory: each isolate (and each
 * test file's isolate) has its own registry.
 */

export const SIM_FAULTS = [
  'http_500',
  'http_503',
  'overloaded',
  'rate_limit',
  'bad_request',
  'context_length',
  'connection_refused',
  'hang_before_headers',
  'hang_mid_stream',
  'stream_error_event',
  'garbage_json',
  'truncated_sse',
  'slow',
] as const;

export type SimFault = (typeof SIM_FAULTS)[number];

export interface SimFaultOptions {
  /** Fire this many times, then remove the fault. Unlimited when omitted. */
  times?: number;
  /** Chance per request in [0,1], drawn from a seeded PRNG so runs are reproducible. Default 1. */
  probability?: number;
  /** For rate_limit: the retry-after the simulated provider announces. Default 1. */
  retryAfterSeconds?: number;
  /** PRNG seed for probability draws; defaults to a hash of target and fault. */
  seed?: number;
}

export interface SimFaultHit {
  fault: SimFault;
  /** The registered target that matched (endpoint id, provider prefix or '*'). */
  target: string;
  retryAfterSeconds?: number;
}

export interface SimFaultInfo {
  target: string;
  fault: SimFault;
  remaining: number | null;
  probability: number;
  retryAfterSeconds?: number;
  hits: number;
}

interface Entry {
  target: string;
  fault: SimFault;
  remaining: number | null;
  probability: number;
  retryAfterSeconds?: number;
  rng: Prng;
  hits: number;
}

/** One fault per target; setting a target again replaces its fault. */
const registry = new Map<string, Entry>();

export function isSimFault(value: unknown): value is SimFault {
  return typeof value === 'string' && (SIM_FAULTS as readonly string[]).includes(value);
}

export function setSimFault(target: string, fault: SimFault, opts: SimFaultOptions = {}): void {
  if (!target) throw new Error('setSimFault: target must be an endpoint id, a provider prefix like "groq/", or "*"');
  if (!isSimFault(fault)) throw new Error(`setSimFault: unknown fault "${String(fault)}"`);
  const probability = opts.probability ?? 1;
  if (!(probability >= 0 && probability <= 1)) throw new Error('setSimFault: probability must be within [0, 1]');
  if (opts.times !== undefined && !(Number.isInteger(opts.times) && opts.times > 0)) {
    throw new Error('setSimFault: times must be a positive integer');
  }
  registry.set(target, {
    target,
    fault,
    remaining: opts.times ?? null,
    probability,
    retryAfterSeconds: opts.retryAfterSeconds,
    rng: createPrng(opts.seed ?? fnv1a(`${target}\u0000${fault}`)),
    hits: 0,
  });
}

export function clearSimFaults(target?: string): void {
  if (target === undefined) registry.clear();
  else registry.delete(target);
}

export function listSimFaults(): SimFaultInfo[] {
  return [...registry.values()].map(({ rng: _rng, ...info }) => ({ ...info }));
}

function specificity(target: string, endpointId: string): number {
  if (target === endpointId) return 3;
  if (target.endsWith('/') && endpointId.startsWith(target)) return 2;
  if (target === '*') return 1;
  return 0;
}

/**
 * The fault to apply to this request, if any. The most specific matching target is consulted
 * first (endpoint id, then provider prefix, then '*'); when its probability draw misses, the next
 * one is consulted. A hit consumes one of `times`.
 */
export function takeFault(endpointId: string): SimFaultHit | undefined {
  const candidates = [...registry.values()]
    .map((entry) => ({ entry, rank: specificity(entry.target, endpointId) }))
    .filter((c) => c.rank > 0)
    .sort((a, b) => b.rank - a.rank || b.entry.target.length - a.entry.target.length);
  for (const { entry } of candidates) {
    if (entry.probability < 1 && !(entry.rng.next() < entry.probability)) continue;
    entry.hits++;
    if (entry.remaining !== null) {
      entry.remaining--;
      if (entry.remaining <= 0) registry.delete(entry.target);
    }
    const hit: SimFaultHit = { fault: entry.fault, target: entry.target };
    if (entry.retryAfterSeconds !== undefined) hit.retryAfterSeconds = entry.retryAfterSeconds;
    return hit;
  }
  return undefined;
}
