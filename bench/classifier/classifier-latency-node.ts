/**
 * Latency of the shipped classifier in Node (same model files and TS code as the Worker), by prompt length.
 * Complements the in-workerd figures logged by test/classifier/classifier.test.ts.
 * Usage: npm run bench:classifier:latency -- [runs=200]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { createIntentEngine, type ModelLabels } from '../../src/classifier/engine';
import { classifyWithEngine, warmUpEngine } from '../../src/classifier/classify';
import { percentile } from '../lib/stats';

const dir = join('src', 'classifier', 'model');
const runs = Number(process.argv[2] ?? 200);
const sentence = 'Please write a SQL query that lists customers with their total orders over the last year and ';

async function main() {
  ort.env.wasm.numThreads = 1;
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(join(dir, 'intent.int8.onnx'))));
  const engine = createIntentEngine({
    ort,
    session,
    tokenizerJson: JSON.parse(readFileSync(join(dir, 'intent.tokenizer.json'), 'utf8')),
    labels: JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as ModelLabels,
  });
  console.log(`session create + tokenizer: ${(performance.now() - t0).toFixed(0)} ms`);
  await warmUpEngine(engine); // the Worker warms its engine the same way before it answers requests
  for (const chars of [64, 128, 256, 512, 2048]) {
    const text = sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
    const tokens = engine.tokenize(text).length;
    for (let i = 0; i < 20; i++)
      await classifyWithEngine(engine, { text, hasImages: false, hasTools: false, stream: false, inputChars: chars });
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      ms.push(
        (await classifyWithEngine(engine, { text: `${i} ${text}`, hasImages: false, hasTools: false, stream: false, inputChars: chars }))
          .ms,
      );
    }
    console.log(
      `${String(chars).padStart(5)} chars (${String(tokens).padStart(3)} tokens): p50 ${percentile(ms, 50).toFixed(2)} ms  p99 ${percentile(ms, 99).toFixed(2)} ms  min ${Math.min(...ms).toFixed(2)} ms`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
