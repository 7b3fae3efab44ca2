import { readFileSync } from 'node:fs';
import { lastQuestion, type BenchRow } from './data';

export type ComplexityClassifier = (text: string) => Promise<{ complexity: number; ms: number }>;

/** The shipped intent classifier (the Worker's TypeScript engine, in Node); null when it cannot load. */
export async function loadClassifier(): Promise<ComplexityClassifier | null> {
  try {
    const { loadEngineFromFile } = await import('../classifier/engine-file');
    const { classifyWithEngine } = await import('../../src/classifier/classify');
    const engine = loadEngineFromFile();
    return async (text: string) => {
      const c = await classifyWithEngine(engine, { text, hasImages: false, hasTools: false, stream: false, inputChars: text.length });
      return { complexity: c.complexity, ms: c.ms };
    };
  } catch (err) {
    console.error(`classifier unavailable in Node (${(err as Error).message}); routing with neutral complexity`);
    return null;
  }
}

/**
 * A prompt's complexity from a classifier that never saw its outcome. The shipped classifier was
 * trained on most RouterBench prompts' outcomes (its own held-out prompts excepted), so a JSONL of
 * cross-fitted values ({"text", "complexity"}, from training/oof_complexity.py) supplies those; the
 * rest are rated by the shipped classifier. Values are cached per question.
 */
export function complexityRater(classifier: ComplexityClassifier, crossFitFile?: string) {
  const crossFitted = new Map<string, number>();
  if (crossFitFile) {
    for (const line of readFileSync(crossFitFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text, complexity } = JSON.parse(line) as { text: string; complexity: number };
      crossFitted.set(text, complexity);
    }
  }
  const rated = new Map<string, number>();
  const classifierMs: number[] = [];
  const complexityOf = async (row: BenchRow): Promise<number> => {
    const question = lastQuestion(row.prompt);
    const known = crossFitted.get(question) ?? rated.get(question);
    if (known !== undefined) return known;
    const c = await classifier(question);
    classifierMs.push(c.ms);
    rated.set(question, c.complexity);
    return c.complexity;
  };
  return { complexityOf, classifierMs, crossFittedCount: () => crossFitted.size, ratedCount: () => rated.size };
}
