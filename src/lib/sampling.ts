import { mulberry32 } from './mulberry32';
import { fnv1aMixed } from './fnv1a';

/**
 * Seeded Beta draws for Thompson sampling inside a pure routing stage: the same (seed text) always
 * gives the same draw, so a decision replays exactly from its inputs.
 */

export function seededRandom(seedText: string): () => number {
  return mulberry32(fnv1aMixed(seedText));
}

function normal(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** Marsaglia–Tsang gamma(shape, 1); shape < 1 via the u^(1/shape) boost. */
export function gammaDraw(shape: number, rnd: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, rnd) * Math.max(rnd(), 1e-12) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rnd);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rnd();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(Math.max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function betaDraw(alpha: number, beta: number, rnd: () => number): number {
  const x = gammaDraw(alpha, rnd);
  const y = gammaDraw(beta, rnd);
  return x / (x + y);
}
