/** FNV-1a 32-bit over UTF-16 code units: small, stable, dependency-free (not for security). */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's 32-bit finalizer: near-identical inputs (consecutive timestamps, …-001/…-002) get unrelated bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a followed by the finalizer: for hashes whose high bits are used (sampling, bucketing). */
export function fnv1aMixed(text: string, seed = 0x811c9dc5): number {
  return fmix32(fnv1a(text, seed));
}
