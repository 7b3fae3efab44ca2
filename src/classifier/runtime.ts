/**
 * Loads the intent model inside workerd. Only ever reached through a dynamic import() from classify.ts, so code
 * paths that never classify never parse the model. The model is one Data module (wrangler.toml [[rules]]:
 * `*.bin` → ArrayBuffer) read by the pure-TypeScript engine: no WebAssembly, no session.
 */
import modelBytes from './model/intent.bin';
import { createIntentEngine, type IntentEngine } from './engine';

export function loadEngine(): IntentEngine {
  return createIntentEngine(modelBytes);
}
