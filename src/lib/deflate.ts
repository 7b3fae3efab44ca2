/** Raw DEFLATE (RFC 1951) through the runtime's CompressionStream; no I/O. */

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stops a decompression that would outgrow the caller's bound instead of buffering it.
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes]).stream().pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return (await collect(through(bytes, new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY))!;
}

/** The inflated bytes, or null when the input is not raw DEFLATE or inflates past `maxBytes`. */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  try {
    return await collect(through(bytes, new DecompressionStream('deflate-raw')), maxBytes);
  } catch {
    return null;
  }
}
