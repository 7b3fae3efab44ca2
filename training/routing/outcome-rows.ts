/** Outcome files (RouterBench CSVs, RouterDC JSON, AlpacaEval CSV) → outcome rows for the per-prompt fit, the text as the Worker reads it (promptText). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, parseRouterBench, type BenchRow } from '../../bench/routing/data';
import type { OutcomeRow } from '../../bench/routing/per-prompt-mf';
import { promptText } from '../../src/routing/per-prompt/features';
import type { ChatRequest } from '../../src/hub';
import { fnv1aMixed } from '../../src/lib';

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

/** RouterDC's per-task train files (`<task>_train.json`, `gsm8k-train.json`) in a folder, task name from the file. */
export function loadRouterDcDir(dir: string): { rows: OutcomeRow[]; models: string[] } {
  let models: string[] = [];
  const rows: OutcomeRow[] = [];
  for (const file of readdirSync(dir).filter((f) => /[-_]train\.json$/.test(f)).sort()) {
    const task = file.replace(/[-_]train\.json$/, '');
    const items = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { question: string; scores: Record<string, number> }[];
    for (const item of items) {
      if (!models.length) models = Object.keys(item.scores);
      // Some tasks score with the probability of the right option: a model gets the prompt right above 0.5.
      const outcomes = models.map((m) => (m in item.scores ? (item.scores[m] >= 0.5 ? 1 : 0) : undefined));
      rows.push({ id: `${task}|${fnv1aMixed(item.question)}`, text: textOf(item.question), taskClass: task, outcomes, costs: models.map(() => 1) });
    }
  }
  return { rows, models };
}

/** AlpacaEval outcome columns (1: judged at least as good as the reference; empty cell: undefined). */
export function loadAlpacaEval(file: string, models: string[]): OutcomeRow[] {
  const table = parseCsv(readFileSync(file, 'utf8'));
  const header = table[0];
  const cols = models.map((m) => {
    const c = header.indexOf(m);
    if (c < 0) throw new Error(`${file}: no column ${m}`);
    return c;
  });
  return table.slice(1).map((r) => ({
    id: r[header.indexOf('prompt_id')],
    text: textOf(r[header.indexOf('prompt')]),
    taskClass: 'alpacaeval',
    outcomes: cols.map((c) => (r[c] === '' || r[c] === undefined ? undefined : Number(r[c]))),
    costs: models.map(() => 1),
  }));
}
