/**
 * Vectors as OpenAI's `encoding_format: "base64"` carries them: the little-endian IEEE-754 float32
 * bytes of the vector, base64-encoded. Explicit endianness (DataView), so the bytes are the same on
 * any host.
 */
export function float32ToBase64(vector: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  vector.forEach((x, i) => view.setFloat32(i * 4, x, true));
  const bytes = new Uint8Array(view.buffer);
  // Chunks keep String.fromCharCode's argument list far below engine limits for long vectors.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The inverse; undefined when the text is not base64 of a whole number of float32 values. */
export function base64ToFloat32(text: string): number[] | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  if (binary.length % 4 !== 0) return undefined;
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out: number[] = [];
  for (let i = 0; i < binary.length; i += 4) out.push(view.getFloat32(i, true));
  return out;
}
