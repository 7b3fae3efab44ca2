/**
 * Loads the intent model inside workerd. Only ever reached through a dynamic import() from index.ts, so code
 * paths that never classify never pay for onnxruntime (≈12 s per test file in the vitest pool, ≈0.5 s cold).
 *
 * Workers forbid compiling WebAssembly from bytes at run time; onnxruntime-web's loader does exactly that.
 * The workaround (see /work/shared/notes/onnx-in-workerd.md): ship ORT's wasm as a wrangler-compiled
 * WebAssembly.Module and hand ORT a 6-byte marker as `wasmBinary`; a WebAssembly.instantiate shim swaps the
 * marker for the precompiled module (ORT copies the buffer, so the marker is matched by content).
 */
import * as ort from 'onnxruntime-web/wasm';
import modelBytes from './model/intent.int8.onnx';
import labels from './model/labels.json';
import tokenizerModule from './model/intent.tokenizer.json';
import ortWasm from './vendor/ort-wasm-simd-threaded.wasm';
import { createIntentEngine, type IntentEngine, type ModelLabels } from './engine';

const MARKER = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0xde, 0xad]);

function isMarker(src: unknown): boolean {
  if (!ArrayBuffer.isView(src) || src.byteLength !== MARKER.length) return false;
  const bytes = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  return bytes.every((b, i) => b === MARKER[i]);
}

let shimInstalled = false;
function installInstantiateShim(): void {
  if (shimInstalled) return;
  shimInstalled = true;
  const original = WebAssembly.instantiate.bind(WebAssembly) as (...args: unknown[]) => Promise<unknown>;
  (WebAssembly as unknown as { instantiate: unknown }).instantiate = (src: unknown, imports?: WebAssembly.Imports) =>
    isMarker(src) ? WebAssembly.instantiate(ortWasm, imports).then((instance) => ({ instance, module: ortWasm })) : original(src, imports);
}

/** Milliseconds spent creating the ORT session (wasm instantiate + graph load), for latency reports. */
export let sessionCreateMs = 0;

export async function loadEngine(): Promise<IntentEngine> {
  const t0 = performance.now();
  installInstantiateShim();
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmBinary = MARKER;
  const session = await ort.InferenceSession.create(new Uint8Array(modelBytes as ArrayBuffer));
  sessionCreateMs = performance.now() - t0;
  // wrangler's Text rule yields a string; type checkers and other bundlers see the parsed JSON.
  const tokenizerJson: object = typeof tokenizerModule === 'string' ? JSON.parse(tokenizerModule) : tokenizerModule;
  return createIntentEngine({ ort, session, tokenizerJson, labels: labels as ModelLabels });
}
