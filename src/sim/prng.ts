/**
 * SIMULATION support: a tiny deterministic PRNG so the simulated fleet answers the same input the
 * same way on every run (tests and demos must be reproducible; Math.random would not be).
 */

import { mulberry32 } from '../lib';

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max] inclusive. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: fast, 32-bit state, good enough spread for choosing words and fault draws. */
export function createPrng(seed: number): Prng {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: (items) => items[int(items.length)],
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(rng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[rng.int(62)];
  return out;
}
