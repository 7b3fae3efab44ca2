/** RouterBench CSVs → outcome rows for the per-prompt fit, the text as the Worker reads it (promptText). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseRouterBench, type BenchRow } from '../../bench/routing/data';
import type { OutcomeRow } from '../../bench/routing/per-prompt-mf';
import { promptText } from '../../src/routing/per-prompt/features';
import type { ChatRequest } from '../../src/hub';

export const textOf = (prompt: string) => promptText({ model: 'auto', messages: [{ role: 'user', content: prompt }] } as ChatRequest);

export function outcomeRows(rows: BenchRow[], models: string[], taskClassOf: (evalName: string) => string): OutcomeRow[] {
  return rows.map((r) => ({
    id: r.id,
    text: textOf(r.prompt),
    taskClass: taskClassOf(r.evalName),
    outcomes: models.map((m) => (r.scores[m] >= 0.5 ? 1 : 0)),
    costs: models.map((m) => r.costs[m]),
  }));
}

/** Every routerbench_*_train.csv in the folder (never a test split). */
export function loadRouterBenchDir(dir: string): { rows: BenchRow[]; models: string[] } {
  let models: string[] = [];
  const rows: BenchRow[] = [];
  for (const file of readdirSync(dir).filter((f) => /^routerbench_.*_train\.csv$/.test(f)).sort()) {
    const parsed = parseRouterBench(readFileSync(join(dir, file), 'utf8'));
    if (models.length && parsed.models.join() !== models.join()) throw new Error(`${file}: model columns differ`);
    models = parsed.models;
    rows.push(...parsed.rows);
  }
  return { rows, models };
}
