/**
 * Classifies prompts from a JSONL file with the same model file and TS pre/post-processing as the Worker.
 * Usage: npx tsx scripts/classify.ts FILE.jsonl [--model-dir DIR] > out.jsonl
 * (--model-dir: a directory holding another intent.bin, e.g. a training run's; default: src/classifier/model)
 * Input lines: {"prompt": "...", ...} (or "text"; optional has_images, has_tools, stream). Output: each line
 * with task_class, class_probs, complexity, strategy, ms added; other fields are kept.
 */
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { loadEngineFromFile, SHIPPED_MODEL_DIR } from '../bench/classifier/engine-file';
import { classifyWithEngine, warmUpEngine } from '../src/classifier/classify';

const modelDirFlag = process.argv.indexOf('--model-dir');
const modelDir = modelDirFlag > 0 ? process.argv[modelDirFlag + 1] : SHIPPED_MODEL_DIR;

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx scripts/classify.ts FILE.jsonl');
    process.exit(2);
  }
  const t0 = performance.now();
  const engine = loadEngineFromFile(modelDir);
  console.error(`model loaded in ${(performance.now() - t0).toFixed(0)} ms`);
  warmUpEngine(engine); // as the Worker does before its model answers, so `ms` is steady-state latency
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    const text = String(row.prompt ?? row.text ?? '');
    const c = await classifyWithEngine(engine, {
      text,
      hasImages: row.has_images === true,
      hasTools: row.has_tools === true,
      stream: row.stream === true,
      inputChars: text.length,
    });
    const round = (x: number) => Math.round(x * 10000) / 10000;
    const classProbs = Object.fromEntries(Object.entries(c.classProbs).map(([k, v]) => [k, round(v)]));
    process.stdout.write(
      JSON.stringify({
        ...row,
        task_class: c.taskClass,
        class_probs: classProbs,
        complexity: round(c.complexity),
        strategy: c.strategy,
        ms: round(c.ms),
        classifier_source: c.source,
      }) + '\n',
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
