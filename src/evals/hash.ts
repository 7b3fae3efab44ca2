import { fnv1a as fnv1a32 } from '../lib/fnv1a';

export { fnv1a32 };

/** Deterministic uniform value in [0, 1) from any number of string parts. */
export function unitHash(...parts: string[]): number {
  // Two rounds with a final avalanche so near-identical inputs (…-001, …-002) spread evenly.
  let h = fnv1a32(parts.join('\u0000'));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
