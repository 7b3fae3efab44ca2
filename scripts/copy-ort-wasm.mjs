// Copies onnxruntime-web's wasm into src/classifier/vendor/ so wrangler compiles it ahead of time
// (Workers cannot compile wasm from bytes at run time). Run from postinstall/predev/pretest; idempotent.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'node_modules', 'onnxruntime-web', 'dist', 'ort-wasm-simd-threaded.wasm');
const dst = join(root, 'src', 'classifier', 'vendor', 'ort-wasm-simd-threaded.wasm');

if (!existsSync(src)) {
  console.error(`copy-ort-wasm: ${src} not found (is onnxruntime-web installed?)`);
  process.exit(1);
}
if (existsSync(dst) && statSync(dst).size === statSync(src).size && statSync(dst).mtimeMs >= statSync(src).mtimeMs) {
  process.exit(0);
}
mkdirSync(dirname(dst), { recursive: true });
copyFileSync(src, dst);
console.log(`copy-ort-wasm: ${dst}`);
