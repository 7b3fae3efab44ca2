import { fnv1aMixed } from '../lib';

/** Deterministic uniform value in [0, 1) from any number of string parts. */
export function unitHash(...parts: string[]): number {
  // Mixed so near-identical inputs (…-001, …-002) spread evenly.
  return fnv1aMixed(parts.join('\u0000')) / 2 ** 32;
}
