/** FNV-1a 32-bit: a small, stable, dependency-free hash for content versions and simulator seeds. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

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
