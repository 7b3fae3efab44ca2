/**
 * The shipped intent model for Node tools (CLI, benches, eval generators): the same engine as the Worker, fed
 * from the file instead of a wrangler Data module.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIntentEngine, type IntentEngine } from '../../src/classifier/engine';

export const SHIPPED_MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'classifier', 'model');
export const MODEL_FILE = 'intent.bin';

/** A fresh ArrayBuffer: Node's file buffers may sit at an offset the engine's Float32Array views cannot use. */
export function readModelBytes(dir = SHIPPED_MODEL_DIR): ArrayBuffer {
  const buf = readFileSync(join(dir, MODEL_FILE));
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return copy;
}

export function loadEngineFromFile(dir = SHIPPED_MODEL_DIR): IntentEngine {
  return createIntentEngine(readModelBytes(dir));
}

export function modelSha256(dir = SHIPPED_MODEL_DIR): string {
  return createHash('sha256')
    .update(readFileSync(join(dir, MODEL_FILE)))
    .digest('hex');
}
