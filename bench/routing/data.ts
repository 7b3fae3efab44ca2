/**
 * RouterBench CSV input: `sample_id, prompt, eval_name`, one 0/1 score column per model, then
 * `<model>|total_cost` columns (USD for that prompt), then `oracle_model_to_route_to`.
 */

import { fnv1aMixed } from '../../src/lib';
export interface BenchRow {
  id: string;
  /** The prompt as given to the models (the Python list literal's last element). */
  prompt: string;
  evalName: string;
  scores: Record<string, number>;
  costs: Record<string, number>;
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.length || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** The string elements of a Python list literal of str (RouterBench stores prompts that way). */
export function parsePythonStringList(literal: string): string[] | null {
  const s = literal.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return null;
  const out: string[] = [];
  let i = 1;
  while (i < s.length - 1) {
    const ch = s[i];
    if (ch === ' ' || ch === ',' || ch === '\n') {
      i++;
      continue;
    }
    if (ch !== "'" && ch !== '"') return null;
    const quote = ch;
    let value = '';
    i++;
    while (i < s.length && s[i] !== quote) {
      if (s[i] === '\\') {
        const e = s[i + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
        if (e in simple) {
          value += simple[e];
          i += 2;
        } else if (e === 'x') {
          value += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16));
          i += 4;
        } else if (e === 'u') {
          value += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          value += '\\' + e;
          i += 2;
        }
      } else value += s[i++];
    }
    i++;
    out.push(value);
  }
  return out;
}

/** Few-shot RouterBench prompts end each shot with "Answer:\n<letter>" and a blank line (as the classifier's training did). */
const SHOT_END = /Answer:\s*\n?\s*[A-E]\s*\n\n/;

export function lastQuestion(prompt: string): string {
  const chunks = prompt.split(SHOT_END);
  return chunks[chunks.length - 1].trim();
}

export function parseRouterBench(text: string): { rows: BenchRow[]; models: string[]; skipped: number } {
  const table = parseCsv(text);
  const header = table[0];
  const col = (name: string) => header.indexOf(name);
  const models = header.filter((h) => !h.includes('|') && !['sample_id', 'prompt', 'eval_name', 'oracle_model_to_route_to'].includes(h));
  const rows: BenchRow[] = [];
  let skipped = 0;
  for (const r of table.slice(1)) {
    const scores: Record<string, number> = {};
    const costs: Record<string, number> = {};
    let complete = true;
    for (const m of models) {
      const s = r[col(m)];
      const c = r[col(`${m}|total_cost`)];
      if (s === undefined || s === '' || c === undefined || c === '') complete = false;
      scores[m] = Number(s);
      costs[m] = Number(c);
    }
    // Rows with a missing outcome cannot be scored for every router alike.
    if (!complete) {
      skipped++;
      continue;
    }
    const raw = r[col('prompt')];
    const parts = parsePythonStringList(raw);
    rows.push({
      id: r[col('sample_id')],
      prompt: parts?.length ? parts[parts.length - 1] : raw,
      evalName: r[col('eval_name')],
      scores,
      costs,
    });
  }
  return { rows, models, skipped };
}

/** FNV-1a with an avalanche step (the feedback module's hash): a split that does not depend on row order. */
export const hash32 = (text: string): number => fnv1aMixed(text);

export function isHeldOut(id: string, share: number): boolean {
  return hash32(`cailos-split|${id}`) / 2 ** 32 < share;
}

/** Deterministic fold (0..k-1) of a prompt for k-fold cross-validation (hash of sample_id). */
export function foldOf(id: string, k: number): number {
  return hash32(`cailos-fold|${id}`) % k;
}
