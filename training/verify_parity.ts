/**
 * Checks that the shipped files reproduce training: @huggingface/tokenizers ids == SentencePiece ids, and the
 * int8 ONNX model (through the same TS engine as the Worker) agrees with the f32 torch model.
 * Usage (repo root): npx tsx training/verify_parity.ts training/.cache/reference.json
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { createIntentEngine, type ModelLabels } from '../src/classifier/engine';
import { argmax, sigmoid } from '../src/classifier/math';

interface Ref { text: string; ids: number[]; class_logits: number[]; complexity_logit: number }

async function main() {
  const refPath = process.argv[2] ?? 'training/.cache/reference.json';
  const modelDir = join('src', 'classifier', 'model');
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(join(modelDir, 'intent.int8.onnx'))));
  const engine = createIntentEngine({
    ort, session,
    tokenizerJson: JSON.parse(readFileSync(join(modelDir, 'intent.tokenizer.json'), 'utf8')),
    labels: JSON.parse(readFileSync(join(modelDir, 'labels.json'), 'utf8')) as ModelLabels,
  });
  const refs = JSON.parse(readFileSync(refPath, 'utf8')) as Ref[];
  let idsEqual = 0, argmaxEqual = 0, maxComplexityDiff = 0;
  for (const r of refs) {
    const ids = engine.tokenize(r.text);
    if (ids.length === r.ids.length && ids.every((x, i) => x === r.ids[i])) idsEqual++;
    const s = await engine.score(r.text);
    if (argmax(s.classLogProbs) === argmax(r.class_logits)) argmaxEqual++;
    maxComplexityDiff = Math.max(maxComplexityDiff, Math.abs(s.complexity - sigmoid(r.complexity_logit)));
  }
  const result = { n: refs.length, tokenizer_ids_equal: idsEqual, int8_f32_argmax_equal: argmaxEqual, max_complexity_abs_diff: Number(maxComplexityDiff.toFixed(4)) };
  console.log(JSON.stringify(result));
  if (idsEqual < refs.length * 0.98) process.exit(1);
}

main().catch((e) => { console.error(e); process.exit(1); });
